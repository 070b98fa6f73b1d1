import { describe, expect, it } from 'vitest';
import { BASELINE_MATRIX, CORE_SOURCES, DOMAIN_IDS, SERVICE_MODEL_IDS, explain, resolveCitation, type ServiceModelId } from '@demarc/core';
import {
  AZURE_FRAMING,
  AZURE_FRAMING_2026,
  AZURE_FRAMING_CHANGES,
  AZURE_FRAMING_LEGACY,
  AZURE_FRAMING_VERSIONS,
  AZURE_PARTIES,
  AZURE_ROW_DOMAINS,
  AZURE_ROW_IDS,
  categoryOf,
  diffFramings,
  framingVersion,
  type AzureCells,
  type AzureFramingVersion,
  type AzureParty,
} from './framing';
import {
  AZURE_BASELINE_DIVERGENCES,
  NormalizedFramingError,
  compareWithBaseline,
  fromNormalized,
  resolveAzureRow,
  resolveVaries,
  toAzureParty,
  toNormalized,
  toNormalizedParty,
} from './translation';
import { AZURE_SOURCES } from './sources';
import { azureService, classify } from './catalog';

/** Every assignment of Microsoft's three parties to the four columns: 3^4 = 81 rows. */
function* allCellAssignments(): Generator<AzureCells> {
  for (const a of AZURE_PARTIES) for (const b of AZURE_PARTIES) for (const c of AZURE_PARTIES) for (const d of AZURE_PARTIES) {
    yield { 'on-premises': a, iaas: b, paas: c, saas: d };
  }
}

