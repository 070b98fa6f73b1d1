import { describe, expect, it } from 'vitest';
import { CheckTester, type CheckTestCase } from '@demarc/core/testing';
import { validateCheckMeta, DOMAIN_IDS } from '@demarc/core';
import { azureProvider } from '../provider';
import { AZURE_OPERATIONS as OP, BUILT_IN_ROLE_IDS, type ResourceData, type ResourceGroupData, type ResourceWithProperties, type RoleAssignmentData } from '../data';
import { azureChecks, providerManaged } from './index';
import { resourceGroupTagsCheck, resourceTagsCheck } from './tags';
import { allowedLocationsCheck } from './locations';
import { productionDeleteLockCheck } from './locks';
import { storageMinimumTlsCheck, storagePublicBlobAccessCheck, storageSharedKeyAccessCheck } from './storage';
import { keyVaultPurgeProtectionCheck } from './key-vault';
import { nsgAdminPortsCheck, openAdminPorts, rangeCovers, vmPublicIpCheck } from './network';
import { ownerAssignedToUserCheck, subscriptionOwnerCountCheck } from './rbac';
import { activityLogExportCheck } from './logging';

const SUB = '00000000-0000-0000-0000-00000000000a';
const scope = { id: SUB, kind: 'subscription', name: 'test-sub' };
const provider = azureProvider({ credential: { getToken: async () => ({ token: 'fake', expiresOnTimestamp: Date.now() + 3_600_000 }) } });
const tester = new CheckTester({ provider, framework: { describe, it } });
const rgId = (name: string) => `/subscriptions/${SUB}/resourceGroups/${name}`;
const group = (name: string, tags: Record<string, string> = {}, managedBy?: string): ResourceGroupData => ({ id: rgId(name), name, location: 'westeurope', tags, ...(managedBy ? { managedBy } : {}) });
const resource = (rg: string, type: string, name: string, extra: Partial<ResourceData> = {}): ResourceData => ({
  id: `${rgId(rg)}/providers/${type}/${name}`, name, type, location: 'westeurope', resourceGroup: rg, tags: {}, ...extra,
});
const withProps = (r: ResourceData, properties: Record<string, unknown>): ResourceWithProperties => ({ ...r, properties });
const byType = (items: Record<string, ResourceWithProperties[]>) => (params: Readonly<Record<string, unknown>>) => items[String(params['type'])] ?? [];
const c = (name: string, data: CheckTestCase['data']): CheckTestCase => ({ name, scope, data });
const AKS = `${rgId('rg-aks')}/providers/Microsoft.ContainerService/managedClusters/aks`;
/** The reason every finding on something in the AKS node group carries, whatever its status. */
const BY_AKS = providerManaged({ managedBy: AKS })!.reason;

tester.run(resourceGroupTagsCheck(), {
  valid: [c('owner tag present', { [OP.resourceGroups]: [group('rg-a', { Owner: 'team-a' })] })],
  invalid: [
    {
      ...c('missing and empty owner; managed group is provider-managed', { [OP.resourceGroups]: [group('rg-a'), group('rg-b', { owner: ' ' }), group('MC_x', {}, AKS)] }),
      findings: [
        { status: 'provider-managed', resourceId: rgId('MC_x'), messageId: 'missing' },
        { status: 'fail', resourceId: rgId('rg-a'), messageId: 'missing' },
        { status: 'fail', resourceId: rgId('rg-b'), messageId: 'missing' },
      ],
    },
  ],
});

tester.run(resourceTagsCheck({ requiredTags: ['owner', 'cost-center'] }), {
  valid: [
    c('tags on the resource, or inherited from the group', {
      [OP.resourceGroups]: [group('rg-a', { 'cost-center': 'cc1' })],
      [OP.resources]: [resource('rg-a', 'Microsoft.Storage/storageAccounts', 'st1', { tags: { owner: 'x' } })],
    }),
  ],
  invalid: [
    {
      ...c('cost centre missing everywhere; AKS-managed resource is provider-managed', {
        [OP.resourceGroups]: [group('rg-a', { owner: 'x' }), group('MC_x', {}, AKS)],
        [OP.resources]: [resource('rg-a', 'Microsoft.KeyVault/vaults', 'kv1'), resource('MC_x', 'Microsoft.Network/loadBalancers', 'kubernetes')],
      }),
      findings: [
        // Report order sorts by resource id: 'MC_x' before 'rg-a'.
        { status: 'provider-managed', resourceId: resource('MC_x', 'Microsoft.Network/loadBalancers', 'kubernetes').id },
        { status: 'fail', resourceId: resource('rg-a', 'Microsoft.KeyVault/vaults', 'kv1').id, message: 'kv1 lacks cost-center (neither the resource nor its group carries it).' },
      ],
    },
  ],
});

