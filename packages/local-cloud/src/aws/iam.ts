/**
 * AWS IAM over the query protocol (per account, global): `GetAccountSummary`, `ListUsers`,
 * `GetLoginProfile`, `ListMFADevices`, `ListAccessKeys`, `GetAccessKeyLastUsed`, `ListRoles`, `GetUser`,
 * `GetRole`, `ListOrganizationsFeatures`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html
 * Paged lists take `Marker`/`MaxItems` and answer `IsTruncated` + `Marker`.
 *
 * @module
 */
import type { AwsIam, AwsIamRole, AwsIamUser } from '../estate/types.ts';
import type { Reply } from '../http.ts';
import { decodeToken, el, encodeToken, esc, page, tx } from '../http.ts';
import { type AwsContext, pageSize, stableId } from './context.ts';
import { members, queryError, queryResponse } from './protocols.ts';

/** The XML namespace of IAM answers. */
export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';

const EMPTY: AwsIam = { rootMfaEnabled: false, rootAccessKeysPresent: false, users: [], roles: [] };

const userXml = (accountId: string, u: AwsIamUser): string =>
  tx('Path', u.path ?? '/') +
  tx('UserName', u.name) +
  tx('UserId', stableId('AIDA', `${accountId}/${u.name}`)) +
  tx('Arn', `arn:aws:iam::${accountId}:user${u.path ?? '/'}${u.name}`) +
  tx('CreateDate', u.createDate) +
  tx('PasswordLastUsed', u.passwordLastUsed);

const roleXml = (accountId: string, r: AwsIamRole): string =>
  tx('Path', r.path) +
  tx('RoleName', r.name) +
  tx('RoleId', stableId('AROA', `${accountId}/${r.name}`)) +
  tx('Arn', `arn:aws:iam::${accountId}:role${r.path}${r.name}`) +
  tx('CreateDate', r.createDate) +
  // IAM returns policy documents URL-encoded (RFC 3986).
  tx('AssumeRolePolicyDocument', encodeURIComponent(r.assumeRolePolicyDocument)) +
  tx('Description', r.description) +
  tx('MaxSessionDuration', 3600);

/**
 * `ListOrganizationsFeatures`: centralized root access, answered to the management account or IAM's
 * delegated administrator, and only with all features and IAM's trusted access on (as in the API
 * reference's errors; the codes are the SDK model's shape names).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOrganizationsFeatures.html
 */
const IAM = 'iam.amazonaws.com';
const organizationsFeatures = (ctx: AwsContext): Reply => {
  const { organization } = ctx.index.estate;
  const fail = (code: string, message: string): Reply => queryError(ctx.req, IAM_XMLNS, code, message, 400);
  const admins = organization.delegatedAdministrators.filter((d) => d.servicePrincipal === IAM).map((d) => d.accountId);
  const iamAdmin = admins.includes(ctx.accountId);
  if (ctx.accountId !== organization.managementAccountId && !iamAdmin) {
    const message = 'The account is not the management account or delegated administrator for centralized root access.';
    return fail('AccountNotManagementOrDelegatedAdministratorException', message);
  }
  if (organization.featureSet !== 'ALL') {
    return fail('OrganizationNotInAllFeaturesModeException', 'The organization does not have all features enabled.');
  }
  if (!organization.enabledServicePrincipals.includes(IAM)) {
    return fail('ServiceAccessNotEnabledException', 'Trusted access for IAM is not enabled in AWS Organizations.');
  }
  const features = members('EnabledFeatures', (organization.rootAccessFeatures ?? []).map((f) => esc(f)));
  const body = tx('OrganizationId', organization.id) + features;
  return queryResponse(ctx.req, IAM_XMLNS, 'ListOrganizationsFeatures', body);
};

