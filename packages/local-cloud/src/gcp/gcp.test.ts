/**
 * The official `@google-cloud/resource-manager` client (REST mode) against the local cloud.
 * Expected shapes: Resource Manager v3 REST reference
 * (https://cloud.google.com/resource-manager/reference/rest/v3/projects/search,
 * https://cloud.google.com/resource-manager/reference/rest/v3/projects/getIamPolicy).
 */
import { FoldersClient, OrganizationsClient, ProjectsClient } from '@google-cloud/resource-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEstate } from '../estate/demo.ts';
import { type LocalCloud, startLocalCloud } from '../server.ts';
import { FakeTokenClient } from './test-auth.ts';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ estate: demoEstate(), maxPageSize: { gcp: 2 } });
});
afterAll(() => cloud.stop());

const projects = (decodeErrors = false) => new ProjectsClient({ ...cloud.gcp.clientOptions(), authClient: new FakeTokenClient({ decodeErrors }) });

/** Fast retries on RESOURCE_EXHAUSTED (8) and UNAVAILABLE (14); gax takes a plain object. */
const fastRetry = {
  retry: {
    retryCodes: [8, 14],
    backoffSettings: {
      initialRetryDelayMillis: 5,
      retryDelayMultiplier: 1,
      maxRetryDelayMillis: 5,
      initialRpcTimeoutMillis: 5000,
      rpcTimeoutMultiplier: 1,
      maxRpcTimeoutMillis: 5000,
      totalTimeoutMillis: 10000,
    },
  },
};

describe('Google Cloud Resource Manager v3 (REST)', () => {
  it('searches projects over several pages and gets every one, shaped as the API reference', async () => {
    cloud.counters.reset();
    const found = [];
    for await (const p of projects().searchProjectsAsync({ query: '' })) found.push(p);
    // The unreadable project is left out, as the real search omits what the caller cannot see.
    expect(found.map((p) => p.projectId)).toEqual([
      'example-payments-prod',
      'example-web-prod',
      'example-dev-sandbox',
      'example-old-experiment',
      'example-shared-logging',
    ]);
    expect(cloud.counters.count('gcp', 'projects.search')).toBe(3);
    const old = found.find((p) => p.projectId === 'example-old-experiment');
    expect(old).toMatchObject({ name: 'projects/300000000004', parent: 'folders/200000000002', state: 'DELETE_REQUESTED', labels: { owner: 'research' } });
    // Timestamps decode to protobuf Timestamps.
    expect(Number(found[0]?.createTime?.seconds)).toBe(Date.parse('2021-01-10T10:00:00Z') / 1000);
    expect(found.find((p) => p.projectId === 'example-dev-sandbox')?.labels).toEqual({ env: 'dev' });
  });

  it('filters search by parent and lists by parent, leaving DELETE_REQUESTED out of list', async () => {
    const byParent = [];
    for await (const p of projects().searchProjectsAsync({ query: 'parent:folders/200000000002' })) byParent.push(p.projectId);
    expect(byParent).toEqual(['example-dev-sandbox', 'example-old-experiment']);
    const listed = [];
    for await (const p of projects().listProjectsAsync({ parent: 'folders/200000000002' })) listed.push(p.projectId);
    expect(listed).toEqual(['example-dev-sandbox']);
  });

  it('returns IAM policies with bindings, conditions and audit configs', async () => {
    const [policy] = await projects().getIamPolicy({ resource: 'projects/example-dev-sandbox', options: { requestedPolicyVersion: 3 } });
    expect(policy.version).toBe(3);
    expect(policy.bindings).toEqual([
      expect.objectContaining({ role: 'roles/editor', members: ['deleted:user:former.employee@example.com?uid=123456789012345678901', 'group:developers@example.com'] }),
      expect.objectContaining({ role: 'roles/owner', condition: expect.objectContaining({ expression: 'request.time < timestamp("2024-01-01T00:00:00Z")' }) }),
      expect.objectContaining({ role: 'roles/pubsub.serviceAgent' }),
    ]);
    const [web] = await projects().getIamPolicy({ resource: 'projects/example-web-prod' });
    expect(web.bindings?.find((b) => b.role === 'roles/viewer')?.members).toEqual(['allUsers']);
    // Enums come back as their names after the client decodes `enum-encoding=int`.
    expect(web.auditConfigs?.[0]?.auditLogConfigs?.[0]).toMatchObject({ logType: 'DATA_READ', exemptedMembers: ['user:dev.lead@example.com'] });
    // A version-1 request on a conditional policy gets IAM's documented downgrade.
    const [v1] = await projects().getIamPolicy({ resource: 'projects/example-dev-sandbox' });
    expect(v1.version).toBe(1);
    expect(v1.bindings?.[1]?.role).toMatch(/^roles\/owner_withcond_[a-z0-9]+$/);
  });

  it('serves folders and organizations', async () => {
    const auth = new FakeTokenClient();
    const folders = new FoldersClient({ ...cloud.gcp.clientOptions(), authClient: auth });
    const names = [];
    for await (const f of folders.listFoldersAsync({ parent: 'organizations/100000000001' })) names.push(f.displayName);
    expect(names).toEqual(['Production', 'Development']);
    const orgs = new OrganizationsClient({ ...cloud.gcp.clientOptions(), authClient: auth });
    const [org] = await orgs.searchOrganizations({});
    expect(org[0]).toMatchObject({ name: 'organizations/100000000001', displayName: 'example.com', directoryCustomerId: 'C0example' });
    const [policy] = await orgs.getIamPolicy({ resource: 'organizations/100000000001' });
    expect(policy.bindings?.[0]?.members).toEqual(['group:gcp-admins@example.com']);
  });

  it('answers 429 RESOURCE_EXHAUSTED and the client retry (with the gax#1803 workaround) gets through', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'gcp', operation: 'projects.getIamPolicy', throttle: true, times: 2 });
    try {
      const [policy] = await projects(true).getIamPolicy({ resource: 'projects/example-payments-prod' }, fastRetry);
      expect(policy.bindings?.[0]?.role).toBe('roles/owner');
      expect(cloud.counters.outcomes('gcp', 'projects.getIamPolicy', 'throttle')).toBe(2);
      expect(cloud.counters.count('gcp', 'projects.getIamPolicy')).toBe(3);
    } finally {
      remove();
    }
  });

  it('surfaces access denied on one project as a typed PERMISSION_DENIED error', async () => {
    const error = (await projects(true)
      .getProject({ name: 'projects/example-restricted' })
      .catch((e: unknown) => e)) as { code?: number; constructor: { name: string }; message: string };
    expect(error.constructor.name).toBe('GoogleError');
    expect(error.code).toBe(7); // google.rpc.Code.PERMISSION_DENIED
    expect(error.message).toContain('resourcemanager.projects.get');
    // Without the workaround the same answer arrives as a GaxiosError carrying the HTTP status.
    const raw = (await projects().getProject({ name: 'projects/example-restricted' }).catch((e: unknown) => e)) as { status?: number; code?: unknown };
    expect(raw.status ?? raw.code).toBe(403);
  });

  it('refuses and counts setIamPolicy', async () => {
    cloud.counters.reset();
    const error = (await projects(true)
      .setIamPolicy({ resource: 'projects/example-web-prod', policy: { bindings: [] } })
      .catch((e: unknown) => e)) as { code?: number };
    expect(error.code).toBe(7);
    expect(cloud.counters.writes).toEqual([{ vendor: 'gcp', operation: 'projects.setIamPolicy', request: 'POST /v3/projects/example-web-prod:setIamPolicy', scope: 'projects/example-web-prod' }]);
  });
});
