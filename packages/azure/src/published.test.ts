/**
 * What the provider publishes through the contract: Microsoft's framing as FramingV1 tables (each
 * version in Microsoft's words, the current one first, the normalized translation last), under the
 * generic plugin factory name too.
 */
import { describe, expect, it } from 'vitest';
import { AZURE_FRAMING_VERSIONS } from './framing';
import { azureFramingV1 } from './published';
import { azureProvider, createProvider } from './provider';
import { AZURE_SOURCES } from './sources';

describe('the published framing (FramingV1)', () => {
  const framing = azureFramingV1();

  it('is the provider\'s framing, built once, and createProvider is azureProvider', () => {
    expect(createProvider).toBe(azureProvider);
    expect(azureProvider().framing).toBe(framing);
    expect(framing.specificationVersion).toBe('v1');
    expect(framing.sources).toBe(AZURE_SOURCES);
  });

  it('shows the 2026 table (current) first, the legacy diagram next, the normalized translation last', () => {
    expect(framing.tables.map((t) => t.title)).toEqual([
      'Microsoft Azure: Responsibility matrix (January 2026 page) (current)',
      'Microsoft Azure: Shared responsibility diagram (2021-2023 page; the image is still shown in 2026)',
      'Microsoft Azure (2026 table), translated into the normalized model',
    ]);
    const [table2026, legacy, normalized] = framing.tables;
    expect(table2026!.columns).toEqual(['On-premises', 'IaaS', 'PaaS', 'SaaS']);
    expect(table2026!.rows.find((r) => r.label === 'Network controls')).toEqual({
      group: 'Responsibility varies by type', label: 'Network controls', cells: ['Customer', 'Customer', 'Shared', 'Microsoft'],
    });
    expect(legacy!.columns).toEqual(['SaaS', 'PaaS', 'IaaS', 'On-prem']);
    expect(legacy!.rows.map((r) => r.group)).toContain('Responsibility transfers to cloud provider');
    expect(normalized!.columns).toEqual(['on-premises', 'iaas', 'paas', 'saas']);
    expect(normalized!.rows.find((r) => r.label === 'application')?.cells).toEqual(['customer', 'customer', 'shared (split) ≠', 'shared (split) ≠']);
    for (const table of framing.tables) expect(table.sources.length).toBeGreaterThan(0);
  });

  it('words each domain in Microsoft\'s rows of both versions', () => {
    const rows = AZURE_FRAMING_VERSIONS.reduce((n, version) => n + version.rows.length, 0);
    expect(Object.values(framing.domainWords).flat()).toHaveLength(rows);
    expect(framing.domainWords['network-controls']).toEqual([
      '"Network controls" (legacy diagram): IaaS Customer; PaaS Shared; SaaS Microsoft',
      '"Network controls" (2026 table): IaaS Customer; PaaS Shared; SaaS Microsoft',
    ]);
  });
});
