/**
 * Integration: the official Resource Manager client (REST transport) against `@demarc/local-cloud`,
 * through core's `scan`. A purpose-built estate (an organization, folders three deep, 24 projects over
 * several pages) must yield exactly the expected findings; injected 429s and 503s are absorbed; one
 * project whose IAM policy is forbidden yields `error` findings for that project only; no write is made.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OAuth2Client } from 'google-auth-library';
import { scan, type Finding, type ScanResult } from '@demarc/core';
import { testProvider } from '@demarc/core/testing';
import { demoEstate, startLocalCloud, type Estate, type GcpBinding, type GcpProject, type LocalCloud } from '@demarc/local-cloud';
import { gcpProvider, type GcpProviderOptions } from './provider';

const T = '2024-01-01T00:00:00Z';
const AGENT = 'serviceAccount:service-222@gcp-sa-cloudbuild.iam.gserviceaccount.com';
const FILLERS = Array.from({ length: 20 }, (_, i) => `fill-${String(i + 1).padStart(2, '0')}`);

const project = (projectId: string, number: string, parent: string, bindings: readonly GcpBinding[], extra: Partial<GcpProject> = {}): GcpProject => ({
  projectId, number, parent, displayName: projectId, createTime: T, labels: { owner: 'team-a' }, iamPolicy: { bindings }, ...extra,
});

const CLEAN: readonly GcpBinding[] = [{ role: 'roles/viewer', members: ['serviceAccount:reader@tools.iam.gserviceaccount.com'] }];

/** The estate: every check has a passing and a failing case. */
const estate: Estate = {
  gcp: {
    organizations: [{
      id: '1', displayName: 'example.com', directoryCustomerId: 'C0abc123', createTime: T,
      iamPolicy: { bindings: [{ role: 'roles/resourcemanager.organizationAdmin', members: ['group:admins@example.com'] }], auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_READ' }] }] },
    }],
    folders: [
      { id: '100', parent: 'organizations/1', displayName: 'prod', createTime: T, iamPolicy: { bindings: [], auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_WRITE' }] }] } },
      { id: '110', parent: 'folders/100', displayName: 'prod-eu', createTime: T },
      { id: '111', parent: 'folders/110', displayName: 'prod-eu-payments', createTime: T },
      { id: '200', parent: 'organizations/1', displayName: 'dev', createTime: T, iamPolicy: { bindings: [{ role: 'roles/editor', members: ['group:dev-all@example.com'] }] } },
    ],
    projects: [
      project('pay-prod', '111111', 'folders/111', [
        { role: 'roles/resourcemanager.projectIamAdmin', members: ['group:pay-admins@example.com'], condition: { title: 'break-glass', expression: 'request.time < timestamp("2099-01-01T00:00:00Z")' } },
        { role: 'roles/cloudkms.admin', members: ['group:kms-admins@example.com'] },
        { role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', members: ['serviceAccount:pay@pay-prod.iam.gserviceaccount.com'] },
      ]),
      project('web-prod', '222', 'folders/110', [
        { role: 'roles/storage.objectViewer', members: ['allUsers'] },
        { role: 'roles/viewer', members: ['user:eve@gmail.com', 'deleted:user:leaver@example.com?uid=42'] },
        { role: 'roles/owner', members: ['serviceAccount:deployer@web-prod.iam.gserviceaccount.com'] },
        { role: 'roles/editor', members: [AGENT] },
      ], { labels: {} }),
      project('legacy', '333', 'folders/200', [
        { role: 'roles/owner', members: ['user:bob@example.com'] },
        { role: 'roles/iam.serviceAccountUser', members: ['group:devs@example.com'] },
        { role: 'roles/cloudkms.admin', members: ['user:kim@example.com'] },
        { role: 'roles/cloudkms.cryptoKeyDecrypter', members: ['user:kim@example.com'] },
      ], { state: 'DELETE_REQUESTED', iamPolicy: { bindings: [
        { role: 'roles/owner', members: ['user:bob@example.com'] },
        { role: 'roles/iam.serviceAccountUser', members: ['group:devs@example.com'] },
        { role: 'roles/cloudkms.admin', members: ['user:kim@example.com'] },
        { role: 'roles/cloudkms.cryptoKeyDecrypter', members: ['user:kim@example.com'] },
      ], auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_WRITE', exemptedMembers: ['user:ops@example.com'] }] }] } }),
      project('denied', '444', 'organizations/1', CLEAN),
      ...FILLERS.map((id, i) => project(id, String(9000 + i), i % 2 === 0 ? 'organizations/1' : 'folders/100', CLEAN)),
    ],
  },
};

const fakeAuth = (): OAuth2Client => {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: 'local-test-token', expiry_date: Date.now() + 3_600_000 });
  return client;
};

let cloud: LocalCloud;
const providerOptions = (extra: Partial<GcpProviderOptions> = {}): GcpProviderOptions => {
  const { apiEndpoint, port, protocol } = cloud.gcp.clientOptions();
  return { authClient: fakeAuth(), transport: 'rest', apiEndpoint, port, protocol, retry: { initialDelayMs: 5, maxDelayMs: 25, maxAttempts: 6 }, ...extra };
};

beforeAll(async () => {
  cloud = await startLocalCloud({ estate, maxPageSize: { gcp: 5 } });
});
afterAll(async () => {
  await cloud.stop();
});

const summary = (findings: readonly Finding[]) =>
  findings.filter((f) => f.status !== 'pass').map((f) => `${f.status} ${f.checkId} ${f.resource.scope} ${f.resource.name ?? f.resource.id.replace('//cloudresourcemanager.googleapis.com/', '')}`);

describe('scan of an organization through the official REST client against the local cloud', () => {
  let result: ScanResult;

  beforeAll(async () => {
    cloud.counters.reset();
    cloud.faults.set([
      { vendor: 'gcp', operation: 'projects.search', throttle: true, times: 2 },
      { vendor: 'gcp', operation: 'projects.getIamPolicy', throttle: true, times: 3 },
      { vendor: 'gcp', operation: 'folders.list', serverError: 503, times: 1 },
      { vendor: 'gcp', operation: 'folders.getIamPolicy', throttle: true, times: 1 },
      { vendor: 'gcp', operation: 'projects.getIamPolicy', scope: 'projects/denied', accessDenied: true },
    ]);
    result = await scan({ providers: [gcpProvider(providerOptions())], now: new Date('2025-06-01T00:00:00Z') });
  });

  it('discovers every project across pages and folders three deep', () => {
    expect(result.scopes.map((s) => s.id)).toEqual(['denied', ...FILLERS, 'legacy', 'pay-prod', 'web-prod'].sort());
    expect(cloud.counters.count('gcp', 'projects.search')).toBeGreaterThanOrEqual(5 + 2); // 24 projects / 5 per page, plus 2 throttled
    expect(result.scopes.find((s) => s.id === 'pay-prod')?.organization).toBe('organizations/1');
  });

  it('absorbs the injected 429s and 503 (all retried, none reaches a finding)', () => {
    expect(cloud.counters.outcomes('gcp', 'projects.search', 'throttle')).toBe(2);
    expect(cloud.counters.outcomes('gcp', 'projects.getIamPolicy', 'throttle')).toBe(3);
    expect(cloud.counters.outcomes('gcp', 'folders.list', 'serverError')).toBe(1);
    expect(cloud.counters.outcomes('gcp', 'folders.getIamPolicy', 'throttle')).toBe(1);
    const errors = result.findings.filter((f) => f.status === 'error');
    expect(errors.every((f) => f.resource.scope === 'denied')).toBe(true);
  });

  it('turns the forbidden IAM policy into error findings for that project only, and still runs its other checks', () => {
    const denied = result.findings.filter((f) => f.resource.scope === 'denied');
    const policyChecks = ['gcp-iam-basic-roles-for-people', 'gcp-iam-deleted-principals', 'gcp-iam-external-members', 'gcp-iam-privileged-grants-expire', 'gcp-iam-project-wide-impersonation', 'gcp-iam-public-principals', 'gcp-iam-service-account-owner-editor', 'gcp-kms-separation-of-duties', 'gcp-logging-audit-log-exemptions', 'gcp-logging-data-access-audit-logs'];
    expect(denied.filter((f) => f.status === 'error').map((f) => f.checkId).sort()).toEqual(policyChecks);
    for (const f of denied.filter((x) => x.status === 'error')) {
      expect(f.error?.name).toBe('AccessDeniedError');
      expect(f.message).toMatch(/^Access denied: resourcemanager:GetProjectIamPolicy: access-denied \(HTTP 403, gRPC 7\): The caller does not have permission/);
    }
    expect(denied.filter((f) => f.status !== 'error').map((f) => `${f.status} ${f.checkId}`).sort()).toEqual(['pass gcp-resourcemanager-project-owner-label', 'pass gcp-resourcemanager-project-pending-deletion']);
  });

  it('yields exactly the expected non-passing findings', () => {
    const fillerAudit = FILLERS.filter((_, i) => i % 2 === 0).map((id) => `fail gcp-logging-data-access-audit-logs ${id} projects/${id}`);
    const expected = [
      ...Array.from({ length: 10 }, () => 'error'),
      ...fillerAudit,
      'fail gcp-iam-inherited-broad-grants folders/200 group:dev-all@example.com',
      'fail gcp-iam-basic-roles-for-people legacy user:bob@example.com',
      'fail gcp-iam-privileged-grants-expire legacy group:devs@example.com',
      'fail gcp-iam-privileged-grants-expire legacy user:bob@example.com',
      'fail gcp-iam-project-wide-impersonation legacy group:devs@example.com',
      'fail gcp-kms-separation-of-duties legacy user:kim@example.com',
      'fail gcp-logging-audit-log-exemptions legacy user:ops@example.com',
      'fail gcp-resourcemanager-project-pending-deletion legacy legacy',
      'fail gcp-iam-deleted-principals web-prod deleted:user:leaver@example.com?uid=42',
      'fail gcp-iam-external-members web-prod user:eve@gmail.com',
      'fail gcp-iam-public-principals web-prod allUsers',
      'fail gcp-iam-service-account-owner-editor web-prod serviceAccount:deployer@web-prod.iam.gserviceaccount.com',
      `provider-managed gcp-iam-service-account-owner-editor web-prod ${AGENT}`,
      'fail gcp-resourcemanager-project-owner-label web-prod web-prod',
      'fail gcp-iam-basic-roles-for-people web-prod user:eve@gmail.com',
    ];
    const actual = summary(result.findings).map((line) => (line.startsWith('error ') ? 'error' : line));
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('gives every check both passing and failing findings across the estate', () => {
    for (const check of result.checks) {
      const statuses = new Set(result.findings.filter((f) => f.checkId === check.id).map((f) => f.status));
      expect(statuses.has('pass'), `${check.id} pass`).toBe(true);
      expect(statuses.has('fail') || statuses.has('provider-managed'), `${check.id} fail`).toBe(true);
    }
    expect(result.findings.find((f) => f.checkId === 'gcp-logging-data-access-audit-logs' && f.resource.scope === 'pay-prod')?.status).toBe('pass');
  });

  it('fills ownership from the catalog: IAM findings are the customer\'s (accounts and access)', () => {
    const f = result.findings.find((x) => x.checkId === 'gcp-iam-public-principals' && x.status === 'fail')!;
    expect(f).toMatchObject({ domain: 'service-configuration', owner: 'customer', resource: { service: 'resource-manager', type: 'cloudresourcemanager.googleapis.com/Project' } });
  });

  it('reads each project policy once however many checks use it (core memoizes collectors), and folder policies once per scan', () => {
    // 24 projects, one of them denied (one 403, not retried), plus the 3 injected 429s that were retried.
    expect(cloud.counters.count('gcp', 'projects.getIamPolicy')).toBe(24 + 3);
    // 4 folders, read once each (the org-level check and every project's ancestry share them), plus 1 throttled retry.
    expect(cloud.counters.count('gcp', 'folders.getIamPolicy')).toBe(4 + 1);
    expect(cloud.counters.count('gcp', 'organizations.getIamPolicy')).toBe(1);
  });

  it('keeps IAM conditions (policy version 3): a time-bound grant passes', () => {
    const f = result.findings.find((x) => x.checkId === 'gcp-iam-privileged-grants-expire' && x.resource.scope === 'pay-prod')!;
    expect(f).toMatchObject({ status: 'pass', messageId: 'timeBound' });
    expect(f.message).toBe('group:pay-admins@example.com holds roles/resourcemanager.projectIamAdmin on projects/pay-prod until 2099-01-01T00:00:00.000Z.');
  });

  it('makes no write request (no setIamPolicy) in a full scan', () => {
    expect(cloud.counters.writes).toEqual([]);
    expect(Object.keys(cloud.counters.snapshot()).filter((op) => !/\.(search|list|get|getIamPolicy)$/.test(op))).toEqual([]);
  });
});

describe('record and replay', () => {
  it('records JSON collector data that replays to identical findings without a request', async () => {
    cloud.faults.clear();
    const now = new Date('2025-06-01T00:00:00Z');
    const recorded = await scan({ providers: [gcpProvider(providerOptions())], now, record: true });
    const snapshot = JSON.parse(JSON.stringify(recorded.snapshot)) as typeof recorded.snapshot;
    cloud.counters.reset();
    const replayed = await scan({ providers: [gcpProvider(providerOptions())], now, replay: snapshot! });
    expect(cloud.counters.total('gcp')).toBe(0);
    expect(replayed.findings).toEqual(recorded.findings);
  });
});

describe('credentials that may not list folders', () => {
  it('still discover every project; only the organization-level check reports an error', async () => {
    cloud.faults.set([{ vendor: 'gcp', operation: 'folders.list', accessDenied: true }]);
    cloud.counters.reset();
    try {
      const result = await scan({ providers: [gcpProvider(providerOptions())], now: new Date('2025-06-01T00:00:00Z') });
      expect(result.scopes).toHaveLength(24);
      const errors = result.findings.filter((f) => f.status === 'error');
      expect(errors.map((f) => `${f.checkId} ${f.resource.scope}`)).toEqual(['gcp-iam-inherited-broad-grants organization']);
      expect(errors[0]!.message).toMatch(/^Access denied: resourcemanager:ListFolders/);
      // Project ancestry is read folder by folder instead (folders.get), so inherited audit configs still count.
      expect(result.findings.find((f) => f.checkId === 'gcp-logging-data-access-audit-logs' && f.resource.scope === 'pay-prod')?.status).toBe('pass');
    } finally {
      cloud.faults.clear();
    }
  });
});

describe('a list of projects, without an organization search', () => {
  it('checks just those projects and learns their organization for allowed domains', async () => {
    cloud.faults.clear();
    cloud.counters.reset();
    const result = await scan({ providers: [gcpProvider(providerOptions({ projectIds: ['web-prod', 'fill-02'] }))], now: new Date('2025-06-01T00:00:00Z') });
    expect(result.scopes.map((s) => s.id)).toEqual(['fill-02', 'web-prod']);
    expect(cloud.counters.count('gcp', 'projects.search')).toBe(0);
    expect(cloud.counters.count('gcp', 'organizations.search')).toBe(0);
    expect(summary(result.findings).filter((l) => l.includes('external-members'))).toEqual(['fail gcp-iam-external-members web-prod user:eve@gmail.com']);
    expect(result.findings.filter((f) => f.status === 'error')).toEqual([]);
  });
});

describe('the demo estate', () => {
  it('scans the local cloud\'s demo organization without errors and finds its planted problems', async () => {
    const demo = await startLocalCloud({ estate: demoEstate() });
    try {
      const { apiEndpoint, port, protocol } = demo.gcp.clientOptions();
      const result = await scan({ providers: [gcpProvider({ authClient: fakeAuth(), transport: 'rest', apiEndpoint, port, protocol })] });
      expect(result.scopes.length).toBeGreaterThan(0);
      const lines = summary(result.findings);
      expect(lines.filter((l) => l.startsWith('error'))).toEqual([]);
      expect(lines).toContain('fail gcp-iam-public-principals example-web-prod allUsers');
      expect(lines).toContain('fail gcp-resourcemanager-project-pending-deletion example-old-experiment Old experiment');
      expect(lines.some((l) => l.startsWith('fail gcp-iam-deleted-principals example-dev-sandbox deleted:user:'))).toBe(true);
      expect(demo.counters.writes).toEqual([]);
    } finally {
      await demo.stop();
    }
  });
});

/**
 * A loopback HTTP proxy in front of the local cloud that counts the requests still open: a request is
 * open until its response is complete or the client gives up on it (which also ends it upstream).
 */
async function countingProxy(targetPort: number) {
  let open = 0;
  const server = createServer((incoming, outgoing) => {
    open += 1;
    const upstream = request({ host: '127.0.0.1', port: targetPort, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
    outgoing.on('close', () => {
      open -= 1;
      upstream.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    open: () => open,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('an aborted scan', () => {
  // Each case holds one kind of request open on the local cloud (the `timeout` fault never answers),
  // aborts the scan while it waits, and expects every request to be given up by the client.
  it.each([
    { read: 'discovery (projects.search, a paged call)', operation: 'projects.search' },
    { read: 'a project check\'s policy (projects.getIamPolicy)', operation: 'projects.getIamPolicy' },
    { read: 'the organization-level hierarchy (folders.getIamPolicy)', operation: 'folders.getIamPolicy' },
  ])('leaves no request in flight on the local cloud: $read', async ({ operation }) => {
    const proxy = await countingProxy(cloud.gcp.clientOptions().port);
    cloud.counters.reset();
    cloud.faults.set([{ vendor: 'gcp', operation, timeout: true }]);
    try {
      const controller = new AbortController();
      const scanning = scan({ providers: [gcpProvider(providerOptions({ port: proxy.port }))], signal: controller.signal });
      await vi.waitFor(() => expect(cloud.counters.outcomes('gcp', operation, 'timeout')).toBeGreaterThan(0), { timeout: 15_000 });
      expect(proxy.open()).toBeGreaterThan(0);
      controller.abort();
      const result = await scanning;
      expect(result.aborted).toBe(true);
      await vi.waitFor(() => expect(proxy.open()).toBe(0), { timeout: 5_000 });
    } finally {
      cloud.faults.clear();
      await proxy.close();
    }
  });
});

testProvider(gcpProvider({ authClient: fakeAuth(), transport: 'rest', apiEndpoint: '127.0.0.1', port: 1, protocol: 'http', projectIds: [] }), { describe, it });
