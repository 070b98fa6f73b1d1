/**
 * Collectors: one AWS API read each, as a function of the scope (an account, or the organization
 * pseudo-scope) and JSON parameters, returning plain JSON (dates as ISO strings) that a snapshot can
 * store. Each names the IAM actions it needs in {@link COLLECTOR_PERMISSIONS}; SDK errors are converted
 * to demarc's typed errors at this boundary.
 * @module
 */
import type { Collector, CollectorContext, ScopeInfo } from '@demarc/core';
import type { AwsClients } from './clients';
import { loadAwsSdk } from './clients';
import { awsErrorDetails, isAwsNotFound, toDemarcError } from './errors';
import type {
  AwsAccessKeyData, AwsAccessKeyLastUsedData, AwsAccountData, AwsIamRoleData, AwsIamUserData, AwsIpPermissionData,
  AwsLoginProfileData, AwsOrganizationData, AwsOrganizationsFeaturesData, AwsPolicyData, AwsPolicySummaryData,
  AwsPolicyTargetData, AwsPublicAccessBlockData, AwsRoleLastUsedData, AwsRootData, AwsSecurityGroupData, AwsTrailData,
} from './collector-data';

type Orgs = typeof import('@aws-sdk/client-organizations');
type Iam = typeof import('@aws-sdk/client-iam');
type Ec2 = typeof import('@aws-sdk/client-ec2');
type S3Control = typeof import('@aws-sdk/client-s3-control');
type CloudTrail = typeof import('@aws-sdk/client-cloudtrail');

export type * from './collector-data';

/** The IAM actions each collector needs: the input of the least-privilege generator. */
export const COLLECTOR_PERMISSIONS = {
  'organizations:DescribeOrganization': ['organizations:DescribeOrganization'],
  'organizations:ListRoots': ['organizations:ListRoots'],
  'organizations:ListAccounts': ['organizations:ListAccounts'],
  'organizations:ListPolicies': ['organizations:ListPolicies'],
  'organizations:ListTargetsForPolicy': ['organizations:ListTargetsForPolicy'],
  'organizations:DescribePolicy': ['organizations:DescribePolicy'],
  'organizations:ListAWSServiceAccessForOrganization': ['organizations:ListAWSServiceAccessForOrganization'],
  'organizations:ListDelegatedAdministrators': ['organizations:ListDelegatedAdministrators'],
  'iam:GetAccountSummary': ['iam:GetAccountSummary'],
  'iam:ListUsers': ['iam:ListUsers'],
  'iam:GetLoginProfile': ['iam:GetLoginProfile'],
  'iam:ListOrganizationsFeatures': ['iam:ListOrganizationsFeatures'],
  'iam:ListMFADevices': ['iam:ListMFADevices'],
  'iam:ListAccessKeys': ['iam:ListAccessKeys'],
  'iam:GetAccessKeyLastUsed': ['iam:GetAccessKeyLastUsed'],
  'iam:ListRoles': ['iam:ListRoles'],
  'iam:GetRole': ['iam:GetRole'],
  's3-control:GetPublicAccessBlock': ['s3:GetAccountPublicAccessBlock'],
  'ec2:DescribeRegions': ['ec2:DescribeRegions'],
  'ec2:GetEbsEncryptionByDefault': ['ec2:GetEbsEncryptionByDefault'],
  'ec2:DescribeSecurityGroups': ['ec2:DescribeSecurityGroups'],
  'cloudtrail:DescribeTrails': ['cloudtrail:DescribeTrails'],
  'cloudtrail:GetTrailStatus': ['cloudtrail:GetTrailStatus'],
} as const satisfies Record<string, readonly string[]>;

/** A collector operation name, e.g. `'iam:ListUsers'`. */
export type AwsOperation = keyof typeof COLLECTOR_PERMISSIONS;

