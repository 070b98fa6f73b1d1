/**
 * The request timeout (issue 14, point 16): a request the local cloud never answers is abandoned after
 * `requestTimeoutMs` and retried by the Azure pipeline as a transient failure. Counted by the local cloud
 * (attempts held open, and closed by the client), never timed: the check timeout is far longer than the
 * test's own limit, so a client without a request timeout shows as a test that never ends.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scan, type ScanResult } from '@demarc/core';
import { startLocalCloud, type AzureEstate, type LocalCloud } from '@demarc/local-cloud';
import { azureProvider, type AzureProviderOptions } from './provider';

const SUBSCRIPTION = 'aaaaaaaa-0000-0000-0000-000000000001';
const WIRE_OPERATION = 'roleAssignments.list';
const CHECK = 'azure-authorization-subscription-owner-count';
/** Far beyond the test timeout: only the request timeout can end a hung request in time. */
const CHECK_TIMEOUT_MS = 10 * 60_000;
/** Retries of the pipeline: attempts are one more. */
const RETRIES = 2;
/** The client closes a held request; its close reaches the cloud a moment later. */
const WAIT = { timeout: 10_000 };

/** One subscription with one Owner assignment (a group): the check passes when it can read it. */
const TENANT: AzureEstate = {
  tenantId: '00000000-0000-0000-0000-0000000000aa',
  subscriptions: [{
    id: SUBSCRIPTION, displayName: 'alpha', state: 'Enabled', resourceGroups: [],
    roleAssignments: [{
      id: 'bbbbbbbb-0000-0000-0000-000000000001',
      scope: `/subscriptions/${SUBSCRIPTION}`,
      roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      principalId: 'cccccccc-0000-0000-0000-000000000001',
      principalType: 'Group',
    }],
  }],
};

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ estate: { azure: TENANT } });
});
afterAll(() => cloud?.stop());

/** Held requests the client has closed. */
const closed = (): number => cloud.counters.holds().filter((h) => h.heldMs !== undefined).length;

const credential = {
  getToken: async () => ({ token: 'local-cloud-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
const options = (extra: Partial<AzureProviderOptions>): AzureProviderOptions => ({
  credential,
  ...cloud.azure.clientOptions(),
  retry: { maxRetries: RETRIES, retryDelayInMs: 5, maxRetryDelayInMs: 20 },
  requestTimeoutMs: 200,
  ...extra,
});

const scanOnce = (extra: Partial<AzureProviderOptions> = {}, signal?: AbortSignal): Promise<ScanResult> =>
  scan({
    providers: [azureProvider(options(extra))],
    filter: (meta) => meta.id === CHECK,
    checkTimeoutMs: CHECK_TIMEOUT_MS,
    ...(signal ? { signal } : {}),
  });

describe('Azure request timeout', () => {
  it('retries a request that hangs once as a transient failure: the check passes on the second attempt', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'azure', operation: WIRE_OPERATION, timeout: true, times: 1 });
    try {
      const result = await scanOnce();
      expect(result.findings.map((f) => f.status)).toEqual(['pass']);
      expect(cloud.counters.count('azure', WIRE_OPERATION)).toBe(2);
      expect(cloud.counters.outcomes('azure', WIRE_OPERATION, 'timeout')).toBe(1);
      // The client closed the held request itself (the cloud is still running) and sent it again.
      await vi.waitFor(() => expect(closed()).toBe(1), WAIT);
      expect(cloud.counters.holds()[0])
        .toMatchObject({ operation: WIRE_OPERATION, retriedAfterMs: expect.any(Number) });
    } finally {
      remove();
    }
  });

  it('reports a request that always hangs as an error naming the request timeout, after every attempt', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'azure', operation: WIRE_OPERATION, timeout: true });
    try {
      const result = await scanOnce();
      expect(result.findings).toHaveLength(1);
      const [finding] = result.findings;
      const operation = 'roleAssignments:listForSubscription';
      expect(finding).toMatchObject({ status: 'error', error: { operation, retryable: true } });
      expect(finding!.error?.message).toBe(
        `${operation}: ETIMEDOUT: request timeout after ${RETRIES + 1} attempts: ` +
          'no answer within 200 ms (requestTimeoutMs)',
      );
      expect(cloud.counters.outcomes('azure', WIRE_OPERATION, 'timeout')).toBe(RETRIES + 1);
      await vi.waitFor(() => expect(closed()).toBe(RETRIES + 1), WAIT);
    } finally {
      remove();
    }
  });

  it('still cancels a hung request when the scan is aborted, without retrying it', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'azure', operation: WIRE_OPERATION, timeout: true });
    try {
      const controller = new AbortController();
      const running = scanOnce({ requestTimeoutMs: CHECK_TIMEOUT_MS }, controller.signal);
      await vi.waitFor(() => expect(cloud.counters.holds()).toHaveLength(1), WAIT);
      controller.abort(new Error('interrupted'));
      expect((await running).aborted).toBe(true);
      await vi.waitFor(() => expect(closed()).toBe(1), WAIT);
      expect(cloud.counters.count('azure', WIRE_OPERATION)).toBe(1);
    } finally {
      remove();
    }
  });
});
