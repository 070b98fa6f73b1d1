/**
 * The demo estate's AWS organization: six accounts with a realistic mix of good and bad practice,
 * written next to each account (see `demo.ts`).
 *
 * @module
 */
import type { AwsAccount, AwsEstate, AwsIamRole, AwsTrail } from './types.ts';

const TRUST_ORG_ACCESS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }],
});
const TRUST_SERVICE = (service: string): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

/** Roles every demo account has: the cross-account access role, the audit role and a service-linked role. */
const baseRoles: readonly AwsIamRole[] = [
  { name: 'OrganizationAccountAccessRole', path: '/', createDate: '2021-03-01T09:00:00Z', assumeRolePolicyDocument: TRUST_ORG_ACCESS },
  { name: 'DemarcAudit', path: '/', createDate: '2023-06-01T09:00:00Z', assumeRolePolicyDocument: TRUST_ORG_ACCESS, description: 'Read-only role demarc scans with' },
  {
    name: 'AWSServiceRoleForSupport',
    path: '/aws-service-role/support.amazonaws.com/',
    createDate: '2021-03-01T09:00:00Z',
    assumeRolePolicyDocument: TRUST_SERVICE('support.amazonaws.com'),
    description: 'Enables resource access for AWS to provide billing, administrative and support services',
  },
];

const ORG_TRAIL: AwsTrail = {
  name: 'org-trail',
  homeRegion: 'us-east-1',
  s3BucketName: 'example-org-cloudtrail-logs',
  multiRegion: true,
  organizationTrail: true,
  includeGlobalServiceEvents: true,
  logFileValidation: true,
  kmsKeyId: 'arn:aws:kms:us-east-1:222222222222:key/11111111-2222-3333-4444-555555555555',
  isLogging: true,
};

const goodRegion = { ebsEncryptionByDefault: true, securityGroups: [] };

