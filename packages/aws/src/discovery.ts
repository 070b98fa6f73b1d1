/**
 * Discovery: the organization, its roots, organizational units and accounts, walked with the
 * Organizations paginators and bounded concurrency (p-limit). Without AWS Organizations (or without
 * permission to read it, in `auto` mode) the caller's own account is the only scope.
 * @module
 */
import pLimit from 'p-limit';
import type { ScopeInfo } from '@demarc/core';
import type { AwsClients } from './clients';
import { loadAwsSdk } from './clients';
import { AwsAccessDeniedError, isAwsNotFound, toDemarcError } from './errors';

type Orgs = typeof import('@aws-sdk/client-organizations');

/** An AWS account as a scope: core's {@link ScopeInfo} plus where it sits in the organization. */
export interface AwsScopeInfo extends ScopeInfo {
  /** Always `'account'`. */
  readonly kind: 'account';
  /** The organization id, when the account is in one. */
  readonly organization?: string;
  /** Names of the OUs from the root down to the account (empty at the root). */
  readonly ouPath?: readonly string[];
  /** Organizations status (`ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE`). */
  readonly status?: string;
  /** True for the organization's management account, false for a member; absent outside an organization. */
  readonly management?: boolean;
}

/** How discovery treats AWS Organizations. */
export type OrganizationMode =
  /** Walk the organization; if the account is in none, or may not read it, scan the caller's account alone. */
  | 'auto'
  /** Walk the organization; fail when it cannot be read. */
  | 'required'
  /** Scan only the caller's own account. */
  | 'ignore';

/** Options of {@link discoverAccounts}. */
export interface DiscoveryOptions {
  /** How to treat Organizations (default `'auto'`). */
  readonly organization?: OrganizationMode;
  /** Organizations calls in flight at once while walking the tree (default 4). */
  readonly concurrency?: number;
  /** Page size asked of list operations. */
  readonly pageSize?: number;
  /** Also yield accounts that are not `ACTIVE` (default false: they cannot be entered; `aws-org-inactive-accounts` reports them). */
  readonly includeInactive?: boolean;
  /** Regions to record on every scope (regional checks read these instead of `ec2:DescribeRegions`). */
  readonly regions?: readonly string[];
  /** Aborts the walk. */
  readonly signal?: AbortSignal;
}

/** The organization tree, as discovered. */
export interface AwsOrganizationTree {
  /** Organization id. */
  readonly id: string;
  /** Management account id. */
  readonly managementAccountId: string;
  /** Feature set (`ALL` or `CONSOLIDATED_BILLING`). */
  readonly featureSet: string;
  /** Root ids. */
  readonly roots: readonly string[];
  /** Every OU with its parent and path of names. */
  readonly organizationalUnits: readonly { readonly id: string; readonly name: string; readonly parentId: string; readonly path: readonly string[] }[];
  /** Every account, with its parent and OU path. */
  readonly accounts: readonly (AwsScopeInfo & { readonly parentId: string })[];
}

/**
 * Walks the organization: roots, then every OU and account under each parent, in parallel up to
 * `concurrency`, following every page.
 * @returns `undefined` when the caller's account is in no organization.
 */
export async function describeOrganizationTree(clients: AwsClients, options: DiscoveryOptions = {}): Promise<AwsOrganizationTree | undefined> {
  const sdk = await loadAwsSdk<Orgs>('organizations');
  const client = await clients.client('organizations');
  const page = { stopOnSameToken: true, ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }) };
  const limit = pLimit(options.concurrency ?? 4);
  const call = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    if (options.signal?.aborted) throw options.signal.reason;
    try {
      return await fn();
    } catch (error) {
      throw toDemarcError(operation, error);
    }
  };
  let organization;
  try {
    organization = (await clients.describeOrganization(options.signal)).Organization;
  } catch (error) {
    if (isAwsNotFound(error)) return undefined;
    throw error;
  }
  const drain = async <P, T>(operation: string, pages: () => AsyncIterable<P>, pick: (p: P) => readonly T[] | undefined): Promise<T[]> =>
    call(operation, async () => {
      const items: T[] = [];
      for await (const p of pages()) {
        options.signal?.throwIfAborted();
        items.push(...(pick(p) ?? []));
      }
      return items;
    });

  const roots = await clients.listRoots(options.pageSize);
  const ous: { id: string; name: string; parentId: string; path: readonly string[] }[] = [];
  const accounts: (AwsScopeInfo & { parentId: string })[] = [];
  const walk = async (parentId: string, path: readonly string[]): Promise<void> => {
    const [children, members] = await Promise.all([
      limit(() => drain('organizations:ListOrganizationalUnitsForParent', () => sdk.paginateListOrganizationalUnitsForParent({ client, ...page }, { ParentId: parentId }), (p) => p.OrganizationalUnits)),
      limit(() => drain('organizations:ListAccountsForParent', () => sdk.paginateListAccountsForParent({ client, ...page }, { ParentId: parentId }), (p) => p.Accounts)),
    ]);
    for (const a of members) {
      const status = String(a.Status ?? a.State ?? '');
      accounts.push({
        id: a.Id ?? '', kind: 'account', ...(a.Name ? { name: a.Name } : {}), organization: organization?.Id ?? '',
        ouPath: path, status, parentId, management: a.Id === organization?.MasterAccountId,
        ...(options.regions ? { regions: [...options.regions] } : {}),
      });
    }
    await Promise.all(
      children.map((ou) => {
        const childPath = [...path, ou.Name ?? ou.Id ?? ''];
        ous.push({ id: ou.Id ?? '', name: ou.Name ?? '', parentId, path: childPath });
        return walk(ou.Id ?? '', childPath);
      }),
    );
  };
  await Promise.all(roots.map((root) => walk(root.Id ?? '', [])));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    id: organization?.Id ?? '',
    managementAccountId: organization?.MasterAccountId ?? '',
    featureSet: String(organization?.FeatureSet ?? ''),
    roots: roots.map((r) => r.Id ?? '').sort(),
    organizationalUnits: ous.sort(byId),
    accounts: accounts.sort(byId),
  };
}

/**
 * The accounts to scan: every active account of the organization, or the caller's account alone.
 *
 * @example
 * ```ts
 * for await (const scope of discoverAccounts(new AwsClients({ profile: 'management' }))) console.log(scope.id, scope.ouPath);
 * ```
 */
export async function* discoverAccounts(clients: AwsClients, options: DiscoveryOptions = {}): AsyncGenerator<AwsScopeInfo> {
  const mode = options.organization ?? 'auto';
  let tree: AwsOrganizationTree | undefined;
  if (mode !== 'ignore') {
    try {
      tree = await describeOrganizationTree(clients, options);
    } catch (error) {
      // A member account's credentials may not read the organization: scan that account alone.
      if (!(mode === 'auto' && error instanceof AwsAccessDeniedError && error.operation === 'organizations:DescribeOrganization')) throw error;
    }
    if (!tree && mode === 'required') throw new Error('AWS Organizations is not in use for the caller\'s account (organization: "required")');
  }
  if (!tree) {
    const caller = await clients.caller();
    yield { id: caller.account, kind: 'account', ...(options.regions ? { regions: [...options.regions] } : {}) };
    return;
  }
  for (const { parentId: _parentId, ...account } of tree.accounts) {
    if (options.includeInactive || account.status === 'ACTIVE') yield account;
  }
}
