/**
 * Merging the JSON results of a sharded scan into the result a single scan would have produced, and
 * refusing, with the reason, shards that do not belong together.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { ConfigError, DemarcError } from '../errors';
import { compareFindings } from '../findings/index';
import type { Finding } from '../findings/types';
import type { CheckMeta } from '../checks/types';
import type { RequestStats } from '../runner/collector-cache';
import type { ScanResult, ScannedScope } from '../runner/types';
import { compareStrings } from '../internal/json';
import { reportSchema, type JsonReport } from '../reports/json';
import { scopeSetDigest } from '../sharding/partition';

const SHARD_MERGE_ERROR = Symbol.for('demarc.error.shard-merge');

/** Why shards could not be merged. */
export type ShardMergeProblem = 'corrupt' | 'not-a-shard' | 'different-scan' | 'duplicate' | 'missing' | 'overlap' | 'incomplete';

/** Shards that cannot be merged: the message names the files and the reason. */
export class ShardMergeError extends DemarcError {
  readonly [SHARD_MERGE_ERROR] = true;
  override name = 'ShardMergeError';

  /**
   * @param problem - The kind of problem.
   * @param files - The files involved.
   * @param message - The sentence to show.
   */
  constructor(
    readonly problem: ShardMergeProblem,
    readonly files: readonly string[],
    message: string,
  ) {
    super(message);
  }

  /** True for a `ShardMergeError` from any copy of `@demarc/core`. */
  static override isInstance(value: unknown): value is ShardMergeError {
    return typeof value === 'object' && value !== null && SHARD_MERGE_ERROR in value;
  }
}

/**
 * Parses and validates a JSON result. A file that is not JSON or does not match the schema fails with
 * a {@link ConfigError} naming the file and the field.
 */
export function parseJsonReport(text: string, file = '<report>'): JsonReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError({ file }, `is not a demarc JSON result: ${(error as Error).message}`);
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError({ file, field: issue.path.join('.') || '(root)' }, `is not a valid demarc JSON result: ${issue.message}`);
  }
  return parsed.data;
}

/** Reads and validates a JSON result file. */
export async function readJsonReport(file: string): Promise<JsonReport> {
  return parseJsonReport(await readFile(file, 'utf8'), file);
}

/** Turns a JSON result back into a {@link ScanResult}, e.g. to render it in another format. */
export function reportToScanResult(report: JsonReport): ScanResult {
  return {
    startedAt: report.generatedAt,
    providers: report.providers,
    scopes: report.scopes as readonly ScannedScope[],
    checks: report.checks as unknown as readonly CheckMeta[],
    findings: report.findings as readonly Finding[],
    stats: report.stats,
    aborted: report.aborted,
    ...(report.discoveryErrors ? { discoveryErrors: report.discoveryErrors } : {}),
    ...(report.shard ? { shard: report.shard } : {}),
  };
}

/** A shard as it was merged. */
export interface MergedShard {
  /** The file it came from. */
  readonly file: string;
  /** Zero-based index. */
  readonly index: number;
  /** Scopes it scanned. */
  readonly scopes: number;
  /** Findings it produced. */
  readonly findings: number;
}

/** The outcome of {@link mergeShardReports}. */
export interface MergedScan {
  /** The merged result: what a single scan of all scopes would have produced. */
  readonly result: ScanResult;
  /** The shards, by index. */
  readonly shards: readonly MergedShard[];
}

const addStats = (into: Record<string, RequestStats>, from: Readonly<Record<string, RequestStats>>): void => {
  for (const [operation, stats] of Object.entries(from)) {
    const sum = into[operation] ?? { requested: 0, made: 0 };
    into[operation] = { requested: sum.requested + stats.requested, made: sum.made + stats.made };
  }
};

/**
 * Merges the JSON results of every shard of one scan. It refuses shards from different scans,
 * configurations or demarc versions, a missing or duplicated shard, shards that scanned the same scope,
 * and shards whose scopes together are not every scope discovery found.
 *
 * @example
 * ```ts
 * const shards = await Promise.all(files.map(async (file) => ({ file, report: await readJsonReport(file) })));
 * const { result } = mergeShardReports(shards);
 * process.stdout.write(renderJsonReport(result));
 * ```
 */
