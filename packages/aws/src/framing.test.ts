import { describe, expect, it } from 'vitest';
import { DOMAIN_IDS, SERVICE_VARIANTS, resolveCitation } from '@demarc/core';
import {
  AWS_CONTROL_CLASSES,
  AWS_FRAMING,
  AWS_FRAMING_ROW_IDS,
  AWS_FRAMING_ROWS,
  AWS_RESPONSIBILITY_SIDES,
  AWS_SERVICE_CATEGORIES,
  AWS_SERVICE_CATEGORY_IDS,
  type AwsFramingCell,
} from './framing';
import { AWS_SOURCES } from './sources';
import {
  AWS_BASELINE_DIVERGENCES,
  CATEGORY_MODEL,
  MODEL_CATEGORY,
  baselineDivergences,
  fromNormalized,
  normalizedAwsMatrix,
  toNormalized,
} from './translation';

const allCells = (): { row: string; category: string; cell: AwsFramingCell }[] =>
  AWS_FRAMING_ROWS.flatMap((row) => AWS_SERVICE_CATEGORY_IDS.flatMap((category) => (row.cells[category] ? [{ row: row.id, category, cell: row.cells[category] }] : [])));

const allCitations = () => [
  ...AWS_RESPONSIBILITY_SIDES.flatMap((side) => side.citations),
  ...AWS_SERVICE_CATEGORIES.flatMap((category) => category.citations),
  ...AWS_CONTROL_CLASSES.flatMap((controlClass) => controlClass.citations),
  ...allCells().flatMap(({ cell }) => cell.citations),
];

