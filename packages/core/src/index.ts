/**
 * `@demarc/core`: the normalized shared responsibility model, the check and provider contracts, the
 * runner and reports. It imports no vendor SDK.
 *
 * Every public name is listed here explicitly (the API report, `api-report.txt`, is checked by a test):
 * a module's helpers stay internal unless they are named below.
 * @packageDocumentation
 */
export { TOOL_NAME, TOOL_VERSION } from './version';
export {
  AccessDeniedError,
  CollectorError,
  ConfigError,
  CredentialsError,
  DemarcError,
  formatConfigIssue,
  formatConfigPath,
  PluginLoadError,
  summarizeError,
  TimeoutError,
} from './errors';
export type { ConfigErrorLocation, ConfigErrorOptions, ConfigIssue, ErrorSummary } from './errors';
export type { JsonObject, JsonPrimitive, JsonValue } from './internal/json';
export { CLOUD_SERVICE_MODEL_IDS, CUSTOMER_BURDEN, DOMAIN_IDS, DOMAINS, PARTIES, SERVICE_MODEL_IDS, SERVICE_MODELS, SERVICE_VARIANTS } from './model/ids';
export type { DomainId, Party, ServiceModelId, ServiceVariantId, SharedMode } from './model/ids';
export type { Citation, Evidence, ResponsibilityCell, ResponsibilityOverride, ResponsibilityOverrides, ServiceCatalogEntry, Source, VendorId } from './model/types';
export { CORE_SOURCES, defineSources } from './model/sources';
export type { CoreSourceId, SourceTable } from './model/sources';
export { ORGANISATIONAL_MEASURE_IDS, ORGANISATIONAL_MEASURES } from './model/measures';
export type { OrganisationalMeasure, OrganisationalMeasureId } from './model/measures';
export { BASELINE_MATRIX } from './model/matrix';
export type { BaselineRow } from './model/matrix';
export { assertDomainId, assertServiceModelId, compareResponsibilities, customerDuties, explain, ownerOf, resolveCitation, responsibilityOf, toDomainId, toServiceModelId } from './model/queries';
export type { CustomerDuties, Explanation, ResolvedCitation, ResolvedResponsibility, ResponsibilityChange, ResponsibilityContext } from './model/queries';
export { UnknownIdError } from './model/errors';
export { FINDING_STATUSES, SEVERITIES } from './findings/types';
export type { CheckResult, CheckResultStatus, Finding, FindingStatus, MuteNote, ProviderManagedMark, ResourceRef, Severity } from './findings/types';
export { compareFindings, countStatuses } from './findings/index';
export type { StatusCounts } from './findings/index';
export type { ScopeInfo } from './scope';
export type { Attestation, AttestationSet } from './attestations/types';
export { addDuration, attestationFileSchema, attestationState, createAttestationSet, loadAttestations, NO_ATTESTATIONS, parseAttestations, parseAttestationText } from './attestations/index';
export type { AttestationState } from './attestations/index';
export { muteRuleSchema, parseMuteRules } from './mutes/index';
export type { MuteRule } from './mutes/index';
export type { AnyCheck, CheckApplicability, CheckContext, CheckKind, CheckLevel, CheckMeta, CheckResults, CheckV1, CollectOptions, ComplianceMapping } from './checks/types';
export { checkOptionProblems, resolveCheckOptions } from './checks/options';
export type {
  ArrayOptionSchema,
  BooleanOptionSchema,
  CheckOptionSchema,
  CheckOptionSchemas,
  CheckOptionsInput,
  CheckOptionValue,
  CheckOptionValues,
  IntegerOptionSchema,
  StringOptionSchema,
} from './checks/options';
export { CHECK_ID_PATTERN, checkLevel, defineCheck, validateCheckMeta, withCheckFile } from './checks/define-check';
export type { CheckDefinition } from './checks/define-check';
export { ATTESTATION_CHECKS, defineAttestationCheck } from './checks/attestation';
export type { AttestationCheckOptions, AttestationMessageId } from './checks/attestation';
export type { Collector, CollectorContext, DiscoveryContext, ProviderV1 } from './provider/types';
export { catalogClassifier, defineProvider, validateProvider } from './provider/define-provider';
export { collectorsOf, defineOperations, permissionsOfOperations } from './provider/operations';
export type {
  CollectParamsArgs,
  NoParams,
  OperationCallContext,
  OperationDefinition,
  OperationParams,
  OperationParamsOf,
  OperationResultOf,
  OperationTable,
} from './provider/operations';
export { createCheckKit } from './provider/check-kit';
export { DEFAULT_REQUEST_TIMEOUT_MS, requestTimeoutOption } from './provider/request-timeout';
export { normalizedFramingTable, sourceAddresses, wordsByDomain } from './provider/framing';
export type { FramingTableV1, FramingV1, NormalizedFramingCell, ProviderPermissionsV1 } from './provider/framing';
export type { KitCheckContext, KitCheckDefinition, KitDefineCheck } from './provider/check-kit';
export type { ProviderDefinition } from './provider/define-provider';
export { loadCheckPack, loadProvider, pluginNameKind } from './provider/load';
export type { LoadPluginOptions, ModuleImporter, PluginNameKind } from './provider/load';
export { parseSnapshot, readSnapshot, serializeSnapshot, SNAPSHOT_VERSION, writeSnapshot } from './snapshot/index';
export type { Snapshot, SnapshotRequest } from './snapshot/index';
export { configSchema, defineConfig, parseConfig, parseConfigText } from './config';
export type { DemarcConfig, DemarcConfigInput } from './config';
export { parseShardSpec, shardOf } from './sharding/partition';
export type { ShardSpec } from './sharding/partition';
export type { ConcurrencyOptions, ScannedScope, ScanOptions, ScanProgressEvent, ScanResult, ScanStats, ShardInfo } from './runner/types';
export type { RequestStats } from './runner/collector-cache';
export { ORGANIZATION_SCOPE, scan } from './runner/scan';
export type { ReportInput, ReportOptions } from './reports/common';
export { jsonReportChunks, renderJsonReport, REPORT_SCHEMA_VERSION, reportJsonSchema, reportSchema } from './reports/json';
export type { JsonReport } from './reports/json';
export { computeCoverage, modelsInScan, scanCoverage } from './reports/coverage';
export type { Coverage, DomainCoverage, DutyCoverage, DutyState } from './reports/coverage';
export { markdownReportChunks, renderMarkdownReport } from './reports/markdown';
export type { MarkdownReportOptions } from './reports/markdown';
export { renderSarifReport, sarifReport } from './reports/sarif';
export type { SarifReportOptions } from './reports/sarif';
export { OCSF_COMPLIANCE_FINDING_CLASS_UID, OCSF_VERSION, ocsfEvent, ocsfNdjsonChunks, ocsfReport, renderOcsfReport } from './reports/ocsf';
export { junitReportChunks, renderJunitReport } from './reports/junit';
export { CSV_COLUMNS, csvReportChunks, renderCsvReport } from './reports/csv';
export { mergeShardReports, parseJsonReport, readJsonReport, reportToScanResult, ShardMergeError } from './merge/index';
export type { MergedScan, MergedShard, ShardMergeProblem } from './merge/index';
