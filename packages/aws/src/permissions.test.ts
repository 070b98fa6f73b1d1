import { describe, expect, it } from 'vitest';
import type { CheckContext, ScopeInfo } from '@demarc/core';
import { AWS_CHECKS } from './checks/index';
import { COLLECTOR_PERMISSIONS, type AwsOperation } from './collectors';
import { DISCOVERY_PERMISSIONS, WRITE_VERBS, isReadOnlyAction, leastPrivilegePolicy, requiredPermissions } from './permissions';

/**
 * Data that walks every branch that reads something: organization present, every policy type on, trails
 * multi-region but not logging, users with a console password, root without MFA in a member account.
 */
const FIXTURE: Record<AwsOperation, unknown> = {
  'organizations:DescribeOrganization': { id: 'o-exampleorg1', arn: 'arn:aws:organizations::111111111111:organization/o-exampleorg1', featureSet: 'ALL', managementAccountId: '111111111111' },
  'organizations:ListRoots': [{ id: 'r-ab12', arn: '', name: 'Root', policyTypes: ['SERVICE_CONTROL_POLICY', 'TAG_POLICY', 'BACKUP_POLICY', 'AISERVICES_OPT_OUT_POLICY'].map((type) => ({ type, status: 'ENABLED' })) }],
  'organizations:ListAccounts': [{ id: '111111111111', arn: '', name: 'mgmt', email: 'a@example.com', status: 'ACTIVE' }],
  'organizations:ListPolicies': [{ id: 'p-abcd1234', arn: '', name: 'P', type: 'X', awsManaged: false }],
  'organizations:ListTargetsForPolicy': [{ targetId: 'r-ab12', type: 'ROOT', name: 'Root' }],
  'organizations:DescribePolicy': { id: 'p-abcd1234', arn: '', name: 'P', type: 'TAG_POLICY', awsManaged: false, content: '{"tags":{}}' },
  'organizations:ListAWSServiceAccessForOrganization': ['cloudtrail.amazonaws.com', 'config.amazonaws.com', 'guardduty.amazonaws.com', 'securityhub.amazonaws.com'],
  'organizations:ListDelegatedAdministrators': [],
  'iam:GetAccountSummary': { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 },
  'iam:ListUsers': [{ userName: 'u', arn: 'arn:aws:iam::111111111111:user/u', path: '/', createDate: '2020-01-01T00:00:00Z', passwordLastUsed: '2020-01-01T00:00:00Z' }],
  'iam:GetLoginProfile': { createDate: '2020-01-01T00:00:00Z', passwordResetRequired: false },
  'iam:ListOrganizationsFeatures': { organizationId: 'o-exampleorg1', enabledFeatures: ['RootCredentialsManagement'] },
  'iam:ListMFADevices': [],
  'iam:ListAccessKeys': [{ keyId: 'AKIAEXAMPLE000000001', status: 'Active', createDate: '2020-01-01T00:00:00Z' }],
  'iam:GetAccessKeyLastUsed': {},
  'iam:ListRoles': [{ roleName: 'r', arn: 'arn:aws:iam::111111111111:role/r', path: '/', createDate: '2020-01-01T00:00:00Z' }],
  'iam:GetRole': {},
  's3-control:GetPublicAccessBlock': null,
  'ec2:DescribeRegions': ['us-east-1'],
  'ec2:GetEbsEncryptionByDefault': { enabled: false },
  'ec2:DescribeSecurityGroups': [{ groupId: 'sg-1', groupName: 'g', ingress: [] }],
  'cloudtrail:DescribeTrails': [{ name: 't', arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/t', homeRegion: 'us-east-1', multiRegion: true, organizationTrail: false, logFileValidation: true, includeGlobalServiceEvents: true }],
  'cloudtrail:GetTrailStatus': { isLogging: false },
};

/** Runs a check's `run` directly, recording the collector operations it calls. */
async function operationsOf(check: (typeof AWS_CHECKS)[number]): Promise<Set<string>> {
  const used = new Set<string>();
  // A member account: checks consult the organization (root access, organization trails) only from there.
  const member: ScopeInfo & { management: boolean } = { id: '222222222222', kind: 'account', management: false };
  const scope: ScopeInfo = check.meta.level === 'organization' ? { id: 'organization', kind: 'organization' } : member;
  const context = {
    provider: 'aws', scope, signal: new AbortController().signal, now: new Date('2025-01-01T00:00:00Z'),
    attestations: {} as CheckContext['attestations'], classify: () => undefined,
    collect: async (operation: string) => {
      used.add(operation);
      if (!(operation in FIXTURE)) throw new Error(`no fixture for ${operation}`);
      return FIXTURE[operation as AwsOperation];
    },
  } as unknown as CheckContext;
  for await (const _result of check.run(context)) void _result;
  return used;
}

describe('least privilege', () => {
  it.each(AWS_CHECKS.map((check) => [check.meta.id, check] as const))('%s declares exactly the IAM actions of the collectors it calls', async (_id, check) => {
    const used = await operationsOf(check);
    const needed = [...new Set([...used].flatMap((op) => COLLECTOR_PERMISSIONS[op as AwsOperation] ?? [`unknown collector ${op}`]))].sort();
    expect([...new Set(check.meta.permissions)].sort()).toEqual(needed);
  });

  it('generates the union of discovery and check permissions, sorted and unique', () => {
    const { actions, byCheck, discovery } = requiredPermissions(AWS_CHECKS.map((c) => c.meta));
    expect(actions).toEqual([...new Set(actions)].sort());
    expect(discovery).toEqual([...DISCOVERY_PERMISSIONS]);
    for (const action of [...DISCOVERY_PERMISSIONS, ...AWS_CHECKS.flatMap((c) => c.meta.permissions)]) expect(actions).toContain(action);
    expect(Object.keys(byCheck)).toHaveLength(AWS_CHECKS.length);
    expect(actions).toMatchInlineSnapshot(`
      [
        "cloudtrail:DescribeTrails",
        "cloudtrail:GetTrailStatus",
        "ec2:DescribeRegions",
        "ec2:DescribeSecurityGroups",
        "ec2:GetEbsEncryptionByDefault",
        "iam:GetAccessKeyLastUsed",
        "iam:GetAccountSummary",
        "iam:GetLoginProfile",
        "iam:GetRole",
        "iam:ListAccessKeys",
        "iam:ListMFADevices",
        "iam:ListOrganizationsFeatures",
        "iam:ListRoles",
        "iam:ListUsers",
        "organizations:DescribeOrganization",
        "organizations:DescribePolicy",
        "organizations:ListAWSServiceAccessForOrganization",
        "organizations:ListAccounts",
        "organizations:ListAccountsForParent",
        "organizations:ListDelegatedAdministrators",
        "organizations:ListOrganizationalUnitsForParent",
        "organizations:ListPolicies",
        "organizations:ListRoots",
        "organizations:ListTargetsForPolicy",
        "s3:GetAccountPublicAccessBlock",
        "sts:AssumeRole",
        "sts:GetCallerIdentity",
      ]
    `);
  });

  it('is read-only: every action reads, none has a write verb', () => {
    const { actions } = requiredPermissions(AWS_CHECKS.map((c) => c.meta));
    const collectorActions = Object.values(COLLECTOR_PERMISSIONS).flat();
    for (const action of [...actions, ...collectorActions]) {
      expect(isReadOnlyAction(action), action).toBe(true);
      if (action !== 'sts:AssumeRole') expect(action.split(':')[1], action).not.toMatch(WRITE_VERBS);
    }
  });

  it('tells writes from reads', () => {
    for (const action of ['iam:CreateUser', 'iam:PutUserPolicy', 'organizations:UpdatePolicy', 'ec2:DeleteVolume', 'iam:AttachRolePolicy', 'kms:Decrypt', 'iam:PassRole', 'sts:AssumeRoleWithSAML']) {
      expect(isReadOnlyAction(action), action).toBe(false);
    }
    for (const action of ['iam:ListUsers', 'ec2:DescribeRegions', 's3:GetAccountPublicAccessBlock']) expect(isReadOnlyAction(action)).toBe(true);
  });

  it('builds an IAM policy document with exactly those actions', () => {
    const metas = AWS_CHECKS.map((c) => c.meta);
    const policy = leastPrivilegePolicy(metas);
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement[0].Action).toEqual(requiredPermissions(metas).actions);
    expect(policy.Statement[0].Effect).toBe('Allow');
  });
});
