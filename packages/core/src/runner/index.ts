/**
 * The runner: `scan()` and its collector cache.
 * @module
 */
export * from './scan';
export type { RequestStats } from './collector-cache';
