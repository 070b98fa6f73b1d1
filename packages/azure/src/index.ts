/**
 * `@demarc/azure`: Microsoft's shared responsibility framing as data (retained / varies / transfers,
 * both page versions), an Azure service catalog that classifies every ARM resource, and (with
 * `@demarc/core`'s runner) tenant-wide discovery and checks of the customer's side.
 *
 * Importing this package loads no Azure SDK: the official clients are imported when a scan needs them.
 * @packageDocumentation
 */

// The provider and what it publishes through the contract.
export { azureProvider, createProvider, type AzureProvider, type AzureProviderOptions } from './provider';
export { azureFramingV1 } from './published';
export {
  BUILT_IN_READ_ROLES,
  DISCOVERY_PERMISSIONS,
  actionMatches,
  azureLeastPrivilege,
  azurePermissions,
  isReadOnlyAction,
  type AzureLeastPrivilege,
  type BuiltInRole,
  type PermissionDeclaringCheck,
} from './permissions';

// Operations and checks.
export { AZURE_OPERATIONS, type AzureOperations } from './operations/index';
export type { AzureSession } from './session';
export { AZURE_CHECKS } from './checks/index';
export { defineAzureCheck } from './checks/kit';
export { groupSubject, providerManaged, resourceRef, resourceSubject, type AzureSubject } from './checks/shared';
export { openAdminPorts, rangeCovers, type NsgSecurityRule } from './checks/nsg-rules';
export { publicIpsOf } from './checks/compute/vm-public-ip';
export { azureChecks, type AzureCheckConfig } from './check-settings';

// The data operations return.
export {
  ARM_API_VERSIONS,
  BUILT_IN_ROLE_IDS,
  lockScope,
  type ActivityLogSettingData,
  type AzureTags,
  type LockData,
  type ResourceData,
  type ResourceGroupData,
  type ResourceWithProperties,
  type RoleAssignmentData,
} from './data';
export { readAll, toResourceData, type GenericResourceLike } from './resource-reads';

// Clients and errors.
export {
  AZURE_PUBLIC_CLOUD_ENDPOINT,
  AzureAccessDeniedError,
  AzureRequestError,
  callAzure,
  convertAzureError,
  createAzureClients,
  redactSecrets,
  throttlingWithoutRetryAfterPolicy,
  type AzureClients,
  type AzureConnectionOptions,
  type AzureErrorDetails,
  type AzureErrorKind,
  type AzureRetryOptions,
  type AzureTlsOptions,
  type TokenCredential,
} from './clients';

// Microsoft's framing, its translation, the catalog and the sources.
export {
  AZURE_BANDS,
  AZURE_FRAMING,
  AZURE_FRAMING_2026,
  AZURE_FRAMING_CHANGES,
  AZURE_FRAMING_LEGACY,
  AZURE_FRAMING_VERSIONS,
  AZURE_PARTIES,
  AZURE_ROW_DOMAINS,
  AZURE_ROW_IDS,
  categoryOf,
  diffFramings,
  framingVersion,
  type AzureBand,
  type AzureCells,
  type AzureFraming,
  type AzureFramingRow,
  type AzureFramingVersion,
  type AzureFramingVersionId,
  type AzureParty,
  type AzureRowId,
  type FramingChange,
} from './framing';
export {
  AZURE_BASELINE_DIVERGENCES,
  AZURE_COVERED_DOMAINS,
  NormalizedFramingError,
  compareWithBaseline,
  fromNormalized,
  resolveAzureRow,
  resolveVaries,
  toAzureParty,
  toNormalized,
  toNormalizedParty,
  type AzureCellProvenance,
  type AzureRowResolution,
  type BaselineDivergence,
  type NormalizedAzureFraming,
  type NormalizedFramingCell,
} from './translation';
export {
  AZURE_CATALOG,
  azureService,
  classify,
  createClassifier,
  parseResourceId,
  type AzureClassifier,
  type AzureServiceEntry,
  type ClassifyInput,
  type ParsedResourceId,
} from './catalog';
export { AZURE_SOURCES, type AzureSourceId } from './sources';

// Discovery without checks.
export {
  azureInventory,
  azureResponsibilitiesFor,
  type AzureInventoryItem,
  type AzureInventoryOptions,
  type InventoryResource,
  type InventoryResourceGroup,
} from './inventory';
export { AzureCredentialsError, AzureDefaultCredential, azureCredentialsHint } from './credentials';
