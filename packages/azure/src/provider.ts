/**
 * `azureProvider(options)` (also exported as `createProvider`): the Azure provider for
 * `@demarc/core`'s runner. Discovers the tenant's subscriptions, reads the operations of
 * `operations/` with the official clients (loaded on first use) and runs the Azure checks, which mark
 * what Azure manages for the customer from the resource groups they collect.
 * @module
 */
import {
  collectorsOf,
  defineProvider,
  type FramingV1,
  type ProviderPermissionsV1,
  type ProviderV1,
  type ScopeInfo,
} from '@demarc/core';
import { AZURE_CATALOG, classify, createClassifier, type AzureServiceEntry } from './catalog';
import {
  callAzure,
  convertAzureError,
  createAzureClients,
  type AzureClients,
  type AzureConnectionOptions,
} from './clients';
import { AZURE_CHECKS } from './checks/index';
import { withCheckConfig, type AzureCheckConfig } from './check-settings';
import { AZURE_OPERATIONS } from './operations/index';
import { azureLeastPrivilege, azurePermissions, type AzureLeastPrivilege } from './permissions';
import { azureFramingV1 } from './published';
import type { AzureSession } from './session';

/** Options of {@link azureProvider}. */
export interface AzureProviderOptions extends AzureConnectionOptions {
  /** Only these subscription ids (default: every subscription the credential can list). */
  readonly subscriptions?: readonly string[];
  /** Also scan subscriptions in state `Disabled` or `Deleted` (default false: they accept no changes, so there is nothing to fix). */
  readonly includeDisabledSubscriptions?: boolean;
  /** Parallel property reads within one collector call (default 8). The runner's own limits bound calls across checks. */
  readonly concurrency?: number;
  /**
   * Settings of the checks (required tags, allowed locations, production tag, owner limit), used as
   * the defaults of the options of the checks that read them.
   * @deprecated Give the checks' options in the scan's `checkOptions` instead (see the README).
   */
  readonly checks?: AzureCheckConfig;
  /** Extra catalog entries (your own services or ARM types demarc does not know yet). */
  readonly extraServices?: readonly AzureServiceEntry[];
}

/** The Azure provider: a core `ProviderV1` plus its clients and generated least privilege. */
export interface AzureProvider extends ProviderV1 {
  /** The client factory (nothing is loaded until a scan calls it). */
  readonly clients: AzureClients;
  /** Microsoft's framing, as tables in its words and translated into the normalized model. */
  readonly framing: FramingV1;
  /** The RBAC actions the provider's checks and discovery need, how to grant them, and the custom role. */
  permissions(): ProviderPermissionsV1;
  /** The read actions, roles and custom role definition the configured checks need. */
  leastPrivilege(): AzureLeastPrivilege;
}

const INACTIVE_STATES = new Set(['disabled', 'deleted']);

/**
 * Creates the Azure provider. With no options it uses `DefaultAzureCredential` and the public cloud.
 *
 * Throttling: the Azure pipeline retries 429 answers that carry `Retry-After`, waiting as told, and
 * 5xx with back-off (`retry.maxRetries`, default 5); demarc adds retries for a 429 without
 * `Retry-After` (`retry.throttlingRetries`, default 4). The runner's `concurrency.perOperation`
 * keeps a scan from being throttled in the first place.
 *
 * @example
 * ```ts
 * import { scan } from '@demarc/core';
 * import { azureProvider } from '@demarc/azure';
 * const result = await scan({
 *   providers: [azureProvider()],
 *   checkOptions: { 'azure-resources-allowed-locations': { allowedLocations: ['westeurope'] } },
 * });
 * ```
 */
export function azureProvider(options: AzureProviderOptions = {}): AzureProvider {
  const clients = createAzureClients(options);
  const catalog = [...AZURE_CATALOG, ...(options.extraServices ?? [])];
  const classifyEntry = options.extraServices?.length ? createClassifier(catalog) : classify;
  const checks = withCheckConfig(AZURE_CHECKS, options.checks);
  const framing = azureFramingV1();
  const permissions = (): ProviderPermissionsV1 => azurePermissions(checks);
  const concurrency = options.concurrency ?? 8;
  const sessionFor = (scope: ScopeInfo): AzureSession => ({ clients, subscriptionId: scope.id, concurrency });
  const only = options.subscriptions ? new Set(options.subscriptions.map((s) => s.toLowerCase())) : undefined;

  async function* discoverScopes({ signal }: { readonly signal: AbortSignal }): AsyncIterable<ScopeInfo> {
    const client = await callAzure('subscriptions:list', () => clients.subscriptions());
    const iterator = client.subscriptions.list({ abortSignal: signal })[Symbol.asyncIterator]();
    for (;;) {
      const step = await callAzure('subscriptions:list', () => iterator.next());
      if (step.done) return;
      const s = step.value;
      const id = s.subscriptionId ?? '';
      if (!id || (only && !only.has(id.toLowerCase()))) continue;
      if (options.tenantId && s.tenantId && s.tenantId.toLowerCase() !== options.tenantId.toLowerCase()) continue;
      if (!options.includeDisabledSubscriptions && INACTIVE_STATES.has((s.state ?? '').toLowerCase())) continue;
      yield { id, kind: 'subscription', ...(s.displayName ? { name: s.displayName } : {}), ...(s.tenantId ? { organization: s.tenantId } : {}) };
    }
  }

  const provider = defineProvider({
    id: 'azure',
    name: 'Microsoft Azure',
    framing,
    catalog,
    discoverScopes,
    collectors: collectorsOf(AZURE_OPERATIONS, sessionFor, convertAzureError),
    checks,
    permissions,
    classify: (type) => classifyEntry(type),
    // No isProviderManaged: a resource reference does not say what manages it. The checks mark their
    // results from the collected `managedBy` of the resource and its group, which a replay also has.
  });
  return { ...provider, framing, permissions, clients, leastPrivilege: () => azureLeastPrivilege(checks) };
}

/** The generic plugin factory name: the same function as {@link azureProvider}. */
export const createProvider: (options?: AzureProviderOptions) => AzureProvider = azureProvider;

