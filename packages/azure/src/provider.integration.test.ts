/**
 * The Azure provider with the official clients against the local cloud (ARM over TLS on 127.0.0.1):
 * a purpose-built tenant whose every finding is written down, the demo estate, paging, throttling,
 * a denied subscription, and no write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, type Finding, type ScanResult } from '@demarc/core';
import { testProvider } from '@demarc/core/testing';
import { DEMO_AZURE_ALLOWED_LOCATIONS, demoEstate, startLocalCloud, type AzureEstate, type AzureResource, type LocalCloud } from '@demarc/local-cloud';
import { azureProvider, type AzureProviderOptions } from './provider';
import { classify } from './catalog';
import { azureInventory, azureResponsibilitiesFor } from './inventory';

const TENANT = '00000000-0000-0000-0000-0000000000aa';
const ALPHA = 'aaaaaaaa-0000-0000-0000-000000000001';
const BETA = 'aaaaaaaa-0000-0000-0000-000000000002';
const GAMMA = 'aaaaaaaa-0000-0000-0000-000000000003';
const DELTA = 'aaaaaaaa-0000-0000-0000-000000000004';
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const AKS = `/subscriptions/${ALPHA}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks`;

const storage = (name: string, props: Record<string, unknown>): AzureResource => ({ name, type: 'Microsoft.Storage/storageAccounts', location: 'westeurope', kind: 'StorageV2', properties: props });
const GOOD_STORAGE = { allowBlobPublicAccess: false, allowSharedKeyAccess: false, minimumTlsVersion: 'TLS1_2' };
const vault = (name: string, purge: boolean): AzureResource => ({ name, type: 'Microsoft.KeyVault/vaults', location: 'westeurope', properties: { enableSoftDelete: true, ...(purge ? { enablePurgeProtection: true } : {}) } });
const nsg = (name: string, port: string, source: string): AzureResource => ({
  name, type: 'Microsoft.Network/networkSecurityGroups', location: 'westeurope',
  properties: { securityRules: [{ name: `allow-${port}`, properties: { protocol: 'Tcp', access: 'Allow', direction: 'Inbound', priority: 100, sourceAddressPrefix: source, destinationPortRange: port, sourcePortRange: '*', destinationAddressPrefix: '*' } }] },
});
const assignment = (n: number, principalType: 'User' | 'Group' | 'ServicePrincipal') => ({ id: `bbbbbbbb-0000-0000-0000-00000000000${n}`, scope: `/subscriptions/${ALPHA}`, roleDefinitionId: OWNER, principalId: `cccccccc-0000-0000-0000-00000000000${n}`, principalType });
const allCategories = (categories: string[]) => categories.map((category) => ({ category, enabled: true }));

/** Four subscriptions: alpha (a bit of everything), beta (clean but no log export), gamma (403), delta (disabled). */
const tenant: AzureEstate = {
  tenantId: TENANT,
  subscriptions: [
    {
      id: ALPHA, displayName: 'alpha', state: 'Enabled',
      resourceGroups: [
        { name: 'rg-prod', location: 'westeurope', tags: { owner: 'team-a', env: 'prod' }, locks: [{ name: 'keep', level: 'CanNotDelete' }],
          resources: [storage('stgood1', GOOD_STORAGE), storage('stgood2', GOOD_STORAGE), storage('stgood3', GOOD_STORAGE), vault('kvgood', true), nsg('nsggood', '443', 'Internet'),
            { name: 'aks', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', properties: { kubernetesVersion: '1.30.3' } }] },
        { name: 'rg-prod2', location: 'westeurope', tags: { Owner: 'team-b', env: 'Production' },
          resources: [storage('stbad1', { allowBlobPublicAccess: true, allowSharedKeyAccess: true, minimumTlsVersion: 'TLS1_0' }), vault('kvbad', false), nsg('nsgbad', '22', '*'),
            { name: 'vmpub', type: 'Microsoft.Compute/virtualMachines', location: 'westeurope', properties: { networkProfile: { networkInterfaces: [{ id: `/subscriptions/${ALPHA}/resourceGroups/rg-prod2/providers/Microsoft.Network/networkInterfaces/vmpub-nic` }] } } },
            { name: 'vmpub-nic', type: 'Microsoft.Network/networkInterfaces', location: 'westeurope', properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { publicIPAddress: { id: `/subscriptions/${ALPHA}/resourceGroups/rg-prod2/providers/Microsoft.Network/publicIPAddresses/vmpub-ip` } } }] } },
            { name: 'vmpub-ip', type: 'Microsoft.Network/publicIPAddresses', location: 'westeurope', properties: { ipAddress: '203.0.113.10' } }] },
        { name: 'rg-dev', location: 'northeurope',
          resources: [{ name: 'vmasia', type: 'Microsoft.Compute/virtualMachines', location: 'eastasia', properties: {} }, storage('stbad2', {})] },
        { name: 'MC_rg-prod_aks_westeurope', location: 'westeurope', managedBy: AKS,
          resources: [
            { name: 'aks-vmss', type: 'Microsoft.Compute/virtualMachineScaleSets', location: 'westeurope', managedBy: AKS, properties: {} },
            { name: 'kubernetes', type: 'Microsoft.Network/loadBalancers', location: 'westeurope', properties: {} },
            nsg('aks-nsg', '3389', 'Internet'),
          ] },
      ],
      roleAssignments: [assignment(1, 'Group'), assignment(2, 'User'), assignment(3, 'User'), assignment(4, 'ServicePrincipal')],
      activityLogDiagnosticSettings: [{ name: 'to-law', workspaceId: `/subscriptions/${ALPHA}/resourceGroups/rg-prod/providers/Microsoft.OperationalInsights/workspaces/law`, logs: allCategories(['Administrative', 'Security', 'Policy']) }],
    },
    {
      id: BETA, displayName: 'beta', state: 'Enabled',
      resourceGroups: [{ name: 'rg-b', location: 'westeurope', tags: { owner: 'team-c' }, resources: [storage('stb', GOOD_STORAGE)] }],
      roleAssignments: [{ ...assignment(5, 'Group'), scope: `/subscriptions/${BETA}` }],
      activityLogDiagnosticSettings: [{ name: 'admin-only', workspaceId: '/subscriptions/x/resourceGroups/r/providers/Microsoft.OperationalInsights/workspaces/w', logs: allCategories(['Administrative']) }],
    },
    { id: GAMMA, displayName: 'gamma', state: 'Enabled', accessDenied: true, resourceGroups: [{ name: 'rg-g', location: 'westeurope', resources: [storage('stg', {})] }] },
    { id: DELTA, displayName: 'delta', state: 'Disabled', resourceGroups: [{ name: 'rg-d', location: 'westeurope', resources: [storage('std', {})] }] },
  ],
};

