/**
 * The official AWS SDK v3 clients against the local cloud: real serialization, SigV4 signing,
 * retries and HTTP to 127.0.0.1. Expected shapes: the Organizations API reference
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html and siblings).
 */
import {
  AccessDeniedException,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  OrganizationsClient,
  TooManyRequestsException,
  CreateAccountCommand,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListPolicies,
} from '@aws-sdk/client-organizations';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEstate } from '../estate/demo.ts';
import { type LocalCloud, startLocalCloud } from '../server.ts';

// Retries in milliseconds, not the SDK's ~1 s base, so throttling tests stay fast.
const fastRetry = (attempts: number) => new ConfiguredRetryStrategy(attempts, () => 5);

let cloud: LocalCloud;
beforeAll(async () => {
  // Pages of 2 make the six-account demo organization span three pages.
  cloud = await startLocalCloud({ estate: demoEstate(), maxPageSize: 2 });
});
afterAll(() => cloud.stop());

const orgs = (attempts = 1) => new OrganizationsClient({ ...cloud.aws.clientConfig(), retryStrategy: fastRetry(attempts) });

describe('AWS Organizations (JSON 1.1)', () => {
  it('lists every account over several pages with the paginator', async () => {
    cloud.counters.reset();
    const accounts = [];
    for await (const page of paginateListAccounts({ client: orgs() }, {})) accounts.push(...(page.Accounts ?? []));
    expect(accounts.map((a) => a.Id)).toEqual(['111111111111', '222222222222', '333333333333', '444444444444', '555555555555', '666666666666']);
    expect(cloud.counters.count('aws', 'organizations:ListAccounts')).toBe(3);
    const prod = accounts.find((a) => a.Id === '333333333333');
    expect(prod).toMatchObject({
      Arn: 'arn:aws:organizations::111111111111:account/o-ex4mpl3org/333333333333',
      Email: 'aws-prod@example.com',
      Name: 'example-prod',
      Status: 'ACTIVE',
      JoinedMethod: 'CREATED',
    });
    // Timestamps travel as epoch seconds and come back as Dates.
    expect(prod?.JoinedTimestamp).toEqual(new Date('2021-05-01T09:00:00Z'));
    expect(accounts.find((a) => a.Id === '555555555555')?.Status).toBe('SUSPENDED');
  });

  it('describes the organization and walks the OU tree', async () => {
    const client = orgs();
    const { Organization } = await client.send(new DescribeOrganizationCommand({}));
    expect(Organization).toMatchObject({ Id: 'o-ex4mpl3org', MasterAccountId: '111111111111', FeatureSet: 'ALL' });
    const { Roots } = await client.send(new ListRootsCommand({}));
    expect(Roots?.[0]).toMatchObject({ Id: 'r-ex4m', Name: 'Root' });
    const tree: string[] = [];
    const walk = async (parentId: string, path: string): Promise<void> => {
      for await (const page of paginateListAccountsForParent({ client }, { ParentId: parentId })) {
        for (const a of page.Accounts ?? []) tree.push(`${path}/${a.Name ?? ''}`);
      }
      for await (const page of paginateListOrganizationalUnitsForParent({ client }, { ParentId: parentId })) {
        for (const ou of page.OrganizationalUnits ?? []) await walk(ou.Id ?? '', `${path}/${ou.Name ?? ''}`);
      }
    };
    await walk('r-ex4m', '');
    expect(tree.sort()).toEqual([
      '/Security/example-security',
      '/Suspended/example-closed-project',
      '/Workloads/Dev/example-dev',
      '/Workloads/Dev/example-sandbox',
      '/Workloads/Prod/example-prod',
      '/example-management',
    ]);
  });

  it('serves policies, their attachments and contents, trusted access and delegated administrators', async () => {
    const client = orgs();
    const names = [];
    for await (const page of paginateListPolicies({ client }, { Filter: 'SERVICE_CONTROL_POLICY' })) names.push(...(page.Policies ?? []).map((p) => p.Name));
    expect(names).toEqual(['FullAWSAccess', 'DenyLeaveOrganization', 'DenyOutsideApprovedRegions']);
    const forOu = await client.send(new ListPoliciesForTargetCommand({ TargetId: 'ou-ex4m-workloads', Filter: 'SERVICE_CONTROL_POLICY' }));
    expect(forOu.Policies?.map((p) => p.Name)).toEqual(['FullAWSAccess', 'DenyOutsideApprovedRegions']);
    const { Policy } = await client.send(new DescribePolicyCommand({ PolicyId: 'p-ex4mdenyleave' }));
    expect(JSON.parse(Policy?.Content ?? '{}')).toMatchObject({ Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization' }] });
    expect(Policy?.PolicySummary?.AwsManaged).toBe(false);
    const access = await client.send(new ListAWSServiceAccessForOrganizationCommand({ MaxResults: 20 }));
    expect(access.EnabledServicePrincipals?.map((s) => s.ServicePrincipal)).toEqual(['cloudtrail.amazonaws.com', 'guardduty.amazonaws.com']);
    expect(access.NextToken).toBeDefined();
    const admins = await client.send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: 'guardduty.amazonaws.com' }));
    expect(admins.DelegatedAdministrators?.map((d) => d.Id)).toEqual(['222222222222']);
  });

  it('answers TooManyRequestsException and the SDK retry gets through', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'aws', operation: 'organizations:ListRoots', throttle: true, times: 2 });
    try {
      const { Roots } = await orgs(3).send(new ListRootsCommand({}));
      expect(Roots).toHaveLength(1);
      expect(cloud.counters.count('aws', 'organizations:ListRoots')).toBe(3);
      expect(cloud.counters.outcomes('aws', 'organizations:ListRoots', 'throttle')).toBe(2);
    } finally {
      remove();
    }
  });

  it('surfaces throttling as the modeled TooManyRequestsException once retries are exhausted', async () => {
    const remove = cloud.faults.add({ vendor: 'aws', operation: 'organizations:ListRoots', rateLimit: { burst: 0, perSecond: 0 } });
    try {
      await expect(orgs(2).send(new ListRootsCommand({}))).rejects.toBeInstanceOf(TooManyRequestsException);
    } finally {
      remove();
    }
  });

  it('refuses a member account with the typed AccessDeniedException', async () => {
    const member = new OrganizationsClient({ ...cloud.aws.clientConfig('333333333333'), maxAttempts: 1 });
    const error: unknown = await member.send(new ListRootsCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect((error as AccessDeniedException).$metadata.httpStatusCode).toBe(400);
  });

  it('refuses and counts a write', async () => {
    cloud.counters.reset();
    const error: unknown = await orgs()
      .send(new CreateAccountCommand({ AccountName: 'new', Email: 'new@example.com' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect(cloud.counters.writes).toEqual([{ vendor: 'aws', operation: 'organizations:CreateAccount', request: 'POST /', scope: '111111111111' }]);
    expect(cloud.counters.outcomes('aws', 'organizations:CreateAccount', 'write')).toBe(1);
  });
});
