/**
 * The per-account AWS APIs through their official clients: STS (query), IAM (query), S3 Control
 * (REST-XML), EC2 (EC2 query), CloudTrail (JSON 1.1), routed per account by the access key id that
 * AssumeRole hands out. References: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetPublicAccessBlock.html,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html,
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DescribeTrails.html.
 */
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand, TrailNotFoundException } from '@aws-sdk/client-cloudtrail';
import { DescribeRegionsCommand, EC2Client, GetEbsEncryptionByDefaultCommand, paginateDescribeSecurityGroups } from '@aws-sdk/client-ec2';
import {
  AccountNotManagementOrDelegatedAdministratorException,
  CreateUserCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountSummaryCommand,
  GetLoginProfileCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListOrganizationsFeaturesCommand,
  NoSuchEntityException,
  paginateListRoles,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { GetPublicAccessBlockCommand, NoSuchPublicAccessBlockConfiguration, S3ControlClient } from '@aws-sdk/client-s3-control';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEstate } from '../estate/demo.ts';
import { type LocalCloud, startLocalCloud } from '../server.ts';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ estate: demoEstate(), maxPageSize: 2 });
});
afterAll(() => cloud.stop());

/** What a scanner does: assume the audit role in an account, then use those credentials. */
const assume = async (accountId: string) => {
  const sts = new STSClient({ ...cloud.aws.clientConfig(), maxAttempts: 1 });
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/DemarcAudit`, RoleSessionName: 'demarc' }));
  return {
    ...cloud.aws.clientConfig(),
    maxAttempts: 1,
    credentials: { accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '', sessionToken: Credentials?.SessionToken ?? '' },
  };
};

describe('STS', () => {
  it('assumes a role and routes later calls to that account', async () => {
    const config = await assume('333333333333');
    expect(config.credentials.accessKeyId).toMatch(/^ASIA333333333333/);
    const me = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe('333333333333');
  });

  it('answers AccessDenied for an account whose role is not assumable, and for a suspended one', async () => {
    const sts = new STSClient({ ...cloud.aws.clientConfig(), maxAttempts: 1 });
    for (const id of ['666666666666', '555555555555']) {
      const error = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${id}:role/DemarcAudit`, RoleSessionName: 'demarc' })).catch((e: unknown) => e)) as {
        name: string;
        $metadata: { httpStatusCode: number };
      };
      expect(error.name).toBe('AccessDenied');
      expect(error.$metadata.httpStatusCode).toBe(403);
    }
  });
});

describe('IAM', () => {
  it('reads the account summary, users over pages, MFA devices, keys and their last use', async () => {
    const iam = new IAMClient(await assume('333333333333'));
    const { SummaryMap } = await iam.send(new GetAccountSummaryCommand({}));
    expect(SummaryMap).toMatchObject({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, AccountPasswordPresent: 1 });
    expect(SummaryMap?.Users).toBe(4);
    const users = [];
    for await (const page of paginateListUsers({ client: iam }, {})) users.push(...(page.Users ?? []));
    expect(users.map((u) => u.UserName)).toEqual(['alice', 'bob', 'legacy-batch', 'contractor-dana']);
    expect(users[0]?.Arn).toBe('arn:aws:iam::333333333333:user/alice');
    expect(users[0]?.CreateDate).toEqual(new Date('2022-02-01T09:00:00Z'));
    expect((await iam.send(new ListMFADevicesCommand({ UserName: 'alice' }))).MFADevices).toEqual([]);
    expect((await iam.send(new ListMFADevicesCommand({ UserName: 'bob' }))).MFADevices?.[0]?.SerialNumber).toBe('arn:aws:iam::333333333333:mfa/bob');
    const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'legacy-batch' }));
    const keyId = keys.AccessKeyMetadata?.[0]?.AccessKeyId ?? '';
    const last = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: keyId }));
    expect(last.AccessKeyLastUsed).toMatchObject({ LastUsedDate: new Date('2024-11-13T10:00:00Z'), ServiceName: 'sqs' });
    await expect(iam.send(new ListMFADevicesCommand({ UserName: 'nobody' }))).rejects.toBeInstanceOf(NoSuchEntityException);
  });

  it('reads a console password (GetLoginProfile), NoSuchEntity for an API-only user', async () => {
    const iam = new IAMClient(await assume('333333333333'));
    const { LoginProfile } = await iam.send(new GetLoginProfileCommand({ UserName: 'contractor-dana' }));
    const created = new Date('2024-09-01T09:00:00Z');
    expect(LoginProfile).toEqual({ UserName: 'contractor-dana', CreateDate: created, PasswordResetRequired: false });
    const error = await iam.send(new GetLoginProfileCommand({ UserName: 'legacy-batch' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSuchEntityException);
    expect((error as Error).message).toBe('Login Profile for User legacy-batch cannot be found.');
  });

  it('answers the organization\'s centralized root access features to the management account only', async () => {
    const management = new IAMClient({ ...cloud.aws.clientConfig(), maxAttempts: 1 });
    const features = await management.send(new ListOrganizationsFeaturesCommand({}));
    const enabled = ['RootCredentialsManagement', 'RootSessions'];
    expect(features).toMatchObject({ OrganizationId: 'o-ex4mpl3org', EnabledFeatures: enabled });
    const member = new IAMClient(await assume('333333333333'));
    const error = await member.send(new ListOrganizationsFeaturesCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountNotManagementOrDelegatedAdministratorException);
    const { SummaryMap } = await new IAMClient(await assume('222222222222')).send(new GetAccountSummaryCommand({}));
    expect(SummaryMap).toMatchObject({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 0, AccountPasswordPresent: 0 });
  });

  it('lists roles with their paths, service-linked ones included', async () => {
    const iam = new IAMClient(await assume('333333333333'));
    const roles = [];
    for await (const page of paginateListRoles({ client: iam }, {})) roles.push(...(page.Roles ?? []));
    expect(roles.filter((r) => r.Path?.startsWith('/aws-service-role/')).map((r) => r.RoleName)).toEqual(['AWSServiceRoleForSupport', 'AWSServiceRoleForAutoScaling']);
    expect(decodeURIComponent(roles[0]?.AssumeRolePolicyDocument ?? '')).toContain('sts:AssumeRole');
    const other = new IAMClient(await assume('444444444444'));
    const { SummaryMap } = await other.send(new GetAccountSummaryCommand({}));
    expect(SummaryMap).toMatchObject({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 });
  });

  it('answers Throttling and the SDK retry gets through; refuses a write', async () => {
    const remove = cloud.faults.add({ vendor: 'aws', operation: 'iam:GetAccountSummary', scope: '222222222222', throttle: true, times: 1 });
    try {
      const iam = new IAMClient({ ...(await assume('222222222222')), retryStrategy: new ConfiguredRetryStrategy(2, () => 5) });
      const { SummaryMap } = await iam.send(new GetAccountSummaryCommand({}));
      expect(SummaryMap?.AccountPasswordPresent).toBe(0);
      expect(cloud.counters.outcomes('aws', 'iam:GetAccountSummary', 'throttle')).toBe(1);
      const error = (await iam.send(new CreateUserCommand({ UserName: 'x' })).catch((e: unknown) => e)) as { name: string };
      expect(error.name).toBe('AccessDenied');
      expect(cloud.counters.writes.at(-1)).toMatchObject({ operation: 'iam:CreateUser', scope: '222222222222' });
    } finally {
      remove();
    }
  });
});

