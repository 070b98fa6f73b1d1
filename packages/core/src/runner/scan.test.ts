import { describe, expect, it } from 'vitest';
import { scan } from './scan';
import { defineCheck } from '../checks/define-check';
import { ATTESTATION_CHECKS } from '../checks/attestation';
import { parseAttestationText } from '../attestations/index';
import { parseSnapshot, serializeSnapshot } from '../snapshot/index';
import { renderJsonReport } from '../reports/json';
import { AccessDeniedError } from '../errors';
import { encryptedCheck, fakeProvider, loggingCheck, publicCheck } from './__fixtures__/fake-provider';

const NOW = new Date('2025-06-01T12:00:00Z');
/** Metadata of the small checks defined in these tests. */
const META = {
  title: 't', description: 'd', domain: 'governance', severity: 'low', rationale: 'r', remediation: 'm', references: [],
} as const;

describe('scan', () => {
  it('3 checks sharing one collector over 100 scopes make exactly 100 collector calls', async () => {
    const calls = new Map<string, number>();
    const provider = fakeProvider({ scopes: 100, calls });
    const result = await scan({ providers: [provider], includeProviderChecks: false, checks: [publicCheck, encryptedCheck, loggingCheck], now: NOW });
    expect(calls.get('storage:ListBuckets')).toBe(100);
    expect(result.stats).toMatchObject({ requested: 300, made: 100, checkRunsPlanned: 300, checkRunsFinished: 300 });
    expect(result.stats.operations['fake:storage:ListBuckets']).toEqual({ requested: 300, made: 100 });
    expect(result.findings).toHaveLength(600);
    expect(result.scopes.map((s) => s.id).slice(0, 3)).toEqual(['acct-000', 'acct-001', 'acct-002']);
  });

  it('a throwing check yields error findings with the cause, and the other checks are intact', async () => {
    const throwing = defineCheck({
      meta: { id: 'fake-throws', title: 't', description: 'd', domain: 'governance', severity: 'low', rationale: 'r', remediation: 'm', references: [] },
      // eslint-disable-next-line require-yield
      async *run() {
        throw new Error('boom');
      },
    });
    const base = await scan({ providers: [fakeProvider({ scopes: 5 })], now: NOW });
    const withThrow = await scan({ providers: [fakeProvider({ scopes: 5 })], checks: [throwing], now: NOW });
    const errors = withThrow.findings.filter((f) => f.checkId === 'fake-throws');
    expect(errors).toHaveLength(5);
    expect(errors.every((f) => f.status === 'error' && f.error?.message === 'boom' && f.message.includes('boom'))).toBe(true);
    expect(withThrow.findings.filter((f) => f.checkId !== 'fake-throws')).toEqual(base.findings);
  });

  it('a permission error is an error finding, never a pass, and is requested once', async () => {
    let calls = 0;
    const provider = { ...fakeProvider({ scopes: 2 }) };
    const denied = {
      ...provider,
      collectors: {
        ...provider.collectors,
        'storage:ListBuckets': async () => {
          calls += 1;
          throw new AccessDeniedError('storage:ListBuckets', 'User is not authorized to perform storage:ListBuckets');
        },
      },
    };
    const result = await scan({ providers: [denied], includeProviderChecks: false, checks: [publicCheck, encryptedCheck], now: NOW });
    expect(calls).toBe(2);
    expect(result.findings.map((f) => f.status)).toEqual(['error', 'error', 'error', 'error']);
    expect(result.findings[0]).toMatchObject({ error: { name: 'AccessDeniedError', operation: 'storage:ListBuckets' } });
    expect(result.findings[0]!.message).toMatch(/^Access denied: /);
  });

  it('a check may collect in another scope: one shared call, recorded under that scope, replayed alike', async () => {
    const calls = new Map<string, number>();
    const asked: string[] = [];
    // Every scope also reads acct-000's buckets (as an AWS member reads the management account's trails).
    const crossScope = defineCheck({
      meta: { ...META, id: 'fake-cross-scope' },
      async *run(context) {
        const owner = { id: 'acct-000', kind: 'account' };
        const theirs = await context.collect<{ id: string }[]>('storage:ListBuckets', {}, { scope: owner });
        asked.push(`${context.scope.id}<-${theirs[0]!.id}`);
        yield { status: 'pass', message: `sees ${theirs.length} buckets of ${owner.id}` };
      },
    });
    const options = { includeProviderChecks: false, checks: [publicCheck, crossScope], now: NOW };
    const live = await scan({ ...options, providers: [fakeProvider({ scopes: 4, calls })], record: true });
    const scopes = ['acct-000', 'acct-001', 'acct-002', 'acct-003'];
    expect(calls.get('storage:ListBuckets')).toBe(4);
    expect(asked.sort()).toEqual(scopes.map((id) => `${id}<-arn:fake:s3:::acct-000-data`));
    const recorded = live.snapshot!.requests.filter((r) => r.operation === 'storage:ListBuckets');
    expect(recorded.map((r) => r.scope).sort()).toEqual(scopes);
    calls.clear();
    const replay = parseSnapshot(serializeSnapshot(live.snapshot!));
    const replayed = await scan({ ...options, providers: [fakeProvider({ scopes: 4, calls })], replay });
    expect(calls.size).toBe(0);
    expect(renderJsonReport(replayed)).toBe(renderJsonReport(live));
  });

  it('an error a check yields itself for one resource carries its cause, and the other results stay', async () => {
    const partial = defineCheck({
      meta: { ...META, id: 'fake-partial' },
      *run() {
        yield { status: 'pass', resource: { id: 'a' }, message: 'a is fine' };
        const error = new AccessDeniedError('x:Read', 'not allowed');
        yield { status: 'error', resource: { id: 'b' }, message: 'b could not be read', error };
      },
    });
    const options = { includeProviderChecks: false, checks: [partial], now: NOW };
    const result = await scan({ ...options, providers: [fakeProvider({ scopes: 1 })] });
    const seen = result.findings.map((f) => [f.resource.id, f.status, f.error?.name]);
    expect(seen).toEqual([['a', 'pass', undefined], ['b', 'error', 'AccessDeniedError']]);
  });

  it('an aborted scan stops promptly and returns what it had', async () => {
    const controller = new AbortController();
    const started = Date.now();
    let finished = 0;
    const promise = scan({
      providers: [fakeProvider({ scopes: 200, delayMs: 50 })],
      concurrency: { global: 4, perScope: 2 },
      signal: controller.signal,
      now: NOW,
      onProgress: (e) => {
        if (e.type === 'check-finished' && e.outcome === 'ok' && ++finished === 8) controller.abort();
      },
    });
    const result = await promise;
    expect(Date.now() - started).toBeLessThan(2_000); // unaborted it would take 200 scopes × 50 ms / 4 ≈ 2.5 s+
    expect(result.aborted).toBe(true);
    expect(result.stats.checkRunsFinished).toBeLessThan(result.stats.checkRunsPlanned);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => f.status !== 'error')).toBe(true);
  });

  it('a check over its time limit becomes an error with TimeoutError', async () => {
    const slow = defineCheck({
      meta: { id: 'fake-slow', title: 's', description: 'd', domain: 'governance', severity: 'low', rationale: 'r', remediation: 'm', references: [] },
      async *run(context) {
        yield { status: 'pass', message: 'first' };
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        void context;
      },
    });
    const result = await scan({ providers: [fakeProvider({ scopes: 1 })], includeProviderChecks: false, checks: [slow], checkTimeoutMs: 50, now: NOW });
    expect(result.findings.map((f) => f.status).sort()).toEqual(['error', 'pass']);
    expect(result.findings.find((f) => f.status === 'error')?.error?.name).toBe('TimeoutError');
  });

  it('limits concurrent calls per API operation', async () => {
    const inFlight = { now: 0, max: 0 };
    await scan({ providers: [fakeProvider({ scopes: 20, delayMs: 10, inFlight })], concurrency: { global: 20, perScope: 4, operations: { 'storage:ListBuckets': 2 } }, now: NOW });
    expect(inFlight.max).toBe(2);
  });

  it('fills in owner and service model from the catalog, and triages provider-managed resources', async () => {
    const result = await scan({ providers: [fakeProvider({ scopes: 1 })], now: NOW });
    const linked = result.findings.find((f) => f.resource.id.endsWith('fake-linked'))!;
    expect(linked).toMatchObject({ status: 'provider-managed', originalStatus: 'fail', providerManaged: expect.stringContaining('service-linked') });
    const admin = result.findings.find((f) => f.resource.id.endsWith('role/admin'))!;
    expect(admin).toMatchObject({ status: 'fail', domain: 'accounts-access', serviceModel: 'saas', owner: 'customer', resource: { service: 'iam' } });
    const bucket = result.findings.find((f) => f.checkId === 'fake-bucket-public')!;
    expect(bucket).toMatchObject({ serviceModel: 'paas', resource: { service: 'storage', region: 'eu-1' } });
  });

  it('takes ownership from the service a check names, before what the type classifies as', async () => {
    const network = defineCheck({
      meta: { id: 'fake-network', title: 'network', description: 'd', domain: 'network-controls', severity: 'low', rationale: 'r', remediation: 'm', references: [] },
      *run() {
        yield { status: 'fail', resource: { id: 'named-only', service: 'iam' } };
        yield { status: 'fail', resource: { id: 'named-and-typed', type: 'fake:bucket', service: 'iam' } };
        yield { status: 'fail', resource: { id: 'typed-only', type: 'fake:bucket' } };
      },
    });
    const result = await scan({ providers: [{ ...fakeProvider({ scopes: 1 }), checks: [] }], checks: [network], now: NOW });
    expect(result.findings.map((f) => [f.resource.id, f.resource.service, f.serviceModel, f.owner])).toEqual([
      ['named-and-typed', 'iam', 'saas', 'provider'],
      ['named-only', 'iam', 'saas', 'provider'],
      ['typed-only', 'storage', 'paas', 'shared'],
    ]);
  });

  it('snapshot → replay gives the same JSON report byte for byte, with no cloud call and no secret', async () => {
    const calls = new Map<string, number>();
    const attestations = parseAttestationText('version: 1\nattestations: []\n', 'a.yaml');
    const live = await scan({ providers: [fakeProvider({ scopes: 10, calls })], checks: ATTESTATION_CHECKS, attestations, now: NOW, record: true });
    const text = serializeSnapshot(live.snapshot!);
    expect(text).not.toMatch(/SECRET|TOKEN|secretAccessKey|sessionToken/);
    calls.clear();
    const replayed = await scan({ providers: [fakeProvider({ scopes: 999, calls })], checks: ATTESTATION_CHECKS, attestations, now: NOW, replay: parseSnapshot(text) });
    expect(calls.size).toBe(0);
    expect(renderJsonReport(replayed)).toBe(renderJsonReport(live));
    expect(replayed.findings.length).toBeGreaterThan(50);
  });

  it('gives the same report whatever order scopes are discovered in and whatever the concurrency', async () => {
    const a = await scan({ providers: [fakeProvider({ scopes: 12 })], now: NOW, concurrency: { global: 1, perScope: 1 } });
    const b = await scan({ providers: [fakeProvider({ scopes: 12, delayMs: 1 })], now: NOW, concurrency: { global: 32, perScope: 8 } });
    expect(renderJsonReport(a)).toBe(renderJsonReport(b));
  });

  it('rejects two different checks with one id', async () => {
    const twin = defineCheck({ meta: { ...publicCheck.meta }, run: () => [] });
    await expect(scan({ providers: [fakeProvider()], checks: [twin] })).rejects.toThrow(/Two different checks/);
  });
});
