import { describe, expect, it } from 'vitest';
import { scan } from '@demarc/core';
import { azureChecks } from './checks/index';
import { AZURE_OPERATIONS, OPERATION_PERMISSIONS, type AzureOperation } from './data';
import { actionMatches, azureLeastPrivilege, isReadOnlyAction } from './permissions';
import { azureProvider } from './provider';

const checks = azureChecks({ allowedLocations: ['westeurope'] });

describe('least privilege', () => {
  const needs = azureLeastPrivilege(checks);

  it('is generated from what the checks declare, plus subscription discovery', () => {
    expect(needs.actions).toEqual([...new Set(['Microsoft.Resources/subscriptions/read', ...checks.flatMap((c) => c.permissions)])].sort());
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
    expect([...securityReader.checksCovered].sort()).toEqual(['azure-owner-direct-user-assignment', 'azure-production-delete-lock', 'azure-resource-group-required-tags', 'azure-subscription-owner-count']);
    expect(securityReader.missing).toContain('Microsoft.Storage/storageAccounts/read');
  });

  it('matches wildcards case-insensitively, as Azure RBAC does', () => {
    expect(actionMatches('*/read', 'Microsoft.Storage/storageAccounts/read')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*/read', 'microsoft.authorization/locks/read')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*/read', 'Microsoft.Authorization/roleAssignments/write')).toBe(false);
  });

  it('each check declares the permissions of every operation it actually calls', async () => {
    // Run every check against recording collectors that answer empty lists.
    const called = new Map<string, Set<string>>();
    const base = azureProvider({ credential: { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 60_000 }) }, checks: { allowedLocations: ['westeurope'] } });
    for (const check of base.checks) {
      const seen = new Set<string>();
      called.set(check.meta.id, seen);
      const collectors = Object.fromEntries(Object.values(AZURE_OPERATIONS).map((op) => [op, async (_s: unknown, params: Readonly<Record<string, unknown>>) => {
        seen.add(op === AZURE_OPERATIONS.resourcesWithProperties ? `${op}|${String(params['type'])}` : op);
        return op === AZURE_OPERATIONS.resourceGroups ? [{ id: '/subscriptions/s/resourceGroups/p', name: 'p', location: 'westeurope', tags: { env: 'prod' } }] : [];
      }]));
      await scan({ providers: [{ ...base, discoverScopes: () => [{ id: 's', kind: 'subscription' }], collectors, checks: [check] }] });
    }
    for (const check of base.checks) {
      const calls = [...called.get(check.meta.id)!];
      expect(calls.length, check.meta.id).toBeGreaterThan(0);
      for (const call of calls) {
        const [op, type] = call.split('|') as [AzureOperation, string | undefined];
        for (const action of OPERATION_PERMISSIONS[op]) expect(check.permissions, `${check.meta.id} calls ${op}`).toContain(action);
        if (type) expect(check.permissions, `${check.meta.id} reads ${type}`).toContain(`${type}/read`);
      }
    }
  });
});
