/**
 * `awsProvider()`: the AWS provider for core's `scan()`. It does no I/O and loads no AWS SDK until the
 * scan discovers scopes or calls a collector.
 * @module
 */
import { defineProvider, type ProviderV1 } from '@demarc/core';
import { AWS_CATALOG, classify } from './catalog';
import { AWS_CHECKS } from './checks/index';
import { AwsClients, type AwsAssumeRoleOptions, type AwsClientOptions } from './clients';
import { awsCollectors } from './collectors';
import { discoverAccounts, type OrganizationMode } from './discovery';
import { awsIsProviderManaged } from './provider-managed';
import { awsFramingV1, awsPermissions } from './published';

/** Options of {@link awsProvider}: how to reach AWS, which accounts and regions to scan. */
export interface AwsProviderOptions extends AwsClientOptions {
  /**
   * The role to assume in each member account (e.g. a read-only audit role deployed by StackSets). Without
   * it only the caller's own account is scanned, whatever the organization holds.
   */
  readonly roleName?: string;
  /** More about entering member accounts: path, external id, session name and length. */
  readonly assumeRole?: Omit<AwsAssumeRoleOptions, 'roleName'>;
  /** How to treat AWS Organizations (default `'auto'`: walk it if the caller can, else scan the caller's account). */
  readonly organization?: OrganizationMode;
  /** Regions for regional checks (default: each account's enabled regions, from `ec2:DescribeRegions`). */
  readonly regions?: readonly string[];
  /** Organizations calls in flight while walking the tree (default 4). */
  readonly discoveryConcurrency?: number;
  /** Page size asked of list operations (AWS's default when omitted). */
  readonly pageSize?: number;
}

/**
 * The AWS provider: framing, catalog, Organizations discovery, collectors and checks.
 *
 * @example
 * ```ts
 * import { scan } from '@demarc/core';
 * import { awsProvider } from '@demarc/aws';
 * const result = await scan({ providers: [awsProvider({ profile: 'management', roleName: 'DemarcAudit', regions: ['eu-west-1'] })] });
 * ```
 */
export function awsProvider(options: AwsProviderOptions = {}): ProviderV1 & { readonly clients: AwsClients } {
  const { roleName, assumeRole, organization, regions, discoveryConcurrency, pageSize, ...clientOptions } = options;
  const clients = new AwsClients(clientOptions, roleName === undefined ? undefined : { ...assumeRole, roleName });
  // Without a role, member accounts cannot be entered: only the caller's account is a scope.
  const mode: OrganizationMode = roleName === undefined ? 'ignore' : (organization ?? 'auto');
  const provider = defineProvider({
    id: 'aws',
    name: 'Amazon Web Services',
    framing: awsFramingV1(),
    catalog: AWS_CATALOG,
    classify: (type) => classify(type),
    discoverScopes: ({ signal }) =>
      discoverAccounts(clients, {
        organization: mode,
        signal,
        ...(regions ? { regions } : {}),
        ...(discoveryConcurrency !== undefined ? { concurrency: discoveryConcurrency } : {}),
        ...(pageSize !== undefined ? { pageSize } : {}),
      }),
    collectors: awsCollectors(clients, pageSize),
    checks: AWS_CHECKS,
    isProviderManaged: awsIsProviderManaged,
    permissions: () => awsPermissions(AWS_CHECKS.map((check) => check.meta)),
  });
  return { ...provider, clients };
}
