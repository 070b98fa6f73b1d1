/**
 * Output formats of `demarc scan`: the reports core writes (JSON, Markdown, SARIF, OCSF, JUnit, CSV)
 * and the CLI's own text summary for a person at a terminal.
 * @module
 */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DOMAINS,
  SEVERITIES,
  countStatuses,
  ownerOf,
  renderCsvReport,
  renderJsonReport,
  renderJunitReport,
  renderMarkdownReport,
  ocsfNdjsonChunks,
  renderSarifReport,
  scanCoverage,
  type Finding,
  type Party,
  type ScanResult,
  type Severity,
} from '@demarc/core';
import { renderTable, type Palette } from './output';
import type { ExitDecision, decideExit } from './exit';

/** The formats `--format` takes. `text` is the human summary; the others are core's reports. */
export const FORMATS = ['text', 'json', 'md', 'sarif', 'ocsf', 'junit', 'csv'] as const;

/** An output format. */
export type Format = (typeof FORMATS)[number];

/** Accepted spellings of each format (`markdown` for `md`, `ndjson` for `ocsf`...). */
const ALIASES: Readonly<Record<string, Format>> = { markdown: 'md', xml: 'junit', ndjson: 'ocsf', txt: 'text' };

/**
 * Parses a `--format` value, or returns `undefined` when it names no format.
 * @example
 * ```ts
 * parseFormat('markdown'); // 'md'
 * parseFormat('pdf');      // undefined
 * ```
 */
export function parseFormat(value: string): Format | undefined {
  const key = value.toLowerCase();
  return (FORMATS as readonly string[]).includes(key) ? (key as Format) : ALIASES[key];
}

/** The usual file extension of each format, for messages. */
export const FORMAT_EXTENSIONS: Readonly<Record<Format, string>> = { text: 'txt', json: 'json', md: 'md', sarif: 'sarif', ocsf: 'ocsf.ndjson', junit: 'xml', csv: 'csv' };

/** A provider that was asked for but could not be scanned, and why. */
export interface SkippedProvider {
  /** The provider name as asked. */
  readonly name: string;
  /** Why it was not scanned. */
  readonly reason: string;
}

/** What the text summary says besides the scan result. */
export interface TextContext {
  /** Where the data came from, e.g. `demo estate on the local cloud (127.0.0.1)`. */
  readonly target: string;
  /** Providers asked for but not scanned. */
  readonly skipped: readonly SkippedProvider[];
  /** The `--fail-on` threshold, if any. */
  readonly failOn: Severity | undefined;
  /** The exit code the run returns and why: the closing line (see {@link decideExit}). */
  readonly exit: ExitDecision;
  /** Most findings to list (default 25). */
  readonly maxFindings?: number;
}

const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** The failing findings at or above `threshold` (what `--fail-on` counts). */
export function findingsAtOrAbove(findings: readonly Finding[], threshold: Severity): Finding[] {
  return findings.filter((finding) => finding.status === 'fail' && severityRank(finding.severity) <= severityRank(threshold));
}

const PARTY_SHORT: Readonly<Record<Party, string>> = { customer: 'customer', shared: 'shared', provider: 'provider' };

/** What {@link renderReport} needs besides the result. */
export interface RenderOptions {
  /**
   * The config file the scan used, as SARIF names it ({@link configArtifactUri}): SARIF results point
   * at it. Without it they carry only the cloud resource as a logical location.
   */
  readonly configUri?: string;
}

/**
 * The config file as a SARIF artifact URI: relative to `cwd` with forward slashes (GitHub code scanning
 * reads relative paths from the repository root, which is the working directory of a CI job), or a
 * `file:` URI when the file is outside `cwd`.
 * @example
 * ```ts
 * configArtifactUri('/repo/ci/demarc.config.json', '/repo'); // 'ci/demarc.config.json'
 * ```
 */
export function configArtifactUri(file: string, cwd: string): string {
  const path = relative(cwd, file);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return pathToFileURL(file).href;
  return path.split(sep).join('/');
}

/** Renders a report in a machine format. */
export function renderReport(format: Exclude<Format, 'text'>, result: ScanResult, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJsonReport(result);
    case 'md':
      return renderMarkdownReport(result);
    case 'sarif':
      return renderSarifReport(result, options.configUri === undefined ? {} : { artifactUri: options.configUri });
    case 'ocsf':
      // NDJSON, one OCSF event per line: what Security Lake and most SIEM pipelines ingest.
      return [...ocsfNdjsonChunks(result)].join('');
    case 'junit':
      return renderJunitReport(result);
    case 'csv':
      return renderCsvReport(result);
  }
}