const iso = (date: Date | undefined): string | undefined => (date === undefined ? undefined : date.toISOString());
const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The account a scope's calls go to: `undefined` (the caller's own) for the organization pseudo-scope. */
const accountOf = (scope: ScopeInfo): string | undefined => (scope.kind === 'account' ? scope.id : undefined);

const str = (params: Readonly<Record<string, unknown>>, name: string): string => {
  const value = params[name];
  if (typeof value !== 'string' || value === '') throw new TypeError(`collector parameter '${name}' must be a non-empty string`);
  return value;
};

/** Runs one SDK read and converts its errors; `onNotFound` turns "no such thing" into data. */
async function read<T>(operation: AwsOperation, call: () => Promise<T>, onNotFound?: () => T): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const converted = toDemarcError(operation, error);
    if (onNotFound && isAwsNotFound(converted)) return onNotFound();
    throw converted;
  }
}

/** What IAM's `ListOrganizationsFeatures` answers when no centralized root access feature can be on. */
const FEATURES_UNAVAILABLE = new Set([
  'OrganizationNotFound', 'OrganizationNotInAllFeaturesMode', 'ServiceAccessNotEnabled',
]);

/** Drains an SDK paginator into one list. */
async function drain<P, T>(pages: AsyncIterable<P>, pick: (page: P) => readonly T[] | undefined): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...(pick(page) ?? []));
  return items;
}

/**
 * The collectors of the AWS provider, bound to one {@link AwsClients}.
 * @param clients - Where calls go.
 * @param pageSize - The page size asked of list operations (AWS caps it per API).
 */
