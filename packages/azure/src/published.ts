/**
 * What the Azure provider publishes through the provider contract: Microsoft's framing as
 * {@link FramingV1} tables (each published version in Microsoft's words, the current one first, then
 * the translation into the normalized model), so hosts such as the CLI show it without knowing Azure.
 * The permissions it publishes are built in `permissions.ts`.
 * @module
 */
import {
  normalizedFramingTable,
  SERVICE_MODELS,
  sourceAddresses,
  wordsByDomain,
  type FramingTableV1,
  type FramingV1,
} from '@demarc/core';
import {
  AZURE_BANDS,
  AZURE_FRAMING,
  AZURE_FRAMING_VERSIONS,
  AZURE_ROW_DOMAINS,
  categoryOf,
  type AzureFramingVersion,
} from './framing';
import { AZURE_SOURCES } from './sources';
import { toNormalized } from './translation';

const CLOUD_MODELS = ['iaas', 'paas', 'saas'] as const;
const BAND_HEADING = new Map<string, string>(AZURE_BANDS.map((band) => [band.id, band.heading]));

/** One published version as a table in Microsoft's words; rows keep their band (published or derived). */
const versionTable = (version: AzureFramingVersion, current: boolean): FramingTableV1 => ({
  title: `Microsoft Azure: ${version.title}${current ? ' (current)' : ''}`,
  summary: version.publishesBands
    ? 'Microsoft\'s legacy diagram: responsibilities always retained by the customer, varying by service type, ' +
      'or transferring to the cloud provider.'
    : 'Microsoft\'s 2026 table: no bands any more; the band shown is demarc\'s reading of each row\'s cells.',
  columns: version.columnOrder.map((model) => version.columnLabels[model]),
  rows: version.rows.map((row) => ({
    group: BAND_HEADING.get(row.band ?? categoryOf(row)) ?? '',
    label: row.label,
    cells: version.columnOrder.map((model) => row.cells[model]),
  })),
  sources: sourceAddresses(AZURE_SOURCES, [version.source]),
  notes: [`As of ${version.asOf}.`],
});

/** Microsoft's framing: both versions (newest first) and the 2026 table in the normalized model. */
function buildAzureFraming(): FramingV1 {
  const newestFirst = [...AZURE_FRAMING.versions].reverse();
  const tables = newestFirst.map((version) => versionTable(version, version.id === AZURE_FRAMING.current.id));
  const normalized = normalizedFramingTable(
    'Microsoft Azure (2026 table)',
    toNormalized(AZURE_FRAMING.current).cells,
    SERVICE_MODELS.map((model) => model.id),
    tables[0]?.sources ?? [],
  );
  const domainWords = wordsByDomain(
    AZURE_FRAMING_VERSIONS.flatMap((version) =>
      version.rows.map((row) => {
        const which = version.id === 'table-2026' ? '2026 table' : 'legacy diagram';
        const cells = CLOUD_MODELS.map((m) => `${version.columnLabels[m]} ${row.cells[m]}`).join('; ');
        return [AZURE_ROW_DOMAINS[row.id], `"${row.label}" (${which}): ${cells}`] as const;
      }),
    ),
  );
  return { specificationVersion: 'v1', tables: [...tables, normalized], domainWords, sources: AZURE_SOURCES };
}

let framing: FramingV1 | undefined;

/** Microsoft's framing as the provider contract publishes it (built once, on first use). */
export const azureFramingV1 = (): FramingV1 => (framing ??= buildAzureFraming());
