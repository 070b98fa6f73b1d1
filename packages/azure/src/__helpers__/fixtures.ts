/**
 * Test fixtures of the Azure checks: collected data as the operations return it (resource groups,
 * resources, properties), a `CheckTester` on the Azure provider, and a check with options set.
 * @module
 */
import { describe, it } from 'vitest';
import { CheckTester, type CheckTestCase } from '@demarc/core/testing';
import type { AnyCheck, CheckOptionsInput } from '@demarc/core';
import { azureProvider } from '../provider';
import { providerManaged } from '../checks/shared';
import {
  BUILT_IN_ROLE_IDS,
  type ResourceData,
  type ResourceGroupData,
  type ResourceWithProperties,
  type RoleAssignmentData,
} from '../data';

/** The subscription of the data-driven cases. */
export const SUB = '00000000-0000-0000-0000-00000000000a';
const scope = { id: SUB, kind: 'subscription', name: 'test-sub' };

/** Runs cases of collected data through one check (ESLint RuleTester style). */
export const tester = new CheckTester({
  provider: azureProvider({
    credential: { getToken: async () => ({ token: 'fake', expiresOnTimestamp: Date.now() + 3_600_000 }) },
  }),
  framework: { describe, it },
});

/** The ARM id of a resource group of {@link SUB}. */
export const rgId = (name: string): string => `/subscriptions/${SUB}/resourceGroups/${name}`;

/** A resource group as `resourceGroups:list` returns it. */
export const group = (name: string, tags: Record<string, string> = {}, managedBy?: string): ResourceGroupData =>
  ({ id: rgId(name), name, location: 'westeurope', tags, ...(managedBy ? { managedBy } : {}) });

/** A resource as `resources:list` returns it. */
export const resource = (rg: string, type: string, name: string, extra: Partial<ResourceData> = {}): ResourceData => ({
  id: `${rgId(rg)}/providers/${type}/${name}`,
  name, type, location: 'westeurope', resourceGroup: rg, tags: {}, ...extra,
});

/** A resource with properties, as the per-type operations return it. */
export const withProps = (r: ResourceData, properties: Record<string, unknown>): ResourceWithProperties =>
  ({ ...r, properties });

/** A case on {@link SUB}: its name and the collected data by operation. */
export const c = (name: string, data: CheckTestCase['data']): CheckTestCase => ({ name, scope, data });

/** An AKS cluster: it manages its node resource group (`MC_x` in the cases). */
export const AKS = `${rgId('rg-aks')}/providers/Microsoft.ContainerService/managedClusters/aks`;

/** The reason every finding on something in the AKS node group carries, whatever its status. */
export const BY_AKS = providerManaged({ managedBy: AKS })!.reason;

/** The check with these options, as a scan's `checkOptions` would give them (`CheckTester` takes none). */
export const withOptions = (check: AnyCheck, options: CheckOptionsInput): AnyCheck => ({
  ...check,
  run: (context) => check.run({ ...context, options: { ...options, ...context.options } }),
});

/** A storage account in `rg-a` with these properties. */
export const st = (name: string, properties: Record<string, unknown>): ResourceWithProperties =>
  withProps(resource('rg-a', 'Microsoft.Storage/storageAccounts', name), properties);

/** A storage account in the AKS node group `MC_x`. */
export const managedSt = (name: string, properties: Record<string, unknown>): ResourceWithProperties =>
  withProps(resource('MC_x', 'Microsoft.Storage/storageAccounts', name), properties);

/** The data of the storage checks: `rg-a`, the AKS node group `MC_x`, and these accounts. */
export const storage = (...accounts: ResourceWithProperties[]): CheckTestCase['data'] => ({
  'resourceGroups:list': [group('rg-a'), group('MC_x', {}, AKS)],
  'storageAccounts:list': accounts,
});

/** A storage account of the local cloud's estate. */
export const localStorageAccount = (name: string, properties: Record<string, unknown>) =>
  ({ name, type: 'Microsoft.Storage/storageAccounts', location: 'westeurope', kind: 'StorageV2', properties });

/** An Owner role assignment as `roleAssignments:listForSubscription` returns it. */
export const owner = (id: string, principalType: string, scopeId = `/subscriptions/${SUB}`): RoleAssignmentData => ({
  id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleAssignments/${id}`,
  scope: scopeId,
  roleDefinitionId: BUILT_IN_ROLE_IDS.owner,
  principalId: `p-${id}`,
  principalType,
});

/** A Reader assignment to a user. */
export const reader: RoleAssignmentData = { ...owner('r', 'User'), roleDefinitionId: BUILT_IN_ROLE_IDS.reader };

/** An Owner assignment of the local cloud's estate, at the subscription unless `scope` says otherwise. */
export const localOwner = (n: number, principalType: 'User' | 'Group' | 'ServicePrincipal', scope?: string) => ({
  id: `bbbbbbbb-0000-0000-0000-00000000000${n}`,
  ...(scope ? { scope } : {}),
  roleDefinitionId: BUILT_IN_ROLE_IDS.owner,
  principalId: `cccccccc-0000-0000-0000-00000000000${n}`,
  principalType,
});