/** Serves one IAM operation. @internal */
export const iam = (ctx: AwsContext, action: string, params: URLSearchParams): Reply => {
  const { req } = ctx;
  const data = ctx.index.accounts.get(ctx.accountId)?.iam ?? EMPTY;
  const noSuchUser = (name: string): Reply =>
    queryError(req, IAM_XMLNS, 'NoSuchEntity', `The user with name ${name} cannot be found.`, 404);
  const findUser = (name: string | null): AwsIamUser | undefined => data.users.find((u) => u.name === name);
  const paged = <T>(items: readonly T[], listName: string, render: (t: T) => string): Reply => {
    const offset = decodeToken(action, params.get('Marker'));
    if (offset === undefined) return queryError(req, IAM_XMLNS, 'ValidationError', 'Invalid Marker', 400);
    const maxItems = params.get('MaxItems');
    const p = page(items, offset, pageSize(ctx, maxItems ? Number(maxItems) : undefined, 100, 1000));
    return queryResponse(
      req,
      IAM_XMLNS,
      action,
      members(listName, p.items.map(render)) + el('IsTruncated', p.next !== undefined) + tx('Marker', p.next === undefined ? undefined : encodeToken(action, p.next)),
    );
  };
  const byPath = <T extends { path?: string }>(items: readonly T[]): T[] => {
    const prefix = params.get('PathPrefix') ?? '/';
    return items.filter((i) => (i.path ?? '/').startsWith(prefix));
  };
  switch (action) {
    case 'GetAccountSummary': {
      const mfaDevices = data.users.reduce((n, u) => n + u.mfaDevices.length, 0);
      const summary: Record<string, number> = {
        AccountMFAEnabled: data.rootMfaEnabled ? 1 : 0,
        AccountAccessKeysPresent: data.rootAccessKeysPresent ? 1 : 0,
        AccountPasswordPresent: data.rootPasswordPresent === false ? 0 : 1,
        AccountSigningCertificatesPresent: 0,
        Users: data.users.length,
        UsersQuota: 5000,
        Roles: data.roles.length,
        RolesQuota: 1000,
        MFADevices: mfaDevices,
        MFADevicesInUse: mfaDevices,
        Groups: 0,
        Policies: 0,
      };
      const entries = Object.entries(summary).map(([k, v]) => `<entry>${tx('key', k)}${tx('value', v)}</entry>`);
      return queryResponse(req, IAM_XMLNS, action, `<SummaryMap>${entries.join('')}</SummaryMap>`);
    }
    case 'ListUsers':
      return paged(byPath(data.users), 'Users', (u) => userXml(ctx.accountId, u));
    case 'GetUser': {
      const u = findUser(params.get('UserName'));
      if (!u) return noSuchUser(params.get('UserName') ?? '');
      return queryResponse(req, IAM_XMLNS, action, `<User>${userXml(ctx.accountId, u)}</User>`);
    }
    case 'GetLoginProfile': {
      const name = params.get('UserName') ?? '';
      const u = findUser(name);
      if (!u) return noSuchUser(name);
      if (!u.loginProfile) {
        return queryError(req, IAM_XMLNS, 'NoSuchEntity', `Login Profile for User ${name} cannot be found.`, 404);
      }
      const profile =
        tx('UserName', u.name) + tx('CreateDate', u.loginProfile.createDate) + el('PasswordResetRequired', false);
      return queryResponse(req, IAM_XMLNS, action, `<LoginProfile>${profile}</LoginProfile>`);
    }
    case 'ListOrganizationsFeatures':
      return organizationsFeatures(ctx);
    case 'ListMFADevices': {
      const u = findUser(params.get('UserName'));
      if (!u) return noSuchUser(params.get('UserName') ?? '');
      return paged(u.mfaDevices, 'MFADevices', (serial) => tx('UserName', u.name) + tx('SerialNumber', serial) + tx('EnableDate', u.createDate));
    }
    case 'ListAccessKeys': {
      const u = findUser(params.get('UserName'));
      if (!u) return noSuchUser(params.get('UserName') ?? '');
      return paged(u.accessKeys, 'AccessKeyMetadata', (k) => tx('UserName', u.name) + tx('AccessKeyId', k.id) + tx('Status', k.status) + tx('CreateDate', k.createDate));
    }
    case 'GetAccessKeyLastUsed': {
      const id = params.get('AccessKeyId');
      for (const u of data.users) {
        const k = u.accessKeys.find((x) => x.id === id);
        if (!k) continue;
        const last = k.lastUsed
          ? tx('LastUsedDate', k.lastUsed.date) + tx('ServiceName', k.lastUsed.service) + tx('Region', k.lastUsed.region)
          : tx('ServiceName', 'N/A') + tx('Region', 'N/A');
        return queryResponse(req, IAM_XMLNS, action, tx('UserName', u.name) + `<AccessKeyLastUsed>${last}</AccessKeyLastUsed>`);
      }
      // IAM answers AccessDenied for a key id it does not know (it will not confirm foreign keys exist).
      return queryError(req, IAM_XMLNS, 'AccessDenied', `The access key ${id ?? ''} does not belong to this account`, 403);
    }
    case 'ListRoles':
      return paged(byPath(data.roles), 'Roles', (r) => roleXml(ctx.accountId, r));
    case 'GetRole': {
      const r = data.roles.find((x) => x.name === params.get('RoleName'));
      if (!r) return queryError(req, IAM_XMLNS, 'NoSuchEntity', `The role with name ${params.get('RoleName') ?? ''} cannot be found.`, 404);
      return queryResponse(req, IAM_XMLNS, action, `<Role>${roleXml(ctx.accountId, r)}</Role>`);
    }
    default:
      return queryError(req, IAM_XMLNS, 'InvalidAction', `The local cloud does not implement IAM ${action}`, 400);
  }
};
