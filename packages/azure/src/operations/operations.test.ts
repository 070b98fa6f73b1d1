/**
 * The operations against fakes of the official clients: plain JSON out, paging to the end, a
 * resource deleted between list and read left out, 403 as AccessDeniedError, and the signal passed.
 */
import { describe, expect, it } from 'vitest';
import { AccessDeniedError, collectorsOf, DemarcError } from '@demarc/core';
import { convertAzureError, type AzureClients } from '../clients';
import { readAll, resourcesOfType, toResourceData } from '../resource-reads';
import { AZURE_OPERATIONS } from './index';

const SUB = { id: 's1', kind: 'subscription' };
const ctx = { signal: new AbortController().signal };
async function* items<T>(...values: T[]): AsyncIterable<T> {
  for (const v of values) yield v;
}
const restError = (statusCode: number) => Object.assign(new Error(`HTTP ${statusCode}`), { name: 'RestError', statusCode, code: statusCode === 403 ? 'AuthorizationFailed' : 'NotFound' });
const id = (rg: string, type: string, name: string) => `/subscriptions/s1/resourceGroups/${rg}/providers/${type}/${name}`;

/** Every SDK call the fakes received, with the abort signal it was given. */
const calls: { readonly method: string; readonly signal: AbortSignal | undefined }[] = [];
const seen = (method: string, options?: { abortSignal?: AbortSignal }) => calls.push({ method, signal: options?.abortSignal });

