/**
 * `@demarc/gcp`: Google Cloud for demarc. Google's framing of the shared responsibility model
 * (*shared responsibility and shared fate*) as typed, cited data with a lossless translation to the
 * normalized model, a service catalog that classifies Cloud Asset types and full resource names, the
 * Resource Manager operations and the checks that read them. Importing this package never loads the
 * Google Cloud SDK; it is loaded only when a scan needs it.
 * @packageDocumentation
 */
// The provider.
export {
  GOOGLE_DEFAULT_ENCRYPTION_REASON,
  createProvider,
  gcpProvider,
  gcpProviderManaged,
  type GcpCheck,
  type GcpProvider,
  type GcpProviderOptions,
} from './provider';

// Google's framing and its translation.
export { GCP_SOURCES, type GcpSourceId } from './sources';
export {
  GOOGLE_FRAMING,
  GOOGLE_MATRIX_COLUMNS,
  GOOGLE_MATRIX_ROWS,
  GOOGLE_MATRIX_ROW_IDS,
  GOOGLE_PARTIES,
  GOOGLE_SHARED_FATE,
  type GoogleFraming,
  type GoogleMatrixCell,
  type GoogleMatrixRow,
  type GoogleMatrixRowId,
  type GoogleParty,
  type SharedFateAssist, type SharedFateAssistKind,
} from './framing';
export {
  FramingTranslationError,
  GOOGLE_BASELINE_DIVERGENCES,
  compareWithBaseline,
  fromNormalized,
  toNormalized,
  toNormalizedParty,
  type BaselineComparison,
  type GoogleRowProvenance,
  type NormalizedGoogleCell,
  type NormalizedGoogleFraming,
  type RecordedDivergence,
} from './translation';
export { gcpFramingV1 } from './framing-v1';
export { GCP_CATALOG, assetTypeOfResourceName, classifyGcpResource, gcpCatalogEntry } from './catalog';

// Operations, checks and the permissions they need.
export { GCP_OPERATIONS, type GcpOperations } from './operations/index';
export type { GcpSession } from './session';
export { GCP_CHECKS } from './checks/index';
export { defineGcpCheck, type GcpOperation } from './checks/kit';
export { DISCOVERY_PERMISSIONS } from './discovery';
export {
  VERIFIED_PREDEFINED_ROLES,
  gcpLeastPrivilege,
  gcpPermissions,
  isReadOnlyPermission,
  type GcpLeastPrivilege,
} from './permissions';
export type {
  GcpAncestorPolicy,
  GcpAuditConfig,
  GcpFolderRecord,
  GcpHierarchyRecord,
  GcpIamBinding,
  GcpIamCondition,
  GcpIamPolicyRecord,
  GcpLifecycleState,
  GcpOrganizationRecord,
  GcpProjectRecord,
} from './types';
export {
  BASIC_ROLES,
  PRIVILEGED_ROLES,
  PUBLIC_PRINCIPALS,
  SERVICE_AGENT_REASON,
  conditionExpiry,
  fullResourceName,
  grantEvidence,
  grantId,
  grants,
  hierarchyAssetType,
  isGoogleManagedServiceAgent,
  isHumanPrincipal,
  memberDomain,
  memberEmail,
  memberKind,
  type GcpMemberKind,
} from './iam';

// Clients, credentials and errors.
export { CLOUD_PLATFORM_READ_ONLY_SCOPE, defaultGoogleAuth } from './credentials';
export {
  DEFAULT_GCP_RETRY,
  createGcpClients,
  gcpCallOptions,
  withDecodableErrors,
  type GcpAuth,
  type GcpClientOptions,
  type GcpClients,
  type GcpRetryOptions,
} from './clients';
export {
  GRPC_CODE,
  GcpAccessDeniedError,
  GcpCredentialsError,
  gcpCredentialsHint,
  GcpApiError,
  gcpErrorInfo,
  grpcCodeOfHttpStatus,
  isNetworkError,
  redactSecrets,
  toGcpError,
  type GcpErrorInfo,
  type GcpErrorKind,
} from './errors';

import { gcpProvider } from './provider';

/** A provider with default options (Application Default Credentials); creating it does no I/O. */
const provider = gcpProvider();
export default provider;
