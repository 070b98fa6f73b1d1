import { describe, expect, it } from 'vitest';
import { DOMAIN_IDS, normalizedFramingTable } from '@demarc/core';
import { GOOGLE_FRAMING, GOOGLE_MATRIX_COLUMNS, GOOGLE_SHARED_FATE } from './framing';
import { gcpFramingV1 } from './framing-v1';
import { gcpProvider } from './provider';
import { GCP_SOURCES } from './sources';
import { toNormalized } from './translation';

describe('Google\'s framing as core\'s FramingV1', () => {
  const framing = gcpFramingV1();

  it('is what the provider carries', () => {
    expect(gcpProvider({ projectIds: [] }).framing).toBe(framing);
    expect(framing.specificationVersion).toBe('v1');
    expect(framing.sources).toBe(GCP_SOURCES);
  });

  it('keeps Google\'s words first (the diagram, then shared fate) and the normalized translation last', () => {
    const [diagram, fate, normalized] = framing.tables;
    expect(framing.tables).toHaveLength(3);
    expect(diagram!.columns).toEqual([...GOOGLE_MATRIX_COLUMNS]);
    expect(diagram!.rows.map((row) => row.label)).toEqual(GOOGLE_FRAMING.rows.map((row) => row.label));
    expect(new Set(diagram!.rows.flatMap((row) => row.cells))).toEqual(new Set(['Customer', 'Google']));
    expect(diagram!.sources.length).toBeGreaterThan(0);
    const assists = Object.values(GOOGLE_SHARED_FATE).flatMap((list) => list ?? []);
    expect(fate!.rows.map((row) => row.label)).toEqual(assists.map((assist) => assist.name));
    expect(normalized).toEqual(normalizedFramingTable('Google Cloud', toNormalized(GOOGLE_FRAMING).cells, GOOGLE_MATRIX_COLUMNS, diagram!.sources));
  });

  it('gives each domain Google speaks to its rows and shared-fate assists, one line each', () => {
    for (const domain of Object.keys(framing.domainWords)) expect(DOMAIN_IDS).toContain(domain);
    const identity = framing.domainWords['accounts-access'] ?? [];
    expect(identity.some((line) => /^".+": iaas (Customer|Google); paas (Customer|Google); saas (Customer|Google)$/.test(line))).toBe(true);
    expect(identity.some((line) => line.startsWith('shared fate: '))).toBe(true);
  });
});
