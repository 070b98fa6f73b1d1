/**
 * Purpose-built estates for the integration tests: a well-run organization where every
 * organization-level check passes and whose accounts mix good and bad practice, and a neglected
 * organization where they fail. What each account gets wrong is written next to it.
 * @internal
 */
import type { AwsAccount, AwsEstate, AwsTrail, Estate } from '@demarc/local-cloud';

const ROOT = 'r-g001';
const PROD = 'ou-g001-prod0001';
const DEV = 'ou-g001-dev00001';
const SANDBOX = 'ou-g001-sand0001';
const joined = { joinedMethod: 'CREATED', joinedTimestamp: '2022-01-01T00:00:00Z' } as const;
const allOn = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const quiet = { ebsEncryptionByDefault: true, securityGroups: [] };
const https = { id: 'sg-0000000000000web', name: 'web', description: 'HTTPS', vpcId: 'vpc-0aaa', ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['0.0.0.0/0'] }] };

const TRUST_MANAGEMENT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }] });
const TRUST_SUPPORT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'support.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
/** An idle service-linked role: unused for years, but AWS's to remove (provider-managed). */
export const SUPPORT_ROLE = { name: 'AWSServiceRoleForSupport', path: '/aws-service-role/support.amazonaws.com/', createDate: '2022-01-01T00:00:00Z', assumeRolePolicyDocument: TRUST_SUPPORT };

/** The organization trail. Its log file validation is off: the management account's failure, a provider-managed one for members. */
export const ORG_TRAIL: AwsTrail = {
  name: 'org-trail', homeRegion: 'us-east-1', s3BucketName: 'example-org-trail', multiRegion: true, organizationTrail: true,
  includeGlobalServiceEvents: true, logFileValidation: false, isLogging: true,
};

const accounts: AwsAccount[] = [
  {
    // Management: root with MFA, no users, every setting on, owns the organization trail (validation off: a fail here).
    id: '111111111111', name: 'management', email: 'management@example.com', status: 'ACTIVE', parentId: ROOT, ...joined,
    iam: { rootMfaEnabled: true, rootAccessKeysPresent: false, users: [], roles: [] },
    s3PublicAccessBlock: allOn,
    regions: { 'us-east-1': { ebsEncryptionByDefault: true, securityGroups: [https] }, 'eu-west-1': quiet },
    trails: [ORG_TRAIL],
  },
  {
    // Security tooling: all good; sees the organization trail (provider-managed failure).
    id: '222222222222', name: 'security', email: 'security@example.com', status: 'ACTIVE', parentId: PROD, ...joined,
    iam: {
      rootMfaEnabled: true, rootAccessKeysPresent: false, roles: [SUPPORT_ROLE],
      users: [{ name: 'alice', createDate: '2024-01-01T00:00:00Z', passwordLastUsed: '2025-05-25T00:00:00Z', mfaDevices: ['arn:aws:iam::222222222222:mfa/alice'], accessKeys: [] }],
    },
    s3PublicAccessBlock: allOn,
    regions: { 'us-east-1': quiet, 'eu-west-1': quiet },
    trails: [ORG_TRAIL],
  },
  {
    // Payments: root without MFA and with keys; bob has no MFA and left in 2024; carol's key was never used;
    // no account Block Public Access; EBS default encryption off in us-east-1; SSH open in eu-west-1; no trail at all;
    // a vendor's role nobody has used since 2023.
    id: '333333333333', name: 'payments', email: 'payments@example.com', status: 'ACTIVE', parentId: PROD, ...joined,
    iam: {
      rootMfaEnabled: false, rootAccessKeysPresent: true,
      roles: [{ name: 'OldVendorAccess', path: '/', createDate: '2023-01-01T00:00:00Z', assumeRolePolicyDocument: TRUST_MANAGEMENT }],
      users: [
        { name: 'bob', createDate: '2023-01-01T00:00:00Z', passwordLastUsed: '2024-11-01T00:00:00Z', mfaDevices: [], accessKeys: [] },
        { name: 'carol', createDate: '2023-01-01T00:00:00Z', mfaDevices: ['arn:aws:iam::333333333333:mfa/carol'], accessKeys: [{ id: 'AKIAEXAMPLECAROL0001', status: 'Active', createDate: '2024-01-01T00:00:00Z' }] },
      ],
    },
    regions: {
      'us-east-1': { ebsEncryptionByDefault: false, securityGroups: [] },
      'eu-west-1': { ebsEncryptionByDefault: true, securityGroups: [{ id: 'sg-0000000000000ssh', name: 'ssh', description: 'SSH', vpcId: 'vpc-0bbb', ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrs: ['0.0.0.0/0'] }] }] },
    },
  },
  {
    // Development: Block Public Access with the policy block off; its own single-region trail without validation.
    id: '444444444444', name: 'development', email: 'dev@example.com', status: 'ACTIVE', parentId: DEV, ...joined,
    iam: {
      rootMfaEnabled: true, rootAccessKeysPresent: false,
      roles: [{ name: 'CiDeploy', path: '/', createDate: '2025-05-10T00:00:00Z', assumeRolePolicyDocument: TRUST_MANAGEMENT }],
      users: [{ name: 'dave', createDate: '2025-03-01T00:00:00Z', mfaDevices: ['arn:aws:iam::444444444444:mfa/dave'], accessKeys: [{ id: 'AKIAEXAMPLEDAVE00001', status: 'Active', createDate: '2025-03-01T00:00:00Z', lastUsed: { date: '2025-05-30T00:00:00Z', service: 's3', region: 'eu-west-1' } }] }],
    },
    s3PublicAccessBlock: { ...allOn, blockPublicPolicy: false },
    regions: { 'us-east-1': quiet, 'eu-west-1': quiet },
    trails: [{ name: 'dev-trail', homeRegion: 'us-east-1', s3BucketName: 'dev-trail', multiRegion: false, organizationTrail: false, includeGlobalServiceEvents: false, logFileValidation: false, isLogging: true }],
  },
  // Sandbox accounts: the audit role is missing in 666666666666, so every one of its checks is `error`.
  { id: '666666666666', name: 'sandbox-a', email: 'sandbox-a@example.com', status: 'ACTIVE', parentId: SANDBOX, ...joined, roleAssumable: false },
  {
    id: '777777777777', name: 'sandbox-b', email: 'sandbox-b@example.com', status: 'ACTIVE', parentId: SANDBOX, ...joined,
    iam: { rootMfaEnabled: true, rootAccessKeysPresent: false, users: [], roles: [] },
    s3PublicAccessBlock: allOn,
    regions: { 'us-east-1': quiet, 'eu-west-1': quiet },
    trails: [ORG_TRAIL],
  },
];

