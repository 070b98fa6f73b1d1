import { ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { ResourceManagementClient } from '@azure/arm-resources';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoEstate } from './estate/demo.ts';
import { FaultEngine } from './faults.ts';
import { type LocalCloud, startLocalCloud } from './server.ts';

describe('FaultEngine', () => {
  it('matches vendor, operation (string or pattern) and scope, and counts `times`', () => {
    const f = new FaultEngine([{ vendor: 'gcp', operation: /^projects\./, scope: 'projects/a', accessDenied: true, times: 1 }]);
    expect(f.decide('aws', 'projects.get', 'projects/a').kind).toBe('serve');
    expect(f.decide('gcp', 'projects.get', 'projects/b').kind).toBe('serve');
    expect(f.decide('gcp', 'projects.get', 'projects/a').kind).toBe('accessDenied');
    expect(f.decide('gcp', 'projects.get', 'projects/a').kind).toBe('serve');
  });

  it('matches the request\'s parameters (`request`): one service\'s call fails, another\'s does not', () => {
    const operation = 'organizations:ListDelegatedAdministrators';
    const f = new FaultEngine([{ vendor: 'aws', operation, request: /guardduty\.amazonaws\.com/, serverError: 500 }]);
    const call = (principal: string) => f.decide('aws', operation, '1', `\n{"ServicePrincipal":"${principal}"}`);
    expect(call('guardduty.amazonaws.com').kind).toBe('serverError');
    expect(call('config.amazonaws.com').kind).toBe('serve');
    const byText = new FaultEngine([{ request: 'Action=ListUsers', throttle: true }]);
    expect(byText.decide('aws', 'iam:ListUsers', '1', 'Action=ListUsers&Version=2010-05-08').kind).toBe('throttle');
  });

  it('throttles with a token bucket: a burst, then the refill rate', async () => {
    const f = new FaultEngine([{ rateLimit: { burst: 3, perSecond: 20 } }]);
    const kinds = Array.from({ length: 5 }, () => f.decide('aws', 'organizations:ListAccounts', undefined).kind);
    expect(kinds).toEqual(['serve', 'serve', 'serve', 'throttle', 'throttle']);
    await new Promise((r) => setTimeout(r, 120)); // ~2 tokens back at 20/s
    expect(f.decide('aws', 'organizations:ListAccounts', undefined).kind).toBe('serve');
  });

  it('adds latencies of every matching rule and lets the first error win', () => {
    const f = new FaultEngine([{ latencyMs: 5 }, { vendor: 'azure', latencyMs: 7, serverError: 503 }, { throttle: true }]);
    expect(f.decide('azure', 'resources.list', 's')).toEqual({ kind: 'serverError', status: 503, latencyMs: 12 });
    expect(f.decide('aws', 'x', undefined)).toEqual({ kind: 'throttle', retryAfterSeconds: 0, latencyMs: 5 });
  });

  it('applies a fault to a seeded share of requests (`probability`)', () => {
    const draws = (seed: number): string[] => {
      const f = new FaultEngine([{ vendor: 'aws', throttle: true, probability: 0.1, seed }]);
      return Array.from({ length: 2000 }, () => f.decide('aws', 'ec2:DescribeRegions', 'a').kind);
    };
    const kinds = draws(7);
    const throttled = kinds.filter((k) => k === 'throttle').length;
    expect(throttled).toBeGreaterThan(150);
    expect(throttled).toBeLessThan(250);
    expect(draws(7)).toEqual(kinds); // same seed, same draws
  });

  it('can remove one rule or all', () => {
    const f = new FaultEngine();
    const remove = f.add({ throttle: true });
    expect(f.decide('gcp', 'a', undefined).kind).toBe('throttle');
    remove();
    expect(f.decide('gcp', 'a', undefined).kind).toBe('serve');
    f.add({ timeout: true });
    f.clear();
    expect(f.decide('gcp', 'a', undefined).kind).toBe('serve');
  });
});