describe('published data', () => {
  it.each(AZURE_FRAMING_VERSIONS.map((v) => [v.id, v] as const))('%s: ten rows, complete cells, unique ids, every row cited', (_id, version) => {
    expect(version.rows).toHaveLength(10);
    expect(new Set(version.rows.map((r) => r.id)).size).toBe(10);
    expect([...version.columnOrder].sort()).toEqual([...SERVICE_MODEL_IDS].sort());
    for (const row of version.rows) {
      for (const model of SERVICE_MODEL_IDS) expect(AZURE_PARTIES).toContain(row.cells[model]);
      expect(row.cells['on-premises']).toBe('Customer');
      expect(row.citations.length).toBeGreaterThan(0);
      for (const citation of row.citations) {
        expect(AZURE_SOURCES).toHaveProperty(citation.source);
        expect(['verbatim', 'secondary']).toContain(citation.evidence);
        expect(citation.says.length).toBeGreaterThan(10);
      }
      // Each row cites the version it belongs to (its page or, for the legacy diagram, the SVG).
      expect(row.citations.some((c) => c.source === version.source || c.source === 'azure-srm-diagram')).toBe(true);
    }
  });

  it('prints columns in Microsoft\'s order with Microsoft\'s headings', () => {
    expect(AZURE_FRAMING_LEGACY.columnOrder.map((m) => AZURE_FRAMING_LEGACY.columnLabels[m])).toEqual(['SaaS', 'PaaS', 'IaaS', 'On-prem']);
    expect(AZURE_FRAMING_2026.columnOrder.map((m) => AZURE_FRAMING_2026.columnLabels[m])).toEqual(['On-premises', 'IaaS', 'PaaS', 'SaaS']);
  });

  it('the legacy diagram carries the three bands as published, and the band equals the category derived from the cells', () => {
    for (const row of AZURE_FRAMING_LEGACY.rows) expect(row.band).toBe(categoryOf(row));
    const bands = AZURE_FRAMING_LEGACY.rows.map((r) => r.band);
    expect(bands.filter((b) => b === 'always-retained')).toHaveLength(3);
    expect(bands.filter((b) => b === 'varies-by-type')).toHaveLength(4);
    expect(bands.filter((b) => b === 'transfers-to-provider')).toHaveLength(3);
    expect(AZURE_FRAMING_2026.rows.every((r) => r.band === undefined)).toBe(true);
  });

  it('keeps the source table in step with @demarc/core for the shared ids', () => {
    for (const [id, source] of Object.entries(AZURE_SOURCES)) {
      const core = (CORE_SOURCES as Record<string, unknown>)[id];
      if (core) expect(source).toEqual(core);
    }
  });

  it('every citation resolves through core\'s explain with the Azure sources', () => {
    for (const version of AZURE_FRAMING_VERSIONS) for (const row of version.rows) for (const c of row.citations) expect(resolveCitation(c, AZURE_SOURCES).document.url).toMatch(/^https:\/\//);
    expect(explain('guest-os', 'paas', AZURE_SOURCES).answers[0]!.party).toBe('provider');
  });

  it('finds versions by id and rejects unknown ones with the valid ids', () => {
    expect(framingVersion('table-2026')).toBe(AZURE_FRAMING_2026);
    expect(() => framingVersion('2019')).toThrow(/legacy-diagram, table-2026/);
  });
});

describe('differences between the two versions', () => {
  it('the recorded changes equal the computed diff', () => {
    expect(diffFramings(AZURE_FRAMING_LEGACY, AZURE_FRAMING_2026)).toEqual(AZURE_FRAMING_CHANGES);
    expect(AZURE_FRAMING.changes).toBe(AZURE_FRAMING_CHANGES);
  });

  it('only two cells changed, both SaaS, both to Shared', () => {
    const cellChanges = AZURE_FRAMING_CHANGES.filter((c) => c.kind === 'cell-changed');
    expect(cellChanges).toEqual([
      { kind: 'cell-changed', row: 'devices', model: 'saas', from: 'Customer', to: 'Shared' },
      { kind: 'cell-changed', row: 'applications', model: 'saas', from: 'Microsoft', to: 'Shared' },
    ]);
  });

  it('a version compared with itself has no differences, and the reverse diff mirrors the forward one', () => {
    for (const v of AZURE_FRAMING_VERSIONS) expect(diffFramings(v, v)).toEqual([]);
    const reverse = diffFramings(AZURE_FRAMING_2026, AZURE_FRAMING_LEGACY);
    expect(reverse.filter((c) => c.kind === 'row-added').map((c) => c.row)).toEqual(['identity-directory-infrastructure']);
    expect(reverse.filter((c) => c.kind === 'row-removed').map((c) => c.row)).toEqual(['configurations']);
    expect(reverse).toContainEqual({ kind: 'bands-introduced' });
  });
});

describe('translation to and from the normalized model', () => {
  it('maps rows to distinct domains (an injection), so no two rows collide', () => {
    const domains = Object.values(AZURE_ROW_DOMAINS);
    expect(new Set(domains).size).toBe(AZURE_ROW_IDS.length);
    for (const domain of domains) expect(DOMAIN_IDS).toContain(domain);
  });

  it('parties translate both ways without loss', () => {
    for (const party of AZURE_PARTIES) expect(toAzureParty(toNormalizedParty(party))).toBe(party);
  });

  it.each(AZURE_FRAMING_VERSIONS.map((v) => [v.id, v] as const))('%s: fromNormalized(toNormalized(v)) is v, over every row and cell', (_id, version) => {
    const normalized = toNormalized(version);
    expect(normalized.cells).toHaveLength(version.rows.length * SERVICE_MODEL_IDS.length);
    for (const cell of normalized.cells) {
      const row = version.rows.find((r) => r.id === cell.provenance.row)!;
      expect(cell.domain).toBe(AZURE_ROW_DOMAINS[row.id]);
      expect(toAzureParty(cell.party)).toBe(row.cells[cell.model]);
      expect(cell.sharedMode).toBe(cell.party === 'shared' ? 'split' : undefined);
      expect(cell.provenance.column).toBe(version.columnLabels[cell.model]);
    }
    expect(fromNormalized(normalized)).toStrictEqual(version);
    // And the other way: normalizing the rebuilt version gives the same cells.
    expect(toNormalized(fromNormalized(normalized))).toStrictEqual(normalized);
  });

  it('round-trips every possible row: each of the 81 cell assignments, in every row position and band', () => {
    let checked = 0;
    for (const base of AZURE_FRAMING_VERSIONS) {
      for (let index = 0; index < base.rows.length; index++) {
        for (const assignment of allCellAssignments()) {
          const rows = base.rows.map((row, i) => (i === index ? { ...row, cells: assignment } : row));
          const version: AzureFramingVersion = { ...base, rows };
          expect(fromNormalized(toNormalized(version))).toStrictEqual(version);
          checked++;
        }
      }
    }
    expect(checked).toBe(2 * 10 * 81);
  });

  it('refuses normalized data that cannot be turned back without loss', () => {
    const normalized = toNormalized(AZURE_FRAMING_2026);
    expect(() => fromNormalized({ ...normalized, cells: normalized.cells.slice(1) })).toThrow(NormalizedFramingError);
    const wrongDomain = normalized.cells.map((c, i) => (i === 0 ? { ...c, domain: 'governance' as const } : c));
    expect(() => fromNormalized({ ...normalized, cells: wrongDomain })).toThrow(/maps to 'data-protection'/);
    const relabelled = normalized.cells.map((c, i) => (i === 1 ? { ...c, provenance: { ...c.provenance, label: 'Other' } } : c));
    expect(() => fromNormalized({ ...normalized, cells: relabelled })).toThrow(/label, band or citations differ/);
  });
});

describe('agreement with BASELINE_MATRIX', () => {
  it('the recorded divergences are exactly the computed ones, each with a reason', () => {
    const computed = AZURE_FRAMING_VERSIONS.flatMap((v) => compareWithBaseline(v));
    expect(AZURE_BASELINE_DIVERGENCES.map(({ reason: _reason, ...rest }) => rest)).toEqual(computed);
    for (const d of AZURE_BASELINE_DIVERGENCES) expect(d.reason.length).toBeGreaterThan(20);
  });

  it('every other cell of both versions agrees with the baseline', () => {
    for (const version of AZURE_FRAMING_VERSIONS) {
      for (const cell of toNormalized(version).cells) {
        const diverges = AZURE_BASELINE_DIVERGENCES.some((d) => d.version === version.id && d.domain === cell.domain && d.model === cell.model);
        if (!diverges) expect(cell.party).toBe(BASELINE_MATRIX[cell.domain][cell.model].party);
      }
    }
  });
});

describe('resolving "varies by type"', () => {
  const models: readonly ServiceModelId[] = SERVICE_MODEL_IDS;

  it('resolves every varying row to a concrete party for every model, equal to Microsoft\'s cell', () => {
    for (const model of models) {
      const resolved = resolveVaries(model);
      expect(resolved.map((r) => r.row)).toEqual(['devices', 'identity-directory-infrastructure', 'applications', 'network-controls', 'operating-system']);
      for (const r of resolved) {
        expect(AZURE_PARTIES).toContain(r.party);
        expect(r.decidedBy).toBe('framing');
        const version = AZURE_FRAMING_VERSIONS.find((v) => v.id === r.version)!;
        expect(r.party).toBe(version.rows.find((row) => row.id === r.row)!.cells[model]);
      }
    }
  });

  it('reads rows the 2026 table dropped from the legacy diagram', () => {
    const r = resolveAzureRow('identity-directory-infrastructure', 'saas');
    expect(r).toMatchObject({ version: 'legacy-diagram', party: 'Shared', category: 'varies-by-type' });
  });

  it('a catalog service\'s override decides for its resources (AKS nodes share the operating system)', () => {
    const aks = classify('Microsoft.ContainerService/managedClusters')!;
    expect(resolveAzureRow('operating-system', 'paas').party).toBe('Microsoft');
    expect(resolveAzureRow('operating-system', aks)).toMatchObject({ party: 'Shared', decidedBy: 'catalog-override', service: 'aks' });
    const vm = classify('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1')!;
    expect(resolveAzureRow('operating-system', vm)).toMatchObject({ party: 'Customer', decidedBy: 'framing', model: 'iaas' });
    const m365 = azureService('microsoft-365')!;
    expect(resolveAzureRow('network-controls', m365).party).toBe('Microsoft');
  });

  it('rejects unknown rows and models', () => {
    expect(() => resolveAzureRow('hypervisor' as never, 'iaas')).toThrow(/Unknown Azure row/);
    expect(() => resolveAzureRow('applications', 'faas' as never)).toThrow(/Unknown service model/);
  });

  it('legend values are exactly Microsoft\'s three', () => {
    const seen = new Set<AzureParty>();
    for (const v of AZURE_FRAMING_VERSIONS) for (const r of v.rows) for (const m of models) seen.add(r.cells[m]);
    expect([...seen].sort()).toEqual([...AZURE_PARTIES].sort());
  });
});
