/**
 * The demo estate: a small organization per vendor with a realistic mix of good and bad practice,
 * for the README demo, the examples and the tests. Every id is fake (AWS accounts `111111111111`...,
 * `example.com`, GUIDs of repeated digits).
 *
 * What is deliberately wrong (and what is right) is listed per vendor below, so checks built on the
 * local cloud know what to expect.
 *
 * @module
 */
import type { AwsAccount, AwsEstate, AwsIamRole, AwsTrail, AzureEstate, AzureResource, Estate, GcpEstate } from './types.ts';

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

const awsDemo: AwsEstate = {
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

const gcpDemo: GcpEstate = {
  organizations: [
    {
      id: '100000000001',
      displayName: 'example.com',
      directoryCustomerId: 'C0example',
      createTime: '2020-01-15T10:00:00Z',
      iamPolicy: {
        bindings: [
          { role: 'roles/resourcemanager.organizationAdmin', members: ['group:gcp-admins@example.com'] },
          { role: 'roles/billing.creator', members: ['domain:example.com'] },
        ],
        auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' }, { logType: 'DATA_READ' }, { logType: 'DATA_WRITE' }] }],
      },
    },
  ],
  folders: [
    { id: '200000000001', parent: 'organizations/100000000001', displayName: 'Production', createTime: '2020-02-01T10:00:00Z', iamPolicy: { bindings: [{ role: 'roles/resourcemanager.folderViewer', members: ['group:sre@example.com'] }] } },
    { id: '200000000002', parent: 'organizations/100000000001', displayName: 'Development', createTime: '2020-02-01T10:00:00Z' },
    { id: '200000000003', parent: 'folders/200000000001', displayName: 'Payments', createTime: '2020-03-01T10:00:00Z' },
  ],
  projects: [
    {
      // Compliant: owner label, groups only, full audit logging.
      projectId: 'example-payments-prod',
      number: '300000000001',
      parent: 'folders/200000000003',
      displayName: 'Payments (prod)',
      labels: { owner: 'payments-team', env: 'prod' },
      createTime: '2021-01-10T10:00:00Z',
      iamPolicy: {
        bindings: [
          { role: 'roles/owner', members: ['group:payments-admins@example.com'] },
          { role: 'roles/viewer', members: ['group:payments@example.com'] },
          { role: 'roles/cloudsql.serviceAgent', members: ['serviceAccount:service-300000000001@gcp-sa-cloud-sql.iam.gserviceaccount.com'] },
        ],
        auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' }, { logType: 'DATA_READ' }, { logType: 'DATA_WRITE' }] }],
      },
    },
    {
      // roles/owner granted to an individual user; allUsers can view the project.
      projectId: 'example-web-prod',
      number: '300000000002',
      parent: 'folders/200000000001',
      displayName: 'Web (prod)',
      labels: { owner: 'web-team', env: 'prod' },
      createTime: '2021-02-10T10:00:00Z',
      iamPolicy: {
        bindings: [
          { role: 'roles/owner', members: ['user:dev.lead@example.com', 'group:web-admins@example.com'] },
          { role: 'roles/viewer', members: ['allUsers'] },
          { role: 'roles/compute.serviceAgent', members: ['serviceAccount:service-300000000002@compute-system.iam.gserviceaccount.com'] },
        ],
        auditConfigs: [{ service: 'storage.googleapis.com', auditLogConfigs: [{ logType: 'DATA_READ', exemptedMembers: ['user:dev.lead@example.com'] }] }],
      },
    },
    {
      // No owner label; a deleted user still bound; an expired conditional grant; a Google service agent.
      projectId: 'example-dev-sandbox',
      number: '300000000003',
      parent: 'folders/200000000002',
      displayName: 'Dev sandbox',
      labels: { env: 'dev' },
      createTime: '2022-05-10T10:00:00Z',
      iamPolicy: {
        bindings: [
          { role: 'roles/editor', members: ['deleted:user:former.employee@example.com?uid=123456789012345678901', 'group:developers@example.com'] },
          {
            role: 'roles/owner',
            members: ['user:contractor@example.com'],
            condition: { title: 'expires-2024', description: 'Temporary access for the migration', expression: 'request.time < timestamp("2024-01-01T00:00:00Z")' },
          },
          { role: 'roles/pubsub.serviceAgent', members: ['serviceAccount:service-300000000003@gcp-sa-pubsub.iam.gserviceaccount.com'] },
        ],
      },
    },
    {
      // Scheduled for deletion.
      projectId: 'example-old-experiment',
      number: '300000000004',
      parent: 'folders/200000000002',
      displayName: 'Old experiment',
      state: 'DELETE_REQUESTED',
      labels: { owner: 'research' },
      createTime: '2020-06-10T10:00:00Z',
      iamPolicy: { bindings: [{ role: 'roles/owner', members: ['group:research@example.com'] }] },
    },
    {
      // Compliant shared logging project directly under the organization.
      projectId: 'example-shared-logging',
      number: '300000000005',
      parent: 'organizations/100000000001',
      displayName: 'Shared logging',
      labels: { owner: 'platform-team', env: 'shared' },
      createTime: '2020-03-10T10:00:00Z',
      iamPolicy: {
        bindings: [
          { role: 'roles/owner', members: ['group:platform-admins@example.com'] },
          { role: 'roles/logging.serviceAgent', members: ['serviceAccount:service-300000000005@gcp-sa-logging.iam.gserviceaccount.com'] },
        ],
        auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' }, { logType: 'DATA_WRITE' }] }],
      },
    },
    {
      // The scanner may not read this project: get and getIamPolicy answer 403.
      projectId: 'example-restricted',
      number: '300000000006',
      parent: 'folders/200000000001',
      displayName: 'Restricted',
      labels: { owner: 'security-team' },
      createTime: '2021-09-10T10:00:00Z',
      accessDenied: true,
    },
  ],
};

const SUB_PROD = '11111111-1111-1111-1111-111111111111';
const SUB_DEV = '22222222-2222-2222-2222-222222222222';
const SUB_RESTRICTED = '33333333-3333-3333-3333-333333333333';
const SUB_LEGACY = '44444444-4444-4444-4444-444444444444';

const storage = (name: string, location: string, props: { allowBlobPublicAccess: boolean; allowSharedKeyAccess: boolean }, tags?: Record<string, string>): AzureResource => ({
  name,
  type: 'Microsoft.Storage/storageAccounts',
  location,
  kind: 'StorageV2',
  sku: { name: 'Standard_LRS', tier: 'Standard' },
  ...(tags ? { tags } : {}),
  properties: { ...props, minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true, encryption: { keySource: 'Microsoft.Storage' } },
});

const vault = (name: string, location: string, purgeProtection: boolean, tags?: Record<string, string>): AzureResource => ({
  name,
  type: 'Microsoft.KeyVault/vaults',
  location,
  ...(tags ? { tags } : {}),
  properties: {
    tenantId: '00000000-0000-0000-0000-0000000000a1',
    sku: { family: 'A', name: 'standard' },
    enableSoftDelete: true,
    ...(purgeProtection ? { enablePurgeProtection: true } : {}),
    enableRbacAuthorization: true,
  },
});

const nsgRule = (name: string, priority: number, port: string, source: string, access: 'Allow' | 'Deny' = 'Allow') => ({
  name,
  properties: { protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: port, sourceAddressPrefix: source, destinationAddressPrefix: '*', access, priority, direction: 'Inbound' },
});

const AKS_ID = `/subscriptions/${SUB_PROD}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-prod`;

/** Regions the demo organization allows; `eastasia` resources are the deliberate exception. */
export const DEMO_AZURE_ALLOWED_LOCATIONS: readonly string[] = ['westeurope', 'northeurope'];

const azureDemo: AzureEstate = {
  tenantId: '00000000-0000-0000-0000-0000000000a1',
  managementGroups: [
    { name: '00000000-0000-0000-0000-0000000000a1', displayName: 'Tenant Root Group' },
    { name: 'mg-prod', displayName: 'Production', parent: '00000000-0000-0000-0000-0000000000a1' },
    { name: 'mg-nonprod', displayName: 'Non-production', parent: '00000000-0000-0000-0000-0000000000a1' },
  ],
  subscriptions: [
    {
      id: SUB_PROD,
      displayName: 'example-production',
      state: 'Enabled',
      managementGroup: 'mg-prod',
      tags: { owner: 'platform-team' },
      resourceGroups: [
        {
          // Compliant: owner tags, private storage, vault with purge protection, a delete lock.
          name: 'rg-payments',
          location: 'westeurope',
          tags: { owner: 'payments-team', env: 'prod' },
          locks: [{ name: 'no-delete', level: 'CanNotDelete', notes: 'Payments data' }],
          resources: [
            storage('stpaymentsprod', 'westeurope', { allowBlobPublicAccess: false, allowSharedKeyAccess: false }, { owner: 'payments-team' }),
            vault('kv-payments-prod', 'westeurope', true, { owner: 'payments-team' }),
          ],
        },
        {
          // Public blob access, shared keys, a vault without purge protection, SSH/RDP open to the
          // internet, untagged resources and one VM in a region outside the allowed list.
          name: 'rg-web',
          location: 'westeurope',
          tags: { env: 'prod' },
          resources: [
            storage('stwebassets', 'westeurope', { allowBlobPublicAccess: true, allowSharedKeyAccess: true }),
            vault('kv-web', 'westeurope', false),
            {
              name: 'nsg-web',
              type: 'Microsoft.Network/networkSecurityGroups',
              location: 'westeurope',
              tags: { owner: 'web-team' },
              properties: {
                securityRules: [nsgRule('allow-https', 100, '443', 'Internet'), nsgRule('allow-ssh', 110, '22', '*'), nsgRule('allow-rdp', 120, '3389', '0.0.0.0/0'), nsgRule('deny-all', 4000, '*', '*', 'Deny')],
              },
            },
            { name: 'vm-web-asia', type: 'Microsoft.Compute/virtualMachines', location: 'eastasia', properties: { hardwareProfile: { vmSize: 'Standard_B2s' } } },
          ],
        },
        {
          name: 'rg-aks',
          location: 'westeurope',
          tags: { owner: 'platform-team' },
          resources: [
            { name: 'aks-prod', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', tags: { owner: 'platform-team' }, properties: { kubernetesVersion: '1.30.3', enableRBAC: true } },
          ],
        },
        {
          // Managed by AKS: its resources carry no owner tags and are not the customer's to fix.
          name: 'MC_rg-aks_aks-prod_westeurope',
          location: 'westeurope',
          managedBy: AKS_ID,
          tags: { 'aks-managed-cluster-name': 'aks-prod', 'aks-managed-cluster-rg': 'rg-aks' },
          resources: [
            { name: 'aks-nodepool1-12345678-vmss', type: 'Microsoft.Compute/virtualMachineScaleSets', location: 'westeurope', managedBy: AKS_ID, properties: {} },
            { name: 'kubernetes', type: 'Microsoft.Network/loadBalancers', location: 'westeurope', managedBy: AKS_ID, properties: {} },
            {
              name: 'aks-agentpool-12345678-nsg',
              type: 'Microsoft.Network/networkSecurityGroups',
              location: 'westeurope',
              properties: { securityRules: [nsgRule('k8s-https', 500, '443', 'Internet')] },
            },
          ],
        },
      ],
      roleAssignments: [
        { id: 'aaaaaaaa-0000-0000-0000-000000000001', roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', principalId: 'bbbbbbbb-0000-0000-0000-000000000001', principalType: 'Group' },
        { id: 'aaaaaaaa-0000-0000-0000-000000000002', roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', principalId: 'bbbbbbbb-0000-0000-0000-000000000002', principalType: 'User' },
        { id: 'aaaaaaaa-0000-0000-0000-000000000003', roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c', principalId: 'bbbbbbbb-0000-0000-0000-000000000003', principalType: 'ServicePrincipal', scope: `/subscriptions/${SUB_PROD}/resourceGroups/rg-web` },
        { id: 'aaaaaaaa-0000-0000-0000-000000000004', roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', principalId: 'bbbbbbbb-0000-0000-0000-000000000004', principalType: 'ServicePrincipal' },
      ],
      activityLogDiagnosticSettings: [
        {
          name: 'activity-to-law',
          workspaceId: `/subscriptions/${SUB_PROD}/resourceGroups/rg-payments/providers/Microsoft.OperationalInsights/workspaces/law-central`,
          logs: ['Administrative', 'Security', 'ServiceHealth', 'Alert', 'Recommendation', 'Policy', 'Autoscale', 'ResourceHealth'].map((category) => ({ category, enabled: true })),
        },
      ],
    },
    {
      // Development: no activity-log export, no locks, an owner-less storage account with public access.
      id: SUB_DEV,
      displayName: 'example-development',
      state: 'Enabled',
      managementGroup: 'mg-nonprod',
      resourceGroups: [
        {
          name: 'rg-dev',
          location: 'northeurope',
          resources: [storage('stdevscratch', 'northeurope', { allowBlobPublicAccess: true, allowSharedKeyAccess: true }), vault('kv-dev', 'northeurope', false, { owner: 'dev-team' })],
        },
      ],
      roleAssignments: [{ id: 'aaaaaaaa-0000-0000-0000-000000000010', roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', principalId: 'bbbbbbbb-0000-0000-0000-000000000010', principalType: 'User' }],
      activityLogDiagnosticSettings: [],
    },
    {
      // Listed, but every call under it answers 403 AuthorizationFailed.
      id: SUB_RESTRICTED,
      displayName: 'example-restricted',
      state: 'Enabled',
      managementGroup: 'mg-prod',
      accessDenied: true,
      resourceGroups: [{ name: 'rg-secret', location: 'westeurope', resources: [] }],
    },
    {
      id: SUB_LEGACY,
      displayName: 'example-legacy',
      state: 'Disabled',
      managementGroup: 'mg-nonprod',
      resourceGroups: [],
    },
  ],
};

/**
 * The demo estate (a fresh copy each call). AWS: 6 accounts (one suspended, one whose audit role
 * cannot be assumed), users with and without MFA, an old access key, SSH open to 0.0.0.0/0, EBS
 * default encryption off, root keys, a missing S3 Block Public Access. Google: 6 projects (owner
 * granted to a user, `allUsers`, a `deleted:` principal, an expired condition, service agents, no
 * owner label, one `DELETE_REQUESTED`, one unreadable). Azure: 4 subscriptions (one answering 403,
 * one disabled), public blob access, a vault without purge protection, an AKS-managed group, untagged
 * resources, a resource in `eastasia`.
 */
export const demoEstate = (): Estate => structuredClone({ aws: awsDemo, gcp: gcpDemo, azure: azureDemo });