describe('AWS framing data', () => {
  it('has one row per id, in id order, each mapped to a normalized domain', () => {
    expect(AWS_FRAMING_ROWS.map((row) => row.id)).toEqual([...AWS_FRAMING_ROW_IDS]);
    for (const row of AWS_FRAMING_ROWS) expect(DOMAIN_IDS).toContain(row.domain);
  });

  it('cites a known AWS source from every side, category, control class and cell', () => {
    const citations = allCitations();
    expect(citations.length).toBeGreaterThan(40);
    for (const citation of citations) {
      expect(() => resolveCitation(citation, AWS_SOURCES)).not.toThrow();
      expect(['verbatim', 'secondary']).toContain(citation.evidence);
      expect(citation.says.trim().length).toBeGreaterThan(10);
    }
  });

  it('gives every shared cell a mode and both parts, and no other cell a mode', () => {
    for (const { row, category, cell } of allCells()) {
      const label = `${row}/${category}`;
      if (cell.side === 'of-and-in') {
        expect(cell.mode, label).toBeDefined();
        expect(cell.awsPart, label).toBeTruthy();
        expect(cell.customerPart, label).toBeTruthy();
      } else expect(cell.mode, label).toBeUndefined();
    }
  });

  it('marks demarc\'s readings as inferred and says so in the note', () => {
    for (const { row, category, cell } of allCells()) {
      if (cell.reading === 'inferred') expect(cell.note, `${row}/${category}`).toMatch(/demarc's reading/);
    }
  });

  it('lists control-class examples that exist and carry that class', () => {
    for (const controlClass of AWS_CONTROL_CLASSES) {
      for (const rowId of controlClass.exampleRows) {
        expect(AWS_FRAMING_ROWS.find((row) => row.id === rowId)?.controlClass).toBe(controlClass.id);
      }
    }
    expect(AWS_CONTROL_CLASSES.find((c) => c.id === 'shared')?.exampleRows).toEqual(['patch-management', 'configuration-management', 'awareness-training']);
    for (const rowId of ['patch-management', 'configuration-management', 'awareness-training'] as const) {
      const row = AWS_FRAMING_ROWS.find((r) => r.id === rowId)!;
      for (const category of AWS_SERVICE_CATEGORY_IDS) expect(row.cells[category]?.mode).toBe('parallel');
    }
  });

  it('maps each category to the model of its core variant, one-to-one', () => {
    for (const category of AWS_SERVICE_CATEGORIES) {
      expect(CATEGORY_MODEL[category.id]).toBe(SERVICE_VARIANTS.find((v) => v.id === category.variant)?.model);
      expect(MODEL_CATEGORY[CATEGORY_MODEL[category.id]]).toBe(category.id);
    }
    expect(CATEGORY_MODEL).toEqual({ infrastructure: 'iaas', container: 'paas', abstracted: 'saas' });
  });
});

describe('translation to and from the normalized model', () => {
  it('round-trips the whole framing to itself', () => {
    expect(fromNormalized(toNormalized(AWS_FRAMING))).toEqual(AWS_FRAMING);
  });

  it('produces exactly one normalized cell per framing cell, with the derived party', () => {
    const normalized = toNormalized(AWS_FRAMING);
    const cells = allCells();
    expect(normalized).toHaveLength(cells.length);
    cells.forEach(({ row, category, cell }, index) => {
      const n = normalized[index]!;
      expect(n.aws.row).toBe(row);
      expect(n.model).toBe(CATEGORY_MODEL[category as keyof typeof CATEGORY_MODEL]);
      expect(n.party).toBe({ 'of-the-cloud': 'provider', 'in-the-cloud': 'customer', 'of-and-in': 'shared' }[cell.side]);
      expect(n.sharedMode).toBe(cell.mode);
    });
  });

  it('round-trips every single row on its own (property over all rows)', () => {
    for (const row of AWS_FRAMING_ROWS) {
      const framing = { rows: [row] };
      expect(fromNormalized(toNormalized(framing)), row.id).toEqual(framing);
    }
  });

  it('round-trips every normalized cell back to the same normalized cell', () => {
    const normalized = toNormalized(AWS_FRAMING);
    for (const cell of normalized) expect(toNormalized(fromNormalized([cell]))).toEqual([cell]);
  });

  it('marks inherited controls as inherited provider cells', () => {
    const inherited = toNormalized(AWS_FRAMING).filter((c) => c.inherited);
    expect(inherited.map((c) => c.aws.row)).toEqual(['physical-environmental-controls', 'physical-environmental-controls', 'physical-environmental-controls']);
    for (const cell of inherited) expect(cell.party).toBe('provider');
  });

  it('refuses cells of one row that disagree, or repeat a model', () => {
    const [first, second] = toNormalized({ rows: [AWS_FRAMING_ROWS[0]!] });
    expect(() => fromNormalized([first!, { ...second!, aws: { ...second!.aws, label: 'changed' } }])).toThrow(/disagree/);
    expect(() => fromNormalized([first!, first!])).toThrow(/two cells/);
  });
});

describe('agreement with the baseline matrix', () => {
  it('diverges from BASELINE_MATRIX exactly where AWS_BASELINE_DIVERGENCES says', () => {
    const computed = baselineDivergences(normalizedAwsMatrix(toNormalized(AWS_FRAMING)))
      .map((d) => `${d.domain}@${d.model}:${d.aws.party}`)
      .sort();
    const recorded = AWS_BASELINE_DIVERGENCES.flatMap((d) => d.models.map((model) => `${d.domain}@${model}:${d.awsParty}`)).sort();
    expect(computed).toEqual(recorded);
  });

  it('agrees with the baseline on the customer\'s core duties in every category', () => {
    const matrix = normalizedAwsMatrix(toNormalized(AWS_FRAMING));
    for (const domain of ['data-protection', 'accounts-access'] as const) {
      for (const model of ['iaas', 'paas', 'saas'] as const) {
        expect(matrix.find((c) => c.domain === domain && c.model === model)?.party).toBe('customer');
      }
    }
    expect(matrix.find((c) => c.domain === 'guest-os' && c.model === 'iaas')?.rows).toEqual(['operating-system', 'patch-management']);
  });
});

describe('README example', () => {
  it('shows the PaaS guest-os cells as documented', () => {
    const cells = toNormalized(AWS_FRAMING);
    expect(cells.filter((c) => c.model === 'paas' && c.domain === 'guest-os').map((c) => [c.aws.row, c.party])).toEqual([
      ['operating-system', 'provider'],
      ['patch-management', 'shared'],
    ]);
  });
});

describe('awsStatementsFor', () => {
  it('returns, for every domain, exactly the rows mapped to it with resolved documents', async () => {
    const { awsStatementsFor } = await import('./queries');
    let rows = 0;
    for (const domain of DOMAIN_IDS) {
      const answer = awsStatementsFor(domain);
      expect(answer.rows.map((r) => r.id)).toEqual(AWS_FRAMING_ROWS.filter((r) => r.domain === domain).map((r) => r.id));
      rows += answer.rows.length;
      for (const row of answer.rows) {
        for (const s of row.statements) for (const c of s.citations) expect(c.document.url).toMatch(/^https:\/\//);
      }
    }
    expect(rows).toBe(AWS_FRAMING_ROWS.length);
    const patching = awsStatementsFor('guest-os').rows.find((r) => r.id === 'patch-management')!;
    expect(patching.statements.map((s) => [s.category, s.party, s.mode])).toEqual([
      ['infrastructure', 'shared', 'parallel'], ['container', 'shared', 'parallel'], ['abstracted', 'shared', 'parallel'],
    ]);
  });
});
