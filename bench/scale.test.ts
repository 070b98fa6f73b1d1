/**
 * The scale benchmark's correctness version: 50 scopes per vendor instead of 1,000, the local cloud in
 * this process, the same buckets and fault mix. It checks counts and that nothing is lost (clean, fault
 * and sharded runs), never timings (the benchmark prints those).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Estate } from '@demarc/local-cloud';
import { mergeShardReports, parseJsonReport, renderJsonReport } from '@demarc/core';
import { accountFaults, causeClasses, hungRequests } from './fault.ts';
import { criticalPath, distinctNeeded, lowerBound } from './bound.ts';
import { startInProcess, type BenchCloud } from './cloud.ts';
import { benchEstate, benchLimits, cleanRules, faultRules, pickDeniedScopes } from './estate.ts';
import { redundantRequests, runScan, throttling, type ScanRun } from './scale.ts';

const N = 50;
/** Latencies ÷ 10, refill rates × 10: the same buckets and faults, counted in a few seconds. */
const SPEED = 10;
let estate: Estate;
let cloud: BenchCloud;
let clean: ScanRun;

beforeAll(async () => {
  estate = benchEstate(N);
  cloud = await startInProcess(estate, cleanRules(SPEED));
  clean = await runScan(cloud);
}, 120_000);
afterAll(() => cloud?.stop());

describe('clean run, 50 scopes per vendor', () => {
  it('scans every active scope of the three vendors without an error, a crash or a write', async () => {
    expect(clean.crash).toBeUndefined();
    const active = {
      aws: estate.aws!.accounts.filter((a) => a.status === 'ACTIVE').length,
      gcp: estate.gcp!.projects.filter((p) => p.state === 'ACTIVE').length,
      azure: estate.azure!.subscriptions.filter((s) => s.state === 'Enabled').length,
    };
    const byProvider = (id: string): number => clean.result.scopes.filter((s) => s.provider === id).length;
    expect({ aws: byProvider('aws'), gcp: byProvider('gcp'), azure: byProvider('azure') }).toEqual(active);
    expect(clean.result.findings.filter((f) => f.status === 'error')).toEqual([]);
    expect(clean.result.stats.checkRunsFinished).toBe(clean.result.stats.checkRunsPlanned);
    expect(clean.counters.writes).toBe(0);
  });

  it('makes no redundant request, and every throttled one is retried to success', () => {
    expect(clean.counters.redundant).toEqual({});
    expect(redundantRequests(clean)).toBe(0);
    expect(throttling(clean).gaveUp).toBe(0);
  });

  it('computes a bound from the buckets and the critical path', () => {
    const bound = lowerBound(clean.counters, benchLimits(), criticalPath(estate, { aws: 20, gcp: 100, azure: 1000 }));
    const needed = distinctNeeded(clean.counters);
    // Every account outside the management one is entered once; EC2 is asked once per account and region.
    expect(needed['aws:sts:AssumeRole']).toBe(estate.aws!.accounts.filter((a) => a.status === 'ACTIVE').length - 1);
    expect(needed['aws:ec2:DescribeSecurityGroups']).toBe(needed['aws:ec2:DescribeRegions']! * 14);
    expect(bound.seconds).toBeGreaterThan(0);
    expect(bound.seconds).toBe(Math.max(bound.buckets[0]!.seconds, bound.criticalPathSeconds));
    expect(bound.criticalPath[0]).toMatch(/^aws organizations:/);
  });
});

describe('sharded run, 50 scopes per vendor', () => {
  it('three shards side by side merge into the single scan: every scope once, no finding lost or added', async () => {
    await cloud.setFaults(cleanRules(SPEED));
    const count = 3;
    const shards = await Promise.all(Array.from({ length: count }, (_, index) => runScan(cloud, { shard: { index, count } }, { resetCounters: false })));
    for (const shard of shards) expect(shard.crash).toBeUndefined();
    expect(shards.reduce((n, r) => n + r.result.scopes.length, 0)).toBe(clean.result.scopes.length);
    expect(shards.every((r) => r.result.scopes.length > 0)).toBe(true);
    const merged = mergeShardReports(shards.map((r, i) => ({ file: `shard-${String(i + 1)}.json`, report: parseJsonReport(renderJsonReport(r.result)) })));
    const accounting = accountFaults(clean.result, merged.result);
    expect(accounting.lost).toEqual([]);
    expect(accounting.changed).toEqual([]);
    expect(accounting.missingScopes).toEqual([]);
    expect(merged.result.findings).toHaveLength(clean.result.findings.length);
  }, 120_000);
});

describe('fault run, 50 scopes per vendor', () => {
  it('loses no finding, crashes not, and reports every errored scope with its cause', async () => {
    const denied = pickDeniedScopes(estate, 0.1);
    await cloud.setFaults(faultRules(denied, { throttle: 0.1, serverError: 0.05, deniedScopes: 0.1, hangs: 1 }, undefined, SPEED));
    // A 1 s request timeout (the default is 20 s) ends the hung requests within the test's time; the
    // check timeout is the default, 300 s.
    const fault = await runScan(cloud, {}, { providers: { requestTimeoutMs: 1_000 } });
    expect(fault.crash).toBeUndefined();
    const accounting = accountFaults(clean.result, fault.result);
    expect(accounting.lost).toEqual([]);
    expect(accounting.changed).toEqual([]);
    expect(accounting.missingScopes).toEqual([]);
    expect(accounting.erroredScopes.every((s) => s.causes.length > 0)).toBe(true);
    // Every denied scope (all of them scanned scopes) is in error for access, and says so.
    const deniedIds = new Set([...denied.aws, ...denied.gcp, ...denied.azure]);
    const deniedInError = accounting.erroredScopes.filter((s) => deniedIds.has(s.scope) || deniedIds.has(s.scope.replace(/^projects\//, '')));
    expect(deniedInError.length).toBe(deniedIds.size);
    expect(deniedIds.size).toBeGreaterThan(5);
    expect(causeClasses(deniedInError)).toEqual({ 'access denied': deniedInError.length });
    // The faults were really injected.
    const outcomes = Object.keys(fault.counters.outcomes).join(' ');
    expect(outcomes).toMatch(/:throttle/);
    expect(outcomes).toMatch(/:serverError/);
    expect(outcomes).toMatch(/:timeout/);
    // Every hung request (one per vendor) was abandoned by its client and retried, so none became an error.
    expect(hungRequests(fault.counters.holds)).toMatchObject({ held: 3, closed: 3, retried: 3 });
    expect(causeClasses(accounting.erroredScopes)).not.toHaveProperty('timeout');
  }, 120_000);
});
