/**
 * AWS Organizations over JSON 1.1 (`X-Amz-Target: AWSOrganizationsV20161128.<Operation>`).
 * Shapes follow the Organizations API reference:
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_Operations.html
 * (e.g. `ListAccounts`: https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html).
 * Paged operations take `MaxResults` (1–20) and answer `NextToken` while more remain.
 *
 * @module
 */
import type { AwsAccount, AwsOrgPolicy, AwsOrganizationalUnit } from '../estate/types.ts';
import type { Reply } from '../http.ts';
import { decodeToken, encodeToken, page } from '../http.ts';
import { type AwsContext, pageSize } from './context.ts';
import { epochSeconds, json11, json11Error } from './protocols.ts';

/** The `X-Amz-Target` prefix of Organizations. */
export const ORGANIZATIONS_TARGET = 'AWSOrganizationsV20161128';

type Body = Record<string, unknown>;

const str = (b: Body, k: string): string | undefined => (typeof b[k] === 'string' ? (b[k] as string) : undefined);
const num = (b: Body, k: string): number | undefined => (typeof b[k] === 'number' ? (b[k] as number) : undefined);

const arns = (ctx: AwsContext) => {
  const { organization } = ctx.index.estate;
  const base = `arn:aws:organizations::${organization.managementAccountId}`;
  return {
    organization: `${base}:organization/${organization.id}`,
    root: `${base}:root/${organization.id}/${organization.rootId}`,
    account: (id: string) => `${base}:account/${organization.id}/${id}`,
    ou: (id: string) => `${base}:ou/${organization.id}/${id}`,
    policy: (p: AwsOrgPolicy) =>
      p.awsManaged
        ? `arn:aws:organizations::aws:policy/${p.type.toLowerCase()}/${p.id}`
        : `${base}:policy/${organization.id}/${p.type.toLowerCase()}/${p.id}`,
  };
};

const account = (ctx: AwsContext, a: AwsAccount) => ({
  Id: a.id,
  Arn: arns(ctx).account(a.id),
  Email: a.email,
  Name: a.name,
  Status: a.status,
  State: a.status,
  JoinedMethod: a.joinedMethod,
  JoinedTimestamp: epochSeconds(a.joinedTimestamp),
});

const ou = (ctx: AwsContext, o: AwsOrganizationalUnit) => ({ Id: o.id, Arn: arns(ctx).ou(o.id), Name: o.name });

const policySummary = (ctx: AwsContext, p: AwsOrgPolicy) => ({
  Id: p.id,
  Arn: arns(ctx).policy(p),
  Name: p.name,
  Description: p.description,
  Type: p.type,
  AwsManaged: p.awsManaged,
});

/** Serves one paged list: `key` holds the items, `NextToken` continues. */
const paged = <T>(ctx: AwsContext, op: string, body: Body, items: readonly T[], key: string, map: (t: T) => unknown): Reply => {
  const offset = decodeToken(op, str(body, 'NextToken'));
  if (offset === undefined) return json11Error(ctx.req, 'InvalidInputException', 'The provided NextToken is not valid.', 400, { Reason: 'INVALID_NEXT_TOKEN' });
  const p = page(items, offset, pageSize(ctx, num(body, 'MaxResults'), 20, 20));
  return json11(ctx.req, { [key]: p.items.map(map), ...(p.next === undefined ? {} : { NextToken: encodeToken(op, p.next) }) });
};

const parentExists = (ctx: AwsContext, id: string): boolean => id === ctx.index.estate.organization.rootId || ctx.index.ous.has(id);

