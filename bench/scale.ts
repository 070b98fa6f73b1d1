/**
 * One full scan of the three providers against a local cloud, with the figures the benchmark prints:
 * wall time, CPU, peak RSS, requests by outcome, and the scan result itself.
 * @module
 */
import { performance } from 'node:perf_hooks';
import { scan, type Finding, type ScanOptions, type ScanResult } from '@demarc/core';
import { benchProviders, type BenchCloud, type BenchProviderSettings, type CloudCounters } from './cloud.ts';

/** What one scan run measured. */
export interface ScanRun {
  /** The scan's result. */
  readonly result: ScanResult;
  /** Wall time of `scan()`, ms. */
  readonly wallMs: number;
  /** CPU time of this process during the scan (user + system), ms. */
  readonly cpuMs: number;
  /** Peak RSS of this process during the scan, sampled every 50 ms, bytes. */
  readonly peakRssBytes: number;
  /** The local cloud's counters for the run. */
  readonly counters: CloudCounters;
  /** Set when `scan()` threw: a crash. */
  readonly crash?: string;
}

/** How {@link runScan} runs. */
export interface RunSettings {
  /** Zero the cloud's counters first (default true). */
  readonly resetCounters?: boolean;
  /** Provider settings changed for speed (default none). */
  readonly providers?: BenchProviderSettings;
}

/**
 * Runs one scan with the providers' and the runner's default settings (plus `options`, and `providers`
 * for the providers). The cloud's counters are zeroed first unless `resetCounters` is false (scans run
 * side by side share them).
 */
export async function runScan(
  cloud: BenchCloud,
  options: Partial<ScanOptions> = {},
  run: RunSettings = {},
): Promise<ScanRun> {
  const { resetCounters = true, providers: settings = {} } = run;
  if (resetCounters) await cloud.resetCounters();
  const providers = benchProviders(cloud.address, settings);
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let result: ScanResult | undefined;
  let crash: string | undefined;
  try {
    result = await scan({ providers, now: new Date('2026-01-01T00:00:00Z'), ...options });
  } catch (error) {
    crash = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } finally {
    clearInterval(sampler);
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  peak = Math.max(peak, process.memoryUsage.rss());
  const counters = await cloud.counters();
  const empty: ScanResult = {
    startedAt: '',
    providers: [],
    scopes: [],
    checks: [],
    findings: [],
    stats: { requested: 0, made: 0, operations: {}, checkRunsPlanned: 0, checkRunsFinished: 0 },
    aborted: false,
  };
  return { result: result ?? empty, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakRssBytes: peak, counters, ...(crash ? { crash } : {}) };
}

/** Sums counters whose key matches. */
export function sumWhere(record: Readonly<Record<string, number>>, test: (key: string) => boolean): number {
  let n = 0;
  for (const [k, v] of Object.entries(record)) if (test(k)) n += v;
  return n;
}

const THROTTLING = /throttl|TooManyRequests|RequestLimitExceeded|SlowDown|RESOURCE_EXHAUSTED|Rate exceeded|\b429\b/i;

/** Whether an error finding was caused by throttling (the scanner gave up retrying). */
export const isThrottlingError = (f: Finding): boolean => f.status === 'error' && THROTTLING.test(`${f.error?.name ?? ''} ${f.error?.message ?? f.message}`);

/** Throttling answers the cloud gave, and how many of them the scanner did not get past. */
export function throttling(run: ScanRun): { seen: number; gaveUp: number } {
  const seen = sumWhere(run.counters.outcomes, (k) => k.endsWith(':throttle'));
  const gaveUp = run.result.findings.filter(isThrottlingError).length;
  return { seen, gaveUp };
}

/** Requests received by the cloud, all outcomes. */
export const totalRequests = (run: ScanRun): number => sumWhere(run.counters.requests, () => true);
/** Repeats of answered requests. */
export const redundantRequests = (run: ScanRun): number => sumWhere(run.counters.redundant, () => true);
