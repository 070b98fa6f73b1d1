/**
 * The AWS provider end to end: the official AWS SDK clients against the local cloud, through core's
 * `scan()`. A multi-account organization with known good and bad practice must yield exactly the
 * expected findings, over several pages, with throttling injected and absorbed, one account whose
 * role cannot be assumed reporting `error` alone, and no write request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { scan, type Finding } from '@demarc/core';
import { providerContractProblems } from '@demarc/core/testing';
import { startLocalCloud, type LocalCloud } from '@demarc/local-cloud';
import { awsProvider, type AwsProviderOptions } from '../provider';
import { AwsClients } from '../clients';
import { describeOrganizationTree } from '../discovery';
import { NEGLECTED, WELL_RUN } from './estates';

const REGIONS = ['eu-west-1', 'us-east-1'];
const NOW = new Date('2025-06-01T00:00:00Z');
/** Fast retries (the SDK's default throttling back-off has a ~1 s base), one strategy and retry quota per client. */
const retryStrategy = () => () => new ConfiguredRetryStrategy(8, () => 5);
const line = (f: Finding) => `${f.checkId} ${f.resource.scope} ${f.status} ${f.resource.id}`;

let good: LocalCloud;
let bad: LocalCloud;
beforeAll(async () => {
  [good, bad] = await Promise.all([startLocalCloud({ estate: WELL_RUN, maxPageSize: 2 }), startLocalCloud({ estate: NEGLECTED, maxPageSize: 2 })]);
});
afterAll(async () => {
  await Promise.all([good?.stop(), bad?.stop()]);
});

const options = (cloud: LocalCloud, extra: Partial<AwsProviderOptions> = {}): AwsProviderOptions => ({
  ...cloud.aws.clientConfig(), roleName: 'DemarcAudit', regions: REGIONS, retryStrategy: retryStrategy(), ...extra,
});

describe('AWS Organizations discovery', () => {
  it('walks roots, nested OUs and every account over several pages', async () => {
    good.counters.reset();
    const tree = await describeOrganizationTree(new AwsClients(options(good)), { pageSize: 1, concurrency: 3 });
    expect(tree?.organizationalUnits.map((ou) => ou.path.join('/'))).toEqual(['Development', 'Production', 'Development/Sandbox']); // by OU id
    expect(tree?.accounts.map((a) => `${a.id}:${a.ouPath?.join('/')}:${a.management}`)).toEqual([
      '111111111111::true', '222222222222:Production:false', '333333333333:Production:false',
      '444444444444:Development:false', '666666666666:Development/Sandbox:false', '777777777777:Development/Sandbox:false',
    ]);
    // One item per page: Production and Sandbox hold 2 accounts each, the root 2 OUs, so those parents take 2 pages.
    expect(good.counters.count('aws', 'organizations:ListAccountsForParent')).toBe(6);
    expect(good.counters.count('aws', 'organizations:ListOrganizationalUnitsForParent')).toBe(5);
  });

  it('scans the caller\'s account alone when it may not read the organization (auto), and fails when told the organization is required', async () => {
    const removeFault = good.faults.add({ vendor: 'aws', operation: 'organizations:DescribeOrganization', accessDenied: true });
    try {
      const ids = async (organization: 'auto' | 'required') => {
        const found = [];
        for await (const scope of awsProvider({ ...options(good), organization }).discoverScopes({ signal: new AbortController().signal })) found.push(scope.id);
        return found;
      };
      expect(await ids('auto')).toEqual(['111111111111']);
      await expect(ids('required')).rejects.toMatchObject({ name: 'AccessDeniedError', operation: 'organizations:DescribeOrganization' });
    } finally {
      removeFault();
    }
  });

  it('falls back to the caller\'s account when no role is named', async () => {
    const scopes = [];
    for await (const scope of awsProvider({ ...good.aws.clientConfig('333333333333') }).discoverScopes({ signal: new AbortController().signal })) scopes.push(scope);
    expect(scopes).toEqual([{ id: '333333333333', kind: 'account' }]);
  });
});

