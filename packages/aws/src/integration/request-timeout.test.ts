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
/** The client closes a held request; its close reaches the cloud a moment later. */
const WAIT = { timeout: 10_000 };

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ estate: WELL_RUN });
});
afterAll(() => cloud?.stop());

/** Held requests the client has closed. */
const closed = (): number => cloud.counters.holds().filter((h) => h.heldMs !== undefined).length;

/** The management account alone (no role), three attempts per call, 200 ms per request. */
const options = (extra: Partial<AwsProviderOptions>): AwsProviderOptions =>
  ({ ...cloud.aws.clientConfig(), maxAttempts: ATTEMPTS, requestTimeoutMs: 200, ...extra });

const scanOnce = (extra: Partial<AwsProviderOptions> = {}, signal?: AbortSignal): Promise<ScanResult> =>
  scan({
    providers: [awsProvider(options(extra))],
    filter: (meta) => meta.id === CHECK,
    checkTimeoutMs: CHECK_TIMEOUT_MS,
    ...(signal ? { signal } : {}),
  });

describe('AWS request timeout', () => {
  it('gives every client the Node handler with the timeout; a handler instance keeps its own', () => {
    const httpAgent = cloud.aws.clientConfig().requestHandler.httpAgent;
    const handler = (options: ConstructorParameters<typeof AwsClients>[0]) =>
      new AwsClients(options).clientConfig('iam').requestHandler;
    expect(handler({ requestHandler: { httpAgent } })).toEqual({
      httpAgent,
      requestTimeout: DEFAULT_REQUEST_TIMEOUT_MS,
      socketTimeout: DEFAULT_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    });
    expect(handler({ requestTimeoutMs: 5_000 })).toMatchObject({ requestTimeout: 5_000, throwOnRequestTimeout: true });
    expect(handler({ requestHandler: { requestTimeout: 7_000 } })).toMatchObject({ requestTimeout: 7_000 });
    const instance = { handle: () => Promise.reject(new Error('unused')), metadata: { handlerProtocol: 'http/1.1' } };
    expect(handler({ requestHandler: instance as never })).toBe(instance);
    expect(() => new AwsClients({ requestTimeoutMs: 0 })).toThrow(/requestTimeoutMs must be a positive .*, got 0/);
  });

  it('retries a request that hangs once as a transient failure: the check passes on the second attempt', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'aws', operation: OPERATION, timeout: true, times: 1 });
    try {
      const result = await scanOnce();
      expect(result.findings.map((f) => f.status)).toEqual(['pass']);
      expect(cloud.counters.count('aws', OPERATION)).toBe(2);
      expect(cloud.counters.outcomes('aws', OPERATION, 'timeout')).toBe(1);
      // The client closed the held request itself (the cloud is still running) and sent it again.
      await vi.waitFor(() => expect(closed()).toBe(1), WAIT);
      expect(cloud.counters.holds()[0]).toMatchObject({ operation: OPERATION, retriedAfterMs: expect.any(Number) });
    } finally {
      remove();
    }
  });

  it('reports a request that always hangs as an error naming the request timeout, after every attempt', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'aws', operation: OPERATION, timeout: true });
    try {
      const result = await scanOnce();
      expect(result.findings).toHaveLength(1);
      const [finding] = result.findings;
      expect(finding).toMatchObject({ status: 'error', error: { operation: OPERATION, retryable: true } });
      const expected = `^${OPERATION} failed: request timeout after ${ATTEMPTS} attempts: .*200 ms requestTimeout`;
      expect(finding!.error?.message).toMatch(new RegExp(expected));
      expect(cloud.counters.outcomes('aws', OPERATION, 'timeout')).toBe(ATTEMPTS);
      await vi.waitFor(() => expect(closed()).toBe(ATTEMPTS), WAIT);
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
      await vi.waitFor(() => expect(cloud.counters.holds()).toHaveLength(1), WAIT);
      controller.abort(new Error('interrupted'));
      expect((await running).aborted).toBe(true);
      await vi.waitFor(() => expect(closed()).toBe(1), WAIT);
      expect(cloud.counters.count('aws', OPERATION)).toBe(1);
    } finally {
      remove();
    }
  });
});
