/**
 * Sharded scans: split the scopes of one scan across processes any job engine can run (the merge,
 * which reads JSON reports, sits above the reports in `merge/`).
 * @module
 */
export * from './partition';
