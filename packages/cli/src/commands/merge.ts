/**
 * `demarc merge <results...>`: merges the JSON reports of the shards of one scan (`demarc scan
 * --shard i/n --format json`) into the report a single scan would have produced, in any format, with
 * the same `--out` and `--fail-on` as `demarc scan`. Shards that do not belong together are refused
 * with the file and the reason (exit 2).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, ShardMergeError, mergeShardReports, parseJsonReport, type JsonReport, type MergedScan, type ShardMergeProblem } from '@demarc/core';
import { findConfigFile } from '../config';
import { CliError } from '../errors';
import type { Io, Palette } from '../output';
import { checkOutputPaths } from '../output-files';
import { emitReport, parseOutputFlags } from '../report-output';

/** The options of `demarc merge`, as commander parses them. */
export interface MergeCommandOptions {
  /** `--format <format>`. */
  readonly format?: string;
  /** `--json`: the same as `--format json`. */
  readonly json?: boolean;
  /** `--out <file>`. */
  readonly out?: string;
  /** `--fail-on <severity>`. */
  readonly failOn?: string;
  /**
   * `--config <file>`: the config file the shards were scanned with, which SARIF results point at.
   * Without it, the config file `demarc scan` would find in the working directory, if any.
   */
  readonly config?: string;
  /** `--allow-unverified`: `error` findings do not fail the `--fail-on` gate. */
  readonly allowUnverified?: boolean;
}

/** What {@link runMerge} needs from its caller. */
export interface MergeEnvironment {
  /** Where output goes. */
  readonly io: Io;
  /** Colours for stdout. */
  readonly colours: Palette;
  /** Colours for stderr. */
  readonly errColours: Palette;
  /** The working directory the files and `--out` are relative to. */
  readonly cwd: string;
}

/** What to do next, per reason a merge is refused. */
const NEXT_STEP: Readonly<Record<ShardMergeProblem, string>> = {
  corrupt: 'Run that shard again with --format json --out <file> and merge the file it writes, unchanged.',
  'not-a-shard': 'Merge the JSON reports of `demarc scan --shard i/n --format json`; a scan without --shard is already whole.',
  'different-scan': 'Merge the shards of one run only: the same demarc version, providers, config, shard count, --run-id and estate. Run the odd shard again with the others\' settings.',
  duplicate: 'Give each shard\'s report once (two files hold the same shard: a retried job, or the same --shard given to two jobs).',
  missing: 'Wait for every shard to finish, or run the missing one again with the same settings (demarc scan --shard i/n ...), then merge all of them.',
  overlap: 'The shards disagree about which scope is whose: run every shard with the same demarc version and shard count.',
  incomplete: 'Some discovered scopes are in no shard: run every shard again with the same settings.',
};

/** Reads one shard report; a file that is not a valid JSON report is `corrupt`. */
async function readShard(file: string, cwd: string): Promise<{ file: string; report: JsonReport }> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read the shard report ${file}: ${(error as Error).message}`, 'Check the path: give the files `demarc scan --shard i/n --format json --out <file>` wrote.');
  }
  try {
    return { file, report: parseJsonReport(text, file) };
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    // "shard-2.json: tool: is not a valid demarc JSON result: ..." → "shard-2.json is corrupt: it is not ... (at tool)".
    const prefix = [error.file, error.field].filter(Boolean).map((part) => `${part}: `).join('');
    const reason = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    throw new ShardMergeError('corrupt', [file], `${file} is corrupt: it ${reason}${error.field ? ` (at ${error.field})` : ''}`);
  }
}

/** The detail that tells two scans apart, when the shards carry it. */
function differentScanDetail(error: ShardMergeError, shards: readonly { file: string; report: JsonReport }[]): string {
  const [a, b] = error.files.map((file) => shards.find((s) => s.file === file)?.report);
  if (!a?.shard || !b?.shard) return '';
  if (a.shard.count !== b.shard.count) return ` They were split differently: ${a.shard.count} vs ${b.shard.count} shards.`;
  if ((a.shard.runId ?? '') !== (b.shard.runId ?? '')) return ` Run ids: '${a.shard.runId ?? '(none)'}' and '${b.shard.runId ?? '(none)'}'.`;
  const providers = (report: JsonReport): string => report.providers.map((p) => p.id).join(', ');
  if (providers(a) !== providers(b)) return ` Providers: ${providers(a)} and ${providers(b)}.`;
  if (a.checks.map((c) => c.id).join() !== b.checks.map((c) => c.id).join()) return ` Check sets: ${a.checks.length} and ${b.checks.length} checks (another config or check pack).`;
  return '';
}

/**
 * Reads and merges the shard reports, or throws a {@link CliError} naming the file and the reason.
 * @example
 * ```ts
 * const { result, shards } = await mergeShardFiles(['shard-1.json', 'shard-2.json', 'shard-3.json'], process.cwd());
 * ```
 */
export async function mergeShardFiles(files: readonly string[], cwd: string): Promise<MergedScan> {
  let shards: { file: string; report: JsonReport }[] = [];
  try {
    shards = await Promise.all(files.map((file) => readShard(file, cwd)));
    return mergeShardReports(shards);
  } catch (error) {
    if (!ShardMergeError.isInstance(error)) throw error;
    const detail = error.problem === 'different-scan' ? differentScanDetail(error, shards) : '';
    throw new CliError(`Cannot merge: ${error.message}${detail}`, NEXT_STEP[error.problem]);
  }
}

/** Runs `demarc merge` and returns the exit code (0, 1 when the `--fail-on` gate fails, 2 refused, partial or a provider not scanned). */
export async function runMerge(files: readonly string[], options: MergeCommandOptions, env: MergeEnvironment): Promise<number> {
  const output = parseOutputFlags(options);
  if (files.length === 0) throw new CliError('No shard report to merge.', 'Give every shard\'s JSON report: demarc merge shard-1.json shard-2.json shard-3.json');
  // Only named, never loaded: merge takes everything else from the shard reports.
  const configFile = findConfigFile(env.cwd, options.config);
  await checkOutputPaths([['--out', options.out]], env.cwd, 'nothing was merged');
  const { result, shards } = await mergeShardFiles(files, env.cwd);
  const count = shards.length;
  // The log line that proves the partition: every scope in exactly one shard, none skipped.
  env.io.stderr.write(
    `Merged ${count} shard report(s): ${shards.map((s) => `${s.index + 1}/${count} ${s.file} (${s.scopes} scope(s), ${s.findings} finding(s))`).join('; ')}. ` +
      `${result.scopes.length} scope(s) in all, each scanned by exactly one shard.\n`,
  );
  return emitReport(
    result,
    {
      ...output,
      ...(options.out === undefined ? {} : { out: options.out }),
      target: `${count} merged shard report(s)`,
      skipped: [],
      abortedMessage: ['a shard was interrupted; the merged report above is partial.', 'Run the interrupted shard again to completion, then merge again.'],
      ...(configFile === undefined ? {} : { configFile }),
      allowUnverified: options.allowUnverified === true,
    },
    env,
  );
}
