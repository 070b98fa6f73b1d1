/**
 * Google's framing as core's typed {@link FramingV1}, the contract any host (the CLI's `matrix` and
 * `explain`, a docs site) reads without knowing Google's own shape: the sixteen-row diagram and shared
 * fate in Google's words, then the same framing translated into the normalized model.
 * @module
 */
import {
  SERVICE_MODELS,
  normalizedFramingTable,
  sourceAddresses,
  wordsByDomain,
  type DomainId,
  type FramingTableV1,
  type FramingV1,
} from '@demarc/core';
import { GOOGLE_FRAMING, GOOGLE_MATRIX_COLUMNS, GOOGLE_SHARED_FATE } from './framing';
import { GCP_SOURCES } from './sources';
import { toNormalized } from './translation';

const PARTY_WORD = { customer: 'Customer', google: 'Google' } as const;

let built: FramingV1 | undefined;

/** Google Cloud's {@link FramingV1} (what `gcpProvider().framing` carries), built once from the framing data. */
export function gcpFramingV1(): FramingV1 {
  return (built ??= buildFramingV1());
}

function buildFramingV1(): FramingV1 {
  const diagram: FramingTableV1 = {
    title: `Google Cloud: ${GOOGLE_FRAMING.name}`,
    summary:
      'Google\'s diagram has two parties and no "shared" cell: each of sixteen rows is the customer\'s or '
      + 'Google\'s per column. Shared fate is Google\'s help (tools, secure defaults, blueprints) with what stays '
      + 'the customer\'s; it never moves a responsibility.',
    columns: GOOGLE_MATRIX_COLUMNS.map((column) => SERVICE_MODELS.find((model) => model.id === column)?.id ?? column),
    rows: GOOGLE_FRAMING.rows.map((row) => ({
      label: row.label,
      cells: GOOGLE_MATRIX_COLUMNS.map((column) => PARTY_WORD[row.cells[column].party]),
    })),
    sources: sourceAddresses(GCP_SOURCES, [GOOGLE_FRAMING.source]),
    notes: [
      `As of ${GOOGLE_FRAMING.asOf}; Google publishes the diagram as an image, so cells come from independent `
        + 'transcriptions.',
    ],
  };
  const fate: FramingTableV1 = {
    title: 'Google Cloud: shared fate',
    summary: 'The assistance Google offers per customer-side domain. It helps; it does not change who is responsible.',
    columns: ['kind', 'assist'],
    rows: Object.entries(GOOGLE_SHARED_FATE).flatMap(([domain, assists]) =>
      (assists ?? []).map((assist) => ({ group: domain, label: assist.name, cells: [assist.kind, assist.helpsWith] })),
    ),
    sources: diagram.sources,
  };
  const cells = toNormalized(GOOGLE_FRAMING).cells;
  const normalized = normalizedFramingTable('Google Cloud', cells, GOOGLE_MATRIX_COLUMNS, diagram.sources);
  const diagramWords = GOOGLE_FRAMING.rows.flatMap((row) =>
    row.domains.map((domain) => {
      const parties = (['iaas', 'paas', 'saas'] as const)
        .map((model) => `${model} ${PARTY_WORD[row.cells[model].party]}`);
      return [domain, `"${row.label}": ${parties.join('; ')}`] as const;
    }),
  );
  const fateWords = Object.entries(GOOGLE_SHARED_FATE).flatMap(([domain, assists]) =>
    (assists ?? []).map((assist) => {
      const line = `shared fate: ${assist.name} (${assist.kind}), which helps but does not move the responsibility`;
      return [domain as DomainId, line] as const;
    }),
  );
  return {
    specificationVersion: 'v1',
    tables: [diagram, fate, normalized],
    domainWords: wordsByDomain([...diagramWords, ...fateWords]),
    sources: GCP_SOURCES,
  };
}