export function mergeShardReports(inputs: readonly { readonly file: string; readonly report: JsonReport }[]): MergedScan {
  if (inputs.length === 0) throw new ShardMergeError('missing', [], 'No shard results to merge.');
  for (const { file, report } of inputs) {
    if (!report.shard) throw new ShardMergeError('not-a-shard', [file], `${file} is not a shard result (it has no "shard" field): scan with --shard i/n.`);
  }
  const shards = inputs.map(({ file, report }) => ({ file, report, shard: report.shard! }));
  const first = shards[0]!;
  for (const other of shards.slice(1)) {
    if (other.report.tool.version !== first.report.tool.version) {
      throw new ShardMergeError('different-scan', [first.file, other.file], `${other.file} was written by demarc ${other.report.tool.version}, ${first.file} by ${first.report.tool.version}: merge shards of one version.`);
    }
    if (other.shard.key !== first.shard.key) {
      throw new ShardMergeError('different-scan', [first.file, other.file], `${other.file} is from a different scan than ${first.file} (providers, check set, shard count or run id differ).`);
    }
    if (JSON.stringify(other.shard.discovered) !== JSON.stringify(first.shard.discovered)) {
      throw new ShardMergeError('different-scan', [first.file, other.file], `${other.file} and ${first.file} discovered different scopes: the estate changed between shards; run them again.`);
    }
  }
  const count = first.shard.count;
  const byIndex = new Map<number, (typeof shards)[number]>();
  for (const entry of shards) {
    const seen = byIndex.get(entry.shard.index);
    if (seen) throw new ShardMergeError('duplicate', [seen.file, entry.file], `Shard ${entry.shard.index + 1}/${count} appears twice: ${seen.file} and ${entry.file}.`);
    byIndex.set(entry.shard.index, entry);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new ShardMergeError('missing', [], `Missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i + 1}/${count}`).join(', ')}: merge all ${count} shards.`);
  }

  const ordered = [...byIndex.values()].sort((a, b) => a.shard.index - b.shard.index);
  const scopeOwner = new Map<string, string>();
  const scopes: ScannedScope[] = [];
  for (const { file, report } of ordered) {
    for (const scope of report.scopes as readonly ScannedScope[]) {
      const key = `${scope.provider}\u0000${scope.id}`;
      const owner = scopeOwner.get(key);
      if (owner) throw new ShardMergeError('overlap', [owner, file], `Scope ${scope.provider}/${scope.id} was scanned by both ${owner} and ${file}.`);
      scopeOwner.set(key, file);
      scopes.push(scope);
    }
  }
  for (const [provider, expected] of Object.entries(first.shard.discovered)) {
    const ids = scopes.filter((scope) => scope.provider === provider).map((scope) => scope.id);
    if (ids.length !== expected.scopes || scopeSetDigest(ids) !== expected.digest) {
      throw new ShardMergeError('incomplete', ordered.map((s) => s.file), `The shards scanned ${ids.length} of ${expected.scopes} ${provider} scopes discovery found: some were skipped.`);
    }
  }
  const providerOrder = new Map(first.report.providers.map((p, i) => [p.id, i]));
  scopes.sort((a, b) => (providerOrder.get(a.provider) ?? 0) - (providerOrder.get(b.provider) ?? 0) || compareStrings(a.id, b.id));

  const findings = ordered.flatMap(({ report }) => report.findings as readonly Finding[]).sort(compareFindings);
  const operations: Record<string, RequestStats> = {};
  let requested = 0;
  let made = 0;
  let checkRunsPlanned = 0;
  let checkRunsFinished = 0;
  for (const { report } of ordered) {
    addStats(operations, report.stats.operations);
    requested += report.stats.requested;
    made += report.stats.made;
    checkRunsPlanned += report.stats.checkRunsPlanned;
    checkRunsFinished += report.stats.checkRunsFinished;
  }
  const sortedOperations = Object.fromEntries(Object.entries(operations).sort(([a], [b]) => compareStrings(a, b)));
  const startedAt = ordered.map((s) => s.report.generatedAt).sort()[0]!;
  // Every shard discovers every provider, so each records the same failed discoveries; the first wins.
  const discoveryErrors = Object.assign({}, ...ordered.map((s) => s.report.discoveryErrors ?? {}).reverse()) as NonNullable<ScanResult['discoveryErrors']>;
  return {
    result: {
      startedAt,
      providers: first.report.providers,
      scopes,
      checks: first.report.checks as unknown as readonly CheckMeta[],
      findings,
      stats: { requested, made, operations: sortedOperations, checkRunsPlanned, checkRunsFinished },
      aborted: ordered.some((s) => s.report.aborted),
      ...(Object.keys(discoveryErrors).length > 0 ? { discoveryErrors: Object.fromEntries(Object.entries(discoveryErrors).sort(([a], [b]) => compareStrings(a, b))) } : {}),
    },
    shards: ordered.map(({ file, report, shard }) => ({ file, index: shard.index, scopes: report.scopes.length, findings: report.findings.length })),
  };
}
