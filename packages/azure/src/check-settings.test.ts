/**
 * The provider's deprecated `checks` settings become defaults of the checks' options; the scan's
 * `checkOptions` override them; former ids still name a check in `checkOptions` and mutes; a value an
 * option refuses fails at once, naming the setting.
 */
import { describe, expect, it } from 'vitest';
import { scan, type ScanOptions } from '@demarc/core';
import { AZURE_CHECKS } from './checks/index';
import { azureProvider, type AzureProviderOptions } from './provider';

const SUB = '00000000-0000-0000-0000-00000000000a';
const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 60_000 }) };
const owner = (n: number) => ({
  id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleAssignments/${n}`,
  scope: `/subscriptions/${SUB}`, roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', principalId: `p${n}`, principalType: 'Group',
});

/** The owner-count check's status on a subscription with two Owners, under these settings. */
async function ownerCountWith(options: AzureProviderOptions, scanOptions: Partial<ScanOptions> = {}): Promise<string> {
  const provider = azureProvider({ credential, ...options });
  const collectors = { 'roleAssignments:listForSubscription': async () => [owner(1), owner(2)] };
  const result = await scan({
    providers: [{ ...provider, discoverScopes: () => [{ id: SUB, kind: 'subscription' }], collectors }],
    filter: (meta) => meta.id === 'azure-authorization-subscription-owner-count',
    ...scanOptions,
  });
  return result.findings.map((f) => f.status).join(',');
}

describe('the provider\'s checks settings (deprecated)', () => {
  it('without settings, the provider runs the registry\'s checks as they are', () => {
    expect(azureProvider({ credential }).checks.map((c) => c.run)).toEqual(AZURE_CHECKS.map((c) => c.run));
  });

  it('become the defaults of the matching options, shown in the metadata', () => {
    const provider = azureProvider({
      credential,
      checks: { requiredTags: ['owner', 'cost-center'], allowedLocations: ['westeurope'], productionTag: { name: 'stage', values: ['live'] }, maxSubscriptionOwners: 1 },
    });
    const defaults = Object.fromEntries(provider.checks.map((c) => [c.meta.id, Object.fromEntries(Object.entries(c.meta.options ?? {}).map(([k, v]) => [k, v.default]))]));
    expect(defaults).toMatchObject({
      'azure-resources-group-required-tags': { requiredTags: ['owner', 'cost-center'] },
      'azure-resources-required-tags': { requiredTags: ['owner', 'cost-center'] },
      'azure-resources-allowed-locations': { allowedLocations: ['westeurope'] },
      'azure-locks-production-groups': { productionTag: 'stage', productionValues: ['live'] },
      'azure-authorization-subscription-owner-count': { maxOwners: 1 },
      'azure-storage-public-blob-access': {},
    });
  });

  it.each([
    ['the default limit of 3', {}, {}, 'pass'],
    ['maxSubscriptionOwners: 1', { checks: { maxSubscriptionOwners: 1 } }, {}, 'fail'],
    ['checkOptions over the setting', { checks: { maxSubscriptionOwners: 1 } }, { checkOptions: { 'azure-authorization-subscription-owner-count': { maxOwners: 2 } } }, 'pass'],
    ['checkOptions under the former id', {}, { checkOptions: { 'azure-subscription-owner-count': { maxOwners: 1 } } }, 'fail'],
    ['a mute naming the former id', {}, {
      checkOptions: { 'azure-authorization-subscription-owner-count': { maxOwners: 1 } },
      mutes: [{ check: 'azure-subscription-owner-count', reason: 'break-glass owners, reviewed' }],
    }, 'muted'],
  ] as const)('two Owners with %s: %s', async (_name, options, scanOptions, status) => {
    expect(await ownerCountWith(options, scanOptions)).toBe(status);
  });

  it.each([
    [{ maxSubscriptionOwners: 1.5 }, /checks\.maxSubscriptionOwners must be a whole number/],
    [{ maxSubscriptionOwners: -1 }, /checks\.maxSubscriptionOwners must be at least 0/],
    [{ allowedLocations: 'westeurope' as unknown as string[] }, /checks\.allowedLocations must be a list/],
    [{ productionTag: { name: 'env', values: [] } }, /checks\.productionTag\.values must have at least 1 item/],
    [{ requiredTags: ['owner', 7 as unknown as string] }, /checks\.requiredTags item 1 must be a string/],
  ] as const)('refuses %j, naming the setting', (checks, message) => {
    expect(() => azureProvider({ credential, checks })).toThrow(message);
  });
});
