/**
 * What Azure checks share: how a resource becomes a finding's resource (with its catalog service and
 * the provider-managed mark, derived from collected data only), required tags, and the options more
 * than one check declares.
 * @module
 */
import type { ArrayOptionSchema, CheckResult, KitCheckContext, ProviderManagedMark } from '@demarc/core';
import { classify } from '../catalog';
import type { ResourceData, ResourceGroupData } from '../data';
import type { AzureOperations } from '../operations/index';

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

/** Pairs each resource with its result subject (the collected groups say which ones Azure manages). */
export const withSubjects = <R extends ResourceData>(resources: readonly R[], groups: readonly ResourceGroupData[]) =>
  resources.map((resource) => ({ resource, subject: resourceSubject(resource, groups) }));

/** The `requiredTags` option of the tag checks. */
export const REQUIRED_TAGS_OPTION = {
  type: 'array',
  items: { type: 'string' },
  description: 'Tags that must be present with a non-empty value (names compare case-insensitively, as ARM compares them).',
  default: ['owner'],
  minItems: 1,
} as const satisfies ArrayOptionSchema<'string'>;

/** Microsoft's guide to tagging, which the tag checks cite. */
export const TAGGING_GUIDE = 'https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources';

/** Microsoft's RBAC best practices, which the Owner checks cite. */
export const RBAC_BEST_PRACTICES = 'https://learn.microsoft.com/azure/role-based-access-control/best-practices';

/** The `collect` of a check that declares the storage checks' operations. */
type StorageCollect = KitCheckContext<AzureOperations, 'resourceGroups:list' | 'storageAccounts:list', unknown>['collect'];

/** The storage accounts with their result subjects (the resource groups say which ones Azure manages). */
export async function storageAccountsOf(collect: StorageCollect) {
  const groups = await collect('resourceGroups:list');
  return withSubjects(await collect('storageAccounts:list'), groups);
}
