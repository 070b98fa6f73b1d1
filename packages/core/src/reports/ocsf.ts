/**
 * OCSF Compliance Finding events (class 2003, category Findings), e.g. for AWS Security Lake. One event
 * per finding; demarc's own status, domain and owner ride in `unmapped`. Events use the `cloud` profile
 * (the `cloud` attribute) and say so in `metadata.profiles`; they are valid against OCSF 1.3.0's JSON
 * Schema of the class with that profile (the test checks every status against the official schema).
 * @module
 */
import type { Finding, Severity } from '../findings/types';
import type { CheckMeta } from '../checks/types';
import type { ScanResult } from '../runner/types';
import type { ReportOptions } from './common';
import { TOOL_NAME, TOOL_VERSION } from '../version';

/** The OCSF schema version the events follow. */
export const OCSF_VERSION = '1.3.0';
/** Compliance Finding class id. */
export const OCSF_COMPLIANCE_FINDING_CLASS_UID = 2003;
/** The OCSF profiles the events use: `cloud` brings the `cloud` attribute. */
export const OCSF_PROFILES: readonly string[] = ['cloud'];

const SEVERITY_ID: Record<Severity, number> = { informational: 1, low: 2, medium: 3, high: 4, critical: 5 };

/** compliance.status_id: 1 Pass, 2 Warning (no result for lack of information), 3 Fail, 99 Other. */
function complianceStatus(f: Finding): { status_id: number; status: string } {
  switch (f.status) {
    case 'pass':
      return { status_id: 1, status: 'Pass' };
    case 'fail':
      return { status_id: 3, status: 'Fail' };
    case 'error':
    case 'manual':
      return { status_id: 2, status: 'Warning' };
    case 'muted':
      return f.originalStatus === 'fail' ? { status_id: 3, status: 'Fail' } : { status_id: 2, status: 'Warning' };
    default:
      return { status_id: 99, status: f.status };
  }
}

/** One finding as an OCSF Compliance Finding event. */
export function ocsfEvent(f: Finding, check: CheckMeta | undefined, time: number, toolVersion: string): Record<string, unknown> {
  const standards = check?.compliance?.length ? [...new Set(check.compliance.map((m) => m.framework))] : ['demarc'];
  return {
    activity_id: 1,
    activity_name: 'Create',
    category_uid: 2,
    category_name: 'Findings',
    class_uid: OCSF_COMPLIANCE_FINDING_CLASS_UID,
    class_name: 'Compliance Finding',
    type_uid: OCSF_COMPLIANCE_FINDING_CLASS_UID * 100 + 1,
    type_name: 'Compliance Finding: Create',
    time,
    severity_id: SEVERITY_ID[f.severity],
    severity: f.severity === 'informational' ? 'Informational' : f.severity[0]!.toUpperCase() + f.severity.slice(1),
    status_id: f.status === 'muted' ? 3 : 1,
    status: f.status === 'muted' ? 'Suppressed' : 'New',
    message: f.message,
    metadata: {
      version: OCSF_VERSION,
      profiles: [...OCSF_PROFILES],
      product: { name: TOOL_NAME, vendor_name: TOOL_NAME, version: toolVersion },
    },
    finding_info: {
      uid: `${f.checkId}/${f.resource.provider}/${f.resource.scope}/${f.resource.id}`,
      title: check?.title ?? f.checkId,
      ...(check ? { desc: check.description } : {}),
      types: [f.domain],
    },
    compliance: {
      control: f.checkId,
      standards,
      ...complianceStatus(f),
      ...(check?.compliance?.length ? { requirements: check.compliance.map((m) => `${m.framework}:${m.control}`) } : {}),
    },
    ...(check ? { remediation: { desc: check.remediation, ...(check.references.length ? { references: [...check.references] } : {}) } } : {}),
    resources: [
      {
        uid: f.resource.id,
        ...(f.resource.type ? { type: f.resource.type } : {}),
        ...(f.resource.region ? { region: f.resource.region } : {}),
        cloud_partition: f.resource.provider,
        owner: { account: { uid: f.resource.scope } },
      },
    ],
    cloud: { provider: f.resource.provider, account: { uid: f.resource.scope }, ...(f.resource.region ? { region: f.resource.region } : {}) },
    unmapped: {
      demarc_status: f.status,
      demarc_domain: f.domain,
      ...(f.owner ? { demarc_owner: f.owner } : {}),
      ...(f.serviceModel ? { demarc_service_model: f.serviceModel } : {}),
      ...(f.providerManaged ? { demarc_provider_managed: f.providerManaged } : {}),
      ...(f.mute ? { demarc_mute_reason: f.mute.reason } : {}),
    },
  };
}

/** Writes the events as NDJSON chunks (one event per line), the shape Security Lake pipelines take. */
export function* ocsfNdjsonChunks(result: ScanResult, options: ReportOptions = {}): Generator<string> {
  const checks = new Map(result.checks.map((c) => [c.id, c]));
  const time = Date.parse(result.startedAt);
  const version = options.toolVersion ?? TOOL_VERSION;
  for (const f of result.findings) yield `${JSON.stringify(ocsfEvent(f, checks.get(f.checkId), time, version))}\n`;
}

/** The events as an array. */
export function ocsfReport(result: ScanResult, options: ReportOptions = {}): Record<string, unknown>[] {
  const checks = new Map(result.checks.map((c) => [c.id, c]));
  const time = Date.parse(result.startedAt);
  return result.findings.map((f) => ocsfEvent(f, checks.get(f.checkId), time, options.toolVersion ?? TOOL_VERSION));
}

/** The events as a JSON array text. */
export function renderOcsfReport(result: ScanResult, options?: ReportOptions): string {
  return `${JSON.stringify(ocsfReport(result, options), null, 2)}\n`;
}
