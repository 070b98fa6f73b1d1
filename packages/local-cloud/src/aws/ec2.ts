/**
 * Amazon EC2 over the EC2 query protocol (per account and region): `DescribeSecurityGroups`,
 * `GetEbsEncryptionByDefault`, `DescribeRegions`.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html
 *
 * @module
 */
import type { AwsIpPermission, AwsSecurityGroup } from '../estate/types.ts';
import type { Reply } from '../http.ts';
import { decodeToken, el, encodeToken, page, tx } from '../http.ts';
import { type AwsContext, pageSize } from './context.ts';
import { ec2Error, ec2Response, members } from './protocols.ts';

/** Regions `DescribeRegions` lists besides those named in the estate. */
export const DEFAULT_AWS_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-central-1',
  'eu-north-1', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1', 'sa-east-1',
];

const items = (name: string, list: readonly string[]): string => members(name, list, 'item');

const permission = (p: AwsIpPermission): string =>
  tx('ipProtocol', p.protocol) +
  tx('fromPort', p.fromPort) +
  tx('toPort', p.toPort) +
  '<groups/>' +
  items('ipRanges', (p.cidrs ?? []).map((c) => tx('cidrIp', c))) +
  items('ipv6Ranges', (p.ipv6Cidrs ?? []).map((c) => tx('cidrIpv6', c))) +
  '<prefixListIds/>';

const ALL_OUT: AwsIpPermission = { protocol: '-1', cidrs: ['0.0.0.0/0'] };

const group = (accountId: string, g: AwsSecurityGroup): string =>
  tx('ownerId', accountId) +
  tx('groupId', g.id) +
  tx('groupName', g.name) +
  tx('groupDescription', g.description) +
  tx('vpcId', g.vpcId) +
  tx('securityGroupArn', `arn:aws:ec2::${accountId}:security-group/${g.id}`) +
  items('ipPermissions', g.ingress.map(permission)) +
  items('ipPermissionsEgress', (g.egress ?? [ALL_OUT]).map(permission));

/** Serves one EC2 operation. @internal */
export const ec2 = (ctx: AwsContext, action: string, params: URLSearchParams): Reply => {
  const { req } = ctx;
  const acct = ctx.index.accounts.get(ctx.accountId);
  const regional = acct?.regions?.[ctx.region];
  switch (action) {
    case 'DescribeRegions': {
      const names = [...new Set([...DEFAULT_AWS_REGIONS, ...Object.keys(acct?.regions ?? {})])];
      return ec2Response(
        req,
        action,
        items('regionInfo', names.map((n) => tx('regionName', n) + tx('regionEndpoint', `ec2.${n}.amazonaws.com`) + tx('optInStatus', 'opt-in-not-required'))),
      );
    }
    case 'GetEbsEncryptionByDefault':
      return ec2Response(req, action, el('ebsEncryptionByDefault', regional?.ebsEncryptionByDefault ?? false) + tx('sseType', 'sse-ebs'));
    case 'DescribeSecurityGroups': {
      let groups = regional?.securityGroups ?? [];
      const ids = [...params].filter(([k]) => /^GroupId\.\d+$/.test(k)).map(([, v]) => v);
      if (ids.length) groups = groups.filter((g) => ids.includes(g.id));
      const max = params.get('MaxResults');
      // Without MaxResults EC2 answers everything at once; with it, pages of 5–1000.
      if (!max && ctx.maxPageSize === undefined) return ec2Response(req, action, items('securityGroupInfo', groups.map((g) => group(ctx.accountId, g))));
      const offset = decodeToken(action, params.get('NextToken'));
      if (offset === undefined) return ec2Error(req, 'InvalidParameterValue', 'Invalid NextToken', 400);
      const p = page(groups, offset, pageSize(ctx, max ? Number(max) : 1000, 1000, 1000));
      return ec2Response(
        req,
        action,
        items('securityGroupInfo', p.items.map((g) => group(ctx.accountId, g))) + tx('nextToken', p.next === undefined ? undefined : encodeToken(action, p.next)),
      );
    }
    default:
      return ec2Error(req, 'InvalidAction', `The local cloud does not implement EC2 ${action}`, 400);
  }
};