const asia = resource('rg-a', 'Microsoft.Compute/virtualMachines', 'vm1', { location: 'eastasia' });
tester.run(allowedLocationsCheck({ allowedLocations: ['westeurope'] }), {
  valid: [c('allowed and global locations', { [OP.resourceGroups]: [group('rg-a')], [OP.resources]: [resource('rg-a', 'Microsoft.Cdn/profiles', 'fd', { location: 'global' }), resource('rg-a', 'Microsoft.Storage/storageAccounts', 'st')] })],
  invalid: [{ ...c('a VM in eastasia', { [OP.resourceGroups]: [group('rg-a')], [OP.resources]: [asia] }), findings: [{ status: 'fail', resourceId: asia.id, messageId: 'outside' }] }],
});
describe('azure-resource-allowed-locations without configuration', () => {
  it('is skipped for the subscription', () => tester.verifyValid(allowedLocationsCheck(), c('no allowed list configured: skipped', {})));
});

tester.run(productionDeleteLockCheck(), {
  valid: [
    c('group lock', { [OP.resourceGroups]: [group('rg-p', { env: 'prod' })], [OP.locks]: [{ id: `${rgId('rg-p')}/providers/Microsoft.Authorization/locks/l`, name: 'l', level: 'CanNotDelete' }] }),
    c('subscription lock', { [OP.resourceGroups]: [group('rg-p', { ENV: 'Production' })], [OP.locks]: [{ id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/locks/s`, name: 's', level: 'ReadOnly' }] }),
    c('no production group: skipped', { [OP.resourceGroups]: [group('rg-dev', { env: 'dev' })] }),
  ],
  invalid: [
    {
      ...c('a lock on another group does not count', { [OP.resourceGroups]: [group('rg-p', { env: 'prod' }), group('rg-x')], [OP.locks]: [{ id: `${rgId('rg-x')}/providers/Microsoft.Authorization/locks/l`, name: 'l', level: 'CanNotDelete' }] }),
      findings: [{ status: 'fail', resourceId: rgId('rg-p'), messageId: 'unlocked' }],
    },
  ],
});

const st = (name: string, properties: Record<string, unknown>) => withProps(resource('rg-a', 'Microsoft.Storage/storageAccounts', name), properties);
const storage = (...accounts: ResourceWithProperties[]) => ({
  [OP.resourceGroups]: [group('rg-a'), group('MC_x', {}, AKS)],
  [OP.resourcesWithProperties]: byType({ 'Microsoft.Storage/storageAccounts': accounts }),
});
const managedSt = (name: string, properties: Record<string, unknown>) =>
  withProps(resource('MC_x', 'Microsoft.Storage/storageAccounts', name), properties);
tester.run(storagePublicBlobAccessCheck(), {
  valid: [c('public access off', storage(st('st1', { allowBlobPublicAccess: false })))],
  invalid: [
    {
      ...c('public access on, and one account not reporting', storage(st('st1', { allowBlobPublicAccess: true }), st('st2', {}))),
      findings: [{ status: 'fail', resourceId: st('st1', {}).id, messageId: 'allowed' }, { status: 'manual', resourceId: st('st2', {}).id, messageId: 'unknown' }],
    },
    {
      // The mark comes from the collected groups, on every status: a replay of the data marks the same.
      ...c('accounts in an AKS-managed group are marked, passing or failing',
        storage(managedSt('st1', { allowBlobPublicAccess: true }), managedSt('st2', { allowBlobPublicAccess: false }))),
      findings: [
        { status: 'provider-managed', resourceId: managedSt('st1', {}).id, providerManaged: BY_AKS },
        { status: 'pass', resourceId: managedSt('st2', {}).id, providerManaged: BY_AKS },
      ],
    },
  ],
});
tester.run(storageSharedKeyAccessCheck(), {
  valid: [c('shared keys off', storage(st('st1', { allowSharedKeyAccess: false })))],
  invalid: [
    {
      ...c('shared keys on or unset', storage(st('st1', { allowSharedKeyAccess: true }), st('st2', {}))),
      findings: [{ status: 'fail', resourceId: st('st1', {}).id }, { status: 'fail', resourceId: st('st2', {}).id, message: 'Storage account st2 allows Shared Key authorization (not set, which allows it).' }],
    },
  ],
});
tester.run(storageMinimumTlsCheck(), {
  valid: [c('TLS 1.2', storage(st('st1', { minimumTlsVersion: 'TLS1_2' })))],
  invalid: [{ ...c('TLS 1.0 and unset', storage(st('st1', { minimumTlsVersion: 'TLS1_0' }), st('st2', {}))), findings: [{ status: 'fail', resourceId: st('st1', {}).id }, { status: 'fail', resourceId: st('st2', {}).id }] }],
});

const kv = (name: string, properties: Record<string, unknown>) => withProps(resource('rg-a', 'Microsoft.KeyVault/vaults', name), properties);
const vaults = (...items: ResourceWithProperties[]) =>
  ({ [OP.resourceGroups]: [group('rg-a')], [OP.resourcesWithProperties]: byType({ 'Microsoft.KeyVault/vaults': items }) });
tester.run(keyVaultPurgeProtectionCheck(), {
  valid: [c('purge protection on', vaults(kv('kv1', { enablePurgeProtection: true })))],
  invalid: [
    { ...c('purge protection absent', vaults(kv('kv1', { enableSoftDelete: true }))), findings: [{ status: 'fail', resourceId: kv('kv1', {}).id, messageId: 'unprotected' }] },
  ],
});

const rule = (name: string, port: string | string[], source: string, access = 'Allow', direction = 'Inbound') => ({
  name, properties: { access, direction, sourceAddressPrefix: source, ...(Array.isArray(port) ? { destinationPortRanges: port } : { destinationPortRange: port }) },
});
const nsg = (rg: string, name: string, rules: unknown[]) => withProps(resource(rg, 'Microsoft.Network/networkSecurityGroups', name), { securityRules: rules });
const nsgs = (groups: ResourceGroupData[], ...items: ResourceWithProperties[]) => ({ [OP.resourceGroups]: groups, [OP.resourcesWithProperties]: byType({ 'Microsoft.Network/networkSecurityGroups': items }) });
tester.run(nsgAdminPortsCheck(), {
  valid: [
    c('HTTPS from the internet, SSH from a private range, a deny rule', nsgs([group('rg-a')], nsg('rg-a', 'n1', [rule('https', '443', 'Internet'), rule('ssh', '22', '10.0.0.0/8'), rule('deny', '*', '*', 'Deny'), rule('out', '22', '*', 'Allow', 'Outbound')]))),
  ],
  invalid: [
    {
      ...c('SSH from *, RDP in a range list, all ports; AKS-managed NSGs are marked, failing or passing', nsgs(
        [group('rg-a'), group('MC_x', {}, AKS)],
        nsg('rg-a', 'n1', [rule('ssh', '22', '*'), rule('rdp', ['80', '3380-3390'], '0.0.0.0/0')]),
        nsg('MC_x', 'n2', [rule('all', '*', 'Internet')]),
        nsg('MC_x', 'n3', [rule('https', '443', 'Internet')]),
      )),
      findings: [
        { status: 'provider-managed', resourceId: nsg('MC_x', 'n2', []).id, providerManaged: BY_AKS },
        { status: 'pass', resourceId: nsg('MC_x', 'n3', []).id, providerManaged: BY_AKS },
        { status: 'fail', resourceId: nsg('rg-a', 'n1', []).id, message: 'NSG n1 opens port(s) 22, 3389 to the internet (rule(s) ssh, rdp).' },
      ],
    },
  ],
});

const nic = (rg: string, name: string, publicIp?: string) => withProps(resource(rg, 'Microsoft.Network/networkInterfaces', name), {
  ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAddress: '10.0.0.4', ...(publicIp ? { publicIPAddress: { id: `${rgId(rg)}/providers/Microsoft.Network/publicIPAddresses/${publicIp}` } } : {}) } }],
});
const vm = (rg: string, name: string, ...nics: ResourceWithProperties[]) => withProps(resource(rg, 'Microsoft.Compute/virtualMachines', name), nics.length ? { networkProfile: { networkInterfaces: nics.map((n) => ({ id: n.id.toUpperCase() })) } } : {});
const vms = (groups: ResourceGroupData[], nics: ResourceWithProperties[], machines: ResourceWithProperties[]) => ({
  [OP.resourceGroups]: groups,
  [OP.resourcesWithProperties]: byType({ 'Microsoft.Network/networkInterfaces': nics, 'Microsoft.Compute/virtualMachines': machines }),
});
const privateNic = nic('rg-a', 'nic1');
const publicNic = nic('rg-a', 'nic2', 'pip2');
const managedNic = nic('MC_x', 'nic3', 'pip3');
tester.run(vmPublicIpCheck(), {
  valid: [c('private NIC only, and a VM without a network profile', vms([group('rg-a')], [privateNic], [vm('rg-a', 'vm1', privateNic), vm('rg-a', 'vm0')]))],
  invalid: [
    {
      ...c('a second NIC with a public IP; a node VM in an AKS group is provider-managed', vms([group('rg-a'), group('MC_x', {}, AKS)], [privateNic, publicNic, managedNic], [vm('rg-a', 'vm1', privateNic, publicNic), vm('MC_x', 'node', managedNic)])),
      findings: [
        { status: 'provider-managed', resourceId: vm('MC_x', 'node').id },
        { status: 'fail', resourceId: vm('rg-a', 'vm1').id, message: 'VM vm1 is reachable at public IP pip2.' },
      ],
    },
  ],
});

const owner = (id: string, principalType: string, scopeId = `/subscriptions/${SUB}`): RoleAssignmentData => ({ id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleAssignments/${id}`, scope: scopeId, roleDefinitionId: BUILT_IN_ROLE_IDS.owner, principalId: `p-${id}`, principalType });
const reader: RoleAssignmentData = { ...owner('r', 'User'), roleDefinitionId: BUILT_IN_ROLE_IDS.reader };
tester.run(subscriptionOwnerCountCheck({ maxSubscriptionOwners: 2 }), {
  valid: [c('two owners, a third at resource-group scope, a reader', { [OP.roleAssignments]: [owner('a', 'Group'), owner('b', 'User'), owner('c', 'User', rgId('rg-a')), reader] })],
  invalid: [{ ...c('three subscription owners', { [OP.roleAssignments]: [owner('a', 'Group'), owner('b', 'User'), owner('c', 'ServicePrincipal')] }), findings: [{ status: 'fail', resourceId: SUB, messageId: 'many' }] }],
});
tester.run(ownerAssignedToUserCheck(), {
  valid: [c('owners are groups and service principals', { [OP.roleAssignments]: [owner('a', 'Group'), owner('b', 'ServicePrincipal'), reader] }), c('no owner at all', { [OP.roleAssignments]: [reader] })],
  invalid: [{ ...c('a user owner', { [OP.roleAssignments]: [owner('a', 'Group'), owner('b', 'User')] }), findings: [{ status: 'pass', resourceId: owner('a', 'Group').id }, { status: 'fail', resourceId: owner('b', 'User').id, messageId: 'user' }] }],
});

const setting = (name: string, categories: string[], destination = true) => ({ id: `/subscriptions/${SUB}/providers/microsoft.insights/diagnosticSettings/${name}`, name, ...(destination ? { workspaceId: '/subscriptions/x/resourceGroups/r/providers/Microsoft.OperationalInsights/workspaces/w' } : {}), logs: categories.map((category) => ({ category, enabled: true })) });
tester.run(activityLogExportCheck(), {
  valid: [c('administrative and security exported', { [OP.activityLogSettings]: [setting('s1', ['Administrative', 'Security', 'Policy'])] })],
  invalid: [
    { ...c('no setting', { [OP.activityLogSettings]: [] }), findings: [{ status: 'fail', resourceId: SUB, messageId: 'missing' }] },
    { ...c('security missing, or no destination', { [OP.activityLogSettings]: [setting('s1', ['Administrative']), setting('s2', ['Administrative', 'Security'], false)] }), findings: [{ status: 'fail', resourceId: SUB }] },
  ],
});

describe('the Azure checks as a set', () => {
  const checks = azureChecks();
  it('has at least 10 checks over at least 5 customer-side domains, with valid metadata and unique ids', () => {
    expect(checks.length).toBeGreaterThanOrEqual(10);
    expect(new Set(checks.map((c) => c.meta.id)).size).toBe(checks.length);
    const domains = new Set(checks.map((c) => c.meta.domain));
    expect(domains.size).toBeGreaterThanOrEqual(5);
    for (const d of domains) expect(DOMAIN_IDS).toContain(d);
    for (const check of checks) {
      expect(validateCheckMeta(check.meta)).toEqual([]);
      expect(check.meta.id).toMatch(/^azure-[a-z0-9-]+$/);
      expect(check.meta.provider).toBe('azure');
      expect(check.meta.references.length).toBeGreaterThan(0);
      expect(check.permissions.length).toBeGreaterThan(0);
      expect(Object.keys(check.meta.messages ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('every check file stays short: each check definition under 40 lines', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('.', import.meta.url).pathname;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['index.ts', 'define.ts'].includes(f))) {
      const blocks = readFileSync(`${dir}${file}`, 'utf8').split(/\nexport const /).slice(1);
      for (const block of blocks.filter((b) => b.includes('defineAzureCheck('))) expect(block.split('\n').length, `${file}: ${block.slice(0, 40)}`).toBeLessThan(40);
    }
  });

  it('port ranges and admin-port detection', () => {
    expect(rangeCovers('*', 22)).toBe(true);
    expect(rangeCovers('20-25', 22)).toBe(true);
    expect(rangeCovers('3390-4000', 3389)).toBe(false);
    expect(openAdminPorts({ properties: { access: 'Allow', direction: 'Inbound', sourceAddressPrefixes: ['10.0.0.0/8', 'Internet'], destinationPortRange: '*' } })).toEqual([22, 3389]);
    expect(openAdminPorts({ properties: { access: 'Allow', direction: 'Inbound', sourceAddressPrefix: 'VirtualNetwork', destinationPortRange: '22' } })).toEqual([]);
  });
});