describe('a scan of a well-run organization with mixed accounts', () => {
  let findings: readonly Finding[];
  let throttled = 0;
  beforeAll(async () => {
    good.counters.reset();
    good.faults.set([
      { vendor: 'aws', operation: 'organizations:ListAccountsForParent', throttle: true, times: 3 },
      { vendor: 'aws', operation: 'iam:ListUsers', throttle: true, times: 4 },
      { vendor: 'aws', operation: 'ec2:DescribeSecurityGroups', serverError: 503, times: 2 },
      { vendor: 'aws', operation: /^ec2:/, rateLimit: { burst: 6, perSecond: 200 } },
    ]);
    const result = await scan({ providers: [awsProvider(options(good, { pageSize: 2 }))], now: NOW });
    findings = result.findings;
    throttled = ['organizations:ListAccountsForParent', 'iam:ListUsers', 'ec2:GetEbsEncryptionByDefault', 'ec2:DescribeSecurityGroups']
      .reduce((n, op) => n + good.counters.outcomes('aws', op, 'throttle') + good.counters.outcomes('aws', op, 'serverError'), 0);
    good.faults.clear();
  });

  it('yields exactly the expected findings', () => {
    const org = 'arn:aws:organizations::111111111111:organization/o-goodorg0001';
    const trail = (account: string) => `arn:aws:cloudtrail:us-east-1:${account}:trail/org-trail`;
    const accountScan = (account: string, expected: Record<string, string[]>) => Object.entries(expected).flatMap(([check, rows]) => rows.map((row) => `${check} ${account} ${row}`));
    const denied = ['aws-cloudtrail-log-file-validation', 'aws-cloudtrail-multi-region', 'aws-ec2-admin-ports-open', 'aws-ec2-ebs-default-encryption', 'aws-iam-root-access-keys', 'aws-iam-root-mfa', 'aws-iam-unused-credentials', 'aws-iam-unused-roles', 'aws-iam-user-mfa', 'aws-s3-account-public-access-block']
      .map((check) => `${check} 666666666666 error 666666666666`);
    const expected = [
      ...accountScan('111111111111', {
        'aws-cloudtrail-log-file-validation': [`fail ${trail('111111111111')}`],
        'aws-cloudtrail-multi-region': ['pass 111111111111'],
        'aws-ec2-admin-ports-open': ['pass arn:aws:ec2:us-east-1:111111111111:security-group/sg-0000000000000web'],
        'aws-ec2-ebs-default-encryption': ['pass arn:aws:ec2:eu-west-1:111111111111:ebs-encryption-by-default', 'pass arn:aws:ec2:us-east-1:111111111111:ebs-encryption-by-default'],
        'aws-iam-root-access-keys': ['pass arn:aws:iam::111111111111:root'],
        'aws-iam-root-mfa': ['pass arn:aws:iam::111111111111:root'],
        'aws-s3-account-public-access-block': ['pass arn:aws:s3::111111111111:account-public-access-block'],
      }),
      ...accountScan('222222222222', {
        'aws-cloudtrail-log-file-validation': [`provider-managed ${trail('222222222222')}`],
        'aws-cloudtrail-multi-region': ['pass 222222222222'],
        'aws-ec2-ebs-default-encryption': ['pass arn:aws:ec2:eu-west-1:222222222222:ebs-encryption-by-default', 'pass arn:aws:ec2:us-east-1:222222222222:ebs-encryption-by-default'],
        'aws-iam-root-access-keys': ['pass arn:aws:iam::222222222222:root'],
        'aws-iam-root-mfa': ['pass arn:aws:iam::222222222222:root'],
        'aws-iam-unused-credentials': ['pass arn:aws:iam::222222222222:user/alice'],
        'aws-iam-unused-roles': ['provider-managed arn:aws:iam::222222222222:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport'],
        'aws-iam-user-mfa': ['pass arn:aws:iam::222222222222:user/alice'],
        'aws-s3-account-public-access-block': ['pass arn:aws:s3::222222222222:account-public-access-block'],
      }),
      ...accountScan('333333333333', {
        'aws-cloudtrail-log-file-validation': ['skipped 333333333333'],
        // No trail of its own: the management account's organization trail covers it.
        'aws-cloudtrail-multi-region': ['pass 333333333333'],
        'aws-ec2-admin-ports-open': ['fail arn:aws:ec2:eu-west-1:333333333333:security-group/sg-0000000000000ssh'],
        'aws-ec2-ebs-default-encryption': ['pass arn:aws:ec2:eu-west-1:333333333333:ebs-encryption-by-default', 'fail arn:aws:ec2:us-east-1:333333333333:ebs-encryption-by-default'],
        'aws-iam-root-access-keys': ['fail arn:aws:iam::333333333333:root'],
        'aws-iam-root-mfa': ['fail arn:aws:iam::333333333333:root'],
        'aws-iam-unused-credentials': ['fail arn:aws:iam::333333333333:user/bob', 'fail arn:aws:iam::333333333333:user/carol'],
        'aws-iam-unused-roles': ['fail arn:aws:iam::333333333333:role/OldVendorAccess'],
        // carol has no console password: MFA at sign-in does not apply.
        'aws-iam-user-mfa': ['fail arn:aws:iam::333333333333:user/bob', 'skipped arn:aws:iam::333333333333:user/carol'],
        'aws-s3-account-public-access-block': ['fail arn:aws:s3::333333333333:account-public-access-block'],
      }),
      ...accountScan('444444444444', {
        'aws-cloudtrail-log-file-validation': ['fail arn:aws:cloudtrail:us-east-1:444444444444:trail/dev-trail'],
        // Its own trail is single-region; the organization trail covers it.
        'aws-cloudtrail-multi-region': ['pass 444444444444'],
        'aws-ec2-ebs-default-encryption': ['pass arn:aws:ec2:eu-west-1:444444444444:ebs-encryption-by-default', 'pass arn:aws:ec2:us-east-1:444444444444:ebs-encryption-by-default'],
        'aws-iam-root-access-keys': ['pass arn:aws:iam::444444444444:root'],
        'aws-iam-root-mfa': ['pass arn:aws:iam::444444444444:root'],
        'aws-iam-unused-credentials': ['pass arn:aws:iam::444444444444:user/dave'],
        'aws-iam-unused-roles': ['pass arn:aws:iam::444444444444:role/CiDeploy'],
        'aws-iam-user-mfa': ['skipped arn:aws:iam::444444444444:user/dave'],
        'aws-s3-account-public-access-block': ['fail arn:aws:s3::444444444444:account-public-access-block'],
      }),
      ...denied,
      ...accountScan('777777777777', {
        'aws-cloudtrail-log-file-validation': [`provider-managed ${trail('777777777777')}`],
        'aws-cloudtrail-multi-region': ['pass 777777777777'],
        'aws-ec2-ebs-default-encryption': ['pass arn:aws:ec2:eu-west-1:777777777777:ebs-encryption-by-default', 'pass arn:aws:ec2:us-east-1:777777777777:ebs-encryption-by-default'],
        'aws-iam-root-access-keys': ['pass arn:aws:iam::777777777777:root'],
        'aws-iam-root-mfa': ['pass arn:aws:iam::777777777777:root'],
        'aws-s3-account-public-access-block': ['pass arn:aws:s3::777777777777:account-public-access-block'],
      }),
      `aws-org-ai-opt-out-policy organization pass ${org}`,
      `aws-org-all-features organization pass ${org}`,
      `aws-org-backup-policy organization pass ${org}`,
      `aws-org-inactive-accounts organization pass ${org}`,
      `aws-org-owner-tag-policy organization pass ${org}`,
      `aws-org-scp-guardrails organization pass ${org}`,
      ...['cloudtrail', 'config', 'guardduty', 'securityhub'].map((s) => `aws-org-security-services-access organization pass ${org}/service-access/${s}.amazonaws.com`),
    ];
    expect(findings.map(line).sort()).toEqual(expected.sort());
  });

  it('absorbed the injected throttling and server errors, and read every page', () => {
    expect(throttled).toBeGreaterThanOrEqual(9);
    // Six accounts at two per page.
    expect(good.counters.count('aws', 'organizations:ListAccounts')).toBe(3);
    expect(findings.filter((f) => f.status === 'error').every((f) => f.resource.scope === '666666666666')).toBe(true);
  });

  it('reports the unassumable account as access denied, for that account only', () => {
    const errors = findings.filter((f) => f.status === 'error');
    expect(errors).toHaveLength(10);
    for (const f of errors) {
      expect(f.message).toMatch(/^Access denied: sts:AssumeRole failed: AccessDenied/);
      expect(f.error).toMatchObject({ name: 'AccessDeniedError', operation: 'sts:AssumeRole' });
    }
  });

  it('classifies resources through the catalog and gives the provider-managed reason', () => {
    const sg = findings.find((f) => f.checkId === 'aws-ec2-admin-ports-open' && f.status === 'fail');
    expect(sg).toMatchObject({ resource: { service: 'vpc' }, serviceModel: 'iaas', owner: 'customer' });
    // Every resource a check reported (the account pseudo-resource aside) maps to a catalog service.
    const unclassified = findings.filter((f) => f.resource.type !== undefined && f.resource.type !== 'account' && f.resource.service === undefined);
    expect(unclassified.map(line)).toEqual([]);
    expect(new Set(findings.map((f) => f.resource.service).filter(Boolean))).toEqual(new Set(['cloudtrail', 'ebs', 'iam', 'organizations', 's3', 'vpc']));
    const managed = findings.filter((f) => f.status === 'provider-managed');
    expect(managed.map((f) => f.providerManaged?.split(':')[0])).toEqual(['Organization trail owned by the management account', 'AWS service-linked role', 'Organization trail owned by the management account']);
    expect(managed.every((f) => f.originalStatus === 'fail')).toBe(true);
  });

  it('asked nothing twice: no request repeated one already answered', () => {
    expect(good.counters.redundant()).toEqual({});
    // The refused account was asked once, not once per check.
    // Five members (222, 333, 444, 666, 777): one AssumeRole each, the refused one included.
    expect(good.counters.count('aws', 'sts:AssumeRole')).toBe(5);
  });

  it('made no write request', () => {
    expect(good.counters.writes).toEqual([]);
    const operations = Object.keys(good.counters.snapshot()).map((key) => key.split(':').slice(1).join(':'));
    expect(operations.filter((op) => !/^[a-z0-9-]+:(Describe|List|Get)|^sts:AssumeRole$/.test(op))).toEqual([]);
  });
});