const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * The text summary: what was scanned, the responsibility map of the scan's service models, the
 * customer's duties and how they stand, counts per provider, and the findings to act on, most severe
 * first.
 */
export function renderText(result: ScanResult, context: TextContext, colours: Palette): string {
  const out: string[] = [];
  const counts = countStatuses(result.findings);
  out.push(
    `${colours.bold('demarc scan')} of ${context.target}: ${result.providers.map((p) => p.name).join(', ') || 'no provider'}; ` +
      `${result.scopes.length} scope(s), ${result.checks.length} check(s), ${result.findings.length} finding(s).`,
  );
  if (result.aborted) out.push(colours.red('The scan was aborted: results are partial.'));
  for (const skipped of context.skipped) out.push(colours.yellow(`Not scanned: ${skipped.name}: ${skipped.reason}`));

  const coverage = scanCoverage(result);
  out.push('', colours.bold('Responsibility map') + ' (who owns each domain under the service models found in this scan)', '');
  const mapRows = DOMAINS.map((domain) => [domain.id, ...coverage.models.map((model) => PARTY_SHORT[ownerOf(domain.id, model)])]);
  out.push(renderTable(['domain', ...coverage.models], mapRows).trimEnd());

  out.push('', colours.bold('Customer duties') + ' (domains the customer owns or shares, per service model, and what the checks found)', '');
  const dutyRows = coverage.domains.map((d) => [d.domain, String(d.duties), String(d.counts.verified), String(d.counts.failing), String(d.counts.manual), String(d.counts.unverified), String(d.counts['not-covered'])]);
  out.push(renderTable(['domain', 'duties', 'verified', 'failing', 'manual', 'unverified', 'not covered'], dutyRows).trimEnd());

  out.push('', colours.bold('Findings by provider'), '');
  const providerRows = [...result.providers.map((p) => p.id), ...(result.findings.some((f) => f.resource.provider === 'organization') ? ['organization'] : [])].map((id) => {
    const mine = result.findings.filter((f) => f.resource.provider === id);
    const c = countStatuses(mine);
    const scopes = result.scopes.filter((s) => s.provider === id).length;
    return [id, id === 'organization' ? '-' : String(scopes), String(c.pass), String(c.fail), String(c.error), String(c.manual), String(c.muted), String(c['provider-managed'])];
  });
  out.push(renderTable(['provider', 'scopes', 'pass', 'fail', 'error', 'manual', 'muted', 'provider-managed'], providerRows).trimEnd());

  // One row per (status, check, scope): a check failing in seventeen regions of one account is one
  // thing to fix, not seventeen lines.
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.status !== 'fail' && f.status !== 'error') continue;
    const key = `${f.status}|${f.checkId}|${f.resource.provider}/${f.resource.scope}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const act = [...groups.values()].sort(
    (a, b) => severityRank(a[0]!.severity) - severityRank(b[0]!.severity) || (a[0]!.status === b[0]!.status ? 0 : a[0]!.status === 'fail' ? -1 : 1),
  );
  const max = context.maxFindings ?? 20;
  out.push('', colours.bold(`Findings to act on: ${counts.fail} failing, ${counts.error} unverified (error)`), '');
  if (act.length === 0) out.push('None.');
  else {
    const rows = act.slice(0, max).map((group) => {
      const f = group[0]!;
      return [
        f.status === 'fail' ? colours.red('FAIL') : colours.yellow('ERROR'),
        f.severity,
        f.checkId,
        `${f.resource.provider}/${f.resource.scope}`,
        group.length > 1 ? `${group.length} resources` : truncate(f.resource.name ?? f.resource.id, 40),
        truncate(group.length > 1 ? `${f.message} (and ${group.length - 1} more like it)` : f.message, 110),
      ];
    });
    out.push(renderTable(['status', 'severity', 'check', 'scope', 'resource', 'message'], rows).trimEnd());
    if (act.length > max) out.push(`…and ${act.length - max} more (--format md or --format json lists every finding).`);
  }
  if (counts.manual > 0) out.push('', `${counts.manual} duty check(s) need a person: record organisational measures in an attestation file (see \`demarc explain governance\`).`);

  out.push('');
  const { exit } = context;
  out.push(exit.code !== 0 ? colours.red(exit.line) : context.failOn ? colours.green(exit.line) : exit.line);
  return `${out.join('\n')}\n`;
}
