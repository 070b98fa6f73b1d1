/**
 * The request timeout (issue 14, point 16): a request the local cloud never answers is abandoned after
 * `requestTimeoutMs` and retried as DEADLINE_EXCEEDED by gax's retry settings. The REST transport ignores
 * gax's deadlines, so without demarc's own timeout a hung request stays open. Counted by the local cloud
 * (attempts held open, and closed by the client), never timed: the check timeout is far longer than the
 * test's own limit, so a client without a request timeout shows as a test that never ends.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OAuth2Client } from 'google-auth-library';
import { DEFAULT_REQUEST_TIMEOUT_MS, scan, type ScanResult } from '@demarc/core';
import { startLocalCloud, type LocalCloud } from '@demarc/local-cloud';
import { gcpProvider, type GcpProviderOptions } from './provider';
import { createGcpClients } from './clients';

const T = '2024-01-01T00:00:00Z';
const WIRE_OPERATION = 'projects.getIamPolicy';
const CHECK = 'gcp-iam-public-principals';
/** Far beyond the test timeout: only the request timeout can end a hung request in time. */
const CHECK_TIMEOUT_MS = 10 * 60_000;
const ATTEMPTS = 3;
/** The client closes a held request; its close reaches the cloud a moment later. */
const WAIT = { timeout: 10_000 };

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({
    estate: {
      gcp: {
        organizations: [{ id: '1', displayName: 'example.com', directoryCustomerId: 'C0abc123', createTime: T }],
        folders: [],
        projects: [{
          projectId: 'alpha', number: '111', parent: 'organizations/1', displayName: 'alpha', createTime: T, labels: {},
          iamPolicy: { bindings: [{ role: 'roles/viewer', members: ['group:readers@example.com'] }] },
        }],
      },
    },
  });
});
afterAll(() => cloud?.stop());

/** Held requests the client has closed. */
const closed = (): number => cloud.counters.holds().filter((h) => h.heldMs !== undefined).length;

const options = (extra: Partial<GcpProviderOptions> = {}): GcpProviderOptions => {
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'local-test-token', expiry_date: Date.now() + 3_600_000 });
  const retry = { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: ATTEMPTS };
  return { ...cloud.gcp.clientOptions(), transport: 'rest', authClient, retry, requestTimeoutMs: 200, ...extra };
};

const scanOnce = (): Promise<ScanResult> =>
  scan({ providers: [gcpProvider(options())], filter: (meta) => meta.id === CHECK, checkTimeoutMs: CHECK_TIMEOUT_MS });

describe('Google Cloud request timeout (REST)', () => {
  it('is also every attempt\'s deadline in the retry settings (what gRPC applies), default 20 s', async () => {
    const deadline = async (extra: Partial<GcpProviderOptions>) => {
      const { requestTimeoutMs: _, ...base } = options();
      const clients = await createGcpClients({ ...base, ...extra });
      await clients.close();
      const settings = clients.callOptions.retry?.backoffSettings;
      return [settings?.initialRpcTimeoutMillis, settings?.maxRpcTimeoutMillis];
    };
    expect(await deadline({})).toEqual([DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS]);
    expect(await deadline({ requestTimeoutMs: 1_234, retry: { attemptTimeoutMs: 9_999 } })).toEqual([1_234, 1_234]);
    expect(await deadline({ retry: { attemptTimeoutMs: 9_999 } })).toEqual([9_999, 9_999]);
    await expect(deadline({ requestTimeoutMs: -1 })).rejects.toThrow(/createGcpClients: requestTimeoutMs .*, got -1/);
  });

  it('retries a request that hangs once as DEADLINE_EXCEEDED: the check passes on the second attempt', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'gcp', operation: WIRE_OPERATION, timeout: true, times: 1 });
    try {
      const result = await scanOnce();
      expect(result.findings.map((f) => f.status)).toEqual(['pass']);
      expect(cloud.counters.count('gcp', WIRE_OPERATION)).toBe(2);
      expect(cloud.counters.outcomes('gcp', WIRE_OPERATION, 'timeout')).toBe(1);
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
    const remove = cloud.faults.add({ vendor: 'gcp', operation: WIRE_OPERATION, timeout: true });
    try {
      const result = await scanOnce();
      expect(result.findings).toHaveLength(1);
      const [finding] = result.findings;
      const operation = 'resourcemanager:GetProjectIamPolicy';
      expect(finding).toMatchObject({ status: 'error', error: { operation, retryable: true } });
      // DEADLINE_EXCEEDED (gRPC 4), a transient kind, with the timeout's own words.
      const expected = `^${operation}: unavailable \\(gRPC 4\\): .*request timeout: no answer within 200 ms`;
      expect(finding!.error?.message).toMatch(new RegExp(`${expected} \\(requestTimeoutMs\\)`));
      expect(cloud.counters.outcomes('gcp', WIRE_OPERATION, 'timeout')).toBe(ATTEMPTS);
      await vi.waitFor(() => expect(closed()).toBe(ATTEMPTS), WAIT);
    } finally {
      remove();
    }
  });
});
