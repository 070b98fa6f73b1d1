/**
 * The official `@azure/arm-*` clients against the local ARM server over TLS. Expected shapes: the
 * ARM REST reference (https://learn.microsoft.com/rest/api/resources/resources/list,
 * https://learn.microsoft.com/rest/api/resources/subscriptions/list, and the pages cited in arm.ts).
 */
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { ManagementLockClient } from '@azure/arm-locks';
import { MonitorClient } from '@azure/arm-monitor';
import { NetworkManagementClient } from '@azure/arm-network';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { StorageManagementClient } from '@azure/arm-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEstate } from '../estate/demo.ts';
import { type LocalCloud, startLocalCloud } from '../server.ts';

const PROD = '11111111-1111-1111-1111-111111111111';
const DEV = '22222222-2222-2222-2222-222222222222';
const RESTRICTED = '33333333-3333-3333-3333-333333333333';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ estate: demoEstate(), maxPageSize: { azure: 2 } });
});
afterAll(() => cloud.stop());

const resources = (sub = PROD) => new ResourceManagementClient(cloud.azure.credential, sub, cloud.azure.clientOptions());

describe('Azure Resource Manager (HTTPS)', () => {
  it('lists subscriptions over several nextLink pages', async () => {
    cloud.counters.reset();
    const subs = [];
    for await (const s of new SubscriptionClient(cloud.azure.credential, cloud.azure.clientOptions()).subscriptions.list()) subs.push(s);
    expect(subs.map((s) => [s.subscriptionId, s.state])).toEqual([
      [PROD, 'Enabled'],
      [DEV, 'Enabled'],
      [RESTRICTED, 'Enabled'],
      ['44444444-4444-4444-4444-444444444444', 'Disabled'],
    ]);
    expect(subs[0]).toMatchObject({ id: `/subscriptions/${PROD}`, displayName: 'example-production', tenantId: '00000000-0000-0000-0000-0000000000a1' });
    expect(cloud.counters.count('azure', 'subscriptions.list')).toBe(2);
  });

  it('lists resource groups with tags and managedBy, and every resource over pages', async () => {
    cloud.counters.reset();
    const groups = [];
    for await (const g of resources().resourceGroups.list()) groups.push(g);
    expect(groups.map((g) => g.name)).toEqual(['rg-payments', 'rg-web', 'rg-aks', 'MC_rg-aks_aks-prod_westeurope']);
    expect(groups[3]?.managedBy).toMatch(/managedClusters\/aks-prod$/);
    expect(groups[0]?.tags).toEqual({ owner: 'payments-team', env: 'prod' });
    const all = [];
    for await (const r of resources().resources.list()) all.push(r);
    expect(all).toHaveLength(10);
    expect(cloud.counters.count('azure', 'resources.list')).toBe(5);
    expect(all.find((r) => r.name === 'vm-web-asia')).toMatchObject({ location: 'eastasia', type: 'Microsoft.Compute/virtualMachines' });
    expect(all.find((r) => r.name === 'stwebassets')).toMatchObject({ kind: 'StorageV2', sku: { name: 'Standard_LRS' } });
    // No properties in a plain list; $expand and $filter narrow and enrich.
    expect(all[0]?.properties).toBeUndefined();
    const storage = [];
    for await (const r of resources().resources.list({ filter: "resourceType eq 'Microsoft.Storage/storageAccounts'", expand: 'properties' })) storage.push(r);
    expect(storage.map((r) => [r.name, (r.properties as { allowBlobPublicAccess?: boolean }).allowBlobPublicAccess])).toEqual([
      ['stpaymentsprod', false],
      ['stwebassets', true],
    ]);
  });

  it('gets a resource by id with its properties', async () => {
    const id = `/subscriptions/${PROD}/resourceGroups/rg-web/providers/Microsoft.KeyVault/vaults/kv-web`;
    const vault = await resources().resources.getById(id, '2023-07-01');
    expect(vault).toMatchObject({ id, name: 'kv-web', properties: { enableSoftDelete: true } });
    expect((vault.properties as Record<string, unknown>).enablePurgeProtection).toBeUndefined();
  });

  it('serves the typed clients: storage accounts, vaults, NSGs', async () => {
    const opts = cloud.azure.clientOptions();
    const accounts = [];
    for await (const a of new StorageManagementClient(cloud.azure.credential, PROD, opts).storageAccounts.list()) accounts.push(a);
    expect(accounts.map((a) => [a.name, a.allowBlobPublicAccess, a.allowSharedKeyAccess])).toEqual([
      ['stpaymentsprod', false, false],
      ['stwebassets', true, true],
    ]);
    const vaults = [];
    for await (const v of new KeyVaultManagementClient(cloud.azure.credential, PROD, opts).vaults.listBySubscription()) vaults.push(v);
    expect(vaults.map((v) => [v.name, v.properties.enablePurgeProtection])).toEqual([
      ['kv-payments-prod', true],
      ['kv-web', undefined],
    ]);
    const nsgs = [];
    for await (const n of new NetworkManagementClient(cloud.azure.credential, PROD, opts).networkSecurityGroups.listAll()) nsgs.push(n);
    const ssh = nsgs.find((n) => n.name === 'nsg-web')?.securityRules?.find((r) => r.destinationPortRange === '22');
    expect(ssh).toMatchObject({ sourceAddressPrefix: '*', access: 'Allow', direction: 'Inbound' });
  });

  it('serves role assignments, locks and activity-log diagnostic settings', async () => {
    const opts = cloud.azure.clientOptions();
    const assignments = [];
    for await (const a of new AuthorizationManagementClient(cloud.azure.credential, PROD, opts).roleAssignments.listForSubscription()) assignments.push(a);
    expect(assignments).toHaveLength(4);
    expect(assignments[1]).toMatchObject({ principalType: 'User', roleDefinitionId: expect.stringMatching(/8e3af657-a8ff-443c-a75c-2fe8c4bcb635$/), scope: `/subscriptions/${PROD}` });
    const locks = [];
    for await (const l of new ManagementLockClient(cloud.azure.credential, PROD, opts).managementLocks.listAtSubscriptionLevel()) locks.push(l);
    expect(locks.map((l) => [l.name, l.level])).toEqual([['no-delete', 'CanNotDelete']]);
    // arm-monitor 7 reads the activity log's settings with the subscription as resource URI.
    const monitor = new MonitorClient(cloud.azure.credential, PROD, opts);
    const settings = await monitor.diagnosticSettings.list(`/subscriptions/${PROD}`);
    expect(settings.value?.[0]?.logs?.find((l) => l.category === 'Administrative')?.enabled).toBe(true);
    expect(settings.value?.[0]?.workspaceId).toMatch(/workspaces\/law-central$/);
    const none = await new MonitorClient(cloud.azure.credential, DEV, opts).diagnosticSettings.list(`subscriptions/${DEV}`);
    expect(none.value).toEqual([]);
  });

  it('answers 429 with Retry-After and the client retry gets through', async () => {
    cloud.counters.reset();
    const remove = cloud.faults.add({ vendor: 'azure', operation: 'resourceGroups.list', throttle: true, times: 1, retryAfterSeconds: 0 });
    try {
      const names = [];
      for await (const g of resources(DEV).resourceGroups.list()) names.push(g.name);
      expect(names).toEqual(['rg-dev']);
      expect(cloud.counters.outcomes('azure', 'resourceGroups.list', 'throttle')).toBe(1);
      expect(cloud.counters.count('azure', 'resourceGroups.list')).toBe(2);
    } finally {
      remove();
    }
  });

  it('surfaces a subscription that answers 403 as a typed RestError', async () => {
    const error = (await resources(RESTRICTED).resourceGroups.list().next().catch((e: unknown) => e)) as { name: string; statusCode?: number; code?: string };
    expect(error.name).toBe('RestError');
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('AuthorizationFailed');
  });

  it('refuses and counts a write', async () => {
    cloud.counters.reset();
    const error = (await resources().resourceGroups.createOrUpdate('rg-new', { location: 'westeurope' }).catch((e: unknown) => e)) as { statusCode?: number; code?: string };
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('AuthorizationFailed');
    expect(cloud.counters.writes).toHaveLength(1);
    expect(cloud.counters.writes[0]).toMatchObject({ vendor: 'azure', operation: 'resourceGroups.createOrUpdate', scope: PROD });
  });
});
