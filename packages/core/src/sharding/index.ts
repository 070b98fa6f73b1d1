/**
 * Sharded scans: split the scopes of one scan across processes any job engine can run, then merge.
 * @module
 */
export * from './partition';
export * from './merge';
