/**
 * The Azure collectors: one function per Resource Manager operation, each returning plain JSON
 * (snapshots store it) and throwing demarc errors converted from Azure's. Paging follows `nextLink`
 * through the official clients; property reads fan out with a concurrency limit.
 * @module
 */
import pLimit from 'p-limit';
import { CollectorError, type Collector, type ScopeInfo } from '@demarc/core';
import { callAzure, type AzureClients } from './clients';
import { parseResourceId } from './catalog';
import {
  ARM_API_VERSIONS,
  AZURE_OPERATIONS,
  type ActivityLogSettingData,
  type AzureOperation,
  type LockData,
  type ResourceData,
  type ResourceGroupData,
  type ResourceWithProperties,
  type RoleAssignmentData,
} from './data';

/** Reads an async iterable (a paged list) to the end, stopping when the signal aborts. */
export async function readAll<T>(items: AsyncIterable<T>, signal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    if (signal?.aborted) throw new CollectorError('paging', 'Aborted while paging', { retryable: false });
    out.push(item);
  }
  return out;
}

const tagsOf = (tags: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> => ({ ...(tags ?? {}) });
const lastSegment = (id: string | undefined): string => (id ?? '').split('/').filter(Boolean).pop() ?? '';

/** The fields of an SDK resource (`GenericResource`, `GenericResourceExpanded`) demarc keeps. */
export interface GenericResourceLike {
  readonly id?: string; readonly name?: string; readonly type?: string; readonly kind?: string;
  readonly location?: string; readonly tags?: Record<string, string>; readonly managedBy?: string;
}

/** Turns an SDK resource into {@link ResourceData}. */
export function toResourceData(resource: GenericResourceLike): ResourceData {
  const id = resource.id ?? '';
  return {
    id,
    name: resource.name ?? lastSegment(id),
    type: resource.type ?? parseResourceId(id)?.type ?? '',
    ...(resource.kind ? { kind: resource.kind } : {}),
    location: resource.location ?? '',
    resourceGroup: parseResourceId(id)?.resourceGroup ?? '',
    tags: tagsOf(resource.tags),
    ...(resource.managedBy ? { managedBy: resource.managedBy } : {}),
  };
}

/** Builds the collectors over a client factory. `concurrency` bounds parallel property reads per collector call. */
export function createCollectors(clients: AzureClients, options: { readonly concurrency?: number } = {}): Record<AzureOperation, Collector> {
  const concurrency = options.concurrency ?? 8;
  const resourceGroups = (scope: ScopeInfo, _params: unknown, { signal }: { signal: AbortSignal }) =>
    callAzure(AZURE_OPERATIONS.resourceGroups, async (): Promise<ResourceGroupData[]> => {
      const client = await clients.resources(scope.id);
      const groups = await readAll(client.resourceGroups.list({ abortSignal: signal }), signal);
      return groups.map((g) => ({ id: g.id ?? '', name: g.name ?? lastSegment(g.id), location: g.location, tags: tagsOf(g.tags), ...(g.managedBy ? { managedBy: g.managedBy } : {}) }));
    });

  return {
    [AZURE_OPERATIONS.resourceGroups]: resourceGroups,
    [AZURE_OPERATIONS.resources]: (scope, _params, { signal }) =>
      callAzure(AZURE_OPERATIONS.resources, async () => {
        const client = await clients.resources(scope.id);
        return (await readAll(client.resources.list({ abortSignal: signal }), signal)).map(toResourceData);
      }),
    [AZURE_OPERATIONS.resourcesWithProperties]: (scope, params, { signal }) =>
      callAzure(AZURE_OPERATIONS.resourcesWithProperties, async (): Promise<ResourceWithProperties[]> => {
        const type = typeof params['type'] === 'string' ? params['type'] : '';
        const apiVersion = ARM_API_VERSIONS[type.toLowerCase()];
        if (!apiVersion) throw new CollectorError(AZURE_OPERATIONS.resourcesWithProperties, `No API version is configured for resource type '${type}' (ARM_API_VERSIONS)`);
        const client = await clients.resources(scope.id);
        const listed = await readAll(client.resources.list({ filter: `resourceType eq '${type}'`, abortSignal: signal }), signal);
        const limit = pLimit(concurrency);
        const read = await Promise.all(
          listed.map((item) =>
            limit(async (): Promise<ResourceWithProperties | undefined> => {
              try {
                const full = await client.resources.getById(item.id ?? '', apiVersion, { abortSignal: signal });
                const data = toResourceData({ ...item, ...full });
                return { ...data, properties: JSON.parse(JSON.stringify(full.properties ?? {})) as Record<string, unknown> };
              } catch (error) {
                // Deleted between the list and the read: it no longer exists, so there is nothing to check.
                if ((error as { statusCode?: unknown }).statusCode === 404) return undefined;
                throw error;
              }
            }),
          ),
        );
        return read.filter((r): r is ResourceWithProperties => r !== undefined);
      }),
    [AZURE_OPERATIONS.roleAssignments]: (scope, _params, { signal }) =>
      callAzure(AZURE_OPERATIONS.roleAssignments, async (): Promise<RoleAssignmentData[]> => {
        const client = await clients.authorization(scope.id);
        const list = await readAll(client.roleAssignments.listForSubscription({ abortSignal: signal }), signal);
        return list.map((a) => ({
          id: a.id ?? '',
          scope: a.scope ?? `/subscriptions/${scope.id}`,
          roleDefinitionId: lastSegment(a.roleDefinitionId).toLowerCase(),
          principalId: a.principalId ?? '',
          ...(a.principalType ? { principalType: a.principalType } : {}),
        }));
      }),
    [AZURE_OPERATIONS.locks]: (scope, _params, { signal }) =>
      callAzure(AZURE_OPERATIONS.locks, async (): Promise<LockData[]> => {
        const client = await clients.locks(scope.id);
        const locks = await readAll(client.managementLocks.listAtSubscriptionLevel({ abortSignal: signal }), signal);
        return locks.map((l) => ({ id: l.id ?? '', name: l.name ?? lastSegment(l.id), level: l.level }));
      }),
    [AZURE_OPERATIONS.activityLogSettings]: (scope, _params, { signal }) =>
      callAzure(AZURE_OPERATIONS.activityLogSettings, async (): Promise<ActivityLogSettingData[]> => {
        const client = await clients.monitor(scope.id);
        const response = await client.diagnosticSettings.list(`subscriptions/${scope.id}`, { abortSignal: signal });
        return (response.value ?? []).map((s) => ({
          id: s.id ?? '',
          name: s.name ?? lastSegment(s.id),
          ...(s.workspaceId ? { workspaceId: s.workspaceId } : {}),
          ...(s.storageAccountId ? { storageAccountId: s.storageAccountId } : {}),
          ...(s.eventHubAuthorizationRuleId ? { eventHubAuthorizationRuleId: s.eventHubAuthorizationRuleId } : {}),
          logs: (s.logs ?? []).map((l) => ({ category: l.category ?? '', enabled: l.enabled })),
        }));
      }),
  };
}
