import { describe, expect, it } from 'vitest';
import {
  DOMAIN_IDS,
  SERVICE_MODEL_IDS,
  UnknownIdError,
  compareResponsibilities,
  customerDuties,
  explain,
  ownerOf,
  responsibilityOf,
  toDomainId,
  type DomainId,
  type ServiceCatalogEntry,
} from '@demarc/core';

const lambdaLike: ServiceCatalogEntry = {
  id: 'container-functions',
  provider: 'test',
  name: 'Functions from container images',
  model: 'paas',
  variant: 'faas',
  resourceTypes: ['function'],
  overrides: {
    'runtime-platform': {
      party: 'customer',
      rationale: 'The customer builds the image, so it patches the runtime inside it.',
      citations: [{ source: 'aws-srm', says: 'test citation for an override', evidence: 'secondary' }],
    },
  },
  citations: [{ source: 'aws-srm', says: 'test citation for the entry', evidence: 'secondary' }],
};

describe('the misconception "with SaaS the vendor handles security"', () => {
  it('is answered with the list of what the customer still owns under SaaS', () => {
    const duties = customerDuties('saas');
    expect(duties.owned.map((duty) => duty.domain)).toEqual([
      'accounts-access',
      'data-protection',
      'service-configuration',
      'client-endpoints',
      'governance',
    ]);
    expect(duties.shared.map((duty) => duty.domain)).toEqual(['identity-infrastructure', 'logging-monitoring', 'backup-recovery', 'incident-response']);
    expect(duties.measures.map((measure) => measure.id)).toContain('access-review');
    // Every answer carries the statements it rests on.
    for (const duty of [...duties.owned, ...duties.shared]) expect(duty.citations.length).toBeGreaterThan(0);
  });

  it('leaves the customer something to own or share in every domain a user controls, in every model', () => {
    for (const model of SERVICE_MODEL_IDS) expect(customerDuties(model).owned.length).toBeGreaterThanOrEqual(5);
  });
});

describe('queries', () => {
  it('answer who owns a domain, for a model and for a service with an override', () => {
    expect(ownerOf('guest-os', 'iaas')).toBe('customer');
    expect(ownerOf('guest-os', 'paas')).toBe('provider');
    expect(ownerOf('runtime-platform', 'paas')).toBe('provider');
    expect(ownerOf('runtime-platform', lambdaLike)).toBe('customer');
    expect(responsibilityOf('runtime-platform', lambdaLike)).toMatchObject({ overridden: true, service: 'container-functions', model: 'paas' });
    expect(responsibilityOf('guest-os', lambdaLike)).toMatchObject({ overridden: false, party: 'provider' });
  });

  it('say what moves from IaaS to PaaS, all of it towards the provider', () => {
    const changes = compareResponsibilities('iaas', 'paas');
    expect(changes.map((c) => c.domain)).toEqual(['guest-os', 'network-controls', 'runtime-platform', 'identity-infrastructure', 'backup-recovery']);
    expect(new Set(changes.map((c) => c.direction))).toEqual(new Set(['to-provider']));
  });

  it('say that going back from SaaS to IaaS moves duties to the customer, and that nothing moves between equal contexts', () => {
    expect(compareResponsibilities('saas', 'iaas').every((c) => c.direction === 'to-customer')).toBe(true);
    for (const model of SERVICE_MODEL_IDS) expect(compareResponsibilities(model, model)).toEqual([]);
    expect(compareResponsibilities('paas', lambdaLike).map((c) => c.domain)).toEqual(['runtime-platform']);
  });

  it('explain an answer with resolved, addressed sources', () => {
    const explanation = explain('client-endpoints');
    expect(explanation.answers.map((a) => a.model)).toEqual([...SERVICE_MODEL_IDS]);
    const saas = explanation.answers.find((a) => a.model === 'saas')!;
    expect(saas.vendorNuance).toMatch(/Azure/);
    expect(saas.citations[0]!.document.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(explain('accounts-access', 'paas').measures.map((m) => m.id)).toEqual(['access-review']);
  });

  it('reject unknown ids with an error listing the valid ones', () => {
    const call = () => ownerOf('acounts-access' as DomainId, 'saas');
    expect(call).toThrow(UnknownIdError);
    expect(call).toThrow(/Unknown domain 'acounts-access'\. Valid domain ids: physical-facilities, .*accounts-access/);
    expect(() => ownerOf('accounts-access', 'faas' as 'paas')).toThrow(/Unknown service model 'faas'.*on-premises, iaas, paas, saas/);
    const thrown = (() => {
      try {
        toDomainId('nope');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(UnknownIdError.isInstance(thrown) && thrown.validIds).toEqual(DOMAIN_IDS);
    expect(toDomainId('governance')).toBe('governance');
  });
});
