import { describe, it } from 'vitest';
import { CheckTester } from '@demarc/core/testing';
import { awsProvider } from '../provider';
import { cloudTrailLogFileValidation, cloudTrailMultiRegion } from './cloudtrail';
import { AccessDeniedError } from '@demarc/core';
import { iamRootAccessKeys, iamRootMfa, iamUnusedCredentials, iamUnusedRoles, iamUserMfa } from './iam';
import { ec2AdminPortsOpen, ec2EbsDefaultEncryption, s3AccountPublicAccessBlock } from './network-storage';

const tester = new CheckTester({ provider: awsProvider(), framework: { describe, it } });
const ACCOUNT = { id: '222222222222', kind: 'account', regions: ['eu-west-1', 'us-east-1'] } as const;
const NOW = new Date('2025-06-01T00:00:00Z');
const summary = (mfa: number, keys: number) => ({ 'iam:GetAccountSummary': { AccountMFAEnabled: mfa, AccountAccessKeysPresent: keys, Users: 2 } });

const MEMBER = { ...ACCOUNT, management: false } as typeof ACCOUNT;
const ROOT = 'arn:aws:iam::222222222222:root';
/** A root user without MFA whose password, access keys and signing certificates are counted as given. */
const noMfaRoot = (password: number, keys: number, certificates: number) => ({
  AccountMFAEnabled: 0, AccountPasswordPresent: password, AccountAccessKeysPresent: keys,
  AccountSigningCertificatesPresent: certificates,
});
const features = (...enabledFeatures: string[]) => ({ organizationId: 'o-exampleorg1', enabledFeatures });
/** Answers only in the organization scope, as the check must ask there. */
const inOrganization = (value: unknown) => (_p: unknown, scope: { id: string }) => {
  if (scope.id !== 'organization') throw new Error(`asked in ${scope.id}, not in the organization scope`);
  return value;
};
/** A member's root user as the account summary counts it, and the organization's root access features. */
const rootData = (summaryMap: object, organizationFeatures: unknown) => ({
  'iam:GetAccountSummary': summaryMap, 'iam:ListOrganizationsFeatures': organizationFeatures,
});
const denied = () => {
  throw new AccessDeniedError('iam:ListOrganizationsFeatures', 'not the management account');
};
tester.run(iamRootMfa, {
  valid: [
    { name: 'root with MFA', scope: ACCOUNT, data: summary(1, 0) },
    {
      name: 'member root without any credential under centralized root access', scope: MEMBER,
      data: rootData(noMfaRoot(0, 0, 0), inOrganization(features('RootCredentialsManagement'))),
    },
  ],
  invalid: [
    {
      name: 'root without MFA', scope: ACCOUNT, data: summary(0, 0),
      findings: [{ status: 'fail', messageId: 'noMfa', resourceId: ROOT }],
    },
    {
      name: 'member root with credentials left although the organization manages them', scope: MEMBER,
      data: rootData(noMfaRoot(1, 0, 1), inOrganization(features('RootCredentialsManagement', 'RootSessions'))),
      findings: [{
        status: 'fail', messageId: 'remaining',
        message: 'The root user of 222222222222 has no MFA and still has a password and signing certificates, although '
          + 'organization o-exampleorg1 manages root credentials centrally: delete them from the management account.',
      }],
    },
    {
      name: 'member root without credentials, root sessions only (credentials not managed centrally)', scope: MEMBER,
      data: rootData(noMfaRoot(0, 0, 0), features('RootSessions')), findings: [{ status: 'fail', messageId: 'noMfa' }],
    },
    {
      name: 'member root whose summary does not say whether a password exists', scope: MEMBER,
      data: rootData(summary(0, 0)['iam:GetAccountSummary'], features('RootCredentialsManagement')),
      findings: [{ status: 'fail', messageId: 'remaining' }],
    },
    {
      name: 'IAM trusted access off: no feature', scope: MEMBER,
      data: rootData(noMfaRoot(0, 0, 0), { enabledFeatures: [], unavailable: 'ServiceAccessNotEnabled' }),
      findings: [{ status: 'fail', messageId: 'noMfa' }],
    },
    {
      name: 'the management account cannot tell: unverified, never a pass', scope: MEMBER,
      data: rootData(noMfaRoot(0, 0, 0), denied), findings: [{ status: 'error' }],
    },
  ],
});

