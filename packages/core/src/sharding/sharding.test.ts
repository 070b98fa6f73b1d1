import { describe, expect, it } from 'vitest';
import { scan } from '../runner/scan';
import { ATTESTATION_CHECKS } from '../checks/attestation';
import { defineCheck } from '../checks/define-check';
import { renderJsonReport } from '../reports/json';
import { fakeProvider } from '../runner/__fixtures__/fake-provider';
import { ShardMergeError, mergeShardReports, parseJsonReport } from '../merge/index';
import { parseShardSpec, shardOf } from './partition';

const NOW = new Date('2026-11-01T00:00:00Z');
const SCOPES = 60;

/** An organization-level check: it must run in exactly one shard. */
const orgCheck = defineCheck({
  meta: { id: 'fake-org-trail', title: 'an organization trail exists', description: 'd', domain: 'logging-monitoring', severity: 'high', rationale: 'r', remediation: 'm', references: [], level: 'organization' },
  *run() {
    yield { status: 'fail', message: 'no organization trail' };
  },
});

const scanShard = async (shard?: { index: number; count: number; runId?: string }, checks = [orgCheck, ...ATTESTATION_CHECKS]) =>
  scan({ providers: [fakeProvider({ scopes: SCOPES })], checks, now: NOW, ...(shard ? { shard } : {}) });

const shardFiles = async (count: number, runId?: string) =>
  Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const text = renderJsonReport(await scanShard({ index, count, ...(runId ? { runId } : {}) }));
      return { file: `shard-${index + 1}-of-${count}.json`, report: parseJsonReport(text, `shard-${index + 1}-of-${count}.json`) };
    }),
  );

describe('sharded scans', () => {
  it('put a scope in the same shard whatever the discovery order, and spread scopes over every shard', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `acct-${i}`);
    const shardsOf = (list: string[]) => new Map(list.map((id) => [id, shardOf('fake', id, 7)]));
    expect(shardsOf([...ids].reverse())).toEqual(shardsOf(ids));
    const sizes = Array<number>(7).fill(0);
    for (const shard of shardsOf(ids).values()) sizes[shard] = (sizes[shard] ?? 0) + 1;
    for (const size of sizes) expect(size).toBeGreaterThan(20);
  });

  it('parse i/n as one-based, and refuse nonsense', () => {
    expect(parseShardSpec('2/3')).toEqual({ index: 1, count: 3 });
    expect(() => parseShardSpec('0/3')).toThrow(/from 1 to 3/);
    expect(() => parseShardSpec('4/3')).toThrow(/from 1 to 3/);
    expect(() => parseShardSpec('two')).toThrow(/i\/n/);
  });

  for (const count of [1, 3, 7]) {
    it(`merge ${count} shard(s) into the single scan's JSON report, byte for byte, with no scope twice and none skipped`, async () => {
      const single = renderJsonReport(await scanShard());
      const shards = await shardFiles(count);
      const merged = mergeShardReports(shards);
      expect(renderJsonReport(merged.result)).toBe(single);
      // Every scope in exactly one shard; the organization-level and attestation checks in shard 1 only.
      expect(merged.shards.reduce((n, s) => n + s.scopes, 0)).toBe(SCOPES);
      const orgFindings = shards.map(({ report }) => report.findings.filter((f) => f.resource.scope === 'organization').length);
      expect(orgFindings[0]).toBe(1 + ATTESTATION_CHECKS.length);
      expect(orgFindings.slice(1).every((n) => n === 0)).toBe(true);
      if (count > 1) expect(shards.every(({ report }) => report.scopes.length < SCOPES)).toBe(true);
    });
  }

  describe('refuse to merge, naming the reason', () => {
    const refusal = (inputs: Parameters<typeof mergeShardReports>[0]) => {
      try {
        mergeShardReports(inputs);
      } catch (error) {
        if (ShardMergeError.isInstance(error)) return { problem: error.problem, message: error.message };
        throw error;
      }
      throw new Error('merge did not refuse');
    };

    it('a missing shard', async () => {
      const shards = await shardFiles(3);
      expect(refusal([shards[0]!, shards[2]!])).toEqual({ problem: 'missing', message: 'Missing shard 2/3: merge all 3 shards.' });
    });

    it('a duplicated shard', async () => {
      const shards = await shardFiles(3);
      expect(refusal([...shards, { ...shards[1]!, file: 'copy.json' }])).toMatchObject({ problem: 'duplicate', message: expect.stringContaining('Shard 2/3 appears twice: shard-2-of-3.json and copy.json') });
    });

    it('a shard of another scan (another run id, or another check set)', async () => {
      const [a, , c] = await shardFiles(3, 'run-1');
      const [, otherB] = await shardFiles(3, 'run-2');
      expect(refusal([a!, otherB!, c!]).problem).toBe('different-scan');
      const fewerChecks = renderJsonReport(await scanShard({ index: 1, count: 3, runId: 'run-1' }, [orgCheck]));
      expect(refusal([a!, { file: 'other.json', report: parseJsonReport(fewerChecks, 'other.json') }, c!])).toMatchObject({ problem: 'different-scan', message: expect.stringContaining('other.json is from a different scan') });
    });

    it('a result that is not a shard, and a corrupt file', async () => {
      const whole = parseJsonReport(renderJsonReport(await scanShard()), 'whole.json');
      expect(refusal([{ file: 'whole.json', report: whole }])).toMatchObject({ problem: 'not-a-shard' });
      expect(() => parseJsonReport('{"schemaVersion":"1.0.0"', 'broken.json')).toThrow(/broken\.json: is not a demarc JSON result/);
      expect(() => parseJsonReport('{"schemaVersion":"1.0.0"}', 'partial.json')).toThrow(/partial\.json: tool: is not a valid demarc JSON result/);
    });
  });
});