const policy = (id: string, name: string, type: AwsEstate['policies'][number]['type'], content: object, targets: string[], awsManaged = false) =>
  ({ id, name, description: name, type, awsManaged, content: JSON.stringify(content), targets });

/** A well-run organization: every organization-level check passes. */
export const WELL_RUN: Estate = {
  aws: {
    organization: {
      id: 'o-goodorg0001', managementAccountId: '111111111111', featureSet: 'ALL', rootId: ROOT,
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', 'BACKUP_POLICY', 'TAG_POLICY', 'AISERVICES_OPT_OUT_POLICY'],
      enabledServicePrincipals: ['cloudtrail.amazonaws.com', 'config.amazonaws.com', 'guardduty.amazonaws.com', 'securityhub.amazonaws.com'],
      delegatedAdministrators: [{ accountId: '222222222222', servicePrincipal: 'guardduty.amazonaws.com' }, { accountId: '222222222222', servicePrincipal: 'securityhub.amazonaws.com' }],
    },
    organizationalUnits: [
      { id: PROD, name: 'Production', parentId: ROOT },
      { id: DEV, name: 'Development', parentId: ROOT },
      { id: SANDBOX, name: 'Sandbox', parentId: DEV },
    ],
    policies: [
      policy('p-FullAWSAccess', 'FullAWSAccess', 'SERVICE_CONTROL_POLICY', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, [ROOT, PROD, DEV, SANDBOX, ...accounts.map((a) => a.id)], true),
      policy('p-denyleave1', 'DenyLeaveOrganization', 'SERVICE_CONTROL_POLICY', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] }, [ROOT]),
      policy('p-backup0001', 'DailyBackups', 'BACKUP_POLICY', { plans: {} }, [PROD]),
      policy('p-tags000001', 'OwnerTag', 'TAG_POLICY', { tags: { owner: { tag_key: { '@@assign': 'Owner' } } } }, [ROOT]),
      policy('p-aioptout01', 'OptOutOfAiContentUse', 'AISERVICES_OPT_OUT_POLICY', { services: { default: { opt_out_policy: { '@@assign': 'optOut' } } } }, [ROOT]),
    ],
    accounts,
  },
};

/** A neglected organization: consolidated billing, a suspended account, only CloudTrail trusted. */
export const NEGLECTED: Estate = {
  aws: {
    organization: {
      id: 'o-badorg00001', managementAccountId: '101010101010', featureSet: 'CONSOLIDATED_BILLING', rootId: 'r-b001',
      enabledPolicyTypes: [], enabledServicePrincipals: ['cloudtrail.amazonaws.com'], delegatedAdministrators: [],
    },
    organizationalUnits: [],
    policies: [policy('p-FullAWSAccess', 'FullAWSAccess', 'SERVICE_CONTROL_POLICY', {}, ['r-b001'], true)],
    accounts: [
      { id: '101010101010', name: 'old-management', email: 'old@example.com', status: 'ACTIVE', parentId: 'r-b001', ...joined },
      { id: '555555555555', name: 'closed-project', email: 'closed@example.com', status: 'SUSPENDED', parentId: 'r-b001', ...joined },
    ],
  },
};
