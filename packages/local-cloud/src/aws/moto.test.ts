/**
 * Differential test: the same Organizations contents served by the local cloud and by moto
 * (`moto_server`, an independent Python implementation of the AWS APIs), read through the same
 * collectors with the official client. What the client returns must match, ids and ARNs aside
 * (moto generates its own).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  EnableAWSServiceAccessCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListAWSServiceAccessForOrganization,
  paginateListDelegatedAdministrators,
  paginateListOrganizationalUnitsForParent,
  paginateListPolicies,
  paginateListPoliciesForTarget,
  RegisterDelegatedAdministratorCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsEstate } from '../estate/types.ts';
import { type LocalCloud, startLocalCloud } from '../server.ts';

const motoPath = spawnSync('which', ['moto_server'], { encoding: 'utf8' }).stdout.trim();
if (!motoPath) console.warn('moto differential test SKIPPED: `moto_server` is not on PATH (pip install "moto[server]" to run it; CI has it).');

/** One organization, described once and loaded into both servers. */
const SPEC = {
  ous: [
    { name: 'Security', parent: 'Root' },
    { name: 'Workloads', parent: 'Root' },
    { name: 'Prod', parent: 'Workloads' },
  ],
  accounts: [
    { name: 'security', email: 'security@example.com', ou: 'Security' },
    { name: 'prod-a', email: 'prod-a@example.com', ou: 'Prod' },
    { name: 'prod-b', email: 'prod-b@example.com', ou: 'Prod' },
    { name: 'sandbox', email: 'sandbox@example.com', ou: 'Root' },
  ],
  scp: {
    name: 'DenyLeaveOrganization',
    description: 'Member accounts may not leave',
    content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] }),
    target: 'Workloads',
  },
  servicePrincipal: 'guardduty.amazonaws.com',
  delegatedAdmin: 'security',
} as const;

const FULL_ACCESS = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

/** The spec as a local-cloud estate (moto's management account is fixed: `master@example.com`). */
const specEstate = (): AwsEstate => {
  const ouId = (name: string) => (name === 'Root' ? 'r-diff' : `ou-diff-${name.toLowerCase()}`);
  const accounts = [
    { id: '123456789012', name: 'master', email: 'master@example.com', parentId: 'r-diff' },
    ...SPEC.accounts.map((a, i) => ({ id: String(200000000001 + i), name: a.name, email: a.email, parentId: ouId(a.ou) })),
  ].map((a) => ({ ...a, status: 'ACTIVE' as const, joinedMethod: 'CREATED' as const, joinedTimestamp: '2024-01-01T00:00:00Z' }));
  const ous = SPEC.ous.map((o) => ({ id: ouId(o.name), name: o.name, parentId: ouId(o.parent) }));
  return {
    organization: {
      id: 'o-diff000001',
      managementAccountId: '123456789012',
      featureSet: 'ALL',
      rootId: 'r-diff',
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
      enabledServicePrincipals: [SPEC.servicePrincipal],
      delegatedAdministrators: [{ accountId: accounts.find((a) => a.name === SPEC.delegatedAdmin)?.id ?? '', servicePrincipal: SPEC.servicePrincipal }],
    },
    organizationalUnits: ous,
    policies: [
      // As in AWS, FullAWSAccess is attached to the root and to every OU and account.
      { id: 'p-FullAWSAccess', name: 'FullAWSAccess', description: 'Allows access to every operation', type: 'SERVICE_CONTROL_POLICY', awsManaged: true, content: FULL_ACCESS, targets: ['r-diff', ...ous.map((o) => o.id), ...accounts.map((a) => a.id)] },
      { id: 'p-diffdenyleave', name: SPEC.scp.name, description: SPEC.scp.description, type: 'SERVICE_CONTROL_POLICY', awsManaged: false, content: SPEC.scp.content, targets: [ouId(SPEC.scp.target)] },
    ],
    accounts,
  };
};

/** Loads the spec into moto through its own write APIs. */
const seedMoto = async (client: OrganizationsClient): Promise<void> => {
  await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const rootId = (await client.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
  await client.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }));
  const ids = new Map<string, string>([['Root', rootId]]);
  for (const ou of SPEC.ous) {
    const r = await client.send(new CreateOrganizationalUnitCommand({ ParentId: ids.get(ou.parent) ?? '', Name: ou.name }));
    ids.set(ou.name, r.OrganizationalUnit?.Id ?? '');
  }
  for (const a of SPEC.accounts) {
    const r = await client.send(new CreateAccountCommand({ AccountName: a.name, Email: a.email }));
    const id = r.CreateAccountStatus?.AccountId ?? '';
    ids.set(a.name, id);
    if (a.ou !== 'Root') await client.send(new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: ids.get(a.ou) ?? '' }));
  }
  const p = await client.send(new CreatePolicyCommand({ Name: SPEC.scp.name, Description: SPEC.scp.description, Content: SPEC.scp.content, Type: 'SERVICE_CONTROL_POLICY' }));
  await client.send(new AttachPolicyCommand({ PolicyId: p.Policy?.PolicySummary?.Id ?? '', TargetId: ids.get(SPEC.scp.target) ?? '' }));
  await client.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: SPEC.servicePrincipal }));
  await client.send(new RegisterDelegatedAdministratorCommand({ AccountId: ids.get(SPEC.delegatedAdmin) ?? '', ServicePrincipal: SPEC.servicePrincipal }));
};

