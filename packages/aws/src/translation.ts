/**
 * A lossless translation between AWS's framing and demarc's normalized model.
 *
 * Each framing cell (row × service category) becomes one normalized cell at (domain, service model):
 * the category becomes the model of core's variant for it (`aws-infrastructure` → IaaS, `aws-container`
 * → PaaS, `aws-abstracted` → SaaS), the side becomes a party (`of-the-cloud` → provider, `in-the-cloud`
 * → customer, `of-and-in` → shared with its mode). What the normalized model has no field for (AWS's
 * row wording, control class, each side's part, whether the cell is published or demarc's reading)
 * travels in `aws`, so `fromNormalized(toNormalized(f))` is `f`.
 *
 * {@link normalizedAwsMatrix} folds the cells into one answer per (domain, model) and
 * {@link baselineDivergences} compares that with core's `BASELINE_MATRIX`; every divergence is
 * recorded with its reason in {@link AWS_BASELINE_DIVERGENCES}.
 * @module
 */
import { BASELINE_MATRIX, SERVICE_VARIANTS, type Citation, type DomainId, type Party, type ServiceModelId, type SharedMode } from '@demarc/core';
import {
  AWS_SERVICE_CATEGORIES,
  AWS_SERVICE_CATEGORY_IDS,
  type AwsControlClass,
  type AwsFraming,
  type AwsFramingCell,
  type AwsFramingRow,
  type AwsFramingRowId,
  type AwsFramingRowKind,
  type AwsServiceCategory,
  type AwsSide,
} from './framing';

/** The normalized models AWS's categories map to (AWS publishes no on-premises column). */
export type AwsCategoryModel = Exclude<ServiceModelId, 'on-premises'>;

const modelOfVariant = (variant: string): AwsCategoryModel => {
  const found = SERVICE_VARIANTS.find((v) => v.id === variant);
  if (!found) throw new Error(`core has no service variant '${variant}'`);
  return found.model;
};

/** The normalized model of each AWS service category, taken from core's `SERVICE_VARIANTS`. */
export const CATEGORY_MODEL: Readonly<Record<AwsServiceCategory, AwsCategoryModel>> = Object.fromEntries(
  AWS_SERVICE_CATEGORIES.map((category) => [category.id, modelOfVariant(category.variant)]),
) as Record<AwsServiceCategory, AwsCategoryModel>;

/** The AWS service category of each normalized cloud model: the inverse of {@link CATEGORY_MODEL}. */
export const MODEL_CATEGORY: Readonly<Record<AwsCategoryModel, AwsServiceCategory>> = Object.fromEntries(
  AWS_SERVICE_CATEGORY_IDS.map((category) => [CATEGORY_MODEL[category], category]),
) as Record<AwsCategoryModel, AwsServiceCategory>;

/** The party of each AWS side. */
export const SIDE_PARTY: Readonly<Record<AwsSide, Party>> = { 'of-the-cloud': 'provider', 'in-the-cloud': 'customer', 'of-and-in': 'shared' };

const PARTY_SIDE: Readonly<Record<Party, AwsSide>> = { provider: 'of-the-cloud', customer: 'in-the-cloud', shared: 'of-and-in' };

/** What a normalized cell keeps of AWS's vocabulary, so the translation is reversible. */
export interface AwsVendorTerms {
  /** The framing row. */
  readonly row: AwsFramingRowId;
  /** AWS's wording of the row. */
  readonly label: string;
  /** Diagram box, IT control or stated duty. */
  readonly kind: AwsFramingRowKind;
  /** The IT control class, for control rows. */
  readonly controlClass?: AwsControlClass;
  /** Why the row maps to its domain. */
  readonly mappingRationale: string;
  /** AWS's part of an `of-and-in` cell. */
  readonly awsPart?: string;
  /** The customer's part of an `of-and-in` cell. */
  readonly customerPart?: string;
  /** Published by AWS or demarc's reading. */
  readonly reading: 'published' | 'inferred';
}

/** One framing cell in the normalized model's terms. */
export interface AwsNormalizedCell {
  /** The normalized domain. */
  readonly domain: DomainId;
  /** The normalized service model of the cell's category. */
  readonly model: AwsCategoryModel;
  /** The party. */
  readonly party: Party;
  /** For shared cells: split or parallel. */
  readonly sharedMode?: SharedMode;
  /** True for a provider cell the customer inherits in full (AWS "Inherited Controls"). */
  readonly inherited?: true;
  /** The cell's note, in demarc's words. */
  readonly rationale: string;
  /** The cell's citations. */
  readonly citations: readonly [Citation, ...Citation[]];
  /** AWS's vocabulary that the normalized model has no field for. */
  readonly aws: AwsVendorTerms;
}