const awsAccounts: readonly AwsAccount[] = [
  {
    // Management account: root has MFA and no keys (good), but a CI user with an old, unused key (bad); the CI
    // user has no console password, so MFA at sign-in does not apply to it.
    id: '111111111111',
    name: 'example-management',
    email: 'aws-management@example.com',
    status: 'ACTIVE',
    parentId: 'r-ex4m',
    joinedMethod: 'CREATED',
    joinedTimestamp: '2021-03-01T09:00:00Z',
    iam: {
      rootMfaEnabled: true,
      rootAccessKeysPresent: false,
      users: [
        {
          name: 'ci-deployer',
          path: '/automation/',
          createDate: '2021-04-01T09:00:00Z',
          mfaDevices: [],
          accessKeys: [
            { id: 'AKIAEXAMPLECIDEPLOY1', status: 'Active', createDate: '2021-04-01T09:00:00Z', lastUsed: { date: '2021-09-01T10:00:00Z', service: 's3', region: 'us-east-1' } },
            { id: 'AKIAEXAMPLECIDEPLOY2', status: 'Inactive', createDate: '2022-04-01T09:00:00Z' },
          ],
        },
      ],
      roles: baseRoles,
    },
    s3PublicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    regions: { 'us-east-1': goodRegion },
    trails: [ORG_TRAIL],
  },
  {
    // Security / log archive: everything compliant. Its root user has no credentials at all (no password, keys or
    // MFA): they were removed through the organization's centralized root access, so nobody can sign in as root.
    id: '222222222222',
    name: 'example-security',
    email: 'aws-security@example.com',
    status: 'ACTIVE',
    parentId: 'ou-ex4m-security',
    joinedMethod: 'CREATED',
    joinedTimestamp: '2021-03-02T09:00:00Z',
    iam: {
      rootMfaEnabled: false,
      rootAccessKeysPresent: false,
      rootPasswordPresent: false,
      users: [
        {
          name: 'security-analyst',
          createDate: '2022-01-10T09:00:00Z',
          loginProfile: { createDate: '2022-01-10T09:00:00Z' },
          passwordLastUsed: '2025-05-01T08:00:00Z',
          mfaDevices: ['arn:aws:iam::222222222222:mfa/security-analyst'],
          accessKeys: [],
        },
      ],
      roles: baseRoles,
    },
    s3PublicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    regions: {
      'us-east-1': {
        ebsEncryptionByDefault: true,
        securityGroups: [
          { id: 'sg-0a1b2c3d4e5f60001', name: 'default', description: 'default VPC security group', vpcId: 'vpc-0a1b2c3d00000001', ingress: [] },
          {
            id: 'sg-0a1b2c3d4e5f60002',
            name: 'https-from-corp',
            description: 'HTTPS from the corporate range',
            vpcId: 'vpc-0a1b2c3d00000001',
            ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['203.0.113.0/24'] }],
          },
        ],
      },
    },
    trails: [ORG_TRAIL],
  },
  {
    // Production: a console user without MFA, a key last used ~200 days before the demo date, a contractor whose
    // console password was never used, SSH open to the world, EBS encryption by default off in us-east-1, a local
    // trail that is not logging.
    id: '333333333333',
    name: 'example-prod',
    email: 'aws-prod@example.com',
    status: 'ACTIVE',
    parentId: 'ou-ex4m-prod',
    joinedMethod: 'CREATED',
    joinedTimestamp: '2021-05-01T09:00:00Z',
    iam: {
      rootMfaEnabled: true,
      rootAccessKeysPresent: false,
      users: [
        {
          name: 'alice',
          createDate: '2022-02-01T09:00:00Z',
          loginProfile: { createDate: '2022-02-01T09:00:00Z' },
          passwordLastUsed: '2025-05-20T08:00:00Z',
          mfaDevices: [],
          accessKeys: [],
        },
        {
          name: 'bob',
          createDate: '2022-02-01T09:00:00Z',
          loginProfile: { createDate: '2022-02-01T09:00:00Z' },
          passwordLastUsed: '2025-05-20T08:00:00Z',
          mfaDevices: ['arn:aws:iam::333333333333:mfa/bob'],
          accessKeys: [{ id: 'AKIAEXAMPLEBOB000001', status: 'Active', createDate: '2024-01-01T09:00:00Z', lastUsed: { date: '2025-05-30T10:00:00Z', service: 'ec2', region: 'eu-west-1' } }],
        },
        {
          name: 'legacy-batch',
          createDate: '2020-06-01T09:00:00Z',
          mfaDevices: [],
          accessKeys: [{ id: 'AKIAEXAMPLELEGACY001', status: 'Active', createDate: '2020-06-01T09:00:00Z', lastUsed: { date: '2024-11-13T10:00:00Z', service: 'sqs', region: 'us-east-1' } }],
        },
        {
          name: 'contractor-dana',
          createDate: '2024-09-01T09:00:00Z',
          loginProfile: { createDate: '2024-09-01T09:00:00Z' },
          mfaDevices: ['arn:aws:iam::333333333333:mfa/contractor-dana'],
          accessKeys: [],
        },
      ],
      roles: [
        ...baseRoles,
        { name: 'AWSServiceRoleForAutoScaling', path: '/aws-service-role/autoscaling.amazonaws.com/', createDate: '2021-06-01T09:00:00Z', assumeRolePolicyDocument: TRUST_SERVICE('autoscaling.amazonaws.com') },
        { name: 'app-runtime', path: '/app/', createDate: '2022-06-01T09:00:00Z', assumeRolePolicyDocument: TRUST_SERVICE('ec2.amazonaws.com') },
      ],
    },
    s3PublicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false },
    regions: {
      'us-east-1': {
        ebsEncryptionByDefault: false,
        securityGroups: [
          {
            id: 'sg-0b1b2c3d4e5f60001',
            name: 'bastion-ssh',
            description: 'SSH from anywhere',
            vpcId: 'vpc-0b1b2c3d00000001',
            ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrs: ['0.0.0.0/0'], ipv6Cidrs: ['::/0'] }],
          },
          {
            id: 'sg-0b1b2c3d4e5f60002',
            name: 'web',
            description: 'Public web',
            vpcId: 'vpc-0b1b2c3d00000001',
            ingress: [
              { protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['0.0.0.0/0'] },
              { protocol: 'tcp', fromPort: 3389, toPort: 3389, cidrs: ['10.0.0.0/8'] },
            ],
          },
          { id: 'sg-0b1b2c3d4e5f60003', name: 'all-open', description: 'Temporary debugging', vpcId: 'vpc-0b1b2c3d00000001', ingress: [{ protocol: '-1', cidrs: ['0.0.0.0/0'] }] },
        ],
      },
      'eu-west-1': goodRegion,
    },
    trails: [
      ORG_TRAIL,
      { name: 'prod-local', homeRegion: 'us-east-1', s3BucketName: 'example-prod-trail', multiRegion: false, organizationTrail: false, includeGlobalServiceEvents: false, logFileValidation: false, isLogging: false },
    ],
  },
  {
    // Development: root access keys present and root without MFA (centralized root access is on, but nobody removed
    // this account's root credentials), no account-level S3 Block Public Access.
    id: '444444444444',
    name: 'example-dev',
    email: 'aws-dev@example.com',
    status: 'ACTIVE',
    parentId: 'ou-ex4m-dev',
    joinedMethod: 'INVITED',
    joinedTimestamp: '2022-08-01T09:00:00Z',
    iam: { rootMfaEnabled: false, rootAccessKeysPresent: true, users: [], roles: baseRoles },
    regions: { 'us-east-1': { ebsEncryptionByDefault: false, securityGroups: [] } },
    trails: [ORG_TRAIL],
  },
  {
    // Suspended: listed by Organizations, no role can be assumed into it.
    id: '555555555555',
    name: 'example-closed-project',
    email: 'aws-closed@example.com',
    status: 'SUSPENDED',
    parentId: 'ou-ex4m-suspended',
    joinedMethod: 'CREATED',
    joinedTimestamp: '2021-07-01T09:00:00Z',
  },
  {
    // Sandbox whose audit role is missing: AssumeRole answers AccessDenied.
    id: '666666666666',
    name: 'example-sandbox',
    email: 'aws-sandbox@example.com',
    status: 'ACTIVE',
    parentId: 'ou-ex4m-dev',
    joinedMethod: 'CREATED',
    joinedTimestamp: '2023-01-15T09:00:00Z',
    roleAssumable: false,
  },
];

