/**
 * `@demarc/core`: the normalized shared responsibility model, the check and provider contracts, the
 * runner and reports. It imports no vendor SDK.
 * @packageDocumentation
 */
export * from './model/index';
