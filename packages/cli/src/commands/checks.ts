/**
 * `demarc checks [--provider <ids>] [--json]`: every check a scan would run, from the providers'
 * contract alone (their checks' metadata), as a table or as JSON for tools and the docs.
 * @module
 */
import { checkLevel, type AnyCheck, type CheckMeta, type CheckOptionSchemas, type ComplianceMapping } from '@demarc/core';
import { CliError } from '../errors';
import { renderTable, type Palette } from '../output';

/** One check as `demarc checks --json` prints it. */
export interface CheckListing {
  /** Check id. */
  readonly id: string;
  /** Provider id; `organization` for provider-neutral attestation checks. */
  readonly provider: string;
  /** The condition it verifies. */
  readonly title: string;
  /** The normalized domain it verifies. */
  readonly domain: string;
  /** Severity of a failure. */
  readonly severity: string;
  /** `scope` (each account, project, subscription) or `organization` (once per provider). */
  readonly level: string;
  /** `automated` or `attestation`. */
  readonly kind: string;
  /** The vendor service it reads, when declared. */
  readonly service: string | null;
  /** The provider operations it reads. */
  readonly operations: readonly string[];
  /** The vendor permissions those need. */
  readonly permissions: readonly string[];
  /** The compliance controls it gives evidence for. */
  readonly compliance: readonly ComplianceMapping[];
  /** Its options with schema and default. */
  readonly options: CheckOptionSchemas;
  /** Former ids that still work in mutes and config. */
  readonly aliases: readonly string[];
  /** Source file relative to the repository root, when the provider records it. */
  readonly file: string | null;
}

/** The listing of one check's metadata. */
export function checkListing(meta: CheckMeta): CheckListing {
  return {
    id: meta.id,
    provider: meta.provider ?? 'organization',
    title: meta.title,
    domain: meta.domain,
    severity: meta.severity,
    level: checkLevel(meta),
    kind: meta.kind,
    service: meta.service ?? null,
    operations: meta.operations ?? [],
    permissions: meta.permissions ?? [],
    compliance: meta.compliance ?? [],
    options: meta.options ?? {},
    aliases: meta.aliases ?? [],
    file: meta.file ?? null,
  };
}

/** Runs `demarc checks` over the checks of the providers asked for, returning what to print. */
export function renderChecks(
  checks: readonly AnyCheck[],
  options: { readonly json: boolean; readonly providers?: readonly string[] },
  colours: Palette,
): string {
  const known = [...new Set(checks.map((check) => check.meta.provider ?? 'organization'))].sort();
  const unknown = (options.providers ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new CliError(`Unknown provider '${unknown.join("', '")}'.`, `Use one of: ${known.join(', ')}.`);
  const listed = checks
    .map((check) => checkListing(check.meta))
    .filter((check) => !options.providers?.length || options.providers.includes(check.provider))
    .sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id));
  if (options.json) return `${JSON.stringify(listed, null, 2)}\n`;
  const rows = listed.map((c) => [
    c.id,
    c.severity,
    c.domain,
    c.level,
    c.compliance.map((m) => `${m.framework} ${m.control}`).join(', '),
  ]);
  const counts = [...new Set(listed.map((c) => c.provider))].map((id) => `${id} ${listed.filter((c) => c.provider === id).length}`).join(', ');
  return `${colours.bold(`${listed.length} check(s)`)} (${counts})\n\n${renderTable(['id', 'severity', 'domain', 'level', 'compliance'], rows)}`;
}
