/**
 * The Markdown report: the responsibility map of the scan's service models, the customer's duties per
 * domain with how many are verified / failing / manual / unverified / not covered, and the findings to
 * act on.
 * @module
 */
import { DOMAINS, SERVICE_MODELS, type ServiceModelId } from '../model/ids';
import { ownerOf } from '../model/queries';
import { countStatuses } from '../findings/index';
import { FINDING_STATUSES, type Finding } from '../findings/types';
import { collect, type ReportInput } from './common';
import { TOOL_NAME } from '../version';
import { computeCoverage } from './coverage';

/** Options of the Markdown report. */
export interface MarkdownReportOptions {
  /** The service models of the map (default: those of the scan's findings). */
  readonly models?: readonly ServiceModelId[];
  /** How many failing / error findings to list (default 200); the rest are counted. */
  readonly maxFindings?: number;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const DOMAIN_NAME = new Map<string, string>(DOMAINS.map((d) => [d.id, d.name]));
const MODEL_NAME = new Map<string, string>(SERVICE_MODELS.map((m) => [m.id, m.id === 'on-premises' ? 'On-premises' : m.id.toUpperCase().replace('AAS', 'aaS')]));

/** Writes the Markdown report as chunks. */
export function* markdownReportChunks(result: ReportInput, options: MarkdownReportOptions = {}): Generator<string> {
  const coverage = computeCoverage(result.checks, result.findings, options.models);
  const counts = countStatuses(result.findings);
  yield `# ${TOOL_NAME} scan report\n\n`;
  yield `Scanned ${result.scopes.length} scope(s) of ${result.providers.map((p) => p.name).join(', ') || 'no provider'} with ${result.checks.length} check(s) on ${result.startedAt}.`;
  yield result.aborted ? ' **The scan was aborted: results are partial.**\n\n' : '\n\n';
  yield '| Status | Findings |\n| --- | ---: |\n';
  for (const status of FINDING_STATUSES) yield `| ${status} | ${counts[status]} |\n`;
  yield `\nProvider-managed findings are failing conditions on resources only the provider can change; they are not the customer's FAIL. Errors are unverified duties, never passes.\n\n`;

  yield '## Responsibility map\n\n';
  yield `| Domain | ${coverage.models.map((m) => MODEL_NAME.get(m)).join(' | ')} |\n| --- |${coverage.models.map(() => ' --- |').join('')}\n`;
  for (const d of DOMAINS) yield `| ${d.name} | ${coverage.models.map((m) => ownerOf(d.id, m)).join(' | ')} |\n`;

  yield "\n## Customer duties by domain\n\nA duty is a domain the customer owns or shares under one service model. Computed from the model and the check set.\n\n";
  yield '| Domain | Duties | Verified | Failing | Manual | Unverified (error) | Not covered by any check |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n';
  const total = { duties: 0, verified: 0, failing: 0, manual: 0, unverified: 0, 'not-covered': 0 };
  for (const d of coverage.domains) {
    const c = d.counts;
    yield `| ${DOMAIN_NAME.get(d.domain)} | ${d.duties} | ${c.verified} | ${c.failing} | ${c.manual} | ${c.unverified} | ${c['not-covered']} |\n`;
    total.duties += d.duties;
    for (const k of ['verified', 'failing', 'manual', 'unverified', 'not-covered'] as const) total[k] += c[k];
  }
  yield `| **Total** | ${total.duties} | ${total.verified} | ${total.failing} | ${total.manual} | ${total.unverified} | ${total['not-covered']} |\n\n`;

  const max = options.maxFindings ?? 200;
  yield '## Findings to act on\n\n';
  let listed = 0;
  let more = 0;
  for (const f of result.findings) {
    if (f.status !== 'fail' && f.status !== 'error') continue;
    if (listed === 0) yield '| Status | Severity | Check | Scope | Resource | Owner | Message |\n| --- | --- | --- | --- | --- | --- | --- |\n';
    if (listed >= max) {
      more += 1;
      continue;
    }
    listed += 1;
    yield findingRow(f);
  }
  if (listed === 0) yield 'None.\n';
  if (more > 0) yield `\n…and ${more} more in the JSON report.\n`;
}

function findingRow(f: Finding): string {
  return `| ${f.status} | ${f.severity} | ${f.checkId} | ${cell(f.resource.provider)}/${cell(f.resource.scope)} | ${cell(f.resource.id)} | ${f.owner ?? ''} | ${cell(f.message)} |\n`;
}

/** The Markdown report as one string. */
export function renderMarkdownReport(result: ReportInput, options?: MarkdownReportOptions): string {
  return collect(markdownReportChunks(result, options));
}