describe('a scan of a neglected organization', () => {
  it('fails every organization-level check', async () => {
    bad.counters.reset();
    const result = await scan({ providers: [awsProvider(options(bad))], now: NOW, filter: (meta) => meta.level === 'organization' });
    const org = 'arn:aws:organizations::101010101010:organization/o-badorg00001';
    expect(result.findings.map(line).sort()).toEqual([
      `aws-org-ai-opt-out-policy organization fail ${org}`,
      `aws-org-all-features organization fail ${org}`,
      `aws-org-backup-policy organization fail ${org}`,
      'aws-org-inactive-accounts organization fail arn:aws:organizations::101010101010:account/o-badorg00001/555555555555',
      `aws-org-owner-tag-policy organization fail ${org}`,
      `aws-org-scp-guardrails organization fail ${org}`,
      `aws-org-security-services-access organization pass ${org}/service-access/cloudtrail.amazonaws.com`,
      ...['config', 'guardduty', 'securityhub'].map((s) => `aws-org-security-services-access organization fail ${org}/service-access/${s}.amazonaws.com`),
    ].sort());
    expect(bad.counters.writes).toEqual([]);
  });
});

describe('provider contract', () => {
  it('passes core\'s provider contract checks and discovers unique account scopes', async () => {
    const provider = awsProvider(options(good));
    expect(providerContractProblems(provider)).toEqual([]);
    const scopes = [];
    for await (const scope of provider.discoverScopes({ signal: new AbortController().signal })) scopes.push(scope.id);
    expect(scopes).toEqual(['111111111111', '222222222222', '333333333333', '444444444444', '666666666666', '777777777777']);
  });
});
