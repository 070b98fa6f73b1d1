/**
 * One shard of a sharded scan, in its own process as a job engine would run it (see `shard.ts`): scans
 * its share of the scopes against the benchmark's local cloud with the default settings, writes the
 * JSON result to a file (streamed, as `demarc scan --shard i/n --format json` does) and sends its
 * figures to the parent. Loopback only.
 * @module
 */
import '@demarc/local-cloud/loopback-guard';
import { closeSync, openSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { jsonReportChunks, scan } from '@demarc/core';
import { benchProviders, type CloudAddress } from './cloud.ts';

/** What the parent sends. */
export interface ShardJob {
  /** The local cloud. */
  readonly address: CloudAddress;
  /** Zero-based shard index. */
  readonly index: number;
  /** Number of shards. */
  readonly count: number;
  /** Where to write the JSON result. */
  readonly out: string;
}

/** What the child answers. */
export interface ShardFigures {
  /** Zero-based shard index. */
  readonly index: number;
  /** Wall time of `scan()`, ms (the process's start-up and SDK loading not included). */
  readonly scanMs: number;
  /** Wall time of writing the JSON result, ms. */
  readonly writeMs: number;
  /** Scopes this shard scanned, per provider. */
  readonly scopes: Readonly<Record<string, number>>;
  /** Findings it produced. */
  readonly findings: number;
  /** Error findings among them. */
  readonly errors: number;
  /** The error findings' causes, distinct, at most 5 (`provider/scope check: message`). */
  readonly errorCauses: readonly string[];
  /** Peak RSS of the process, bytes. */
  readonly peakRssBytes: number;
  /** CPU time of the process (user + system), ms. */
  readonly cpuMs: number;
  /** Set when `scan()` threw. */
  readonly crash?: string;
}

process.once('message', (job: ShardJob) => {
  void (async () => {
    const t0 = performance.now();
    let figures: ShardFigures;
    try {
      const result = await scan({ providers: benchProviders(job.address), shard: { index: job.index, count: job.count }, now: new Date('2026-01-01T00:00:00Z') });
      const scanMs = performance.now() - t0;
      const t1 = performance.now();
      const fd = openSync(job.out, 'w');
      let buffer = '';
      for (const chunk of jsonReportChunks(result)) {
        buffer += chunk;
        if (buffer.length >= 65_536) {
          writeSync(fd, buffer);
          buffer = '';
        }
      }
      writeSync(fd, buffer);
      closeSync(fd);
      const scopes: Record<string, number> = {};
      for (const s of result.scopes) scopes[s.provider] = (scopes[s.provider] ?? 0) + 1;
      const usage = process.resourceUsage();
      figures = {
        index: job.index,
        scanMs,
        writeMs: performance.now() - t1,
        scopes,
        findings: result.findings.length,
        errors: result.findings.filter((f) => f.status === 'error').length,
        errorCauses: [...new Set(result.findings.filter((f) => f.status === 'error').map((f) => `${f.resource.provider}/${f.resource.scope} ${f.checkId}: ${f.message}`))].slice(0, 5),
        peakRssBytes: usage.maxRSS * 1024,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      };
    } catch (error) {
      const usage = process.resourceUsage();
      figures = {
        index: job.index,
        scanMs: performance.now() - t0,
        writeMs: 0,
        scopes: {},
        findings: 0,
        errors: 0,
        errorCauses: [],
        peakRssBytes: usage.maxRSS * 1024,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        crash: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      };
    }
    process.send?.(figures, () => process.disconnect());
  })();
});