tester.run(iamRootAccessKeys, {
  valid: [{ name: 'no root keys', scope: ACCOUNT, data: summary(1, 0) }],
  invalid: [{ name: 'root keys present', scope: ACCOUNT, data: summary(1, 1), findings: [{ status: 'fail', messageId: 'present' }] }],
});

const user = (name: string, extra: Record<string, string> = {}) => ({ userName: name, arn: `arn:aws:iam::222222222222:user/${name}`, path: '/', createDate: '2024-01-01T00:00:00Z', ...extra });
const mfaOf = (withMfa: string[]) => (params: Readonly<Record<string, unknown>>) => (withMfa.includes(String(params.userName)) ? [{ serialNumber: `arn:aws:iam::222222222222:mfa/${String(params.userName)}` }] : []);
/** Console passwords by user name (created on the given date); users not named have none. */
const passwordsOf = (byUser: Record<string, string>) => (params: Readonly<Record<string, unknown>>) => {
  const created = byUser[String(params.userName)];
  return created ? { createDate: created, passwordResetRequired: false } : null;
};
/** Users, their console passwords and MFA devices. */
const consoleUsers = (users: object[], passwords: Record<string, string>, withMfa: string[] = []) => ({
  'iam:ListUsers': users, 'iam:GetLoginProfile': passwordsOf(passwords), 'iam:ListMFADevices': mfaOf(withMfa),
});
tester.run(iamUserMfa, {
  valid: [
    {
      name: 'every console user has MFA', scope: ACCOUNT,
      data: consoleUsers([user('alice'), user('bob')], { alice: '2024-01-01', bob: '2024-01-01' }, ['alice', 'bob']),
    },
    { name: 'an API-only user without MFA is no console user', scope: ACCOUNT, data: consoleUsers([user('ci')], {}) },
  ],
  invalid: [{
    name: 'one console user without MFA, one API-only user', scope: ACCOUNT,
    data: consoleUsers([user('alice'), user('bob'), user('ci')], { alice: '2024-01-01', bob: '2024-01-01' }, ['bob']),
    findings: [
      {
        status: 'fail', messageId: 'noMfa', resourceId: user('alice').arn,
        message: 'IAM user alice has a console password and no MFA device.',
      },
      { status: 'pass', resourceId: user('bob').arn },
      {
        status: 'skipped', resourceId: user('ci').arn,
        message: 'IAM user ci has no console password: MFA at console sign-in does not apply to it.',
      },
    ],
  }],
});

