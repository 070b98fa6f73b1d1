/**
 * The request timeout (issue 14, point 16): a request the local cloud never answers is abandoned after
 * `requestTimeoutMs` and retried by the SDK as a transient failure. Counted by the local cloud (attempts
 * held open, and closed by the client), never timed: the check timeout is far longer than the test's own
 * limit, so a client without a request timeout shows as a test that never ends.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REQUEST_TIMEOUT_MS, scan, type ScanResult } from '@demarc/core';
import { startLocalCloud, type LocalCloud } from '@demarc/local-cloud';
import { awsProvider, type AwsProviderOptions } from '../provider';
import { AwsClients } from '../clients';
import { WELL_RUN } from './estates';

const OPERATION = 'iam:GetAccountSummary';
const CHECK = 'aws-iam-root-mfa';
/** Far beyond the test timeout: only the request timeout can end a hung request in time. */
const CHECK_TIMEOUT_MS = 10 * 60_000;
const ATTEMPTS = 3;

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ estate: WELL_RUN });
});
afterAll(() => cloud?.stop());

/** The management account alone (no role), three attempts per call, 200 ms per request. */
const options = (extra: Partial<AwsProviderOptions> = {}): AwsProviderOptions => ({ ...cloud.aws.clientConfig(), maxAttempts: ATTEMPTS, requestTimeoutMs: 200, ...extra });

const scanOnce = (extra: Partial<AwsProviderOptions> = {}, signal?: AbortSignal): Promise<ScanResult> =>
  scan({ providers: [awsProvider(options(extra))], filter: (meta) => meta.id === CHECK, checkTimeoutMs: CHECK_TIMEOUT_MS, ...(signal ? { signal } : {}) });

describe('AWS request timeout', () => {
  it('gives every client the Node handler with the timeout, keeping the caller\'s agent; a handler instance keeps its own', () => {
    const agent = cloud.aws.clientConfig().requestHandler.httpAgent;
    expect(new AwsClients({ requestHandler: { httpAgent: agent } }).clientConfig('iam').requestHandler).toEqual({
      httpAgent: agent, requestTimeout: DEFAULT_REQUEST_TIMEOUT_MS, socketTimeout: DEFAULT_REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true,
    });
    expect(new AwsClients({ requestTimeoutMs: 5_000 }).clientConfig('sts').requestHandler).toMatchObject({ requestTimeout: 5_000, throwOnRequestTimeout: true });
    expect(new AwsClients({ requestHandler: { requestTimeout: 7_000 } }).clientConfig('ec2').requestHandler).toMatchObject({ requestTimeout: 7_000 });
    const instance = { handle: () => Promise.reject(new Error('unused')), metadata: { handlerProtocol: 'http/1.1' } };
    expect(new AwsClients({ requestHandler: instance as never }).clientConfig('ec2').requestHandler).toBe(instance);
    expect(() => new AwsClients({ requestTimeoutMs: 0 })).toThrow(/requestTimeoutMs must be a positive whole number of milliseconds, got 0/);
  });

  it('retries a request that hangs once as a transient failure: the check passes on the second attempt', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'aws', operation: OPERATION, timeout: true, times: 1 });
    try {
      const result = await scanOnce();
      expect(result.findings.map((f) => f.status)).toEqual(['pass']);
      expect(cloud.counters.count('aws', OPERATION)).toBe(2);
      expect(cloud.counters.outcomes('aws', OPERATION, 'timeout')).toBe(1);
      // The client closed the held request itself (the cloud is still running).
      await vi.waitFor(() => expect(cloud.counters.holds().map((h) => [h.operation, h.heldMs !== undefined])).toEqual([[OPERATION, true]]), { timeout: 10_000 });
    } finally {
      remove();
    }
  });

  it('reports a request that always hangs as an error naming the request timeout, after every attempt timed out', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'aws', operation: OPERATION, timeout: true });
    try {
      const result = await scanOnce();
      expect(result.findings).toHaveLength(1);
      const [finding] = result.findings;
      expect(finding).toMatchObject({ status: 'error', error: { operation: OPERATION, retryable: true } });
      expect(finding!.error?.message).toMatch(new RegExp(`^${OPERATION} failed: request timeout after ${ATTEMPTS} attempts: .*200 ms requestTimeout`));
      expect(finding!.error?.message).not.toMatch(/Check .* timed out/);
      expect(cloud.counters.outcomes('aws', OPERATION, 'timeout')).toBe(ATTEMPTS);
      // Each attempt's connection was closed by the client (its close reaches the cloud a moment later).
      await vi.waitFor(() => expect(cloud.counters.holds().filter((h) => h.heldMs !== undefined)).toHaveLength(ATTEMPTS), { timeout: 10_000 });
    } finally {
      remove();
    }
  });

  it('still cancels a hung request when the scan is aborted, without retrying it', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'aws', operation: OPERATION, timeout: true });
    try {
      const controller = new AbortController();
      const running = scanOnce({ requestTimeoutMs: CHECK_TIMEOUT_MS }, controller.signal);
      await vi.waitFor(() => expect(cloud.counters.holds()).toHaveLength(1), { timeout: 10_000 });
      controller.abort(new Error('interrupted'));
      const result = await running;
      expect(result.aborted).toBe(true);
      await vi.waitFor(() => expect(cloud.counters.holds()[0]?.heldMs).toBeDefined(), { timeout: 10_000 });
      expect(cloud.counters.count('aws', OPERATION)).toBe(1);
    } finally {
      remove();
    }
  });
});
