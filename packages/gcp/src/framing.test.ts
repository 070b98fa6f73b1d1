import { describe, expect, it } from 'vitest';
import { BASELINE_MATRIX, CORE_SOURCES, DOMAIN_IDS, SERVICE_MODEL_IDS, resolveCitation, type Citation, type DomainId } from '@demarc/core';
import { GOOGLE_FRAMING, GOOGLE_MATRIX_ROW_IDS, GOOGLE_PARTIES, type GoogleFraming, type GoogleMatrixRow } from './framing';
import { GCP_SOURCES } from './sources';
import {
  FramingTranslationError,
  GOOGLE_BASELINE_DIVERGENCES,
  compareWithBaseline,
  fromNormalized,
  toNormalized,
} from './translation';

/** Small deterministic PRNG (mulberry32) so generated framings are reproducible. */
const prng = (seed: number) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A random but valid framing: every row's parties and domain mapping shuffled, notes sprinkled. */
const randomFraming = (seed: number): GoogleFraming => {
  const random = prng(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const rows = GOOGLE_FRAMING.rows.map((row): GoogleMatrixRow => {
    const domains = DOMAIN_IDS.filter(() => random() < 0.15);
    const chosen = (domains.length > 0 ? domains : [pick(DOMAIN_IDS)]) as [DomainId, ...DomainId[]];
    const cells = Object.fromEntries(SERVICE_MODEL_IDS.map((model) => {
      const base = row.cells[model];
      const note = random() < 0.2 ? `note ${seed}-${row.id}-${model}` : undefined;
      return [model, { party: pick(GOOGLE_PARTIES), citations: base.citations, ...(note ? { note } : {}) }];
    })) as GoogleMatrixRow['cells'];
    return { ...row, domains: chosen, cells };
  });
  return { ...GOOGLE_FRAMING, rows };
};

const allCitations = (): Citation[] => [
  ...GOOGLE_FRAMING.rows.flatMap((row) => SERVICE_MODEL_IDS.flatMap((model) => row.cells[model].citations)),
  ...Object.values(GOOGLE_FRAMING.sharedFate).flatMap((assists) => assists!.flatMap((a) => a.citations)),
];

describe('Google framing data', () => {
  it('has exactly Google\'s sixteen rows, in order, each with all four columns cited', () => {
    expect(GOOGLE_FRAMING.rows.map((row) => row.id)).toEqual([...GOOGLE_MATRIX_ROW_IDS]);
    for (const row of GOOGLE_FRAMING.rows) {
      for (const model of SERVICE_MODEL_IDS) expect(row.cells[model].citations.length).toBeGreaterThan(0);
      expect(row.domains).toEqual(DOMAIN_IDS.filter((domain) => row.domains.includes(domain)));
    }
  });

  it('matches the published matrix: Content / Access policies / Usage always the customer\'s, the bottom five always Google\'s in the cloud', () => {
    const party = (id: string, model: (typeof SERVICE_MODEL_IDS)[number]) => GOOGLE_FRAMING.rows.find((r) => r.id === id)!.cells[model].party;
    for (const id of ['content', 'access-policies', 'usage']) for (const model of SERVICE_MODEL_IDS) expect(party(id, model)).toBe('customer');
    for (const id of ['network', 'storage-encryption', 'hardened-kernel-ipc', 'boot', 'hardware']) {
      expect(party(id, 'on-premises')).toBe('customer');
      for (const model of ['iaas', 'paas', 'saas'] as const) expect(party(id, model)).toBe('google');
    }
    expect(party('deployment', 'paas')).toBe('customer');
    expect(party('deployment', 'saas')).toBe('google');
    expect(party('guest-os-data-content', 'iaas')).toBe('customer');
    expect(party('guest-os-data-content', 'paas')).toBe('google');
  });

  it('resolves every citation to a public https address; cells cite the diagram as secondary (it is an image)', () => {
    for (const citation of allCitations()) {
      const resolved = resolveCitation(citation, GCP_SOURCES);
      expect(resolved.document.url).toMatch(/^https:\/\//);
      expect(['verbatim', 'secondary']).toContain(citation.evidence);
      expect(citation.says.length).toBeGreaterThan(10);
    }
    for (const row of GOOGLE_FRAMING.rows) {
      const diagram = row.cells.iaas.citations.find((c) => c.source === 'gcp-shared-fate');
      expect(diagram?.evidence).toBe('secondary');
    }
  });

  it('shares source ids with core only where the address is the same', () => {
    for (const [id, source] of Object.entries(GCP_SOURCES)) {
      const core = (CORE_SOURCES as Record<string, { url: string }>)[id];
      if (core) expect(core.url).toBe(source.url);
    }
  });

  it('flags the two uncertain cells of the transcription', () => {
    const note = (id: string, model: 'iaas' | 'paas') => GOOGLE_FRAMING.rows.find((r) => r.id === id)!.cells[model].note;
    expect(note('identity', 'paas')).toMatch(/Uncertain/);
    expect(note('audit-logging', 'iaas')).toMatch(/Uncertain/);
  });
});

describe('shared fate', () => {
  const customerSideDomains = DOMAIN_IDS.filter((domain) =>
    (['iaas', 'paas', 'saas'] as const).some((model) => BASELINE_MATRIX[domain][model].party !== 'provider'));

  it('gives every customer-side domain at least one cited Google assist, and none to provider-only domains', () => {
    expect(customerSideDomains.length).toBe(13);
    for (const domain of customerSideDomains) {
      const assists = GOOGLE_FRAMING.sharedFate[domain];
      expect(assists, domain).toBeDefined();
      expect(assists!.length, domain).toBeGreaterThan(0);
    }
    for (const domain of Object.keys(GOOGLE_FRAMING.sharedFate)) expect(customerSideDomains).toContain(domain);
  });

  it('assists carry no party (shared fate never moves a responsibility) and have unique ids', () => {
    const ids = Object.values(GOOGLE_FRAMING.sharedFate).flatMap((assists) => assists!.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const assists of Object.values(GOOGLE_FRAMING.sharedFate)) {
      for (const a of assists!) {
        expect(a).not.toHaveProperty('party');
        expect(a.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(['tool', 'secure-default', 'blueprint', 'program']).toContain(a.kind);
      }
    }
  });

  it('names the tools the issue expects: Security Command Center, Assured Workloads, blueprints, secure defaults, insurance', () => {
    const names = Object.values(GOOGLE_FRAMING.sharedFate).flatMap((assists) => assists!.map((a) => a.name)).join(' | ');
    for (const expected of ['Security Command Center', 'Assured Workloads', 'blueprint', 'Default encryption at rest', 'Insurance']) expect(names).toContain(expected);
    const kinds = new Set(Object.values(GOOGLE_FRAMING.sharedFate).flatMap((assists) => assists!.map((a) => a.kind)));
    expect([...kinds].sort()).toEqual(['blueprint', 'program', 'secure-default', 'tool']);
  });
});

describe('translation to and from the normalized model', () => {
  it('round-trips Google\'s framing exactly', () => {
    expect(fromNormalized(toNormalized(GOOGLE_FRAMING))).toEqual(GOOGLE_FRAMING);
  });

  it('round-trips 300 generated framings (random parties, domain mappings and notes)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const framing = randomFraming(seed);
      expect(fromNormalized(toNormalized(framing))).toEqual(framing);
    }
  });

  it('derives every normalized cell from its rows: one party when they agree, shared (split) when they do not', () => {
    for (let seed = 0; seed <= 50; seed++) {
      const framing = seed === 0 ? GOOGLE_FRAMING : randomFraming(seed);
      for (const cell of toNormalized(framing).cells) {
        const parties = new Set(cell.vendorRows.map((ref) => (ref.cell.party === 'google' ? 'provider' : 'customer')));
        expect(cell.party).toBe(parties.size === 1 ? [...parties][0] : 'shared');
        expect(cell.sharedMode).toBe(parties.size === 1 ? undefined : 'split');
        for (const ref of cell.vendorRows) for (const c of ref.cell.citations) expect(cell.citations).toContainEqual(c);
      }
    }
  });

  it('covers every row in every column of the normalized form', () => {
    const normalized = toNormalized(GOOGLE_FRAMING);
    for (const row of GOOGLE_FRAMING.rows) {
      for (const domain of row.domains) {
        for (const model of SERVICE_MODEL_IDS) {
          const cell = normalized.cells.find((c) => c.domain === domain && c.model === model);
          expect(cell?.vendorRows.map((ref) => ref.row)).toContain(row.id);
        }
      }
    }
    expect(normalized.assists).toBe(GOOGLE_FRAMING.sharedFate);
  });

  it('refuses a normalized framing whose party contradicts its Google rows', () => {
    const normalized = toNormalized(GOOGLE_FRAMING);
    const cells = normalized.cells.map((cell) => (cell.domain === 'guest-os' && cell.model === 'paas' ? { ...cell, party: 'customer' as const } : cell));
    expect(() => fromNormalized({ ...normalized, cells })).toThrowError(FramingTranslationError);
    try {
      fromNormalized({ ...normalized, cells });
    } catch (error) {
      expect(FramingTranslationError.isInstance(error)).toBe(true);
    }
  });

  it('refuses a normalized framing that lost a column of a row', () => {
    const normalized = toNormalized(GOOGLE_FRAMING);
    const cells = normalized.cells.filter((cell) => !(cell.domain === 'runtime-platform' && cell.model === 'saas'));
    expect(() => fromNormalized({ ...normalized, cells })).toThrowError(/no saas cell/);
  });

  it('agrees with core\'s BASELINE_MATRIX everywhere except the recorded, explained divergences', () => {
    const comparisons = compareWithBaseline(toNormalized(GOOGLE_FRAMING));
    const disagreements = comparisons.filter((c) => !c.agrees).map(({ domain, model, google, baseline }) => ({ domain, model, google, baseline }));
    expect(disagreements).toEqual(GOOGLE_BASELINE_DIVERGENCES.map(({ domain, model, google, baseline }) => ({ domain, model, google, baseline })));
    for (const divergence of GOOGLE_BASELINE_DIVERGENCES) {
      expect(divergence.reason.length).toBeGreaterThan(40);
      // The baseline itself records these as vendor nuance.
      expect(BASELINE_MATRIX[divergence.domain][divergence.model].party).toBe(divergence.baseline);
    }
    // Twelve of the sixteen domains have a Google row; four (client endpoints, backup, incident response, governance) have none.
    expect(new Set(comparisons.map((c) => c.domain)).size).toBe(12);
  });
});