const CHECK_IDS = [
  'azure-monitor-activity-log-export', 'azure-keyvault-purge-protection', 'azure-network-nsg-admin-ports-internet', 'azure-authorization-owner-direct-user-assignment',
  'azure-locks-production-groups', 'azure-resources-allowed-locations', 'azure-resources-group-required-tags', 'azure-resources-required-tags',
  'azure-storage-minimum-tls', 'azure-storage-public-blob-access', 'azure-storage-shared-key-access', 'azure-authorization-subscription-owner-count',
  'azure-compute-vm-public-ip',
];

/** Every finding the tenant must produce, as `scope check status resource-name`. */
const EXPECTED = [
  // alpha
  'alpha azure-monitor-activity-log-export pass alpha',
  'alpha azure-keyvault-purge-protection pass kvgood', 'alpha azure-keyvault-purge-protection fail kvbad',
  'alpha azure-network-nsg-admin-ports-internet pass nsggood', 'alpha azure-network-nsg-admin-ports-internet fail nsgbad', 'alpha azure-network-nsg-admin-ports-internet provider-managed aks-nsg',
  'alpha azure-authorization-owner-direct-user-assignment pass cccccccc-0000-0000-0000-000000000001', 'alpha azure-authorization-owner-direct-user-assignment fail cccccccc-0000-0000-0000-000000000002',
  'alpha azure-authorization-owner-direct-user-assignment fail cccccccc-0000-0000-0000-000000000003', 'alpha azure-authorization-owner-direct-user-assignment pass cccccccc-0000-0000-0000-000000000004',
  'alpha azure-locks-production-groups pass rg-prod', 'alpha azure-locks-production-groups fail rg-prod2',
  ...['stgood1', 'stgood2', 'stgood3', 'kvgood', 'nsggood', 'aks', 'stbad1', 'kvbad', 'nsgbad', 'vmpub', 'vmpub-nic', 'vmpub-ip', 'stbad2', 'aks-vmss', 'kubernetes', 'aks-nsg'].map((n) => `alpha azure-resources-allowed-locations pass ${n}`),
  'alpha azure-resources-allowed-locations fail vmasia',
  'alpha azure-resources-group-required-tags pass rg-prod', 'alpha azure-resources-group-required-tags pass rg-prod2', 'alpha azure-resources-group-required-tags fail rg-dev',
  'alpha azure-resources-group-required-tags provider-managed MC_rg-prod_aks_westeurope',
  ...['stgood1', 'stgood2', 'stgood3', 'kvgood', 'nsggood', 'aks', 'stbad1', 'kvbad', 'nsgbad', 'vmpub', 'vmpub-nic', 'vmpub-ip'].map((n) => `alpha azure-resources-required-tags pass ${n}`),
  'alpha azure-resources-required-tags fail vmasia', 'alpha azure-resources-required-tags fail stbad2',
  ...['aks-vmss', 'kubernetes', 'aks-nsg'].map((n) => `alpha azure-resources-required-tags provider-managed ${n}`),
  ...['stgood1', 'stgood2', 'stgood3'].flatMap((n) => ['minimum-tls', 'public-blob-access', 'shared-key-access'].map((c) => `alpha azure-storage-${c} pass ${n}`)),
  'alpha azure-storage-minimum-tls fail stbad1', 'alpha azure-storage-minimum-tls fail stbad2',
  'alpha azure-storage-public-blob-access fail stbad1', 'alpha azure-storage-public-blob-access manual stbad2',
  'alpha azure-storage-shared-key-access fail stbad1', 'alpha azure-storage-shared-key-access fail stbad2',
  'alpha azure-authorization-subscription-owner-count fail alpha',
  'alpha azure-compute-vm-public-ip fail vmpub', 'alpha azure-compute-vm-public-ip pass vmasia',
  // beta
  'beta azure-monitor-activity-log-export fail beta', 'beta azure-authorization-owner-direct-user-assignment pass cccccccc-0000-0000-0000-000000000005',
  'beta azure-locks-production-groups skipped beta', 'beta azure-resources-allowed-locations pass stb', 'beta azure-resources-group-required-tags pass rg-b',
  'beta azure-resources-required-tags pass stb', 'beta azure-storage-minimum-tls pass stb', 'beta azure-storage-public-blob-access pass stb',
  'beta azure-storage-shared-key-access pass stb', 'beta azure-authorization-subscription-owner-count pass beta',
  // gamma answers 403 to everything: one error per check, for gamma only
  ...CHECK_IDS.map((id) => `gamma ${id} error gamma`),
].sort();

