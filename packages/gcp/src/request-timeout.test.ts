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

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({
    estate: {
      gcp: {
        organizations: [{ id: '1', displayName: 'example.com', directoryCustomerId: 'C0abc123', createTime: T, iamPolicy: { bindings: [] } }],
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

const options = (extra: Partial<GcpProviderOptions> = {}): GcpProviderOptions => {
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'local-test-token', expiry_date: Date.now() + 3_600_000 });
  return { ...cloud.gcp.clientOptions(), transport: 'rest', authClient, retry: { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: ATTEMPTS }, requestTimeoutMs: 200, ...extra };
};

const scanOnce = (): Promise<ScanResult> =>
  scan({ providers: [gcpProvider(options())], filter: (meta) => meta.id === CHECK, checkTimeoutMs: CHECK_TIMEOUT_MS });

describe('Google Cloud request timeout (REST)', () => {
  it('is also every attempt\'s deadline in the retry settings (what gRPC applies), default 20 s', async () => {
    const deadline = async (extra: Partial<GcpProviderOptions>) => {
      const clients = await createGcpClients({ ...options(), requestTimeoutMs: undefined, ...extra });
      await clients.close();
      return clients.callOptions.retry?.backoffSettings;
    };
    expect(await deadline({})).toMatchObject({ initialRpcTimeoutMillis: DEFAULT_REQUEST_TIMEOUT_MS, maxRpcTimeoutMillis: DEFAULT_REQUEST_TIMEOUT_MS });
    expect(await deadline({ requestTimeoutMs: 1_234, retry: { attemptTimeoutMs: 9_999 } })).toMatchObject({ initialRpcTimeoutMillis: 1_234, maxRpcTimeoutMillis: 1_234 });
    expect(await deadline({ retry: { attemptTimeoutMs: 9_999 } })).toMatchObject({ initialRpcTimeoutMillis: 9_999 });
    await expect(deadline({ requestTimeoutMs: -1 })).rejects.toThrow(/createGcpClients: requestTimeoutMs must be a positive whole number of milliseconds, got -1/);
  });

  it('retries a request that hangs once as DEADLINE_EXCEEDED: the check passes on the second attempt', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'gcp', operation: WIRE_OPERATION, timeout: true, times: 1 });
    try {
      const result = await scanOnce();
      expect(result.findings.map((f) => f.status)).toEqual(['pass']);
      expect(cloud.counters.count('gcp', WIRE_OPERATION)).toBe(2);
      expect(cloud.counters.outcomes('gcp', WIRE_OPERATION, 'timeout')).toBe(1);
      // The client closed the held request itself (the cloud is still running).
      await vi.waitFor(() => expect(cloud.counters.holds().map((h) => [h.operation, h.heldMs !== undefined])).toEqual([[WIRE_OPERATION, true]]), { timeout: 10_000 });
    } finally {
      remove();
    }
  });

  it('reports a request that always hangs as an error naming the request timeout, after every attempt timed out', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'gcp', operation: WIRE_OPERATION, timeout: true });
    try {
      const result = await scanOnce();
      expect(result.findings).toHaveLength(1);
      const [finding] = result.findings;
      expect(finding).toMatchObject({ status: 'error', error: { operation: 'resourcemanager:GetProjectIamPolicy', retryable: true } });
      // DEADLINE_EXCEEDED (gRPC 4), a transient kind, with the timeout's own words.
      expect(finding!.error?.message).toMatch(/^resourcemanager:GetProjectIamPolicy: unavailable \(gRPC 4\): .*request timeout: no answer within 200 ms \(requestTimeoutMs\)/);
      expect(cloud.counters.outcomes('gcp', WIRE_OPERATION, 'timeout')).toBe(ATTEMPTS);
      await vi.waitFor(() => expect(cloud.counters.holds().filter((h) => h.heldMs !== undefined)).toHaveLength(ATTEMPTS), { timeout: 10_000 });
    } finally {
      remove();
    }
  });
});