const keysOf = (byUser: Record<string, { keyId: string; status: string; createDate: string }[]>) => (params: Readonly<Record<string, unknown>>) => byUser[String(params.userName)] ?? [];
const lastUsed = (byKey: Record<string, string | undefined>) => (params: Readonly<Record<string, unknown>>) => {
  const date = byKey[String(params.keyId)];
  return date ? { lastUsedDate: date, serviceName: 's3', region: 'eu-west-1' } : {};
};
const key = (keyId: string, createDate: string, status = 'Active') => ({ keyId, status, createDate });
const unusedFor = (name: string, seen: string) => `IAM user ${name} has credentials unused for over 45 days: ${seen}.`;
const neverSince = (day: string) => `never used since created on ${day}`;
const [BATCH_KEY, BATCH, DANA_DAY] = ['AKIAEXAMPLEBATCH0001', '2024-06-01', '2025-01-15'];
tester.run(iamUnusedCredentials, {
  valid: [
    {
      name: 'recent password and key use', scope: ACCOUNT, now: NOW,
      data: {
        'iam:ListUsers': [user('alice', { passwordLastUsed: '2025-05-20T00:00:00Z' })],
        'iam:GetLoginProfile': passwordsOf({ alice: '2024-01-01T00:00:00Z' }),
        'iam:ListAccessKeys': keysOf({
          alice: [
            key('AKIAEXAMPLEALICE0001', '2024-01-01T00:00:00Z'),
            key('AKIAEXAMPLEALICE0002', '2020-01-01T00:00:00Z', 'Inactive'),
          ],
        }),
        'iam:GetAccessKeyLastUsed': lastUsed({ AKIAEXAMPLEALICE0001: '2025-05-30T00:00:00Z' }),
      },
    },
    {
      name: 'a password last used before it was removed is no credential', scope: ACCOUNT, now: NOW,
      data: {
        'iam:ListUsers': [user('gone', { passwordLastUsed: '2023-01-01T00:00:00Z' })],
        'iam:GetLoginProfile': passwordsOf({}), 'iam:ListAccessKeys': [],
      },
    },
  ],
  invalid: [{
    name: 'a leaver, a password never used, a never-used old key, a fresh key, no credential', scope: ACCOUNT, now: NOW,
    data: {
      'iam:ListUsers': [
        user('carol', { passwordLastUsed: '2025-04-01T00:00:00Z' }),
        user('batch'), user('dana'), user('erin'), user('fresh'),
      ],
      'iam:GetLoginProfile': passwordsOf({ carol: '2024-01-01T00:00:00Z', dana: '2025-01-15T00:00:00Z' }),
      'iam:ListAccessKeys': keysOf({
        batch: [key('AKIAEXAMPLEBATCH0001', '2024-06-01T00:00:00Z')],
        fresh: [key('AKIAEXAMPLEFRESH0001', '2025-05-10T00:00:00Z')],
      }),
      'iam:GetAccessKeyLastUsed': lastUsed({}),
    },
    findings: [
      {
        status: 'fail', messageId: 'unused',
        message: unusedFor('batch', `access key ${BATCH_KEY} ${neverSince(BATCH)}`),
      },
      { status: 'fail', messageId: 'unused', message: unusedFor('carol', 'console password last used on 2025-04-01') },
      { status: 'fail', messageId: 'unused', message: unusedFor('dana', `console password ${neverSince(DANA_DAY)}`) },
      {
        status: 'pass', messageId: 'none',
        message: 'IAM user erin has no credential: no console password and no active access key.',
      },
      {
        status: 'pass', messageId: 'used',
        message: 'IAM user fresh has no credential unused for over 45 days: '
          + `access key AKIAEXAMPLEFRESH0001 ${neverSince('2025-05-10')}.`,
      },
    ],
  }],
});

const BPA_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
tester.run(s3AccountPublicAccessBlock, {
  valid: [{ name: 'all four on', scope: ACCOUNT, data: { 's3-control:GetPublicAccessBlock': BPA_ON } }],
  invalid: [
    { name: 'not configured', scope: ACCOUNT, data: { 's3-control:GetPublicAccessBlock': null }, findings: [{ status: 'fail', messageId: 'missing' }] },
    { name: 'policy block off', scope: ACCOUNT, data: { 's3-control:GetPublicAccessBlock': { ...BPA_ON, blockPublicPolicy: false } }, findings: [{ status: 'fail', messageId: 'partial', message: 'S3 Block Public Access is off for account 222222222222: blockPublicPolicy.' }] },
  ],
});

tester.run(ec2EbsDefaultEncryption, {
  valid: [{ name: 'on in both regions', scope: ACCOUNT, data: { 'ec2:GetEbsEncryptionByDefault': { enabled: true } } }],
  invalid: [
    { name: 'off in one region', scope: ACCOUNT, data: { 'ec2:GetEbsEncryptionByDefault': (p: Readonly<Record<string, unknown>>) => ({ enabled: p.region === 'us-east-1' }) }, findings: [{ status: 'fail', message: 'EBS encryption by default is off in eu-west-1.' }, { status: 'pass' }] },
    { name: 'regions from DescribeRegions when discovery recorded none', scope: { id: '222222222222', kind: 'account' }, data: { 'ec2:DescribeRegions': ['ap-south-1'], 'ec2:GetEbsEncryptionByDefault': { enabled: false } }, findings: [{ status: 'fail', message: 'EBS encryption by default is off in ap-south-1.' }] },
  ],
});

