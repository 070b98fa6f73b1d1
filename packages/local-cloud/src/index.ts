/**
 * `@demarc/local-cloud`: a loopback server that speaks the AWS, Google Cloud and Azure wire protocols
 * so the vendors' real SDK clients can be tested, demonstrated and benchmarked without a cloud
 * account or any network beyond 127.0.0.1.
 *
 * - {@link startLocalCloud} starts it; `cloud.aws.clientConfig()`, `cloud.gcp.clientOptions()`,
 *   `cloud.azure.clientOptions()` connect the official clients in one line.
 * - {@link demoEstate} and {@link syntheticEstate} give it contents; {@link Estate} describes them.
 * - {@link FaultRule}s inject latency, throttling, 5xx, access denied and timeouts;
 *   {@link RequestCounters} count requests and record refused writes.
 * - `@demarc/local-cloud/loopback-guard` refuses every non-loopback connection.
 *
 * The server imports no vendor SDK: it is node:http / node:https and plain data.
 *
 * @packageDocumentation
 */
export * from './estate/types.ts';
export { demoEstate, DEMO_AZURE_ALLOWED_LOCATIONS } from './estate/demo.ts';
export { syntheticEstate, seededRandom, type SyntheticEstateOptions } from './estate/synthetic.ts';
export { FaultEngine, RequestCounters, type FaultRule, type FaultDecision, type HeldRequest, type Vendor, type WriteAttempt } from './faults.ts';
export {
  startLocalCloud,
  type LocalCloud,
  type LocalCloudOptions,
  type AwsClientConfig,
  type AwsFakeCredentials,
  type GcpClientOptions,
  type AzureClientOptions,
  type FakeTokenCredential,
} from './server.ts';
export { accessKeyIdFor, accountIdFromAccessKeyId } from './aws/protocols.ts';
export { AZURE_BUILTIN_ROLES } from './azure/arm.ts';
export { DEFAULT_AWS_REGIONS } from './aws/ec2.ts';
export { generateCertificate, type ThrowAwayCertificate } from './azure/tls.ts';
