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
      users: [{
        name: 'alice', createDate: '2024-01-01T00:00:00Z', loginProfile: { createDate: '2024-01-01T00:00:00Z' },
        passwordLastUsed: '2025-05-25T00:00:00Z', mfaDevices: ['arn:aws:iam::222222222222:mfa/alice'], accessKeys: [],
      }],
    },
    s3PublicAccessBlock: allOn,
    regions: { 'us-east-1': quiet, 'eu-west-1': quiet },
    trails: [ORG_TRAIL],
  },
  {
    // Payments: root without MFA and with keys; bob signs in to the console without MFA and left in 2024; carol (no
    // console password) has a key never used;
    // no account Block Public Access; EBS default encryption off in us-east-1; SSH open in eu-west-1; no trail of
    // its own (the organization trail covers it, though its listing does not show it);
    // a vendor's role nobody has used since 2023.
    id: '333333333333', name: 'payments', email: 'payments@example.com', status: 'ACTIVE', parentId: PROD, ...joined,
    iam: {
      rootMfaEnabled: false, rootAccessKeysPresent: true,
      roles: [{ name: 'OldVendorAccess', path: '/', createDate: '2023-01-01T00:00:00Z', assumeRolePolicyDocument: TRUST_MANAGEMENT }],
      users: [
        {
          name: 'bob', createDate: '2023-01-01T00:00:00Z', loginProfile: { createDate: '2023-01-01T00:00:00Z' },
          passwordLastUsed: '2024-11-01T00:00:00Z', mfaDevices: [], accessKeys: [],
        },
        { name: 'carol', createDate: '2023-01-01T00:00:00Z', mfaDevices: ['arn:aws:iam::333333333333:mfa/carol'], accessKeys: [{ id: 'AKIAEXAMPLECAROL0001', status: 'Active', createDate: '2024-01-01T00:00:00Z' }] },
      ],
    },
    regions: {
      'us-east-1': { ebsEncryptionByDefault: false, securityGroups: [] },
      'eu-west-1': { ebsEncryptionByDefault: true, securityGroups: [{ id: 'sg-0000000000000ssh', name: 'ssh', description: 'SSH', vpcId: 'vpc-0bbb', ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrs: ['0.0.0.0/0'] }] }] },
    },
  },
  {
    // Development: Block Public Access with the policy block off; its own single-region trail without validation
    // (the organization trail covers every region for it).
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

const AUDIT_ROLE = {
  name: 'DemarcAudit', path: '/', createDate: '2025-05-01T00:00:00Z', assumeRolePolicyDocument: TRUST_MANAGEMENT,
};
/** An active access key created on a day. */
const key = (id: string, day: string) => ({ id, status: 'Active' as const, createDate: `${day}T00:00:00Z` });
/** The organization trail of {@link CENTRALLY_MANAGED}, in its management account only. */
export const CENTRAL_TRAIL: AwsTrail = {
  ...ORG_TRAIL, name: 'central-trail', s3BucketName: 'example-central-trail', logFileValidation: true,
};
const LEGACY_TRAIL: AwsTrail = {
  name: 'legacy-trail', homeRegion: 'us-east-1', s3BucketName: 'legacy-trail', multiRegion: false,
  organizationTrail: false, includeGlobalServiceEvents: true, logFileValidation: true, isLogging: true,
};
/** What every account of {@link CENTRALLY_MANAGED} shares: active, at the root, nothing wrong but IAM and trails. */
const member = {
  status: 'ACTIVE', parentId: 'r-c001', ...joined, s3PublicAccessBlock: allOn, regions: { 'us-east-1': quiet },
} as const;

/**
 * An organization shaped as real ones are (issue 14, points 11–15): member accounts reached through
 * the audit role, root credentials managed centrally, API-only users, a password nobody ever used,
 * a member whose trail listing does not show the organization trail, and a delegated administrator
 * registered for a service whose trusted access is off. What each account shows is written next to it.
 */
export const CENTRALLY_MANAGED: Estate = {
  aws: {
    organization: {
      id: 'o-central00001', managementAccountId: '121212121212', featureSet: 'ALL', rootId: 'r-c001',
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
      // Config's trusted access is off although an administrator is registered for it; IAM's is on (root access).
      enabledServicePrincipals: [
        'cloudtrail.amazonaws.com', 'guardduty.amazonaws.com', 'iam.amazonaws.com', 'securityhub.amazonaws.com',
      ],
      delegatedAdministrators: [
        { accountId: '232323232323', servicePrincipal: 'config.amazonaws.com' },
        { accountId: '232323232323', servicePrincipal: 'securityhub.amazonaws.com' },
      ],
      rootAccessFeatures: ['RootCredentialsManagement', 'RootSessions'],
    },
    organizationalUnits: [],
    policies: [],
    accounts: [
      {
        // Management: root with MFA, owns the organization trail.
        id: '121212121212', name: 'central-management', email: 'central@example.com', ...member,
        iam: { rootMfaEnabled: true, rootAccessKeysPresent: false, users: [], roles: [AUDIT_ROLE] },
        trails: [CENTRAL_TRAIL],
      },
      {
        // Workloads: root credentials removed centrally (no password, keys or MFA); no trail of its own in its
        // listing. Users: a deploy bot with a recent key only, a console user who never signed in, a user with a
        // key never used since 2024, a user with no credential at all, a key created last week and not yet used.
        id: '232323232323', name: 'workloads', email: 'workloads@example.com', ...member,
        iam: {
          rootMfaEnabled: false, rootAccessKeysPresent: false, rootPasswordPresent: false, roles: [AUDIT_ROLE],
          users: [
            {
              name: 'deploy-bot', createDate: '2024-01-01T00:00:00Z', mfaDevices: [],
              accessKeys: [{
                ...key('AKIAEXAMPLEDEPLOY001', '2024-01-01'),
                lastUsed: { date: '2025-05-20T00:00:00Z', service: 's3', region: 'us-east-1' },
              }],
            },
            {
              name: 'never-signed-in', createDate: '2024-01-01T00:00:00Z',
              loginProfile: { createDate: '2024-01-02T00:00:00Z' },
              mfaDevices: ['arn:aws:iam::232323232323:mfa/never-signed-in'], accessKeys: [],
            },
            {
              name: 'idle-key', createDate: '2024-06-01T00:00:00Z', mfaDevices: [],
              accessKeys: [key('AKIAEXAMPLEIDLEKEY01', '2024-06-01')],
            },
            {
              name: 'no-credentials', createDate: '2023-01-01T00:00:00Z', mfaDevices: [],
              accessKeys: [{ ...key('AKIAEXAMPLEOFFKEY001', '2023-01-01'), status: 'Inactive' }],
            },
            {
              name: 'new-hire', createDate: '2025-05-25T00:00:00Z',
              loginProfile: { createDate: '2025-05-25T00:00:00Z' }, mfaDevices: [],
              accessKeys: [key('AKIAEXAMPLENEWKEY001', '2025-05-25')],
            },
          ],
        },
      },
      {
        // Legacy: joined before root access was centralized; its root still has a password and no MFA. Its only
        // trail of its own is single-region.
        id: '343434343434', name: 'legacy', email: 'legacy@example.com', ...member,
        iam: { rootMfaEnabled: false, rootAccessKeysPresent: false, users: [], roles: [AUDIT_ROLE] },
        trails: [LEGACY_TRAIL],
      },
    ],
  },
};
