/**
 * Tenant-wide discovery without checks: every subscription the credential can list, its resource
 * groups and resources with tags and locations, each resource classified into the catalog (so
 * "varies by type" has a concrete owner), and what Azure manages for the customer marked.
 * @module
 */
import pLimit from 'p-limit';
import { summarizeError, type ErrorSummary, type ScopeInfo, type ServiceModelId } from '@demarc/core';
import { azureProvider, type AzureProviderOptions } from './provider';
import type { ResourceData, ResourceGroupData } from './data';
import { providerManaged } from './checks/shared';
import { classify } from './catalog';
import { resolveVaries, type AzureRowResolution } from './translation';

/** A resource as the inventory reports it: classified and, where Azure manages it, marked. */
export interface InventoryResource extends ResourceData {
  /** The catalog service id, when the type is known. */
  readonly service?: string;
  /** The service model of that service. */
  readonly model?: ServiceModelId;
  /** Why Azure manages it, when it does (`managedBy` on it or its resource group). */
  readonly providerManaged?: string;
}

/** A resource group as the inventory reports it. */
export interface InventoryResourceGroup extends ResourceGroupData {
  /** Why Azure manages it, when it does. */
  readonly providerManaged?: string;
}

/** One subscription's inventory, or why it could not be read. */
export interface AzureInventoryItem {
  /** The subscription. */
  readonly subscription: ScopeInfo;
  /** Its resource groups (empty when `error` is set). */
  readonly resourceGroups: readonly InventoryResourceGroup[];
  /** Its resources (empty when `error` is set). */
  readonly resources: readonly InventoryResource[];
  /** Set when the subscription could not be read (e.g. `AccessDeniedError`); other subscriptions are unaffected. */
  readonly error?: ErrorSummary;
}

/** Options of {@link azureInventory}. */
export interface AzureInventoryOptions extends AzureProviderOptions {
  /** Subscriptions read at once (default 4). */
  readonly subscriptionConcurrency?: number;
  /** Aborts the discovery. */
  readonly signal?: AbortSignal;
}

/**
 * Lists the tenant: reads up to `subscriptionConcurrency` subscriptions at once and yields one item
 * per subscription in the order they finish. Uses the same official clients, retries and
 * error conversion as a scan.
 *
 * @example
 * ```ts
 * for await (const { subscription, resources } of azureInventory())
 *   console.log(subscription.name, resources.filter((r) => r.model === 'iaas').length, 'IaaS resources');
 * ```
 */
export async function* azureInventory(options: AzureInventoryOptions = {}): AsyncIterable<AzureInventoryItem> {
  const provider = azureProvider(options);
  const signal = options.signal ?? new AbortController().signal;
  const limit = pLimit(options.subscriptionConcurrency ?? 4);
  const read = async (subscription: ScopeInfo): Promise<AzureInventoryItem> => {
    try {
      const groups = (await provider.collectors['resourceGroups:list']!(subscription, {}, { signal })) as ResourceGroupData[];
      const resources = (await provider.collectors['resources:list']!(subscription, {}, { signal })) as ResourceData[];
      return {
        subscription,
        resourceGroups: groups.map((g) => ({ ...g, ...withReason(providerManaged(g)) })),
        resources: resources.map((r) => {
          const entry = classify(r);
          return { ...r, ...(entry ? { service: entry.id, model: entry.model } : {}), ...withReason(providerManaged(r, groups)) };
        }),
      };
    } catch (error) {
      return { subscription, resourceGroups: [], resources: [], error: summarizeError(error) };
    }
  };
  // Start every subscription as discovery finds it (p-limit bounds the work), then yield in the
  // order they finish.
  const pending = new Map<number, Promise<readonly [number, AzureInventoryItem]>>();
  let next = 0;
  for await (const subscription of provider.discoverScopes({ signal })) {
    const key = next++;
    pending.set(key, limit(() => read(subscription)).then((item) => [key, item] as const));
  }
  while (pending.size > 0) {
    const [key, item] = await Promise.race(pending.values());
    pending.delete(key);
    yield item;
  }
}

const withReason = (mark: { readonly reason: string } | undefined): { providerManaged?: string } => (mark ? { providerManaged: mark.reason } : {});

/**
 * Who owns what Microsoft says "varies by type" for one resource: its catalog service and, for each
 * varying row, the concrete party. Undefined when the resource's type is not in the catalog.
 *
 * @example
 * ```ts
 * azureResponsibilitiesFor({ type: 'Microsoft.ContainerService/managedClusters' })?.rows
 *   .find((r) => r.row === 'operating-system')?.party; // 'Shared' (AKS nodes)
 * ```
 */
export function azureResponsibilitiesFor(resource: Parameters<typeof classify>[0]): { readonly service: string; readonly model: ServiceModelId; readonly rows: readonly AzureRowResolution[] } | undefined {
  const entry = classify(resource);
  return entry ? { service: entry.id, model: entry.model, rows: resolveVaries(entry) } : undefined;
}