/** Serves one Organizations read operation. @internal */
export const organizations = (ctx: AwsContext, operation: string): Reply => {
  const { req, index } = ctx;
  const { organization } = index.estate;
  // Organizations answers only in the management account (delegated administration of
  // Organizations itself is not modelled): a member account gets AccessDeniedException.
  if (ctx.accountId !== index.managementAccountId) {
    return json11Error(req, 'AccessDeniedException', "You don't have permissions to access this resource.");
  }
  let body: Body;
  try {
    body = req.body ? (JSON.parse(req.body) as Body) : {};
  } catch {
    return json11Error(req, 'SerializationException', 'Malformed JSON body');
  }
  const a = arns(ctx);
  const mgmt = index.accounts.get(organization.managementAccountId);
  switch (operation) {
    case 'DescribeOrganization':
      return json11(req, {
        Organization: {
          Id: organization.id,
          Arn: a.organization,
          FeatureSet: organization.featureSet,
          MasterAccountArn: a.account(organization.managementAccountId),
          MasterAccountId: organization.managementAccountId,
          MasterAccountEmail: mgmt?.email,
          AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
        },
      });
    case 'ListRoots':
      return paged(ctx, operation, body, [organization.rootId], 'Roots', (id) => ({
        Id: id,
        Arn: a.root,
        Name: 'Root',
        PolicyTypes: organization.enabledPolicyTypes.map((Type) => ({ Type, Status: 'ENABLED' })),
      }));
    case 'ListAccounts':
      return paged(ctx, operation, body, index.estate.accounts, 'Accounts', (x) => account(ctx, x));
    case 'DescribeAccount': {
      const x = index.accounts.get(str(body, 'AccountId') ?? '');
      if (!x) return json11Error(req, 'AccountNotFoundException', 'You specified an account that does not exist.');
      return json11(req, { Account: account(ctx, x) });
    }
    case 'ListAccountsForParent':
    case 'ListOrganizationalUnitsForParent': {
      const parentId = str(body, 'ParentId') ?? '';
      if (!parentExists(ctx, parentId)) return json11Error(req, 'ParentNotFoundException', 'We can\'t find a root or OU with the ParentId that you specified.');
      return operation === 'ListAccountsForParent'
        ? paged(ctx, operation, body, index.accountsByParent.get(parentId) ?? [], 'Accounts', (x) => account(ctx, x))
        : paged(ctx, operation, body, index.ousByParent.get(parentId) ?? [], 'OrganizationalUnits', (x) => ou(ctx, x));
    }
    case 'DescribeOrganizationalUnit': {
      const x = index.ous.get(str(body, 'OrganizationalUnitId') ?? '');
      if (!x) return json11Error(req, 'OrganizationalUnitNotFoundException', "We can't find an OU with the OrganizationalUnitId that you specified.");
      return json11(req, { OrganizationalUnit: ou(ctx, x) });
    }
    case 'ListParents': {
      const child = str(body, 'ChildId') ?? '';
      const parentId = index.accounts.get(child)?.parentId ?? index.ous.get(child)?.parentId;
      if (!parentId) return json11Error(req, 'ChildNotFoundException', "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.");
      return paged(ctx, operation, body, [parentId], 'Parents', (Id) => ({ Id, Type: Id.startsWith('r-') ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }));
    }
    case 'ListPolicies': {
      const filter = str(body, 'Filter');
      return paged(ctx, operation, body, index.estate.policies.filter((p) => p.type === filter), 'Policies', (p) => policySummary(ctx, p));
    }
    case 'ListPoliciesForTarget': {
      const target = str(body, 'TargetId') ?? '';
      if (target !== organization.rootId && !index.ous.has(target) && !index.accounts.has(target)) {
        return json11Error(req, 'TargetNotFoundException', "We can't find a root, OU, account, or policy with the TargetId that you specified.");
      }
      const filter = str(body, 'Filter');
      return paged(ctx, operation, body, (index.policiesByTarget.get(target) ?? []).filter((p) => p.type === filter), 'Policies', (p) => policySummary(ctx, p));
    }
    case 'ListTargetsForPolicy': {
      const p = index.policies.get(str(body, 'PolicyId') ?? '');
      if (!p) return json11Error(req, 'PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified.");
      return paged(ctx, operation, body, p.targets, 'Targets', (t) => {
        const kind = t.startsWith('r-') ? 'ROOT' : t.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT';
        const name = kind === 'ROOT' ? 'Root' : kind === 'ACCOUNT' ? index.accounts.get(t)?.name : index.ous.get(t)?.name;
        const arn = kind === 'ROOT' ? a.root : kind === 'ACCOUNT' ? a.account(t) : a.ou(t);
        return { TargetId: t, Arn: arn, Name: name, Type: kind };
      });
    }
    case 'DescribePolicy': {
      const p = index.policies.get(str(body, 'PolicyId') ?? '');
      if (!p) return json11Error(req, 'PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified.");
      return json11(req, { Policy: { PolicySummary: policySummary(ctx, p), Content: p.content } });
    }
    case 'ListAWSServiceAccessForOrganization':
      return paged(ctx, operation, body, organization.enabledServicePrincipals, 'EnabledServicePrincipals', (ServicePrincipal) => ({
        ServicePrincipal,
        DateEnabled: epochSeconds(mgmt?.joinedTimestamp ?? '2020-01-01T00:00:00Z'),
      }));
    case 'ListDelegatedAdministrators': {
      const sp = str(body, 'ServicePrincipal');
      const admins = organization.delegatedAdministrators.filter((d) => !sp || d.servicePrincipal === sp);
      const unique = [...new Set(admins.map((d) => d.accountId))].map((id) => index.accounts.get(id)).filter((x): x is AwsAccount => !!x);
      return paged(ctx, operation, body, unique, 'DelegatedAdministrators', (x) => ({
        ...account(ctx, x),
        DelegationEnabledDate: epochSeconds(x.joinedTimestamp),
      }));
    }
    case 'ListDelegatedServicesForAccount': {
      const id = str(body, 'AccountId') ?? '';
      return paged(ctx, operation, body, organization.delegatedAdministrators.filter((d) => d.accountId === id), 'DelegatedServices', (d) => ({
        ServicePrincipal: d.servicePrincipal,
        DelegationEnabledDate: epochSeconds(index.accounts.get(id)?.joinedTimestamp ?? '2020-01-01T00:00:00Z'),
      }));
    }
    default:
      return json11Error(req, 'UnknownOperationException', `The local cloud does not implement Organizations ${operation}`);
  }
};