/**
 * Translates AWS's framing into normalized cells, one per (row, category) AWS speaks to, in row order
 * then category order.
 *
 * @example
 * ```ts
 * const cells = toNormalized(AWS_FRAMING);
 * cells.find((c) => c.aws.row === 'operating-system' && c.model === 'paas')?.party; // 'provider'
 * ```
 */
export function toNormalized(framing: AwsFraming): AwsNormalizedCell[] {
  const cells: AwsNormalizedCell[] = [];
  for (const row of framing.rows) {
    for (const category of AWS_SERVICE_CATEGORY_IDS) {
      const cell = row.cells[category];
      if (!cell) continue;
      const party = SIDE_PARTY[cell.side];
      cells.push({
        domain: row.domain,
        model: CATEGORY_MODEL[category],
        party,
        ...(cell.mode ? { sharedMode: cell.mode } : {}),
        ...(row.controlClass === 'inherited' && party === 'provider' ? { inherited: true as const } : {}),
        rationale: cell.note,
        citations: cell.citations,
        aws: {
          row: row.id,
          label: row.label,
          kind: row.kind,
          ...(row.controlClass ? { controlClass: row.controlClass } : {}),
          mappingRationale: row.mappingRationale,
          ...(cell.awsPart !== undefined ? { awsPart: cell.awsPart } : {}),
          ...(cell.customerPart !== undefined ? { customerPart: cell.customerPart } : {}),
          reading: cell.reading,
        },
      });
    }
  }
  return cells;
}

/**
 * Rebuilds AWS's framing from normalized cells: the inverse of {@link toNormalized}. Rows come back in
 * the order their first cell appears.
 * @throws Error when the cells of one row disagree on the row's data, or a cell repeats a (row, model).
 */
export function fromNormalized(cells: readonly AwsNormalizedCell[]): AwsFraming {
  const rows = new Map<AwsFramingRowId, { row: Omit<AwsFramingRow, 'cells'>; cells: Partial<Record<AwsServiceCategory, AwsFramingCell>> }>();
  for (const cell of cells) {
    const { aws } = cell;
    const rowData: Omit<AwsFramingRow, 'cells'> = {
      id: aws.row,
      label: aws.label,
      kind: aws.kind,
      ...(aws.controlClass ? { controlClass: aws.controlClass } : {}),
      domain: cell.domain,
      mappingRationale: aws.mappingRationale,
    };
    let entry = rows.get(aws.row);
    if (!entry) {
      entry = { row: rowData, cells: {} };
      rows.set(aws.row, entry);
    } else if (JSON.stringify(entry.row) !== JSON.stringify(rowData)) {
      throw new Error(`normalized cells of AWS row '${aws.row}' disagree on the row's data`);
    }
    const category = MODEL_CATEGORY[cell.model];
    if (entry.cells[category]) throw new Error(`AWS row '${aws.row}' has two cells for ${cell.model}`);
    entry.cells[category] = {
      side: PARTY_SIDE[cell.party],
      ...(cell.sharedMode ? { mode: cell.sharedMode } : {}),
      ...(aws.awsPart !== undefined ? { awsPart: aws.awsPart } : {}),
      ...(aws.customerPart !== undefined ? { customerPart: aws.customerPart } : {}),
      reading: aws.reading,
      note: cell.rationale,
      citations: cell.citations,
    };
  }
  return {
    rows: [...rows.values()].map(({ row, cells: byCategory }) => ({
      ...row,
      // Categories in their canonical order, so equal framings compare equal.
      cells: Object.fromEntries(AWS_SERVICE_CATEGORY_IDS.filter((c) => byCategory[c]).map((c) => [c, byCategory[c]!])),
    })),
  };
}

/** The AWS framing's answer for one (domain, model), folded from every row that maps there. */
export interface AwsMatrixCell {
  /** The domain. */
  readonly domain: DomainId;
  /** The model. */
  readonly model: AwsCategoryModel;
  /** The party: the rows' common party, or `shared` when they differ. */
  readonly party: Party;
  /** For shared answers: `parallel` if any row is a parallel shared control, else `split`. */
  readonly sharedMode?: SharedMode;
  /** The framing rows behind the answer. */
  readonly rows: readonly AwsFramingRowId[];
}

