/**
 * What the scale benchmark tuned in the runner: providers discover at the same time, and their scopes
 * are scanned in turn rather than one cloud after the other. Output is unchanged (findings are sorted).
 */
import { describe, expect, it } from 'vitest';
import { scan } from './scan';
import { defineProvider } from '../provider/define-provider';
import type { ProviderV1 } from '../provider/types';
import { encryptedCheck, fakeProvider } from './__fixtures__/fake-provider';
import { CredentialsError } from '../errors';
import { renderJsonReport } from '../reports/json';
import { mergeShardReports, parseJsonReport, reportToScanResult } from '../merge/index';

const NOW = new Date('2025-06-01T12:00:00Z');

/** The fake provider under another id, recording when discovery and checks run. */
function vendor(id: string, log: string[], discoveryMs = 0): ProviderV1 {
  const base = fakeProvider({ scopes: 4 });
  const check = { ...encryptedCheck, meta: { ...encryptedCheck.meta, id: `${id}-encrypted`, provider: id } };
  return defineProvider({
    ...base,
    id,
    name: id,
    catalog: base.catalog.map((e) => ({ ...e, provider: id })),
    checks: [{ ...check, run: (context) => (log.push(`check ${id} ${context.scope.id}`), check.run(context)) }],
    async *discoverScopes(options) {
      log.push(`discover ${id} start`);
      await new Promise((r) => setTimeout(r, discoveryMs));
      for await (const s of base.discoverScopes(options)) yield s;
      log.push(`discover ${id} end`);
    },
  });
}

describe('scan order across providers', () => {
  it('discovers every provider at once', async () => {
    const log: string[] = [];
    await scan({ providers: [vendor('a', log, 30), vendor('b', log, 30)], concurrency: { global: 1 }, now: NOW });
    expect(log.slice(0, 2)).toEqual(['discover a start', 'discover b start']);
  });

  it('takes scopes from each provider in turn', async () => {
    const log: string[] = [];
    const result = await scan({ providers: [vendor('a', log), vendor('b', log)], concurrency: { global: 1, perScope: 1 }, now: NOW });
    const checks = log.filter((l) => l.startsWith('check'));
    expect(checks.slice(0, 4)).toEqual(['check a acct-000', 'check b acct-000', 'check a acct-001', 'check b acct-001']);
    // Same findings, in the same order, as scanning each provider alone.
    const alone = [...(await scan({ providers: [vendor('a', [])], now: NOW })).findings, ...(await scan({ providers: [vendor('b', [])], now: NOW })).findings];
    expect(result.findings).toEqual(alone);
  });

  it('a provider whose discovery fails reports error findings for its checks; the others are scanned', async () => {
    let orgCheckRan = false;
    const orgCheck = { ...encryptedCheck, meta: { ...encryptedCheck.meta, id: 'z-org', provider: 'z', level: 'organization' as const }, run: () => ((orgCheckRan = true), encryptedCheck.run) as never };
    const base = vendor('z', []);
    const broken: ProviderV1 = { ...base, checks: [...base.checks, orgCheck], discoverScopes: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('no org access')) }) }) };
    const result = await scan({ providers: [vendor('a', []), broken], now: NOW, record: true });
    const alone = await scan({ providers: [vendor('a', [])], now: NOW });
    expect(result.findings.filter((f) => f.resource.provider === 'a')).toEqual(alone.findings);
    const failed = result.findings.filter((f) => f.resource.provider === 'z');
    // One error per check, organization-level checks included (not run as well).
    expect(failed.map((f) => f.checkId)).toEqual(['z-encrypted', 'z-org']);
    expect(orgCheckRan).toBe(false);
    for (const f of failed) {
      expect(f).toMatchObject({ status: 'error', resource: { scope: 'organization' } });
      expect(f.message).toBe("Could not evaluate: Provider 'z' could not discover scopes: no org access");
    }
    expect(result.scopes.filter((s) => s.provider === 'z')).toEqual([]);
    // The result names the failed provider and the cause, for a caller to act on (the CLI exits 2).
    expect(result.discoveryErrors).toEqual({ z: { name: 'DemarcError', message: "Provider 'z' could not discover scopes: no org access" } });
    expect(alone.discoveryErrors).toBeUndefined();
    // A replay of the recorded snapshot reports the same failure without calling the provider.
    const replayed = await scan({ providers: [vendor('a', []), { ...broken, discoverScopes: () => { throw new Error('must not be called'); } }], now: NOW, replay: result.snapshot! });
    expect(replayed.findings).toEqual(result.findings);
    expect(replayed.discoveryErrors).toEqual(result.discoveryErrors);
  });

  it('missing credentials keep the hint (sources tried) through the result, the JSON report, a replay and a merge of shards', async () => {
    const hint = 'Tried: the environment and ~/.acme; run acme login.';
    const noCredentials: ProviderV1 = {
      ...vendor('z', []),
      discoverScopes: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new CredentialsError('acme:WhoAmI', 'no credentials found', hint)) }) }),
    };
    const expected = { z: { name: 'CredentialsError', message: "Provider 'z' could not discover scopes: no credentials found", operation: 'acme:WhoAmI', retryable: false, hint } };
    const result = await scan({ providers: [vendor('a', []), noCredentials], now: NOW, record: true });
    expect(result.discoveryErrors).toEqual(expected);
    expect(result.findings.filter((f) => f.resource.provider === 'z').map((f) => f.status)).toEqual(['error']);
    // The JSON report carries it and is valid against its own schema.
    const report = parseJsonReport(renderJsonReport(result));
    expect(report.discoveryErrors).toEqual(expected);
    expect(reportToScanResult(report).discoveryErrors).toEqual(expected);
    expect(parseJsonReport(renderJsonReport(await scan({ providers: [vendor('a', [])], now: NOW }))).discoveryErrors).toBeUndefined();
    // A replay rebuilds the same error, hint included.
    const replayed = await scan({ providers: [vendor('a', []), noCredentials], now: NOW, replay: result.snapshot! });
    expect(replayed.discoveryErrors).toEqual(expected);
    // Every shard discovers every provider; the merged result names the failure once.
    const shards = await Promise.all([0, 1].map(async (index) => {
      const shard = await scan({ providers: [vendor('a', []), noCredentials], now: NOW, shard: { index, count: 2 } });
      return { file: `shard-${index + 1}.json`, report: parseJsonReport(renderJsonReport(shard)) };
    }));
    expect(mergeShardReports(shards).result.discoveryErrors).toEqual(expected);
  });

  it('a refused discovery reads as access denied', async () => {
    const { AccessDeniedError } = await import('../errors');
    const refused: ProviderV1 = { ...vendor('z', []), discoverScopes: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new AccessDeniedError('organizations:ListAccounts', 'not allowed')) }) }) };
    const result = await scan({ providers: [refused], now: NOW });
    expect(result.findings.map((f) => [f.status, f.message])).toEqual([['error', "Access denied: Provider 'z' could not discover scopes: not allowed"]]);
  });
});
