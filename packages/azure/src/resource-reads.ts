/**
 * Reading Resource Manager lists as plain JSON: paging to the end (the scan's signal stops it), an SDK
 * resource as {@link ResourceData}, and the resources of one type with their properties, which the
 * per-type operations (`storageAccounts:list`, `vaults:list`, ...) share.
 * @module
 */
import pLimit from 'p-limit';
import { CollectorError, DemarcError, type NoParams, type OperationDefinition } from '@demarc/core';
import { parseResourceId } from './catalog';
import { ARM_API_VERSIONS, type ResourceData, type ResourceWithProperties } from './data';
import type { AzureSession } from './session';

/** Reads an async iterable (a paged list) to the end, stopping when the signal aborts. */
export async function readAll<T>(items: AsyncIterable<T>, signal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    if (signal?.aborted) throw new CollectorError('paging', 'Aborted while paging', { retryable: false });
    out.push(item);
  }
  return out;
}

/** Tags as plain JSON (empty when none). @internal */
export const tagsOf = (tags: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> => ({ ...(tags ?? {}) });

/** The last segment of an ARM id: a resource's name when the SDK leaves `name` out. @internal */
export const lastSegment = (id: string | undefined): string => (id ?? '').split('/').filter(Boolean).pop() ?? '';

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

/**
 * The resources of one ARM type with their properties: `resources.list` filtered by type, then
 * `resources.getById` at `apiVersion`, `session.concurrency` reads at a time. A resource deleted
 * between the list and the read is left out.
 */
async function readResourcesOfType(
  session: AzureSession,
  type: string,
  apiVersion: string,
  signal: AbortSignal,
): Promise<ResourceWithProperties[]> {
  const client = await session.clients.resources(session.subscriptionId);
  const listed = await readAll(client.resources.list({ filter: `resourceType eq '${type}'`, abortSignal: signal }), signal);
  const limit = pLimit(session.concurrency);
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
}

/**
 * The operation reading every resource of one ARM type with its properties. It needs the generic
 * resource read plus the type's own `/read` action, which `resources.getById` checks.
 * @param type - The ARM type, as ARM spells it (`Microsoft.Storage/storageAccounts`).
 * @param what - What one resource is called in a sentence (`storage account`).
 */
export function resourcesOfType(
  type: string,
  what: string,
): OperationDefinition<AzureSession, NoParams, ResourceWithProperties[]> {
  const apiVersion = ARM_API_VERSIONS[type.toLowerCase()];
  // A programming error in an operation file: it fails when the package loads, in every test.
  if (!apiVersion) throw new DemarcError(`No API version is configured for resource type '${type}' (ARM_API_VERSIONS)`);
  return {
    description:
      `Every ${what} of the subscription with its properties (\`resources.list\` filtered by type, then ` +
      `\`resources.getById\` at API version ${apiVersion}).`,
    permissions: ['Microsoft.Resources/subscriptions/resources/read', `${type}/read`],
    call: (session, _params, { signal }) => readResourcesOfType(session, type, apiVersion, signal),
  };
}
