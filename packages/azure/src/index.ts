/**
 * `@demarc/azure`: Microsoft's shared responsibility framing as data (retained / varies / transfers,
 * both page versions), an Azure service catalog that classifies every ARM resource, and (with
 * `@demarc/core`'s runner) tenant-wide discovery and checks of the customer's side.
 *
 * Importing this package loads no Azure SDK: the official clients are imported when a scan needs them.
 * @packageDocumentation
 */
export { AZURE_SOURCES, type AzureSourceId } from './sources';
export * from './framing';
export * from './translation';
export * from './catalog';
export * from './clients';
export * from './data';
export * from './permissions';
export { createCollectors, readAll, toResourceData, type GenericResourceLike } from './collectors';
export * from './checks/index';
export * from './provider';
export * from './inventory';
