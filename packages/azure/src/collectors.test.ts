import { describe, expect, it } from 'vitest';
import { AccessDeniedError } from '@demarc/core';
import type { AzureClients } from './clients';
import { createCollectors, readAll, toResourceData } from './collectors';
import { AZURE_OPERATIONS as OP } from './data';

const SUB = { id: 's1', kind: 'subscription' };
const ctx = { signal: new AbortController().signal };
async function* items<T>(...values: T[]): AsyncIterable<T> {
  for (const v of values) yield v;
}
const restError = (statusCode: number) => Object.assign(new Error(`HTTP ${statusCode}`), { name: 'RestError', statusCode, code: statusCode === 403 ? 'AuthorizationFailed' : 'NotFound' });
const id = (rg: string, type: string, name: string) => `/subscriptions/s1/resourceGroups/${rg}/providers/${type}/${name}`;

/** A fake of the official clients: only what the collectors call. */
function fakeClients(resources: { id: string; type: string; name: string; location?: string; tags?: Record<string, string>; properties?: unknown }[], options: { deny?: boolean; gone?: string } = {}): AzureClients {
  const resourcesClient = {
    resourceGroups: { list: () => (options.deny ? (async function* () { throw restError(403); })() : items({ id: '/subscriptions/s1/resourceGroups/MC_x', name: 'MC_x', location: 'westeurope', managedBy: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks' })) },
    resources: {
      list: (o?: { filter?: string }) => items(...resources.filter((r) => !o?.filter || o.filter.toLowerCase().includes(r.type.toLowerCase())).map(({ properties: _p, ...r }) => ({ location: 'westeurope', ...r }))),
      getById: async (resourceId: string) => {
        if (resourceId === options.gone) throw restError(404);
        const r = resources.find((x) => x.id === resourceId)!;
        return { ...r, location: 'westeurope' };
      },
    },
  };
  return {
    credential: async () => ({ getToken: async () => null }),
    subscriptions: async () => { throw new Error('unused'); },
    resources: async () => resourcesClient as never,
    authorization: async () => ({ roleAssignments: { listForSubscription: () => items({ id: 'ra1', scope: '/subscriptions/s1', roleDefinitionId: '/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/8E3AF657-A8FF-443C-A75C-2FE8C4BCB635', principalId: 'p1', principalType: 'User' }) } }) as never,
    locks: async () => ({ managementLocks: { listAtSubscriptionLevel: () => items({ id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Authorization/locks/l', name: 'l', level: 'CanNotDelete' }) } }) as never,
    monitor: async () => ({ diagnosticSettings: { list: async (uri: string) => ({ value: uri === 'subscriptions/s1' ? [{ id: 'd', name: 'd', workspaceId: 'w', logs: [{ category: 'Administrative', enabled: true }] }] : [] }) } }) as never,
    loadedPackages: () => [],
  };
}

describe('collectors', () => {
  const st = { id: id('rg', 'Microsoft.Storage/storageAccounts', 'st1'), type: 'Microsoft.Storage/storageAccounts', name: 'st1', tags: { owner: 'a' }, properties: { allowBlobPublicAccess: false } };
  const st2 = { ...st, id: id('rg', 'Microsoft.Storage/storageAccounts', 'st2'), name: 'st2' };
  const vm = { id: id('rg', 'Microsoft.Compute/virtualMachines', 'vm'), type: 'Microsoft.Compute/virtualMachines', name: 'vm' };

  it('lists resources as plain data, with what manages them in the data itself (a snapshot keeps it)', async () => {
    const collectors = createCollectors(fakeClients([st, vm]));
    const groups = await collectors[OP.resourceGroups](SUB, {}, ctx);
    expect(groups).toEqual([{ id: '/subscriptions/s1/resourceGroups/MC_x', name: 'MC_x', location: 'westeurope', tags: {}, managedBy: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks' }]);
    expect(await collectors[OP.resources](SUB, {}, ctx)).toEqual([
      { id: st.id, name: 'st1', type: st.type, location: 'westeurope', resourceGroup: 'rg', tags: { owner: 'a' } },
      { id: vm.id, name: 'vm', type: vm.type, location: 'westeurope', resourceGroup: 'rg', tags: {} },
    ]);
  });

  it('reads properties of one type, skipping resources deleted between the list and the read', async () => {
    const collectors = createCollectors(fakeClients([st, st2, vm], { gone: st2.id }), { concurrency: 2 });
    const read = await collectors[OP.resourcesWithProperties](SUB, { type: 'Microsoft.Storage/storageAccounts' }, ctx);
    expect(read).toEqual([{ id: st.id, name: 'st1', type: st.type, location: 'westeurope', resourceGroup: 'rg', tags: { owner: 'a' }, properties: { allowBlobPublicAccess: false } }]);
    await expect(collectors[OP.resourcesWithProperties](SUB, { type: 'Microsoft.Unknown/things' }, ctx)).rejects.toThrow(/No API version/);
  });

  it('normalizes role assignments, locks and activity-log settings', async () => {
    const collectors = createCollectors(fakeClients([]));
    expect(await collectors[OP.roleAssignments](SUB, {}, ctx)).toEqual([{ id: 'ra1', scope: '/subscriptions/s1', roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', principalId: 'p1', principalType: 'User' }]);
    expect(await collectors[OP.locks](SUB, {}, ctx)).toEqual([{ id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Authorization/locks/l', name: 'l', level: 'CanNotDelete' }]);
    expect(await collectors[OP.activityLogSettings](SUB, {}, ctx)).toEqual([{ id: 'd', name: 'd', workspaceId: 'w', logs: [{ category: 'Administrative', enabled: true }] }]);
  });

  it('converts a 403 while paging into AccessDeniedError', async () => {
    const collectors = createCollectors(fakeClients([], { deny: true }));
    const error = await collectors[OP.resourceGroups](SUB, {}, ctx).catch((e: unknown) => e);
    expect(AccessDeniedError.isInstance(error)).toBe(true);
  });

  it('readAll stops when aborted, and toResourceData fills gaps from the id', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readAll(items(1, 2), controller.signal)).rejects.toThrow(/Aborted/);
    expect(toResourceData({ id: id('rg', 'Microsoft.Web/sites', 'fn'), kind: 'functionapp' })).toEqual({ id: id('rg', 'Microsoft.Web/sites', 'fn'), name: 'fn', type: 'Microsoft.Web/sites', kind: 'functionapp', location: '', resourceGroup: 'rg', tags: {} });
  });
});
