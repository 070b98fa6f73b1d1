/**
 * The JSON result: versioned, with a published JSON Schema generated from its zod schema, and
 * byte-identical for the same scan input.
 * @module
 */
import type { z } from 'zod';
import { lazyObject, once, zod } from '../internal/lazy';
import { DOMAIN_IDS, PARTIES, SERVICE_MODEL_IDS } from '../model/ids';
import { FINDING_STATUSES, SEVERITIES } from '../findings/types';
import { countStatuses } from '../findings/index';
import { canonicalize } from '../internal/json';
import { collect, findingToJsonText, type ReportInput, type ReportOptions } from './common';
import { TOOL_NAME, TOOL_VERSION } from '../version';

/** The JSON result format version (semver: a major bump breaks readers). */
export const REPORT_SCHEMA_VERSION = '1.0.0';

/** The JSON result's schema, built on first use (zod loads then, see `internal/lazy`). */
const buildReportSchema = once(() => {
  const { z } = zod();
  const jsonValue: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]));
  const statusEnum = z.enum(FINDING_STATUSES);
  const requestStats = z.strictObject({ requested: z.number().int().min(0), made: z.number().int().min(0) });
  const errorSummary = { name: z.string(), message: z.string(), operation: z.string().optional(), retryable: z.boolean().optional() };
  return z.strictObject({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    tool: z.strictObject({ name: z.literal(TOOL_NAME), version: z.string() }),
    generatedAt: z.iso.datetime(),
    aborted: z.boolean(),
    providers: z.array(z.strictObject({ id: z.string(), name: z.string() })),
    scopes: z.array(z.looseObject({ provider: z.string(), id: z.string(), kind: z.string() })),
    summary: z.strictObject({ total: z.number().int().min(0), byStatus: z.record(statusEnum, z.number().int().min(0)) }),
    stats: z.strictObject({
      requested: z.number().int().min(0),
      made: z.number().int().min(0),
      operations: z.record(z.string(), requestStats),
      checkRunsPlanned: z.number().int().min(0),
      checkRunsFinished: z.number().int().min(0),
    }),
    checks: z.array(
      z.looseObject({
        id: z.string(),
        title: z.string(),
        domain: z.enum(DOMAIN_IDS as [string, ...string[]]),
        severity: z.enum(SEVERITIES),
        kind: z.enum(['automated', 'attestation']),
      }),
    ),
    shard: z
      .strictObject({
        index: z.number().int().min(0),
        count: z.number().int().min(1),
        runId: z.string().optional(),
        key: z.string(),
        discovered: z.record(z.string(), z.strictObject({ scopes: z.number().int().min(0), digest: z.string() })),
      })
      .optional(),
    /** Providers whose scope discovery failed outright, by provider id: nothing of theirs was scanned. */
    discoveryErrors: z.record(z.string(), z.strictObject({ ...errorSummary, hint: z.string().optional() })).optional(),
    findings: z.array(
      z.strictObject({
        checkId: z.string(),
        status: statusEnum,
        originalStatus: statusEnum.optional(),
        severity: z.enum(SEVERITIES),
        domain: z.enum(DOMAIN_IDS as [string, ...string[]]),
        owner: z.enum(PARTIES).optional(),
        serviceModel: z.enum(SERVICE_MODEL_IDS as [string, ...string[]]).optional(),
        resource: z.strictObject({
          provider: z.string(),
          scope: z.string(),
          region: z.string().optional(),
          id: z.string(),
          type: z.string().optional(),
          service: z.string().optional(),
          name: z.string().optional(),
        }),
        message: z.string(),
        messageId: z.string().optional(),
        evidence: z.record(z.string(), jsonValue).optional(),
        providerManaged: z.string().optional(),
        mute: z.strictObject({ reason: z.string(), expires: z.string().optional(), expired: z.boolean() }).optional(),
        error: z.strictObject(errorSummary).optional(),
      }),
    ),
  });
});

/** The zod schema of the JSON result; {@link reportJsonSchema} turns it into a JSON Schema. zod is loaded the first time it is used. */
export const reportSchema = lazyObject(buildReportSchema);

/** The JSON result's type. */
export type JsonReport = z.infer<typeof reportSchema>;

/** The JSON Schema (draft 2020-12) of the JSON result, generated from {@link reportSchema}. */
export function reportJsonSchema(): Record<string, unknown> {
  return { $id: `https://demarc.dev/schemas/report-${REPORT_SCHEMA_VERSION}.json`, ...zod().z.toJSONSchema(buildReportSchema(), { io: 'output' }) } as Record<string, unknown>;
}

/**
 * Writes the JSON result as a stream of chunks (one per finding), so a million findings never become
 * one giant intermediate structure. Same scan input → same bytes.
 */
export function* jsonReportChunks(result: ReportInput, options: ReportOptions = {}): Generator<string> {
  const byStatus = countStatuses(result.findings);
  let total = 0;
  for (const n of Object.values(byStatus)) total += n;
  const head = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: options.toolVersion ?? TOOL_VERSION },
    generatedAt: result.startedAt,
    aborted: result.aborted,
    providers: result.providers.map((p) => ({ id: p.id, name: p.name })),
    scopes: result.scopes.map((s) => canonicalize(s)),
    summary: { total, byStatus },
    stats: {
      requested: result.stats.requested,
      made: result.stats.made,
      operations: result.stats.operations,
      checkRunsPlanned: result.stats.checkRunsPlanned,
      checkRunsFinished: result.stats.checkRunsFinished,
    },
    checks: result.checks.map((c) => canonicalize(c)),
    ...(result.shard ? { shard: canonicalize(result.shard) } : {}),
    ...(result.discoveryErrors ? { discoveryErrors: canonicalize(result.discoveryErrors) } : {}),
  };
  const headJson = JSON.stringify(head, null, 2);
  yield `${headJson.slice(0, -2)},\n  "findings": [`;
  let first = true;
  for (const finding of result.findings) {
    yield `${first ? '\n    ' : ',\n    '}${findingToJsonText(finding)}`;
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

/** The JSON result as one string. */
export function renderJsonReport(result: ReportInput, options?: ReportOptions): string {
  return collect(jsonReportChunks(result, options));
}
