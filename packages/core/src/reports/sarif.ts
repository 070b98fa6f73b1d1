/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF consumers. Each check is a rule; each finding
 * a result whose `kind` says pass / fail / review / open, with the cloud resource as its logical
 * location and, when the caller names one, the config file the scan used as its physical location.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../findings/types';
import type { ScanResult } from '../runner/types';
import type { ReportOptions } from './common';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from '../version';

/** Options of the SARIF report. */
export interface SarifReportOptions extends ReportOptions {
  /**
   * A real file every result names as its physical location: the config file the scan used, as a
   * path relative to the repository root (forward slashes) or a `file:` URI. GitHub code scanning
   * shows only results with a file location, and a cloud resource has none in the repository, so the
   * CLI passes the config file it loaded. Without it results carry only the logical location of the
   * resource (nothing points at a file that may not exist).
   */
  readonly artifactUri?: string;
  /** Include `pass` results (default false: code scanning shows only what needs action). */
  readonly includePasses?: boolean;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', informational: 'note' };
/** GitHub's `security-severity` scores (0–10) per severity. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', informational: '0.0' };

function kindOf(f: Finding): 'pass' | 'fail' | 'review' | 'open' | 'notApplicable' | 'informational' {
  switch (f.status) {
    case 'pass':
      return 'pass';
    case 'fail':
      return 'fail';
    case 'manual':
      return 'review';
    case 'error':
      return 'open';
    case 'skipped':
      return 'notApplicable';
    case 'provider-managed':
      return 'informational';
    case 'muted':
      return f.originalStatus === 'manual' ? 'review' : 'fail';
  }
}

/** The SARIF log as a plain object. */
export function sarifReport(result: ScanResult, options: SarifReportOptions = {}): Record<string, unknown> {
  const ruleIndex = new Map(result.checks.map((c, i) => [c.id, i]));
  const rules = result.checks.map((c) => ({
    id: c.id,
    name: c.id.replace(/(^|[-.])([a-z0-9])/g, (_m, _sep: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: c.title },
    fullDescription: { text: c.description },
    help: { text: `${c.rationale}\n\nRemediation: ${c.remediation}`, markdown: `${c.rationale}\n\n**Remediation:** ${c.remediation}` },
    ...(c.references[0] ? { helpUri: c.references[0] } : {}),
    defaultConfiguration: { level: LEVEL[c.severity] },
    properties: {
      tags: ['security', 'cloud', `domain:${c.domain}`, ...(c.compliance ?? []).map((m) => `${m.framework}:${m.control}`)],
      'security-severity': SECURITY_SEVERITY[c.severity],
      domain: c.domain,
      kind: c.kind,
    },
  }));
  // Line 1 of the config: the file is what matters, and GitHub needs a start line to show an alert.
  const physicalLocation = options.artifactUri
    ? { artifactLocation: { uri: options.artifactUri }, region: { startLine: 1 } }
    : undefined;
  const results: Record<string, unknown>[] = [];
  for (const f of result.findings) {
    if (f.status === 'pass' && !options.includePasses) continue;
    const kind = kindOf(f);
    const { provider, scope, id } = f.resource;
    const identity = createHash('sha256').update(`${f.checkId}\u0000${provider}\u0000${scope}\u0000${id}`).digest('hex');
    results.push({
      ruleId: f.checkId,
      ...(ruleIndex.has(f.checkId) ? { ruleIndex: ruleIndex.get(f.checkId) } : {}),
      kind,
      level: kind === 'fail' ? LEVEL[f.severity] : 'none',
      message: { text: f.message },
      locations: [
        {
          ...(physicalLocation ? { physicalLocation } : {}),
          // The cloud resource itself (SARIF 2.1.0 §3.33): provider/scope/resource id.
          logicalLocations: [{ fullyQualifiedName: `${provider}/${scope}/${id}`, name: id, kind: 'resource' }],
        },
      ],
      // GitHub identifies an alert by `primaryLocationLineHash` only; left to the upload action it
      // would hash line 1 of the config, the same for every resource, and merge them into one alert.
      partialFingerprints: { 'demarcFinding/v1': identity, primaryLocationLineHash: `${identity.slice(0, 16)}:1` },
      ...(f.status === 'muted' && f.mute ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.mute.reason }] } : {}),
      properties: {
        status: f.status,
        domain: f.domain,
        ...(f.owner ? { owner: f.owner } : {}),
        ...(f.serviceModel ? { serviceModel: f.serviceModel } : {}),
        ...(f.providerManaged ? { providerManaged: f.providerManaged } : {}),
        ...(f.resource.region ? { region: f.resource.region } : {}),
      },
    });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: options.toolVersion ?? TOOL_VERSION, informationUri: TOOL_URI, rules } },
        invocations: [{ executionSuccessful: !result.aborted, startTimeUtc: result.startedAt }],
        results,
      },
    ],
  };
}

/** The SARIF log as JSON text. */
export function renderSarifReport(result: ScanResult, options?: SarifReportOptions): string {
  return `${JSON.stringify(sarifReport(result, options), null, 2)}\n`;
}
