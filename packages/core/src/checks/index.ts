/**
 * The check contract: `defineCheck`, attestation checks and their types.
 * @module
 */
export type * from './types';
export * from './define-check';
export * from './attestation';