/** A fake of the official clients: only what the operations call. */
function fakeClients(resources: { id: string; type: string; name: string; location?: string; tags?: Record<string, string>; properties?: unknown }[], options: { deny?: boolean; gone?: string } = {}): AzureClients {
  const managed = { id: '/subscriptions/s1/resourceGroups/MC_x', name: 'MC_x', location: 'westeurope', managedBy: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks' };
  const owner = { id: 'ra1', scope: '/subscriptions/s1', roleDefinitionId: '/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/8E3AF657-A8FF-443C-A75C-2FE8C4BCB635', principalId: 'p1', principalType: 'User' };
  const resourcesClient = {
    resourceGroups: {
      list: (o?: { abortSignal?: AbortSignal }) => {
        seen('resourceGroups.list', o);
        return options.deny ? (async function* () { throw restError(403); })() : items(managed);
      },
    },
    resources: {
      list: (o?: { filter?: string; abortSignal?: AbortSignal }) => {
        seen('resources.list', o);
        return items(...resources.filter((r) => !o?.filter || o.filter.toLowerCase().includes(r.type.toLowerCase())).map(({ properties: _p, ...r }) => ({ location: 'westeurope', ...r })));
      },
      getById: async (resourceId: string, _apiVersion: string, o?: { abortSignal?: AbortSignal }) => {
        seen('resources.getById', o);
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
    authorization: async () => ({ roleAssignments: { listForSubscription: (o?: { abortSignal?: AbortSignal }) => (seen('roleAssignments.listForSubscription', o), items(owner)) } }) as never,
    locks: async () => ({ managementLocks: { listAtSubscriptionLevel: (o?: { abortSignal?: AbortSignal }) => (seen('managementLocks.listAtSubscriptionLevel', o), items({ id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Authorization/locks/l', name: 'l', level: 'CanNotDelete' })) } }) as never,
    monitor: async () => ({
      diagnosticSettings: {
        list: async (uri: string, o?: { abortSignal?: AbortSignal }) => {
          seen('diagnosticSettings.list', o);
          return { value: uri === 'subscriptions/s1' ? [{ id: 'd', name: 'd', workspaceId: 'w', logs: [{ category: 'Administrative', enabled: true }] }] : [] };
        },
      },
    }) as never,
    loadedPackages: () => [],
  };
}

const collectorsFor = (clients: AzureClients, concurrency = 8) =>
  collectorsOf(AZURE_OPERATIONS, (scope) => ({ clients, subscriptionId: scope.id, concurrency }), convertAzureError);

describe('operations', () => {
  const st = { id: id('rg', 'Microsoft.Storage/storageAccounts', 'st1'), type: 'Microsoft.Storage/storageAccounts', name: 'st1', tags: { owner: 'a' }, properties: { allowBlobPublicAccess: false } };
  const st2 = { ...st, id: id('rg', 'Microsoft.Storage/storageAccounts', 'st2'), name: 'st2' };
  const vm = { id: id('rg', 'Microsoft.Compute/virtualMachines', 'vm'), type: 'Microsoft.Compute/virtualMachines', name: 'vm' };

  it('lists resources as plain data, with what manages them in the data itself (a snapshot keeps it)', async () => {
    const collectors = collectorsFor(fakeClients([st, vm]));
    const groups = await collectors['resourceGroups:list']!(SUB, {}, ctx);
    expect(groups).toEqual([{ id: '/subscriptions/s1/resourceGroups/MC_x', name: 'MC_x', location: 'westeurope', tags: {}, managedBy: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks' }]);
    expect(await collectors['resources:list']!(SUB, {}, ctx)).toEqual([
      { id: st.id, name: 'st1', type: st.type, location: 'westeurope', resourceGroup: 'rg', tags: { owner: 'a' } },
      { id: vm.id, name: 'vm', type: vm.type, location: 'westeurope', resourceGroup: 'rg', tags: {} },
    ]);
  });

  it('reads properties of one type, skipping resources deleted between the list and the read', async () => {
    const collectors = collectorsFor(fakeClients([st, st2, vm], { gone: st2.id }), 2);
    const read = await collectors['storageAccounts:list']!(SUB, {}, ctx);
    expect(read).toEqual([{ id: st.id, name: 'st1', type: st.type, location: 'westeurope', resourceGroup: 'rg', tags: { owner: 'a' }, properties: { allowBlobPublicAccess: false } }]);
    expect(await collectors['virtualMachines:list']!(SUB, {}, ctx)).toEqual([{ id: vm.id, name: 'vm', type: vm.type, location: 'westeurope', resourceGroup: 'rg', tags: {}, properties: {} }]);
  });

  it('a per-type operation needs the generic read and the type\'s own, and its type must have an API version', () => {
    expect(AZURE_OPERATIONS['storageAccounts:list'].permissions).toEqual(['Microsoft.Resources/subscriptions/resources/read', 'Microsoft.Storage/storageAccounts/read']);
    expect(() => resourcesOfType('Microsoft.Unknown/things', 'thing')).toThrow(DemarcError);
    expect(() => resourcesOfType('Microsoft.Unknown/things', 'thing')).toThrow(/No API version/);
  });

  it('normalizes role assignments, locks and activity-log settings', async () => {
    const collectors = collectorsFor(fakeClients([]));
    expect(await collectors['roleAssignments:listForSubscription']!(SUB, {}, ctx)).toEqual([{ id: 'ra1', scope: '/subscriptions/s1', roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', principalId: 'p1', principalType: 'User' }]);
    expect(await collectors['managementLocks:listAtSubscriptionLevel']!(SUB, {}, ctx)).toEqual([{ id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Authorization/locks/l', name: 'l', level: 'CanNotDelete' }]);
    expect(await collectors['diagnosticSettings:listForSubscription']!(SUB, {}, ctx)).toEqual([{ id: 'd', name: 'd', workspaceId: 'w', logs: [{ category: 'Administrative', enabled: true }] }]);
  });

  it('converts a 403 while paging into AccessDeniedError', async () => {
    const collectors = collectorsFor(fakeClients([], { deny: true }));
    const error = await collectors['resourceGroups:list']!(SUB, {}, ctx).catch((e: unknown) => e);
    expect(AccessDeniedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ operation: 'resourceGroups:list' });
  });

  it('passes the scan\'s signal to every SDK call of every operation', async () => {
    calls.length = 0;
    const vault = { id: id('rg', 'Microsoft.KeyVault/vaults', 'kv'), type: 'Microsoft.KeyVault/vaults', name: 'kv' };
    const collectors = collectorsFor(fakeClients([vault]));
    for (const name of Object.keys(AZURE_OPERATIONS)) await collectors[name]!(SUB, {}, ctx);
    expect(new Set(calls.map((c) => c.method))).toEqual(new Set([
      'resourceGroups.list', 'resources.list', 'resources.getById', 'roleAssignments.listForSubscription',
      'managementLocks.listAtSubscriptionLevel', 'diagnosticSettings.list',
    ]));
    for (const call of calls) expect(call.signal, call.method).toBe(ctx.signal);
  });

  it('readAll stops when aborted, and toResourceData fills gaps from the id', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readAll(items(1, 2), controller.signal)).rejects.toThrow(/Aborted/);
    expect(toResourceData({ id: id('rg', 'Microsoft.Web/sites', 'fn'), kind: 'functionapp' })).toEqual({ id: id('rg', 'Microsoft.Web/sites', 'fn'), name: 'fn', type: 'Microsoft.Web/sites', kind: 'functionapp', location: '', resourceGroup: 'rg', tags: {} });
  });
});