/** The collectors a scanner runs, reduced to what both servers must agree on (names, not ids). */
const collect = async (client: OrganizationsClient) => {
  const pageSize = { client, pageSize: 2 };
  const { Organization } = await client.send(new DescribeOrganizationCommand({}));
  const { Roots } = await client.send(new ListRootsCommand({}));
  const root = Roots?.[0];
  const accounts = [];
  for await (const page of paginateListAccounts(pageSize, {})) {
    for (const a of page.Accounts ?? []) accounts.push({ name: a.Name, email: a.Email, status: a.Status, joinedMethod: a.JoinedMethod, joined: a.JoinedTimestamp instanceof Date });
  }
  const tree: string[] = [];
  const policiesByPath: Record<string, string[]> = {};
  const walk = async (parentId: string, path: string): Promise<void> => {
    const attached = [];
    for await (const page of paginateListPoliciesForTarget(pageSize, { TargetId: parentId, Filter: 'SERVICE_CONTROL_POLICY' })) attached.push(...(page.Policies ?? []).map((p) => p.Name ?? ''));
    policiesByPath[path || '/'] = attached.sort();
    for await (const page of paginateListAccountsForParent(pageSize, { ParentId: parentId })) for (const a of page.Accounts ?? []) tree.push(`${path}/${a.Name ?? ''}`);
    for await (const page of paginateListOrganizationalUnitsForParent(pageSize, { ParentId: parentId })) {
      for (const ou of page.OrganizationalUnits ?? []) await walk(ou.Id ?? '', `${path}/${ou.Name ?? ''}`);
    }
  };
  await walk(root?.Id ?? '', '');
  const policies = [];
  for await (const page of paginateListPolicies(pageSize, { Filter: 'SERVICE_CONTROL_POLICY' })) {
    for (const p of page.Policies ?? []) {
      const { Policy } = await client.send(new DescribePolicyCommand({ PolicyId: p.Id }));
      policies.push({ name: p.Name, description: p.Description, awsManaged: p.AwsManaged, type: p.Type, content: JSON.parse(Policy?.Content ?? 'null') as unknown });
    }
  }
  const services = [];
  for await (const page of paginateListAWSServiceAccessForOrganization(pageSize, {})) services.push(...(page.EnabledServicePrincipals ?? []).map((s) => s.ServicePrincipal));
  const admins = [];
  for await (const page of paginateListDelegatedAdministrators(pageSize, {})) admins.push(...(page.DelegatedAdministrators ?? []).map((d) => ({ name: d.Name, email: d.Email, status: d.Status })));
  return {
    organization: { featureSet: Organization?.FeatureSet, masterEmail: Organization?.MasterAccountEmail, policyTypes: Organization?.AvailablePolicyTypes },
    root: { name: root?.Name, policyTypes: root?.PolicyTypes },
    accounts: accounts.sort((a, b) => String(a.name).localeCompare(String(b.name))),
    tree: tree.sort(),
    policiesByPath,
    policies: policies.sort((a, b) => String(a.name).localeCompare(String(b.name))),
    services,
    admins,
  };
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe.skipIf(!motoPath)('AWS Organizations: local cloud vs moto', () => {
  let moto: ChildProcess | undefined;
  let motoEndpoint = '';
  let cloud: LocalCloud;

  beforeAll(async () => {
    const port = await freePort();
    motoEndpoint = `http://127.0.0.1:${String(port)}`;
    moto = spawn(motoPath, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ok = await fetch(`${motoEndpoint}/moto-api/`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`moto_server did not start on ${motoEndpoint}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    cloud = await startLocalCloud({ estate: { aws: specEstate() } });
  });
  afterAll(async () => {
    moto?.kill();
    await cloud.stop();
  });

  it('returns the same organization through the official client', async () => {
    const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    const motoClient = new OrganizationsClient({ endpoint: motoEndpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    await seedMoto(motoClient);
    const fromMoto = await collect(motoClient);
    const fromLocal = await collect(new OrganizationsClient({ ...cloud.aws.clientConfig(), maxAttempts: 1 }));
    expect(fromLocal).toEqual(fromMoto);
    // And the comparison is not vacuous.
    expect(fromLocal.tree).toEqual(['/Security/security', '/Workloads/Prod/prod-a', '/Workloads/Prod/prod-b', '/master', '/sandbox']);
    expect(fromLocal.policiesByPath['/Workloads']).toEqual(['DenyLeaveOrganization', 'FullAWSAccess']);
  });
});