export function awsCollectors(clients: AwsClients, pageSize?: number): Readonly<Record<AwsOperation, Collector>> {
  // A server that repeats its NextToken would otherwise loop a paginator forever.
  const page = { stopOnSameToken: true, ...(pageSize === undefined ? {} : { pageSize }) };
  const orgs = async () => ({ sdk: await loadAwsSdk<Orgs>('organizations'), client: await clients.client('organizations') });
  const iam = async (scope: ScopeInfo) => ({ sdk: await loadAwsSdk<Iam>('iam'), client: await clients.client('iam', accountOf(scope)) });
  const ec2 = async (scope: ScopeInfo, region: string) => ({ sdk: await loadAwsSdk<Ec2>('ec2'), client: await clients.client('ec2', accountOf(scope), region) });
  const regionParam = (params: Readonly<Record<string, unknown>>): string => (typeof params.region === 'string' ? params.region : clients.region);
  const abort = (context: CollectorContext) => ({ abortSignal: context.signal });

  return {
    'organizations:DescribeOrganization': (_scope, _params, context) =>
      read<AwsOrganizationData | null>(
        'organizations:DescribeOrganization',
        async () => {
          const { Organization: o } = await clients.describeOrganization(context.signal);
          return { id: o?.Id ?? '', arn: o?.Arn ?? '', featureSet: o?.FeatureSet ?? '', managementAccountId: o?.MasterAccountId ?? '' };
        },
        () => null,
      ),
    'organizations:ListRoots': () =>
      read('organizations:ListRoots', async () => {
        const roots = await clients.listRoots(pageSize);
        return roots.map((r): AwsRootData => ({
          id: r.Id ?? '', arn: r.Arn ?? '', name: r.Name ?? '',
          policyTypes: (r.PolicyTypes ?? []).map((t) => ({ type: t.Type ?? '', status: t.Status ?? '' })),
        }));
      }),
    'organizations:ListAccounts': () =>
      read('organizations:ListAccounts', async () => {
        const { sdk, client } = await orgs();
        const accounts = await drain(sdk.paginateListAccounts({ client, ...page }, {}), (p) => p.Accounts);
        return accounts.map((a): AwsAccountData => defined({
          id: a.Id ?? '', arn: a.Arn ?? '', name: a.Name ?? '', email: a.Email ?? '',
          status: String(a.Status ?? a.State ?? ''), joinedMethod: a.JoinedMethod, joinedTimestamp: iso(a.JoinedTimestamp),
        }));
      }),
    'organizations:ListPolicies': (_scope, params) =>
      read('organizations:ListPolicies', async () => {
        const { sdk, client } = await orgs();
        const filter = str(params, 'filter') as import('@aws-sdk/client-organizations').PolicyType;
        const policies = await drain(sdk.paginateListPolicies({ client, ...page }, { Filter: filter }), (p) => p.Policies);
        return policies.map((p): AwsPolicySummaryData => ({ id: p.Id ?? '', arn: p.Arn ?? '', name: p.Name ?? '', type: p.Type ?? '', awsManaged: p.AwsManaged ?? false }));
      }),
    'organizations:ListTargetsForPolicy': (_scope, params) =>
      read('organizations:ListTargetsForPolicy', async () => {
        const { sdk, client } = await orgs();
        const targets = await drain(sdk.paginateListTargetsForPolicy({ client, ...page }, { PolicyId: str(params, 'policyId') }), (p) => p.Targets);
        return targets.map((t): AwsPolicyTargetData => ({ targetId: t.TargetId ?? '', type: t.Type ?? '', name: t.Name ?? '' }));
      }),
    'organizations:DescribePolicy': (_scope, params, context) =>
      read('organizations:DescribePolicy', async () => {
        const { sdk, client } = await orgs();
        const { Policy: p } = await client.send(new sdk.DescribePolicyCommand({ PolicyId: str(params, 'policyId') }), abort(context));
        const s = p?.PolicySummary;
        return { id: s?.Id ?? '', arn: s?.Arn ?? '', name: s?.Name ?? '', type: s?.Type ?? '', awsManaged: s?.AwsManaged ?? false, content: p?.Content ?? '' } satisfies AwsPolicyData;
      }),
    'organizations:ListAWSServiceAccessForOrganization': () =>
      read('organizations:ListAWSServiceAccessForOrganization', async () => {
        const { sdk, client } = await orgs();
        const principals = await drain(sdk.paginateListAWSServiceAccessForOrganization({ client, ...page }, {}), (p) => p.EnabledServicePrincipals);
        return principals.map((p) => p.ServicePrincipal ?? '').sort();
      }),
    'organizations:ListDelegatedAdministrators': (_scope, params) =>
      read('organizations:ListDelegatedAdministrators', async () => {
        const { sdk, client } = await orgs();
        const input = typeof params.servicePrincipal === 'string' ? { ServicePrincipal: params.servicePrincipal } : {};
        const admins = await drain(sdk.paginateListDelegatedAdministrators({ client, ...page }, input), (p) => p.DelegatedAdministrators);
        return admins.map((a) => a.Id ?? '').sort();
      }),
    'iam:GetAccountSummary': (scope, _params, context) =>
      read('iam:GetAccountSummary', async () => {
        const { sdk, client } = await iam(scope);
        const { SummaryMap } = await client.send(new sdk.GetAccountSummaryCommand({}), abort(context));
        return { ...SummaryMap } as Record<string, number>;
      }),
    'iam:ListUsers': (scope) =>
      read('iam:ListUsers', async () => {
        const { sdk, client } = await iam(scope);
        const users = await drain(sdk.paginateListUsers({ client, ...page }, {}), (p) => p.Users);
        return users.map((u): AwsIamUserData => defined({ userName: u.UserName ?? '', arn: u.Arn ?? '', path: u.Path ?? '/', createDate: iso(u.CreateDate), passwordLastUsed: iso(u.PasswordLastUsed) }));
      }),
    'iam:GetLoginProfile': (scope, params, context) =>
      read<AwsLoginProfileData | null>(
        'iam:GetLoginProfile',
        async () => {
          const { sdk, client } = await iam(scope);
          const command = new sdk.GetLoginProfileCommand({ UserName: str(params, 'userName') });
          const { LoginProfile: p } = await client.send(command, abort(context));
          return defined({ createDate: iso(p?.CreateDate), passwordResetRequired: p?.PasswordResetRequired ?? false });
        },
        // NoSuchEntity: the user has no console password.
        () => null,
      ),
    'iam:ListOrganizationsFeatures': async (scope, _params, context) => {
      try {
        const { sdk, client } = await iam(scope);
        const answer = await client.send(new sdk.ListOrganizationsFeaturesCommand({}), abort(context));
        const enabledFeatures = [...(answer.EnabledFeatures ?? [])].sort();
        const organizationId = answer.OrganizationId;
        const features: AwsOrganizationsFeaturesData = defined({ organizationId, enabledFeatures });
        return features;
      } catch (error) {
        // IAM answers these instead of an empty list when no feature can be on; any other error stays one.
        const code = awsErrorDetails('iam:ListOrganizationsFeatures', error).code.replace(/Exception$/, '');
        const none: AwsOrganizationsFeaturesData = { enabledFeatures: [], unavailable: code };
        if (FEATURES_UNAVAILABLE.has(code)) return none;
        throw toDemarcError('iam:ListOrganizationsFeatures', error);
      }
    },
    'iam:ListMFADevices': (scope, params) =>
      read('iam:ListMFADevices', async () => {
        const { sdk, client } = await iam(scope);
        const devices = await drain(sdk.paginateListMFADevices({ client, ...page }, { UserName: str(params, 'userName') }), (p) => p.MFADevices);
        return devices.map((d) => ({ serialNumber: d.SerialNumber ?? '' }));
      }),
    'iam:ListAccessKeys': (scope, params) =>
      read('iam:ListAccessKeys', async () => {
        const { sdk, client } = await iam(scope);
        const keys = await drain(sdk.paginateListAccessKeys({ client, ...page }, { UserName: str(params, 'userName') }), (p) => p.AccessKeyMetadata);
        return keys.map((k): AwsAccessKeyData => defined({ keyId: k.AccessKeyId ?? '', status: k.Status ?? '', createDate: iso(k.CreateDate) }));
      }),
    'iam:GetAccessKeyLastUsed': (scope, params, context) =>
      read('iam:GetAccessKeyLastUsed', async () => {
        const { sdk, client } = await iam(scope);
        const { AccessKeyLastUsed: u } = await client.send(new sdk.GetAccessKeyLastUsedCommand({ AccessKeyId: str(params, 'keyId') }), abort(context));
        return defined({ lastUsedDate: iso(u?.LastUsedDate), serviceName: u?.ServiceName, region: u?.Region }) satisfies AwsAccessKeyLastUsedData;
      }),
    'iam:ListRoles': (scope) =>
      read('iam:ListRoles', async () => {
        const { sdk, client } = await iam(scope);
        const roles = await drain(sdk.paginateListRoles({ client, ...page }, {}), (p) => p.Roles);
        return roles.map((r): AwsIamRoleData => defined({
          roleName: r.RoleName ?? '', arn: r.Arn ?? '', path: r.Path ?? '/', createDate: iso(r.CreateDate),
          // IAM returns trust policies URL-encoded.
          assumeRolePolicyDocument: r.AssumeRolePolicyDocument === undefined ? undefined : decodeURIComponent(r.AssumeRolePolicyDocument),
        }));
      }),
    'iam:GetRole': (scope, params, context) =>
      read('iam:GetRole', async () => {
        const { sdk, client } = await iam(scope);
        const { Role } = await client.send(new sdk.GetRoleCommand({ RoleName: str(params, 'roleName') }), abort(context));
        return defined({ lastUsedDate: iso(Role?.RoleLastUsed?.LastUsedDate), region: Role?.RoleLastUsed?.Region }) satisfies AwsRoleLastUsedData;
      }),
    's3-control:GetPublicAccessBlock': (scope, _params, context) =>
      read<AwsPublicAccessBlockData | null>(
        's3-control:GetPublicAccessBlock',
        async () => {
          const sdk = await loadAwsSdk<S3Control>('s3-control');
          const client = await clients.client('s3-control', accountOf(scope));
          const accountId = accountOf(scope) ?? (await clients.caller()).account;
          const { PublicAccessBlockConfiguration: c } = await client.send(new sdk.GetPublicAccessBlockCommand({ AccountId: accountId }), abort(context));
          return { blockPublicAcls: c?.BlockPublicAcls ?? false, ignorePublicAcls: c?.IgnorePublicAcls ?? false, blockPublicPolicy: c?.BlockPublicPolicy ?? false, restrictPublicBuckets: c?.RestrictPublicBuckets ?? false };
        },
        () => null,
      ),
    'ec2:DescribeRegions': (scope, _params, context) =>
      read('ec2:DescribeRegions', async () => {
        const { sdk, client } = await ec2(scope, clients.region);
        const { Regions } = await client.send(new sdk.DescribeRegionsCommand({}), abort(context));
        return (Regions ?? []).map((r) => r.RegionName ?? '').filter(Boolean).sort();
      }),
    'ec2:GetEbsEncryptionByDefault': (scope, params, context) =>
      read('ec2:GetEbsEncryptionByDefault', async () => {
        const { sdk, client } = await ec2(scope, regionParam(params));
        const { EbsEncryptionByDefault } = await client.send(new sdk.GetEbsEncryptionByDefaultCommand({}), abort(context));
        return { enabled: EbsEncryptionByDefault ?? false };
      }),
    'ec2:DescribeSecurityGroups': (scope, params) =>
      read('ec2:DescribeSecurityGroups', async () => {
        const { sdk, client } = await ec2(scope, regionParam(params));
        const groups = await drain(sdk.paginateDescribeSecurityGroups({ client, stopOnSameToken: true, ...(pageSize === undefined ? {} : { pageSize: Math.max(5, pageSize) }) }, {}), (p) => p.SecurityGroups);
        return groups.map((g): AwsSecurityGroupData => defined({
          groupId: g.GroupId ?? '', groupName: g.GroupName ?? '', vpcId: g.VpcId, ownerId: g.OwnerId,
          ingress: (g.IpPermissions ?? []).map((p): AwsIpPermissionData => defined({
            protocol: p.IpProtocol ?? '-1', fromPort: p.FromPort, toPort: p.ToPort,
            cidrs: (p.IpRanges ?? []).map((r) => r.CidrIp ?? ''), ipv6Cidrs: (p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6 ?? ''),
          })),
        }));
      }),
    'cloudtrail:DescribeTrails': (scope, params, context) =>
      read('cloudtrail:DescribeTrails', async () => {
        const sdk = await loadAwsSdk<CloudTrail>('cloudtrail');
        const client = await clients.client('cloudtrail', accountOf(scope), regionParam(params));
        const { trailList } = await client.send(new sdk.DescribeTrailsCommand({ includeShadowTrails: true }), abort(context));
        return (trailList ?? []).map((t): AwsTrailData => defined({
          name: t.Name ?? '', arn: t.TrailARN ?? '', homeRegion: t.HomeRegion ?? '', multiRegion: t.IsMultiRegionTrail ?? false,
          organizationTrail: t.IsOrganizationTrail ?? false, logFileValidation: t.LogFileValidationEnabled ?? false,
          includeGlobalServiceEvents: t.IncludeGlobalServiceEvents ?? false, s3BucketName: t.S3BucketName, kmsKeyId: t.KmsKeyId,
        }));
      }),
    'cloudtrail:GetTrailStatus': (scope, params, context) =>
      read('cloudtrail:GetTrailStatus', async () => {
        const sdk = await loadAwsSdk<CloudTrail>('cloudtrail');
        const client = await clients.client('cloudtrail', accountOf(scope), regionParam(params));
        const status = await client.send(new sdk.GetTrailStatusCommand({ Name: str(params, 'trailArn') }), abort(context));
        return { isLogging: status.IsLogging ?? false };
      }),
  };
}
