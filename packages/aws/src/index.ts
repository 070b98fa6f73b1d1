/**
 * `@demarc/aws`: AWS's "security of / in the cloud" framing as data, an AWS service catalog, AWS
 * Organizations discovery and checks of the customer's side. The AWS SDK clients load only when a scan
 * runs.
 * @packageDocumentation
 */
export * from './sources';
export * from './framing';
export * from './translation';
export * from './queries';
export * from './catalog';
export * from './errors';
export * from './clients';
export * from './credentials';
export * from './collectors';
export * from './discovery';
export * from './checks/index';
export * from './permissions';
export * from './provider-managed';
export * from './provider';