const sg = (id: string, ingress: object[]) => ({ groupId: id, groupName: `name-${id}`, vpcId: 'vpc-0abc', ingress });
const rule = (protocol: string, from: number | undefined, to: number | undefined, cidrs: string[], ipv6Cidrs: string[] = []) => ({ protocol, ...(from === undefined ? {} : { fromPort: from, toPort: to }), cidrs, ipv6Cidrs });
tester.run(ec2AdminPortsOpen, {
  valid: [{
    name: 'HTTPS open, SSH from the office only', scope: { ...ACCOUNT, regions: ['eu-west-1'] },
    data: { 'ec2:DescribeSecurityGroups': [sg('sg-0aaa', [rule('tcp', 443, 443, ['0.0.0.0/0']), rule('tcp', 22, 22, ['203.0.113.0/24'])])] },
  }],
  invalid: [{
    name: 'SSH, RDP-in-range, all traffic and IPv6', scope: { ...ACCOUNT, regions: ['eu-west-1'] },
    data: { 'ec2:DescribeSecurityGroups': [
      sg('sg-0001', [rule('tcp', 22, 22, ['0.0.0.0/0'])]),
      sg('sg-0002', [rule('tcp', 3000, 4000, ['0.0.0.0/0'])]),
      sg('sg-0003', [rule('-1', undefined, undefined, ['0.0.0.0/0'])]),
      sg('sg-0004', [rule('tcp', 22, 22, [], ['::/0'])]),
      sg('sg-0005', [rule('udp', 3389, 3389, ['0.0.0.0/0'])]),
    ] },
    findings: [
      { status: 'fail', message: 'Security group sg-0001 (name-sg-0001) admits the internet on port 22.' },
      { status: 'fail', message: 'Security group sg-0002 (name-sg-0002) admits the internet on port 3389.' },
      { status: 'fail', messageId: 'open' },
      { status: 'fail', messageId: 'open' },
      { status: 'pass', messageId: 'closed' },
    ],
  }],
});

const trail = (name: string, account: string, extra: Record<string, unknown> = {}) => ({
  name, arn: `arn:aws:cloudtrail:us-east-1:${account}:trail/${name}`, homeRegion: 'us-east-1', multiRegion: true, organizationTrail: false, logFileValidation: true, includeGlobalServiceEvents: true, ...extra,
});
/**
 * A member that lists no trail of its own, in an organization whose management account (read in the
 * organization scope) lists `theirs`, logging or not.
 */
const managedBy = (theirs: ReturnType<typeof trail>, isLogging: boolean) => ({
  'organizations:DescribeOrganization': inOrganization({ id: 'o-exampleorg1', managementAccountId: '111111111111' }),
  'cloudtrail:DescribeTrails': (_p: unknown, scope: { id: string }) => (scope.id === '111111111111' ? [theirs] : []),
  'cloudtrail:GetTrailStatus': (params: Readonly<Record<string, unknown>>, scope: { id: string }) =>
    ({ isLogging: isLogging && scope.id === '111111111111' && params.trailArn === theirs.arn }),
});
const ORG_TRAIL = trail('org', '111111111111', { organizationTrail: true });
tester.run(cloudTrailMultiRegion, {
  valid: [{ name: 'organization trail logging', scope: ACCOUNT, data: { 'cloudtrail:DescribeTrails': [trail('org', '111111111111', { organizationTrail: true })], 'cloudtrail:GetTrailStatus': { isLogging: true } } }],
  invalid: [
    { name: 'no trail', scope: ACCOUNT, data: { 'cloudtrail:DescribeTrails': [] }, findings: [{ status: 'fail', messageId: 'missing' }] },
    { name: 'single-region trail only', scope: ACCOUNT, data: { 'cloudtrail:DescribeTrails': [trail('local', '222222222222', { multiRegion: false })] }, findings: [{ status: 'fail', messageId: 'missing' }] },
    { name: 'multi-region trail stopped', scope: ACCOUNT, data: { 'cloudtrail:DescribeTrails': [trail('main', '222222222222')], 'cloudtrail:GetTrailStatus': { isLogging: false } }, findings: [{ status: 'fail', messageId: 'notLogging' }] },
    {
      name: 'member covered by the management account\'s organization trail its listing does not show', scope: MEMBER,
      data: managedBy(ORG_TRAIL, true),
      findings: [{
        status: 'pass', messageId: 'organizationTrail',
        message: 'Organization trail org (arn:aws:cloudtrail:us-east-1:111111111111:trail/org, home region '
          + 'us-east-1) of management account 111111111111 logs every region of account 222222222222.',
      }],
    },
    {
      name: 'member whose organization trail is stopped', scope: MEMBER,
      data: managedBy(ORG_TRAIL, false),
      findings: [{ status: 'fail', messageId: 'missing' }],
    },
    {
      name: 'member: the management account\'s own multi-region trail covers that account only', scope: MEMBER,
      data: managedBy(trail('own', '111111111111'), true),
      findings: [{ status: 'fail', messageId: 'missing' }],
    },
  ],
});

