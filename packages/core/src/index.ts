/**
 * `@demarc/core`: the normalized shared responsibility model, the check and provider contracts, the
 * runner and reports. It imports no vendor SDK.
 * @packageDocumentation
 */
export * from './model/index';
export * from './errors';
export type { JsonValue, JsonObject, JsonPrimitive } from './internal/json';
export * from './findings/index';
export * from './checks/index';
export * from './provider/index';
export * from './attestations/index';
export * from './mutes/index';
export * from './snapshot/index';
export * from './runner/index';
export * from './reports/index';
export * from './config';
export * from './sharding/index';