/**
 * Folds normalized cells into one answer per (domain, model). Where AWS rows mapped to one domain
 * disagree (e.g. the guest OS box is the customer's on EC2 while patch management is a parallel shared
 * control), the answer is `shared`.
 */
export function normalizedAwsMatrix(cells: readonly AwsNormalizedCell[]): AwsMatrixCell[] {
  const groups = new Map<string, AwsNormalizedCell[]>();
  for (const cell of cells) {
    const key = `${cell.domain}|${cell.model}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const parties = new Set(group.map((c) => c.party));
    const party: Party = parties.size === 1 ? first.party : 'shared';
    const sharedMode: SharedMode | undefined =
      party !== 'shared' ? undefined : group.some((c) => c.sharedMode === 'parallel') ? 'parallel' : 'split';
    return { domain: first.domain, model: first.model, party, ...(sharedMode ? { sharedMode } : {}), rows: group.map((c) => c.aws.row) };
  });
}

/** Where the AWS framing's answer differs from core's baseline for a (domain, model). */
export interface AwsBaselineDivergence {
  /** The domain. */
  readonly domain: DomainId;
  /** The model. */
  readonly model: AwsCategoryModel;
  /** The AWS framing's party (and mode). */
  readonly aws: { readonly party: Party; readonly sharedMode?: SharedMode };
  /** The baseline's party (and mode). */
  readonly baseline: { readonly party: Party; readonly sharedMode?: SharedMode };
}

/** Compares the folded AWS answers with `BASELINE_MATRIX`, party and (for shared cells) mode. */
export function baselineDivergences(matrix: readonly AwsMatrixCell[]): AwsBaselineDivergence[] {
  const divergences: AwsBaselineDivergence[] = [];
  for (const cell of matrix) {
    const base = BASELINE_MATRIX[cell.domain][cell.model];
    const sameParty = base.party === cell.party;
    const sameMode = cell.party !== 'shared' || base.sharedMode === cell.sharedMode;
    if (sameParty && sameMode) continue;
    divergences.push({
      domain: cell.domain,
      model: cell.model,
      aws: { party: cell.party, ...(cell.sharedMode ? { sharedMode: cell.sharedMode } : {}) },
      baseline: { party: base.party, ...(base.sharedMode ? { sharedMode: base.sharedMode } : {}) },
    });
  }
  return divergences;
}

/** A recorded divergence from the baseline, with its reason. */
export interface RecordedDivergence {
  /** The domain. */
  readonly domain: DomainId;
  /** The models where it applies. */
  readonly models: readonly AwsCategoryModel[];
  /** The AWS framing's party there. */
  readonly awsParty: Party;
  /** Why AWS's framing and demarc's baseline differ, and why the baseline stands. */
  readonly reason: string;
}

/**
 * Every place where AWS's framing, taken literally, differs from demarc's baseline, and why. A test
 * recomputes the divergences from the data and requires exactly these.
 */
export const AWS_BASELINE_DIVERGENCES: readonly RecordedDivergence[] = [
  {
    domain: 'guest-os',
    models: ['iaas', 'paas', 'saas'],
    awsParty: 'shared',
    reason:
      'AWS calls patch management a shared control in every context: AWS patches its infrastructure, the customer its guest OS. The baseline keeps AWS\'s infrastructure patching in host-infrastructure, so guest-os stays the customer\'s on IaaS and the provider\'s on PaaS and SaaS.',
  },
  {
    domain: 'service-configuration',
    models: ['iaas', 'paas', 'saas'],
    awsParty: 'shared',
    reason:
      'AWS calls configuration management a shared (parallel) control. AWS\'s half is the configuration of its own devices, which the baseline counts in host-infrastructure; what the customer can configure stays the customer\'s.',
  },
  {
    domain: 'governance',
    models: ['iaas', 'paas', 'saas'],
    awsParty: 'shared',
    reason:
      'AWS calls awareness and training a shared (parallel) control: each side trains its own staff. The customer\'s training never moves to AWS, so the baseline keeps governance the customer\'s.',
  },
  {
    domain: 'network-controls',
    models: ['saas'],
    awsParty: 'shared',
    reason:
      'AWS names zone security a customer-specific control for every service, while it runs the endpoint network of abstracted services. The baseline files a customer\'s zoning of SaaS data under service configuration and keeps the SaaS network the provider\'s.',
  },
];
