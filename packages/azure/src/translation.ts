/**
 * Microsoft's framing in demarc's vocabulary: the lossless translation of a framing version to and
 * from the normalized model, where it disagrees with demarc's baseline (each divergence with its
 * reason), and how "varies by type" resolves to a concrete owner per service model and, through the
 * catalog, per resource.
 * @module
 */
import {
  BASELINE_MATRIX,
  DemarcError,
  DOMAIN_IDS,
  SERVICE_MODEL_IDS,
  UnknownIdError,
  type Citation,
  type DomainId,
  type Party,
  type ResponsibilityCell,
  type ServiceCatalogEntry,
  type ServiceModelId,
} from '@demarc/core';
import {
  AZURE_FRAMING,
  AZURE_FRAMING_VERSIONS,
  AZURE_ROW_DOMAINS,
  AZURE_ROW_IDS,
  categoryOf,
  type AzureBand,
  type AzureFramingRow,
  type AzureFramingVersion,
  type AzureFramingVersionId,
  type AzureParty,
  type AzureRowId,
} from './framing';

// ---------------------------------------------------------------------------------------------
// Translation to and from the normalized model
// ---------------------------------------------------------------------------------------------

const TO_PARTY: Readonly<Record<AzureParty, Party>> = { Customer: 'customer', Microsoft: 'provider', Shared: 'shared' };
const FROM_PARTY: Readonly<Record<Party, AzureParty>> = { customer: 'Customer', provider: 'Microsoft', shared: 'Shared' };

/** Translates Microsoft's legend value into a normalized party. */
export const toNormalizedParty = (party: AzureParty): Party => TO_PARTY[party];

/** Translates a normalized party into Microsoft's legend value. */
export const toAzureParty = (party: Party): AzureParty => FROM_PARTY[party];

/** Where a normalized cell came from in Microsoft's framing. */
export interface AzureCellProvenance {
  /** The row id. */
  readonly row: AzureRowId;
  /** The row label as printed. */
  readonly label: string;
  /** The published band, when the version prints one. */
  readonly band?: AzureBand;
  /** The column heading as printed. */
  readonly column: string;
}

/** A normalized cell for one (domain, service model), with where it came from in Microsoft's table. */
export interface NormalizedFramingCell extends ResponsibilityCell {
  /** The normalized domain. */
  readonly domain: DomainId;
  /** The service model. */
  readonly model: ServiceModelId;
  /** Microsoft's row and column. */
  readonly provenance: AzureCellProvenance;
}

/** A framing version in the normalized vocabulary: one cell per (domain, service model) Microsoft covers. */
export interface NormalizedAzureFraming {
  /** The vendor. */
  readonly vendor: 'azure';
  /** The version's header (id, title, date, source, column order and labels, bands). */
  readonly version: Omit<AzureFramingVersion, 'rows'>;
  /** Cells in row order, each row's columns in {@link SERVICE_MODEL_IDS} order. */
  readonly cells: readonly NormalizedFramingCell[];
}

const rationaleFor = (version: AzureFramingVersion, row: AzureFramingRow, model: ServiceModelId): string =>
  `Microsoft's ${version.id === 'table-2026' ? '2026 table' : 'legacy diagram'} marks "${row.label}" ${row.cells[model]} under ${version.columnLabels[model]}.`;

/**
 * Translates a framing version into normalized cells: each row becomes the cells of its domain
 * ({@link AZURE_ROW_DOMAINS}), Customer → customer, Microsoft → provider, Shared → shared (`split`:
 * Microsoft's "Shared responsibilities explained" divides each shared row between the parties).
 */
export function toNormalized(version: AzureFramingVersion): NormalizedAzureFraming {
  const { rows, ...header } = version;
  const normalized: NormalizedFramingCell[] = [];
  for (const row of rows) {
    for (const model of SERVICE_MODEL_IDS) {
      const party = toNormalizedParty(row.cells[model]);
      normalized.push({
        domain: AZURE_ROW_DOMAINS[row.id],
        model,
        party,
        ...(party === 'shared' ? { sharedMode: 'split' as const } : {}),
        rationale: rationaleFor(version, row, model),
        citations: row.citations,
        provenance: { row: row.id, label: row.label, ...(row.band ? { band: row.band } : {}), column: version.columnLabels[model] },
      });
    }
  }
  return { vendor: 'azure', version: header, cells: normalized };
}

/** A normalized framing cannot be turned back into Microsoft's table without losing or inventing data. */
export class NormalizedFramingError extends DemarcError {
  override name = 'NormalizedFramingError';
}

/**
 * Rebuilds a framing version from its normalized form: the inverse of {@link toNormalized}. Throws
 * when a row lacks a column, a cell's domain is not its row's, or a row's cells disagree on label,
 * band or citations, so a hand-edited normalized file cannot lose data silently.
 */
