import { describe, expect, it } from 'vitest';
import {
  BASELINE_MATRIX,
  CLOUD_SERVICE_MODEL_IDS,
  CORE_SOURCES,
  CUSTOMER_BURDEN,
  DOMAIN_IDS,
  ORGANISATIONAL_MEASURES,
  SERVICE_MODEL_IDS,
  resolveCitation,
  type DomainId,
} from '@demarc/core';

const everyCell = () =>
  DOMAIN_IDS.flatMap((domain) => SERVICE_MODEL_IDS.map((model) => ({ domain, model, cell: BASELINE_MATRIX[domain][model] })));

describe('the baseline matrix', () => {
  it('is complete: every domain has a cell for every service model, and nothing else', () => {
    expect(Object.keys(BASELINE_MATRIX).sort()).toEqual([...DOMAIN_IDS].sort());
    for (const domain of DOMAIN_IDS) expect(Object.keys(BASELINE_MATRIX[domain]).sort()).toEqual([...SERVICE_MODEL_IDS].sort());
    expect(everyCell()).toHaveLength(16 * 4);
  });

  it('cites at least one known source with a non-empty statement in every cell', () => {
    for (const { domain, model, cell } of everyCell()) {
      expect(cell.citations.length, `${domain}/${model}`).toBeGreaterThan(0);
      expect(cell.rationale.trim(), `${domain}/${model}`).not.toBe('');
      for (const citation of cell.citations) {
        expect(() => resolveCitation(citation), `${domain}/${model} cites ${citation.source}`).not.toThrow();
        expect(citation.says.length).toBeGreaterThan(20);
      }
    }
  });

  it('gives every source a public https address', () => {
    for (const source of Object.values(CORE_SOURCES)) expect(source.url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
  });

  it('says what kind of sharing every shared cell is, and only there', () => {
    for (const { domain, model, cell } of everyCell()) {
      if (cell.party === 'shared') expect(cell.sharedMode, `${domain}/${model}`).toMatch(/^(split|parallel)$/);
      else expect(cell.sharedMode, `${domain}/${model}`).toBeUndefined();
    }
  });

  it('never gives the customer a responsibility it did not already have when moving on-prem → IaaS → PaaS → SaaS', () => {
    for (const domain of DOMAIN_IDS) {
      for (let i = 1; i < SERVICE_MODEL_IDS.length; i++) {
        const before = BASELINE_MATRIX[domain][SERVICE_MODEL_IDS[i - 1]!].party;
        const after = BASELINE_MATRIX[domain][SERVICE_MODEL_IDS[i]!].party;
        expect(CUSTOMER_BURDEN[after], `${domain}: ${SERVICE_MODEL_IDS[i - 1]} → ${SERVICE_MODEL_IDS[i]}`).toBeLessThanOrEqual(CUSTOMER_BURDEN[before]);
      }
    }
  });

  it('is all customer on premises', () => {
    for (const domain of DOMAIN_IDS) expect(BASELINE_MATRIX[domain]['on-premises'].party).toBe('customer');
  });

  it('gives physical facilities, network and hosts to the provider in every cloud model', () => {
    for (const domain of ['physical-facilities', 'physical-network', 'host-infrastructure'] as const)
      for (const model of CLOUD_SERVICE_MODEL_IDS) expect(BASELINE_MATRIX[domain][model].party).toBe('provider');
  });

  it('keeps data, accounts and access, client endpoints and configuration the customer\'s in every model', () => {
    for (const domain of ['data-protection', 'accounts-access', 'client-endpoints', 'service-configuration', 'governance'] as const)
      for (const model of SERVICE_MODEL_IDS) expect(BASELINE_MATRIX[domain][model].party, `${domain}/${model}`).toBe('customer');
  });

  it('keeps every organisational measure\'s domain with the customer or shared, in every model', () => {
    const measureDomains = new Set<DomainId>(ORGANISATIONAL_MEASURES.map((m) => m.domain));
    expect(measureDomains.size).toBeGreaterThan(3);
    for (const domain of measureDomains)
      for (const model of SERVICE_MODEL_IDS) expect(BASELINE_MATRIX[domain][model].party, `${domain}/${model}`).not.toBe('provider');
  });
});

describe('organisational measures', () => {
  it('cover the policy, owner, log monitoring, incident response and drills, access review, training and restore tests', () => {
    expect(ORGANISATIONAL_MEASURES.map((m) => m.id)).toEqual(
      expect.arrayContaining([
        'security-policy',
        'named-owner',
        'log-monitoring',
        'incident-response-plan',
        'incident-response-drills',
        'access-review',
        'security-training',
        'backup-restore-test',
      ]),
    );
  });

  it('have unique ids, a positive validity and resolvable citations', () => {
    expect(new Set(ORGANISATIONAL_MEASURES.map((m) => m.id)).size).toBe(ORGANISATIONAL_MEASURES.length);
    for (const measure of ORGANISATIONAL_MEASURES) {
      expect(measure.defaultValidityDays).toBeGreaterThan(0);
      for (const citation of measure.citations) expect(() => resolveCitation(citation)).not.toThrow();
    }
  });
});
