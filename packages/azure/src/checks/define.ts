/**
 * `defineAzureCheck` and what Azure checks share: their configuration, the permissions they declare,
 * and how a resource becomes a finding's resource (with its catalog service and provider-managed mark).
 * @module
 */
import { defineCheck, type CheckDefinition, type CheckResult, type CheckV1, type ProviderManagedMark } from '@demarc/core';
import { classify } from '../catalog';
import type { ResourceData, ResourceGroupData } from '../data';

/** An Azure check: a core check that also declares the Resource Manager actions it needs. */
export interface AzureCheck<MessageId extends string = string> extends CheckV1<MessageId> {
  /** The read actions the check needs (least privilege is generated from these). */
  readonly permissions: readonly string[];
}

/** What {@link defineAzureCheck} takes: a core check definition plus its permissions. */
export interface AzureCheckDefinition<MessageId extends string> extends CheckDefinition<MessageId> {
  /** The Resource Manager read actions the check needs. */
  readonly permissions: readonly string[];
}

/** Defines an Azure check: validates the metadata (via core's `defineCheck`), ties it to the `azure` provider and keeps its permissions. */
export function defineAzureCheck<const MessageId extends string = never>(definition: AzureCheckDefinition<MessageId>): AzureCheck<MessageId> {
  const check = defineCheck<MessageId>({ meta: { ...definition.meta, provider: 'azure' }, run: definition.run });
  return { ...check, permissions: [...definition.permissions].sort() };
}

/** Settings of the Azure checks. */
export interface AzureCheckConfig {
  /** Tags every resource group and resource must carry, with a non-empty value (default `['owner']`; add e.g. `'cost-center'`). */
  readonly requiredTags?: readonly string[];
  /** Locations resources may be in; `global` is always allowed. Unset: the residency check is skipped. */
  readonly allowedLocations?: readonly string[];
  /** The tag that marks production resource groups, and its production values (default `env` ∈ `prod`, `production`). */
  readonly productionTag?: { readonly name: string; readonly values: readonly string[] };
  /** The most Owner assignments a subscription may have at subscription scope (default 3). */
  readonly maxSubscriptionOwners?: number;
}

/** The settings with defaults filled in. @internal */
export const withDefaults = (config: AzureCheckConfig = {}) => ({
  requiredTags: config.requiredTags ?? ['owner'],
  allowedLocations: config.allowedLocations,
  productionTag: config.productionTag ?? { name: 'env', values: ['prod', 'production'] },
  maxSubscriptionOwners: config.maxSubscriptionOwners ?? 3,
});

/** A finding's resource for an ARM resource: id, type, region, name, and the catalog service (by kind, so Functions is not App Service). */
export function resourceRef(resource: Pick<ResourceData, 'id' | 'type' | 'name' | 'location'> & { readonly kind?: string }) {
  const service = classify(resource)?.id;
  return { id: resource.id, type: resource.type, name: resource.name, region: resource.location, ...(service ? { service } : {}) };
}

/** A finding's resource for a resource group. */
export function groupRef(group: ResourceGroupData) {
  return { id: group.id, type: 'Microsoft.Resources/resourceGroups', name: group.name, region: group.location, service: 'resource-manager' };
}

/**
 * Why Azure, not the customer, manages a resource: it or its resource group names a managing resource
 * (`managedBy`), as for an AKS node resource group. A failure there is reported as provider-managed.
 * Checks pass the collected resource groups: Azure has no provider-level `isProviderManaged`, because a
 * resource reference alone does not say what manages it.
 */
export function providerManaged(resource: { readonly managedBy?: string; readonly resourceGroup?: string }, groups: readonly ResourceGroupData[] = []): ProviderManagedMark | undefined {
  const manager = resource.managedBy ?? groups.find((g) => g.name.toLowerCase() === resource.resourceGroup?.toLowerCase())?.managedBy;
  return manager ? { reason: `Managed by ${manager}: Azure creates and changes it for that service; fix the managing resource instead.` } : undefined;
}

/** What a result is about: the finding's resource, and the provider-managed mark when Azure manages it. */
export interface AzureSubject {
  /** The finding's resource. */
  readonly resource: ReturnType<typeof resourceRef> | ReturnType<typeof groupRef>;
  /** Why Azure manages it, when it does. */
  readonly providerManaged?: ProviderManagedMark;
}

/**
 * The subject of a result on a resource, spread into the result whatever its status. The mark is
 * derived from collected data only (the resource's and its group's `managedBy`), so a snapshot replay
 * marks exactly what the live scan marked.
 */
export function resourceSubject(resource: ResourceData, groups: readonly ResourceGroupData[]): AzureSubject {
  const mark = providerManaged(resource, groups);
  return { resource: resourceRef(resource), ...(mark ? { providerManaged: mark } : {}) };
}

/** The subject of a result on a resource group (see {@link resourceSubject}). */
export function groupSubject(group: ResourceGroupData): AzureSubject {
  const mark = providerManaged(group);
  return { resource: groupRef(group), ...(mark ? { providerManaged: mark } : {}) };
}

/** The tags of `tags` that are missing or empty among `required` (case-insensitive names, as ARM compares them). */
export function missingTags(tags: Readonly<Record<string, string>>, required: readonly string[]): string[] {
  const present = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]));
  return required.filter((name) => !(present.get(name.toLowerCase()) ?? '').trim());
}

/** Types one check result where it is written (so a conditional of two results keeps each one's shape). */
export const result = <const MessageId extends string>(value: CheckResult<MessageId>): CheckResult<MessageId> => value;