describe('S3 Control', () => {
  it('returns the account-level Block Public Access, and the 404 error class when absent', async () => {
    const s3 = new S3ControlClient(await assume('333333333333'));
    const { PublicAccessBlockConfiguration } = await s3.send(new GetPublicAccessBlockCommand({ AccountId: '333333333333' }));
    expect(PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false });
    const dev = new S3ControlClient(await assume('444444444444'));
    const error: unknown = await dev.send(new GetPublicAccessBlockCommand({ AccountId: '444444444444' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSuchPublicAccessBlockConfiguration);
  });
});

describe('EC2', () => {
  it('pages security groups, reads EBS default encryption per region and lists regions', async () => {
    const config = await assume('333333333333');
    const ec2 = new EC2Client(config);
    const groups = [];
    for await (const page of paginateDescribeSecurityGroups({ client: ec2, pageSize: 5 }, {})) groups.push(...(page.SecurityGroups ?? []));
    expect(groups.map((g) => g.GroupName)).toEqual(['bastion-ssh', 'web', 'all-open']);
    expect(groups[0]?.IpPermissions?.[0]).toMatchObject({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] });
    expect((await ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(false);
    const eu = new EC2Client({ ...config, region: 'eu-west-1' });
    expect((await eu.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(true);
    const { Regions } = await ec2.send(new DescribeRegionsCommand({}));
    expect(Regions?.map((r) => r.RegionName)).toContain('eu-west-1');
  });

  it('answers RequestLimitExceeded and the SDK retry gets through', async () => {
    const remove = cloud.faults.add({ vendor: 'aws', operation: 'ec2:GetEbsEncryptionByDefault', throttle: true, times: 1 });
    try {
      const ec2 = new EC2Client({ ...(await assume('222222222222')), retryStrategy: new ConfiguredRetryStrategy(2, () => 5) });
      expect((await ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(true);
      expect(cloud.counters.outcomes('aws', 'ec2:GetEbsEncryptionByDefault', 'throttle')).toBe(1);
    } finally {
      remove();
    }
  });
});

describe('CloudTrail', () => {
  it('describes trails (shadow trails included) and their status', async () => {
    const ct = new CloudTrailClient(await assume('333333333333'));
    const { trailList } = await ct.send(new DescribeTrailsCommand({}));
    expect(trailList?.map((t) => [t.Name, t.IsMultiRegionTrail, t.IsOrganizationTrail, t.LogFileValidationEnabled])).toEqual([
      ['org-trail', true, true, true],
      ['prod-local', false, false, false],
    ]);
    expect((await ct.send(new GetTrailStatusCommand({ Name: 'prod-local' }))).IsLogging).toBe(false);
    expect((await ct.send(new GetTrailStatusCommand({ Name: trailList?.[0]?.TrailARN }))).IsLogging).toBe(true);
    await expect(ct.send(new GetTrailStatusCommand({ Name: 'missing' }))).rejects.toBeInstanceOf(TrailNotFoundException);
    const euTrails = await new CloudTrailClient({ ...(await assume('333333333333')), region: 'eu-west-1' }).send(new DescribeTrailsCommand({}));
    expect(euTrails.trailList?.map((t) => t.Name)).toEqual(['org-trail']);
  });
});
