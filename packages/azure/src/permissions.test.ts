import { describe, expect, it } from 'vitest';
import { scan } from '@demarc/core';
import { azureChecks } from './check-settings';
import { AZURE_OPERATIONS } from './operations/index';
import { actionMatches, azureLeastPrivilege, isReadOnlyAction } from './permissions';
import { azureProvider } from './provider';

const checks = azureChecks({ allowedLocations: ['westeurope'] });

describe('least privilege', () => {
  const needs = azureLeastPrivilege(checks);

  it('is generated from what the checks declare, plus subscription discovery', () => {
    expect(needs.actions).toEqual([...new Set(['Microsoft.Resources/subscriptions/read', ...checks.flatMap((c) => c.meta.permissions ?? [])])].sort());
    expect(Object.keys(needs.byCheck).sort()).toEqual(checks.map((c) => c.meta.id).sort());
    expect(needs.customRole.Actions).toEqual(needs.actions);
    expect(needs.customRole.DataActions).toEqual([]);
  });

  it('every action is read-only', () => {
    for (const action of needs.actions) expect(isReadOnlyAction(action), action).toBe(true);
    for (const write of ['Microsoft.Storage/storageAccounts/write', 'Microsoft.Storage/storageAccounts/listKeys/action', 'Microsoft.Resources/subscriptions/resourceGroups/delete', 'Microsoft.Authorization/roleAssignments/write', '*/read', 'Microsoft.Web/sites/config/list/action']) {
      expect(isReadOnlyAction(write), write).toBe(false);
    }
  });

  it('Reader covers everything; Security Reader covers only the RBAC and lock checks', () => {
    const reader = needs.builtInRoles.find((r) => r.name === 'Reader')!;
    expect(reader).toMatchObject({ coversAll: true, missing: [] });
    const securityReader = needs.builtInRoles.find((r) => r.name === 'Security Reader')!;
    expect(securityReader.coversAll).toBe(false);
    expect([...securityReader.checksCovered].sort()).toEqual([
      'azure-authorization-owner-direct-user-assignment', 'azure-authorization-subscription-owner-count', 'azure-locks-production-groups', 'azure-resources-group-required-tags',
    ]);
    expect(securityReader.missing).toContain('Microsoft.Storage/storageAccounts/read');
  });

  it('matches wildcards case-insensitively, as Azure RBAC does', () => {
    expect(actionMatches('*/read', 'Microsoft.Storage/storageAccounts/read')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*/read', 'microsoft.authorization/locks/read')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*/read', 'Microsoft.Authorization/roleAssignments/write')).toBe(false);
  });

  it('each check reads only the operations it declares, so its derived permissions cover what it calls', async () => {
    // Run every check against recording collectors that answer empty lists (and one production group).
    const base = azureProvider({ credential: { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 60_000 }) }, checks: { allowedLocations: ['westeurope'] } });
    for (const check of base.checks) {
      const called = new Set<string>();
      const collectors = Object.fromEntries(Object.keys(AZURE_OPERATIONS).map((op) => [op, async () => {
        called.add(op);
        return op === 'resourceGroups:list' ? [{ id: '/subscriptions/s/resourceGroups/p', name: 'p', location: 'westeurope', tags: { env: 'prod' } }] : [];
      }]));
      const result = await scan({ providers: [{ ...base, discoverScopes: () => [{ id: 's', kind: 'subscription' }], collectors, checks: [check] }] });
      expect(result.findings.filter((f) => f.status === 'error'), check.meta.id).toEqual([]);
      expect(called.size, check.meta.id).toBeGreaterThan(0);
      for (const op of called) {
        expect(check.meta.operations, `${check.meta.id} calls ${op}`).toContain(op);
        for (const action of AZURE_OPERATIONS[op as keyof typeof AZURE_OPERATIONS].permissions) expect(check.meta.permissions, `${check.meta.id} calls ${op}`).toContain(action);
      }
    }
  });

  it('the provider publishes them through the contract (ProviderPermissionsV1), discovery included', () => {
    const provider = azureProvider({ credential: { getToken: async () => null } });
    const published = provider.permissions();
    const needs = azureLeastPrivilege(provider.checks);
    expect(published).toEqual({
      kind: 'Azure RBAC actions',
      all: needs.actions,
      byCheck: { '(discovery)': ['Microsoft.Resources/subscriptions/read'], ...needs.byCheck },
      grant: ['Assign the built-in role `Reader` at the root management group or each subscription, or create the custom role below (`az role definition create --role-definition role.json`).'],
      policy: { title: 'Custom role definition (least privilege)', document: needs.customRole },
    });
    expect(Object.keys(published.byCheck)).toEqual(['(discovery)', ...provider.checks.map((c) => c.meta.id)]);
  });
});
