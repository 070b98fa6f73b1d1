/**
 * Resource Manager (`@azure/arm-resources`): the subscription's resource groups and resources.
 * @module
 */
import { defineOperations, type NoParams } from '@demarc/core';
import type { ResourceData, ResourceGroupData } from '../data';
import { lastSegment, readAll, tagsOf, toResourceData } from '../resource-reads';
import type { AzureSession } from '../session';

export default defineOperations<AzureSession>()({
  'resourceGroups:list': {
    description: 'Every resource group of the subscription, with its tags and what manages it (`managedBy`).',
    permissions: ['Microsoft.Resources/subscriptions/resourceGroups/read'],
    call: async (session, _params: NoParams, { signal }): Promise<ResourceGroupData[]> => {
      const client = await session.clients.resources(session.subscriptionId);
      const groups = await readAll(client.resourceGroups.list({ abortSignal: signal }), signal);
      return groups.map((g) => ({
        id: g.id ?? '',
        name: g.name ?? lastSegment(g.id),
        location: g.location,
        tags: tagsOf(g.tags),
        ...(g.managedBy ? { managedBy: g.managedBy } : {}),
      }));
    },
  },
  'resources:list': {
    description: 'Every resource of the subscription, with its type, kind, location and tags (no properties).',
    permissions: ['Microsoft.Resources/subscriptions/resources/read'],
    call: async (session, _params: NoParams, { signal }): Promise<ResourceData[]> => {
      const client = await session.clients.resources(session.subscriptionId);
      return (await readAll(client.resources.list({ abortSignal: signal }), signal)).map(toResourceData);
    },
  },
});
