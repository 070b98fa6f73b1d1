/**
 * The sharded run (issue 10's figures): the clean estate split into `count` shards with core's
 * `scan({ shard })`, each shard in its own process (`shard-child.ts`) as a job engine would run them,
 * all at once against the same local cloud and so the same rate limits. Their JSON results are merged
 * with `mergeShardReports` and compared with the single clean scan of the same estate.
 * @module
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mergeShardReports, readJsonReport, type ScanResult } from '@demarc/core';
import type { BenchCloud, CloudCounters } from './cloud.ts';
import { accountFaults } from './fault.ts';
import type { ShardFigures, ShardJob } from './shard-child.ts';

/** What a sharded run measured. */
export interface ShardRun {
  /** Per shard, by index. */
  readonly shards: readonly ShardFigures[];
  /** From the first fork to the last exit, ms (process start-up and SDK loading included). */
  readonly totalMs: number;
  /** Time to read and merge the shards' JSON results, ms. */
  readonly mergeMs: number;
  /** Findings of the merged result. */
  readonly mergedFindings: number;
  /** Scopes of the merged result. */
  readonly mergedScopes: number;
  /** Clean findings missing from the merged result without an error of their check and scope (must be 0). */
  readonly lost: number;
  /** Clean findings present with another status (must be 0). */
  readonly changed: number;
  /** Clean findings missing, with an error finding of their check and scope in their place. */
  readonly replacedByErrors: number;
  /** Clean scopes the merged result does not list (must be 0). */
  readonly missingScopes: number;
  /** Merged findings the clean run does not have, error findings included (0 when nothing failed). */
  readonly extra: number;
  /** The local cloud's counters for the run. */
  readonly counters: CloudCounters;
  /** Why the merge failed, if it did. */
  readonly mergeError?: string;
}

/** Runs `count` shards side by side and merges them; `clean` is the single scan to compare with. */
export async function runShards(cloud: BenchCloud, count: number, clean: ScanResult): Promise<ShardRun> {
  await cloud.resetCounters();
  const dir = mkdtempSync(join(tmpdir(), 'demarc-bench-shards-'));
  const entry = fileURLToPath(new URL('./shard-child.ts', import.meta.url));
  const t0 = performance.now();
  const shards = await Promise.all(
    Array.from(
      { length: count },
      (_, index) =>
        new Promise<ShardFigures>((resolve, reject) => {
          const child = fork(entry, [], {
            execArgv: ['--import', 'tsx', '--conditions=@demarc/source'],
            env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
            serialization: 'advanced',
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          });
          let figures: ShardFigures | undefined;
          child.once('message', (m: ShardFigures) => (figures = m));
          child.once('exit', (code) => (figures ? resolve(figures) : reject(new Error(`shard ${String(index + 1)}/${String(count)} exited with ${String(code)} and no figures`))));
          child.send({ address: cloud.address, index, count, out: join(dir, `shard-${String(index + 1)}.json`) } satisfies ShardJob);
        }),
    ),
  );
  const totalMs = performance.now() - t0;
  const counters = await cloud.counters();
  const t1 = performance.now();
  try {
    const inputs = await Promise.all(shards.map(async (s) => {
      const file = join(dir, `shard-${String(s.index + 1)}.json`);
      return { file, report: await readJsonReport(file) };
    }));
    const merged = mergeShardReports(inputs);
    const mergeMs = performance.now() - t1;
    const accounting = accountFaults(clean, merged.result);
    const extra = accountFaults(merged.result, clean);
    return {
      shards,
      totalMs,
      mergeMs,
      mergedFindings: merged.result.findings.length,
      mergedScopes: merged.result.scopes.length,
      lost: accounting.lost.length,
      changed: accounting.changed.length,
      replacedByErrors: accounting.accountedByError,
      missingScopes: accounting.missingScopes.length,
      extra: extra.lost.length + merged.result.findings.filter((f) => f.status === 'error').length,
      counters,
    };
  } catch (error) {
    const mergeError = error instanceof Error ? error.message : String(error);
    return { shards, totalMs, mergeMs: performance.now() - t1, mergedFindings: 0, mergedScopes: 0, lost: clean.findings.length, changed: 0, replacedByErrors: 0, missingScopes: clean.scopes.length, extra: 0, counters, mergeError };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