export function fromNormalized(normalized: NormalizedAzureFraming): AzureFramingVersion {
  const byRow = new Map<AzureRowId, NormalizedFramingCell[]>();
  for (const cell of normalized.cells) {
    if (!(AZURE_ROW_IDS as readonly string[]).includes(cell.provenance.row)) throw new UnknownIdError('Azure row', cell.provenance.row, AZURE_ROW_IDS);
    if (AZURE_ROW_DOMAINS[cell.provenance.row] !== cell.domain) {
      throw new NormalizedFramingError(`Azure row '${cell.provenance.row}' maps to '${AZURE_ROW_DOMAINS[cell.provenance.row]}', not '${cell.domain}'`);
    }
    const list = byRow.get(cell.provenance.row) ?? [];
    list.push(cell);
    byRow.set(cell.provenance.row, list);
  }
  const rows: AzureFramingRow[] = [];
  for (const [id, list] of byRow) {
    const first = list[0]!;
    const models = list.map((cell) => cell.model);
    if (models.length !== SERVICE_MODEL_IDS.length || !SERVICE_MODEL_IDS.every((model) => models.includes(model))) {
      throw new NormalizedFramingError(`Azure row '${id}' needs exactly one cell per column (${SERVICE_MODEL_IDS.join(', ')}), got: ${models.join(', ')}`);
    }
    const signature = (cell: NormalizedFramingCell): string => JSON.stringify([cell.provenance.label, cell.provenance.band, cell.citations]);
    const odd = list.find((cell) => signature(cell) !== signature(first));
    if (odd) throw new NormalizedFramingError(`Azure row '${id}': the ${odd.model} cell's label, band or citations differ from the ${first.model} cell's`);
    const rowCells = Object.fromEntries(SERVICE_MODEL_IDS.map((model) => [model, toAzureParty(list.find((cell) => cell.model === model)!.party)])) as Record<ServiceModelId, AzureParty>;
    rows.push({
      id,
      label: first.provenance.label,
      ...(first.provenance.band ? { band: first.provenance.band } : {}),
      cells: rowCells,
      citations: first.citations,
    });
  }
  return { ...normalized.version, rows };
}

// ---------------------------------------------------------------------------------------------
// Agreement with the baseline
// ---------------------------------------------------------------------------------------------

/** A cell where Microsoft's framing and demarc's baseline matrix name different parties. */
export interface BaselineDivergence {
  /** The framing version. */
  readonly version: AzureFramingVersionId;
  /** Microsoft's row. */
  readonly row: AzureRowId;
  /** The normalized domain. */
  readonly domain: DomainId;
  /** The service model. */
  readonly model: ServiceModelId;
  /** Microsoft's party, normalized. */
  readonly azure: Party;
  /** The baseline's party. */
  readonly baseline: Party;
  /** Why they differ, in demarc's words. */
  readonly reason: string;
}

const APPLICATIONS_PAAS = 'Microsoft folds the platform into "Applications"; the baseline keeps the platform in runtime-platform (provider) and the code with the customer.';
const APPLICATIONS_SAAS = 'The 2026 table makes Applications Shared at SaaS because the customer configures the application and its access; the baseline counts that as service-configuration and accounts-access and leaves the application itself to the provider.';
const DEVICES_SAAS = 'The 2026 table makes Client devices Shared at SaaS because Microsoft "may provide some device management capabilities"; the baseline keeps endpoint protection with the customer, as Microsoft\'s own sentence does.';

/**
 * Every cell where a version of Microsoft's framing and `BASELINE_MATRIX` disagree, with the reason.
 * Recorded by hand and tested equal to {@link compareWithBaseline}: a new divergence fails a test
 * until someone writes down why.
 */
export const AZURE_BASELINE_DIVERGENCES: readonly BaselineDivergence[] = [
  { version: 'legacy-diagram', row: 'applications', domain: 'application', model: 'paas', azure: 'shared', baseline: 'customer', reason: APPLICATIONS_PAAS },
  { version: 'table-2026', row: 'devices', domain: 'client-endpoints', model: 'saas', azure: 'shared', baseline: 'customer', reason: DEVICES_SAAS },
  { version: 'table-2026', row: 'applications', domain: 'application', model: 'paas', azure: 'shared', baseline: 'customer', reason: APPLICATIONS_PAAS },
  { version: 'table-2026', row: 'applications', domain: 'application', model: 'saas', azure: 'shared', baseline: 'provider', reason: APPLICATIONS_SAAS },
];

