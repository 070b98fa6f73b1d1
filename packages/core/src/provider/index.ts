/**
 * The provider contract: `defineProvider` and loading providers and check packs by package name.
 * @module
 */
export type * from './types';
export * from './define-provider';
export * from './load';
export * from './request-timeout';