tester.run(cloudTrailLogFileValidation, {
  valid: [{ name: 'own trail validated', scope: ACCOUNT, data: { 'cloudtrail:DescribeTrails': [trail('main', '222222222222')] } }],
  invalid: [
    { name: 'own trail not validated', scope: ACCOUNT, data: { 'cloudtrail:DescribeTrails': [trail('main', '222222222222', { logFileValidation: false })] }, findings: [{ status: 'fail', messageId: 'unvalidated' }] },
    {
      name: 'organization trail seen from a member is provider-managed', scope: { ...ACCOUNT, management: false } as typeof ACCOUNT,
      data: { 'cloudtrail:DescribeTrails': [trail('org', '222222222222', { organizationTrail: true, logFileValidation: false })] },
      findings: [{ status: 'provider-managed', messageId: 'unvalidated', resourceId: 'arn:aws:cloudtrail:us-east-1:222222222222:trail/org' }],
    },
    {
      name: 'organization trail in the management account is the customer\'s', scope: { ...ACCOUNT, management: true } as typeof ACCOUNT,
      data: { 'cloudtrail:DescribeTrails': [trail('org', '222222222222', { organizationTrail: true, logFileValidation: false })] },
      findings: [{ status: 'fail', messageId: 'unvalidated' }],
    },
    {
      name: 'a trail whose ARN names another account is provider-managed', scope: ACCOUNT,
      data: { 'cloudtrail:DescribeTrails': [trail('org', '111111111111', { organizationTrail: true, logFileValidation: false })] },
      findings: [{ status: 'provider-managed', messageId: 'unvalidated', resourceId: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org' }],
    },
    { name: 'no trail at all', scope: ACCOUNT, data: { 'cloudtrail:DescribeTrails': [] }, findings: [{ status: 'skipped', messageId: 'none' }] },
  ],
});

const role = (name: string, path = '/', createDate = '2023-01-01T00:00:00Z') => ({ roleName: name, arn: `arn:aws:iam::222222222222:role${path}${name}`, path, createDate });
const lastUsedOf = (byRole: Record<string, string>) => (params: Readonly<Record<string, unknown>>) => {
  const date = byRole[String(params.roleName)];
  return date ? { lastUsedDate: date, region: 'eu-west-1' } : {};
};
tester.run(iamUnusedRoles, {
  valid: [{
    name: 'roles used recently or created recently', scope: ACCOUNT, now: NOW,
    data: { 'iam:ListRoles': [role('DemarcAudit'), role('NewPipeline', '/', '2025-05-01T00:00:00Z')], 'iam:GetRole': lastUsedOf({ DemarcAudit: '2025-05-31T00:00:00Z' }) },
  }],
  invalid: [{
    name: 'a vendor role left behind and an idle service-linked role', scope: ACCOUNT, now: NOW,
    data: {
      'iam:ListRoles': [role('AWSServiceRoleForSupport', '/aws-service-role/support.amazonaws.com/'), role('OldVendorAccess')],
      'iam:GetRole': lastUsedOf({ OldVendorAccess: '2024-08-01T00:00:00Z' }),
    },
    findings: [
      { status: 'fail', messageId: 'unused', message: 'IAM role OldVendorAccess has not been used for over 90 days (since 2024-08-01T00:00:00Z).' },
      { status: 'provider-managed', messageId: 'unused', resourceId: 'arn:aws:iam::222222222222:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport' },
    ],
  }],
});