/** The demo estate's AWS organization. @internal */
export const awsDemo: AwsEstate = {
  organization: {
    id: 'o-ex4mpl3org',
    managementAccountId: '111111111111',
    featureSet: 'ALL',
    rootId: 'r-ex4m',
    enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', 'TAG_POLICY'],
    enabledServicePrincipals: [
      'cloudtrail.amazonaws.com', 'guardduty.amazonaws.com', 'securityhub.amazonaws.com', 'sso.amazonaws.com',
      'config.amazonaws.com', 'iam.amazonaws.com',
    ],
    delegatedAdministrators: [
      { accountId: '222222222222', servicePrincipal: 'guardduty.amazonaws.com' },
      { accountId: '222222222222', servicePrincipal: 'securityhub.amazonaws.com' },
    ],
    // Centralized root access: member accounts' root credentials are managed from the management account.
    rootAccessFeatures: ['RootCredentialsManagement', 'RootSessions'],
  },
  organizationalUnits: [
    { id: 'ou-ex4m-security', name: 'Security', parentId: 'r-ex4m' },
    { id: 'ou-ex4m-workloads', name: 'Workloads', parentId: 'r-ex4m' },
    { id: 'ou-ex4m-prod', name: 'Prod', parentId: 'ou-ex4m-workloads' },
    { id: 'ou-ex4m-dev', name: 'Dev', parentId: 'ou-ex4m-workloads' },
    { id: 'ou-ex4m-suspended', name: 'Suspended', parentId: 'r-ex4m' },
  ],
  policies: [
    {
      id: 'p-FullAWSAccess',
      name: 'FullAWSAccess',
      description: 'Allows access to every operation',
      type: 'SERVICE_CONTROL_POLICY',
      awsManaged: true,
      content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
      targets: ['r-ex4m', 'ou-ex4m-security', 'ou-ex4m-workloads', 'ou-ex4m-prod', 'ou-ex4m-dev', 'ou-ex4m-suspended', ...awsAccounts.map((a) => a.id)],
    },
    {
      id: 'p-ex4mdenyleave',
      name: 'DenyLeaveOrganization',
      description: 'Member accounts may not leave the organization',
      type: 'SERVICE_CONTROL_POLICY',
      awsManaged: false,
      content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] }),
      targets: ['r-ex4m'],
    },
    {
      id: 'p-ex4mregions',
      name: 'DenyOutsideApprovedRegions',
      description: 'Workloads run in us-east-1 and eu-west-1 only',
      type: 'SERVICE_CONTROL_POLICY',
      awsManaged: false,
      content: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', NotAction: ['iam:*', 'sts:*', 'organizations:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } }],
      }),
      targets: ['ou-ex4m-workloads'],
    },
    {
      id: 'p-ex4mtagpol',
      name: 'OwnerTag',
      description: 'Every resource carries an owner tag',
      type: 'TAG_POLICY',
      awsManaged: false,
      content: JSON.stringify({ tags: { owner: { tag_key: { '@@assign': 'owner' } } } }),
      targets: ['r-ex4m'],
    },
  ],
  accounts: awsAccounts,
};