describe('faults on the wire', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startLocalCloud({ estate: demoEstate() });
  });
  afterAll(() => cloud.stop());

  it('delays answers by the configured latency', async () => {
    const remove = cloud.faults.add({ vendor: 'aws', operation: 'organizations:ListRoots', latencyMs: 150 });
    try {
      const t = Date.now();
      await new OrganizationsClient({ ...cloud.aws.clientConfig(), maxAttempts: 1 }).send(new ListRootsCommand({}));
      expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    } finally {
      remove();
    }
  });

  it('holds a request open until the client times out', async () => {
    const remove = cloud.faults.add({ vendor: 'aws', operation: 'organizations:ListRoots', timeout: true });
    try {
      const client = new OrganizationsClient({ ...cloud.aws.clientConfig(), maxAttempts: 1 });
      const t = Date.now();
      const error = (await client.send(new ListRootsCommand({}), { abortSignal: AbortSignal.timeout(200) }).catch((e: unknown) => e)) as Error;
      expect(error.name).toBe('AbortError');
      expect(Date.now() - t).toBeGreaterThanOrEqual(190);
      expect(cloud.counters.outcomes('aws', 'organizations:ListRoots', 'timeout')).toBe(1);
    } finally {
      remove();
    }
  });

  it('notes when the client closes a held request, and when it sends it again', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'aws', operation: 'organizations:ListRoots', timeout: true, times: 1 });
    try {
      const client = new OrganizationsClient({ ...cloud.aws.clientConfig(), maxAttempts: 1 });
      await client.send(new ListRootsCommand({}), { abortSignal: AbortSignal.timeout(100) }).catch(() => undefined);
      await vi.waitFor(() => expect(cloud.counters.holds()[0]?.heldMs).toBeDefined());
      expect(cloud.counters.holds()[0]?.retriedAfterMs).toBeUndefined();
      await client.send(new ListRootsCommand({}));
      const held = cloud.counters.holds().map((h) => [h.operation, h.heldMs ?? 'open', h.retriedAfterMs ?? 'no retry']);
      expect(held).toEqual([['organizations:ListRoots', expect.any(Number), expect.any(Number)]]);
    } finally {
      remove();
    }
  });

  it('answers 503 and the Azure client retries it', async () => {
    const remove = cloud.faults.add({ vendor: 'azure', operation: 'resourceGroups.list', serverError: 503, times: 1 });
    try {
      const client = new ResourceManagementClient(cloud.azure.credential, '22222222-2222-2222-2222-222222222222', {
        ...cloud.azure.clientOptions(),
        retryOptions: { retryDelayInMs: 5, maxRetryDelayInMs: 10 },
      });
      const names = [];
      for await (const g of client.resourceGroups.list()) names.push(g.name);
      expect(names).toEqual(['rg-dev']);
      expect(cloud.counters.outcomes('azure', 'resourceGroups.list', 'serverError')).toBe(1);
    } finally {
      remove();
    }
  });
});

describe('RequestCounters: repeats versus retries', () => {
  it('counts a repeat of an answered request as redundant, never a retry of a refused one', async () => {
    const { RequestCounters } = await import('./faults.ts');
    const c = new RequestCounters();
    c.record('aws', 'ec2:DescribeRegions', 'throttle', 'a|us-east-1');
    c.record('aws', 'ec2:DescribeRegions', 'serve', 'a|us-east-1'); // the retry: not redundant
    c.record('aws', 'ec2:DescribeRegions', 'serve', 'a|eu-west-1'); // another region: distinct
    c.record('aws', 'ec2:DescribeRegions', 'serve', 'a|us-east-1'); // asked again: redundant
    c.record('gcp', 'projects.get', 'accessDenied', 'p');
    c.record('gcp', 'projects.get', 'accessDenied', 'p'); // a denial is a final answer too
    expect(c.redundant()).toEqual({ 'aws:ec2:DescribeRegions': 1, 'gcp:projects.get': 1 });
    expect(c.outcomeSnapshot()).toEqual({ 'aws:ec2:DescribeRegions:throttle': 1, 'gcp:projects.get:accessDenied': 2 });
    c.reset();
    expect(c.redundant()).toEqual({});
  });

  it('tells EC2 regions apart on the wire (the region is only in the SigV4 scope)', async () => {
    const { EC2Client, DescribeRegionsCommand } = await import('@aws-sdk/client-ec2');
    await using cloud = await startLocalCloud({ estate: demoEstate() });
    for (const region of ['us-east-1', 'eu-west-1', 'us-east-1']) await new EC2Client(cloud.aws.clientConfig(undefined, region)).send(new DescribeRegionsCommand({}));
    expect(cloud.counters.count('aws', 'ec2:DescribeRegions')).toBe(3);
    expect(cloud.counters.redundant()).toEqual({ 'aws:ec2:DescribeRegions': 1 });
  });
});