/** Compares a version's normalized cells with `BASELINE_MATRIX` and lists the disagreements (without reasons). */
export function compareWithBaseline(version: AzureFramingVersion): Omit<BaselineDivergence, 'reason'>[] {
  return toNormalized(version)
    .cells.filter((cell) => BASELINE_MATRIX[cell.domain][cell.model].party !== cell.party)
    .map((cell) => ({ version: version.id, row: cell.provenance.row, domain: cell.domain, model: cell.model, azure: cell.party, baseline: BASELINE_MATRIX[cell.domain][cell.model].party }));
}

// ---------------------------------------------------------------------------------------------
// Resolving "varies by type"
// ---------------------------------------------------------------------------------------------

/** The concrete owner of one Microsoft row for a service model or a catalog service. */
export interface AzureRowResolution {
  /** Microsoft's row. */
  readonly row: AzureRowId;
  /** Its label in the version used. */
  readonly label: string;
  /** The version the cell was read from (the legacy diagram for rows the 2026 table dropped). */
  readonly version: AzureFramingVersionId;
  /** The row's band: published, or derived by {@link categoryOf}. */
  readonly category: AzureBand;
  /** The service model. */
  readonly model: ServiceModelId;
  /** The catalog service, when one was given. */
  readonly service?: string;
  /** Who carries it, in Microsoft's words. */
  readonly party: AzureParty;
  /** Who carries it, normalized. */
  readonly normalizedParty: Party;
  /** `framing` when Microsoft's cell decides; `catalog-override` when the service differs from its model. */
  readonly decidedBy: 'framing' | 'catalog-override';
  /** Why. */
  readonly rationale: string;
  /** The statements behind it. */
  readonly citations: readonly Citation[];
}

/**
 * Resolves one of Microsoft's rows to a concrete owner: for a bare service model, Microsoft's cell;
 * for a catalog service, the service's override of the row's domain when it has one (AKS nodes:
 * "Operating system" is Shared), else the cell for the service's model. Rows the 2026 table dropped
 * ("Identity and directory infrastructure") are read from the legacy diagram.
 *
 * @example
 * ```ts
 * resolveAzureRow('network-controls', 'paas').party; // 'Shared'
 * resolveAzureRow('operating-system', classify('Microsoft.ContainerService/managedClusters')!).party; // 'Shared'
 * ```
 */
export function resolveAzureRow(row: AzureRowId, context: ServiceModelId | ServiceCatalogEntry, version: AzureFramingVersion = AZURE_FRAMING.current): AzureRowResolution {
  if (!(AZURE_ROW_IDS as readonly string[]).includes(row)) throw new UnknownIdError('Azure row', row, AZURE_ROW_IDS);
  const source = version.rows.find((r) => r.id === row) ? version : AZURE_FRAMING_VERSIONS.find((v) => v.rows.some((r) => r.id === row))!;
  const framingRow = source.rows.find((r) => r.id === row)!;
  const model = typeof context === 'string' ? context : context.model;
  if (!(SERVICE_MODEL_IDS as readonly string[]).includes(model)) throw new UnknownIdError('service model', model, SERVICE_MODEL_IDS);
  const base = {
    row,
    label: framingRow.label,
    version: source.id,
    category: framingRow.band ?? categoryOf(framingRow),
    model,
    ...(typeof context === 'string' ? {} : { service: context.id }),
  };
  const override = typeof context === 'string' ? undefined : context.overrides?.[AZURE_ROW_DOMAINS[row]];
  if (override) {
    return { ...base, party: toAzureParty(override.party), normalizedParty: override.party, decidedBy: 'catalog-override', rationale: override.rationale, citations: override.citations };
  }
  const party = framingRow.cells[model];
  return { ...base, party, normalizedParty: toNormalizedParty(party), decidedBy: 'framing', rationale: rationaleFor(source, framingRow, model), citations: framingRow.citations };
}

/**
 * Every row Microsoft says "varies by type", resolved for a service model or a catalog service:
 * the answer to "for this resource, who owns the operating system, the network controls, the
 * application and the identity infrastructure?".
 */
export function resolveVaries(context: ServiceModelId | ServiceCatalogEntry): AzureRowResolution[] {
  const varying = new Set<AzureRowId>();
  for (const version of AZURE_FRAMING_VERSIONS) for (const row of version.rows) if ((row.band ?? categoryOf(row)) === 'varies-by-type') varying.add(row.id);
  return AZURE_ROW_IDS.filter((id) => varying.has(id)).map((id) => resolveAzureRow(id, context));
}

/** The domains Microsoft's rows cover, in {@link DOMAIN_IDS} order. */
export const AZURE_COVERED_DOMAINS: readonly DomainId[] = DOMAIN_IDS.filter((domain) => Object.values(AZURE_ROW_DOMAINS).includes(domain));
