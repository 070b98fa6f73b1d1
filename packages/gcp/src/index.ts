/**
 * `@demarc/gcp`: Google Cloud for demarc. Google's framing of the shared responsibility model
 * (*shared responsibility and shared fate*) as typed, cited data with a lossless translation to the
 * normalized model, a service catalog that classifies Cloud Asset types and full resource names, and
 * the client layer for scans. Importing this package never loads the Google Cloud SDK; it is loaded
 * only when a scan needs it.
 * @packageDocumentation
 */
export * from './sources';
export * from './framing';
export * from './translation';
export * from './catalog';
export * from './errors';
export * from './clients';
export * from './credentials';
export * from './iam';
export { GCP_OPERATIONS, DISCOVERY_PERMISSIONS, type GcpOperation, type GcpScanState } from './discovery';
export * from './checks/index';
export * from './permissions';
export * from './provider';
import { gcpProvider } from './provider';

/** A provider with default options (Application Default Credentials); creating it does no I/O. */
const provider = gcpProvider();
export default provider;