const NAMES: Readonly<Record<string, string>> = { [ALPHA]: 'alpha', [BETA]: 'beta', [GAMMA]: 'gamma', [DELTA]: 'delta' };
const describeFinding = (f: Finding): string => {
  const scope = NAMES[f.resource.scope] ?? f.resource.scope;
  const name = f.resource.id === f.resource.scope ? scope : (f.resource.name ?? f.resource.id.split('/').pop());
  return `${scope} ${f.checkId} ${f.status} ${name}`;
};

const fakeCredential = { getToken: async () => ({ token: 'local-cloud-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const options = (cloud: LocalCloud, extra: Partial<AzureProviderOptions> = {}): AzureProviderOptions => ({
  credential: fakeCredential,
  ...cloud.azure.clientOptions(),
  checks: { allowedLocations: ['westeurope', 'northeurope'] },
  retry: { retryDelayInMs: 5, maxRetryDelayInMs: 2_000, throttlingDelayInMs: 5 },
  ...extra,
});

describe('a purpose-built tenant, several pages per list', () => {
  let cloud: LocalCloud;
  let result: ScanResult;
  beforeAll(async () => {
    cloud = await startLocalCloud({ estate: { azure: tenant }, maxPageSize: { azure: 3 } });
    result = await scan({ providers: [azureProvider(options(cloud))] });
  });
  afterAll(() => cloud.stop());

  it('yields exactly the expected findings: pass and fail for every check', () => {
    expect(result.findings.map(describeFinding).sort()).toEqual(EXPECTED);
    for (const id of CHECK_IDS) {
      const statuses = new Set(result.findings.filter((f) => f.checkId === id && f.resource.scope !== GAMMA).map((f) => f.status));
      expect(statuses.has('pass') || statuses.has('skipped'), `${id} passes somewhere`).toBe(true);
      expect(statuses.has('fail') || statuses.has('provider-managed'), `${id} fails somewhere`).toBe(true);
    }
  });

  it('pages through every list (nextLink) and never writes', () => {
    expect(cloud.counters.count('azure', 'resources.list')).toBeGreaterThan(2 * 3);
    expect(cloud.counters.count('azure', 'subscriptions.list')).toBeGreaterThanOrEqual(2);
    expect(cloud.counters.writes).toEqual([]);
    expect(Object.keys(cloud.counters.snapshot()).filter((key) => key.startsWith('azure:') && !/^azure:[a-zA-Z]+\.(list|get|getById|listByResourceGroup|listAtSubscriptionLevel)/.test(key))).toEqual([]);
  });

  it('a denied subscription becomes error findings for that subscription only', () => {
    const errors = result.findings.filter((f) => f.status === 'error');
    expect(new Set(errors.map((f) => f.resource.scope))).toEqual(new Set([GAMMA]));
    expect(errors).toHaveLength(CHECK_IDS.length);
    for (const f of errors) expect(f.error?.name).toBe('AccessDeniedError');
    expect(result.findings.some((f) => f.resource.scope === DELTA)).toBe(false);
  });

  it('marks the AKS node resource group and its resources as provider-managed, with the managing cluster', () => {
    const managed = result.findings.filter((f) => f.status === 'provider-managed');
    expect(managed.length).toBe(5);
    for (const f of managed) expect(f.providerManaged).toContain(AKS);
  });

  it('records a snapshot of plain JSON that replays to the same findings without the cloud', async () => {
    const recorded = await scan({ providers: [azureProvider(options(cloud))], record: true });
    const requests = cloud.counters.total('azure');
    const replayed = await scan({ providers: [azureProvider(options(cloud))], replay: JSON.parse(JSON.stringify(recorded.snapshot)) });
    expect(cloud.counters.total('azure')).toBe(requests);
    expect(replayed.findings.map(describeFinding).sort()).toEqual(EXPECTED);
  });

  it('inventories the tenant: every subscription, group and resource, classified, managed ones marked, the denied one as an error', async () => {
    const items = [];
    for await (const item of azureInventory({ ...options(cloud), subscriptionConcurrency: 2 })) items.push(item);
    expect(items.map((i) => i.subscription.name).sort()).toEqual(['alpha', 'beta', 'gamma']);
    const alpha = items.find((i) => i.subscription.id === ALPHA)!;
    expect(alpha.resourceGroups).toHaveLength(4);
    expect(alpha.resources).toHaveLength(17);
    expect(alpha.resources.every((r) => r.service !== undefined && r.model !== undefined)).toBe(true);
    expect(alpha.resources.filter((r) => r.providerManaged).map((r) => r.name).sort()).toEqual(['aks-nsg', 'aks-vmss', 'kubernetes']);
    expect(alpha.resources.find((r) => r.name === 'vmasia')).toMatchObject({ location: 'eastasia', service: 'virtual-machines', model: 'iaas', tags: {} });
    expect(items.find((i) => i.subscription.id === GAMMA)?.error?.name).toBe('AccessDeniedError');
    const aks = alpha.resources.find((r) => r.name === 'aks')!;
    expect(azureResponsibilitiesFor(aks)?.rows.find((r) => r.row === 'operating-system')).toMatchObject({ party: 'Shared', decidedBy: 'catalog-override' });
    expect(cloud.counters.writes).toEqual([]);
  });

  it('classifies every resource of the tenant and gives findings their service model and owner', () => {
    for (const sub of tenant.subscriptions) for (const rg of sub.resourceGroups) for (const r of rg.resources) expect(classify(r.type), r.type).toBeDefined();
    const nsgFinding = result.findings.find((f) => f.checkId === 'azure-network-nsg-admin-ports-internet' && f.status === 'fail')!;
    expect(nsgFinding).toMatchObject({ serviceModel: 'iaas', owner: 'customer', resource: { service: 'virtual-network', region: 'westeurope' } });
    const storageFinding = result.findings.find((f) => f.checkId === 'azure-storage-public-blob-access' && f.status === 'fail')!;
    expect(storageFinding).toMatchObject({ serviceModel: 'paas', owner: 'customer', resource: { service: 'blob-storage' } });
  });
});

// The contract suite takes a ready provider when tests are collected, so this cloud starts at load time.
const contractCloud = await startLocalCloud({ estate: { azure: tenant }, maxPageSize: { azure: 2 } });
describe('core\'s provider contract suite', () => {
  const cloud = contractCloud;
  afterAll(() => cloud.stop());
  testProvider(azureProvider(options(cloud)), { describe, it });
  it('discovers the enabled subscriptions through two pages, skipping the disabled one', async () => {
    const provider = azureProvider(options(cloud));
    const scopes = [];
    for await (const scope of provider.discoverScopes({ signal: new AbortController().signal })) scopes.push(scope);
    expect(scopes).toEqual([
      { id: ALPHA, kind: 'subscription', name: 'alpha', organization: TENANT },
      { id: BETA, kind: 'subscription', name: 'beta', organization: TENANT },
      { id: GAMMA, kind: 'subscription', name: 'gamma', organization: TENANT },
    ]);
    const all = azureProvider({ ...options(cloud), includeDisabledSubscriptions: true, subscriptions: [DELTA, BETA] });
    const picked = [];
    for await (const scope of all.discoverScopes({ signal: new AbortController().signal })) picked.push(scope.id);
    expect(picked).toEqual([BETA, DELTA]);
    const otherTenant = azureProvider({ ...options(cloud), tenantId: '99999999-0000-0000-0000-000000000000' });
    for await (const scope of otherTenant.discoverScopes({ signal: new AbortController().signal })) throw new Error(`unexpected ${scope.id}`);
  });
});

describe('throttling and transient errors are absorbed', () => {
  it('a read answered 503 five times in a row succeeds on the sixth attempt (default retry.maxRetries 5)', async () => {
    const cloud = await startLocalCloud({
      estate: { azure: tenant },
      maxPageSize: { azure: 3 },
      faults: [{ vendor: 'azure', operation: 'resourceGroups.list', scope: ALPHA, serverError: 503, times: 5 }],
    });
    try {
      const result = await scan({ providers: [azureProvider(options(cloud))] });
      expect(result.findings.map(describeFinding).sort()).toEqual(EXPECTED);
      expect(cloud.counters.outcomes('azure', 'resourceGroups.list', 'serverError')).toBe(5);
    } finally {
      await cloud.stop();
    }
  });

  it('429 with Retry-After and 503 are retried by the Azure pipeline: same findings, no error', async () => {
    const cloud = await startLocalCloud({
      estate: { azure: tenant },
      maxPageSize: { azure: 3 },
      faults: [
        { vendor: 'azure', operation: 'resources.list', scope: ALPHA, throttle: true, times: 3, retryAfterSeconds: 1 },
        { vendor: 'azure', operation: 'resourceGroups.list', serverError: 503, times: 2 },
      ],
    });
    try {
      const started = performance.now();
      const result = await scan({ providers: [azureProvider(options(cloud))] });
      const elapsed = performance.now() - started;
      expect(result.findings.map(describeFinding).sort()).toEqual(EXPECTED);
      expect(cloud.counters.outcomes('azure', 'resources.list', 'throttle')).toBe(3);
      expect(cloud.counters.outcomes('azure', 'resourceGroups.list', 'serverError')).toBe(2);
      // The pipeline waited as told (Retry-After: 1 s) rather than failing fast.
      expect(elapsed).toBeGreaterThan(900);
      expect(cloud.counters.writes).toEqual([]);
    } finally {
      await cloud.stop();
    }
  });

  it('429 without Retry-After, which the Azure pipeline does not retry, is retried by demarc\'s policy', async () => {
    const cloud = await startLocalCloud({ estate: { azure: tenant }, faults: [{ vendor: 'azure', operation: 'roleAssignments.list', throttle: true, times: 4 }] });
    try {
      // Strip the header closest to the wire so the Azure pipeline sees a bare 429.
      const stripRetryAfter = {
        name: 'stripRetryAfter',
        sendRequest: async (request: never, next: (r: never) => Promise<{ status: number; headers: { delete(name: string): void } }>) => {
          const response = await next(request);
          if (response.status === 429) response.headers.delete('retry-after');
          return response;
        },
      };
      const base = options(cloud);
      const withStrip = { ...base, clientOptions: { additionalPolicies: [{ policy: stripRetryAfter as never, position: 'perRetry' as const }] } };
      const result = await scan({ providers: [azureProvider(withStrip)], filter: (meta) => meta.id.includes('owner') });
      expect(result.findings.filter((f) => f.status === 'error' && f.resource.scope !== GAMMA)).toEqual([]);
      expect(cloud.counters.outcomes('azure', 'roleAssignments.list', 'throttle')).toBe(4);

      // With demarc's retries turned off, the same bare 429s surface as retryable throttling errors.
      cloud.faults.set([{ vendor: 'azure', operation: 'roleAssignments.list', scope: ALPHA, throttle: true }]);
      const failing = await scan({ providers: [azureProvider({ ...withStrip, retry: { throttlingRetries: 0 } })], filter: (meta) => meta.id === 'azure-authorization-subscription-owner-count', scopes: [ALPHA] });
      expect(failing.findings).toHaveLength(1);
      expect(failing.findings[0]).toMatchObject({ status: 'error', error: { retryable: true, operation: 'roleAssignments:listForSubscription' } });
    } finally {
      await cloud.stop();
    }
  });
});

describe('the demo estate', () => {
  it('scans with the expected outcome per subscription, classifies every ARM type and writes nothing', async () => {
    const cloud = await startLocalCloud({ estate: demoEstate() });
    try {
      const estate = cloud.estate.azure!;
      for (const sub of estate.subscriptions) for (const rg of sub.resourceGroups) for (const r of rg.resources) expect(classify({ type: r.type, ...(r.kind ? { kind: r.kind } : {}) }), r.type).toBeDefined();
      const result = await scan({
        providers: [azureProvider(options(cloud, { checks: undefined }))],
        checkOptions: { 'azure-resources-allowed-locations': { allowedLocations: [...DEMO_AZURE_ALLOWED_LOCATIONS] } },
      });
      const summary = (scope: string) => {
        const counts: Record<string, number> = {};
        for (const f of result.findings.filter((x) => x.resource.scope === scope)) counts[f.status] = (counts[f.status] ?? 0) + 1;
        return counts;
      };
      expect(summary('11111111-1111-1111-1111-111111111111')).toEqual({ pass: 26, fail: 11, 'provider-managed': 4 });
      expect(summary('22222222-2222-2222-2222-222222222222')).toEqual({ pass: 5, fail: 7, skipped: 1 });
      expect(summary('33333333-3333-3333-3333-333333333333')).toEqual({ error: 13 });
      expect(summary('44444444-4444-4444-4444-444444444444')).toEqual({});
      const failures = result.findings.filter((f) => f.status === 'fail').map((f) => `${f.checkId} ${f.resource.name ?? f.resource.id}`).sort();
      expect(failures).toEqual(expect.arrayContaining([
        'azure-storage-public-blob-access stwebassets', 'azure-storage-public-blob-access stdevscratch', 'azure-keyvault-purge-protection kv-web',
        'azure-network-nsg-admin-ports-internet nsg-web', 'azure-resources-allowed-locations vm-web-asia', 'azure-locks-production-groups rg-web',
      ]));
      expect(cloud.counters.writes).toEqual([]);
    } finally {
      await cloud.stop();
    }
  });
});
