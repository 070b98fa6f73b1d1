import { describe, expect, it } from 'vitest';
import { BASELINE_MATRIX, DOMAIN_IDS, SERVICE_MODEL_IDS, SERVICE_VARIANTS, customerDuties, resolveCitation } from '@demarc/core';
import { AZURE_CATALOG, azureService, classify, createClassifier, parseResourceId } from './catalog';
import { AZURE_SOURCES } from './sources';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('AZURE_CATALOG', () => {
  it('has at least 25 services with unique kebab-case ids', () => {
    expect(AZURE_CATALOG.length).toBeGreaterThanOrEqual(25);
    const ids = AZURE_CATALOG.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(KEBAB);
  });

  it('includes the services the issue names', () => {
    for (const id of ['virtual-machines', 'vm-scale-sets', 'virtual-network', 'aks', 'container-apps', 'app-service', 'functions', 'logic-apps', 'sql-database', 'sql-managed-instance', 'cosmos-db', 'blob-storage', 'key-vault', 'entra-id', 'monitor', 'front-door', 'application-gateway', 'microsoft-365']) {
      expect(azureService(id), id).toBeDefined();
    }
  });

  it.each(AZURE_CATALOG.map((s) => [s.id, s] as const))('%s is a valid entry with resolvable citations', (_id, service) => {
    expect(service.provider).toBe('azure');
    expect(SERVICE_MODEL_IDS).toContain(service.model);
    expect(service.model).not.toBe('on-premises');
    expect(['vendor', 'inferred']).toContain(service.modelBasis);
    if (service.variant) {
      const variant = SERVICE_VARIANTS.find((v) => v.id === service.variant);
      expect(variant?.model).toBe(service.model);
    }
    expect(service.citations.length).toBeGreaterThan(0);
    for (const citation of service.citations) expect(resolveCitation(citation, AZURE_SOURCES).document.url).toMatch(/^https:\/\//);
    for (const [domain, override] of Object.entries(service.overrides ?? {})) {
      expect(DOMAIN_IDS).toContain(domain);
      expect(override.rationale.length).toBeGreaterThan(20);
      expect(override.citations.length).toBeGreaterThan(0);
      for (const citation of override.citations) expect(resolveCitation(citation, AZURE_SOURCES).document.url).toMatch(/^https:\/\//);
      expect(override.sharedMode !== undefined).toBe(override.party === 'shared');
      // An override only exists where the service really differs from its model's baseline.
      expect(override.party).not.toBe(BASELINE_MATRIX[domain as keyof typeof BASELINE_MATRIX][service.model].party);
    }
  });

  it('every resource type classifies back to its own entry, in any letter case', () => {
    for (const service of AZURE_CATALOG) {
      for (const type of service.resourceTypes) {
        expect(classify(type)?.id, type).toBe(service.id);
        expect(classify(type.toLowerCase())?.id, type).toBe(service.id);
        expect(classify(type.toUpperCase())?.id, type).toBe(service.id);
      }
    }
  });

  it('no resource type is claimed by two services', () => {
    const keys = AZURE_CATALOG.flatMap((s) => s.resourceTypes.map((t) => t.toLowerCase()));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('AKS differs from plain PaaS on the node OS and the Kubernetes version', () => {
    const duties = customerDuties(azureService('aks')!);
    expect(duties.shared.map((d) => d.domain)).toEqual(expect.arrayContaining(['guest-os', 'runtime-platform']));
  });
});

describe('classify', () => {
  const sub = '/subscriptions/00000000-0000-0000-0000-000000000001';

  it('tells Functions and Logic Apps Standard from App Service by kind', () => {
    expect(classify({ type: 'Microsoft.Web/sites', kind: 'app' })?.id).toBe('app-service');
    expect(classify({ type: 'Microsoft.Web/sites', kind: 'app,linux,container' })?.id).toBe('app-service');
    expect(classify({ type: 'Microsoft.Web/sites', kind: 'functionapp' })?.id).toBe('functions');
    expect(classify({ type: 'microsoft.web/sites', kind: 'FunctionApp,Linux' })?.id).toBe('functions');
    expect(classify({ type: 'Microsoft.Web/sites', kind: 'functionapp,workflowapp' })?.id).toBe('logic-apps');
    expect(classify({ type: 'Microsoft.Web/sites' })?.id).toBe('app-service');
    expect(classify({ id: `${sub}/resourceGroups/rg/providers/Microsoft.Web/sites/fn`, kind: 'functionapp' })?.id).toBe('functions');
  });

  it('classifies resource ids, nested types, extension resources, subscriptions and resource groups', () => {
    expect(classify(`${sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1`)?.id).toBe('virtual-machines');
    expect(classify(`${sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1/extensions/ama`)?.id).toBe('virtual-machines');
    expect(classify(`${sub}/resourceGroups/rg/providers/Microsoft.Sql/servers/s1/databases/db1`)?.id).toBe('sql-database');
    expect(classify(`${sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa/providers/Microsoft.Authorization/locks/l1`)?.id).toBe('resource-manager');
    expect(classify(`${sub}/resourcegroups/MC_rg_aks_westeurope`)?.id).toBe('resource-manager');
    expect(classify(sub)?.id).toBe('resource-manager');
    expect(classify(`${sub}/resourceGroups/rg/providers/microsoft.insights/components/ai`)?.id).toBe('monitor');
  });

  it('returns undefined for unknown types and non-ARM strings', () => {
    expect(classify('Microsoft.Unknown/things')).toBeUndefined();
    expect(classify('/not/an/arm/id')).toBeUndefined();
    expect(classify({})).toBeUndefined();
  });

  it('parses ARM ids', () => {
    expect(parseResourceId(`${sub}/resourceGroups/rg/providers/Microsoft.Sql/servers/s1/databases/db1`)).toEqual({
      subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'rg', type: 'Microsoft.Sql/servers/databases', name: 'db1',
    });
    expect(parseResourceId(`${sub}/resourceGroups/rg`)).toMatchObject({ type: 'Microsoft.Resources/resourceGroups', name: 'rg' });
    expect(parseResourceId(`${sub}/resourceGroups/rg/providers/Microsoft.Web`)).toBeUndefined();
  });

  it('a classifier over an extended catalog classifies the new types too', () => {
    const extra = { ...azureService('app-service')!, id: 'spring-apps', name: 'Azure Spring Apps', resourceTypes: ['Microsoft.AppPlatform/Spring'] };
    const custom = createClassifier([...AZURE_CATALOG, extra]);
    expect(custom('microsoft.appplatform/spring')?.id).toBe('spring-apps');
    expect(custom('Microsoft.Web/sites')?.id).toBe('app-service');
  });
});
