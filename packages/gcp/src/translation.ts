/**
 * Lossless translation between Google's framing and demarc's normalized model. Going to the model,
 * each (domain, service model) cell takes its party from the Google rows mapped to that domain
 * (`google` → `provider`; rows that disagree → `shared`, split) and keeps the rows it came from, so
 * the way back rebuilds Google's framing exactly. Shared fate travels as per-domain `assists`.
 * @module
 */
import {
  BASELINE_MATRIX,
  DOMAIN_IDS,
  DemarcError,
  SERVICE_MODEL_IDS,
  type Citation,
  type DomainId,
  type Party,
  type ResponsibilityCell,
  type ServiceModelId,
} from '@demarc/core';
import {
  GOOGLE_MATRIX_ROW_IDS,
  type GoogleFraming,
  type GoogleMatrixCell,
  type GoogleMatrixRow,
  type GoogleMatrixRowId,
  type GoogleParty,
  type SharedFateAssist,
} from './framing';
import type { GcpSourceId } from './sources';

/** A Google diagram cell as carried inside a normalized cell: enough to rebuild its row. */
export interface GoogleRowProvenance {
  /** The row. */
  readonly row: GoogleMatrixRowId;
  /** The row's position in the framing. */
  readonly position: number;
  /** Google's wording for the row. */
  readonly label: string;
  /** Why the row maps to its domains. */
  readonly mappingRationale: string;
  /** The row's cell in this column. */
  readonly cell: GoogleMatrixCell;
}

/** A normalized cell derived from Google's rows: a core {@link ResponsibilityCell} plus its provenance. */
export interface NormalizedGoogleCell extends ResponsibilityCell {
  /** The domain. */
  readonly domain: DomainId;
  /** The service model. */
  readonly model: ServiceModelId;
  /** The Google rows this cell was derived from (at least one). */
  readonly vendorRows: readonly [GoogleRowProvenance, ...GoogleRowProvenance[]];
}

/** Google's framing in the normalized model's terms. */
export interface NormalizedGoogleFraming {
  /** The provider id. */
  readonly provider: 'gcp';
  /** Google's name for its framing. */
  readonly name: string;
  /** The page the framing is published on. */
  readonly source: GcpSourceId;
  /** The review date of the stored copy. */
  readonly asOf: string;
  /** One cell per (domain, model) that at least one Google row speaks to, in core's domain × model order. */
  readonly cells: readonly NormalizedGoogleCell[];
  /** Shared fate as the normalized `assists` qualifier, per domain. It never changes a cell's party. */
  readonly assists: Readonly<Partial<Record<DomainId, readonly SharedFateAssist[]>>>;
}

const FRAMING_TRANSLATION_ERROR = Symbol.for('demarc.gcp.error.framing-translation');

/** A normalized framing cannot be turned back into Google's: it was edited into something Google's two-party diagram cannot say. */
export class FramingTranslationError extends DemarcError {
  /** Marks instances across duplicate installs of the package. */
  readonly [FRAMING_TRANSLATION_ERROR] = true;
  override name = 'FramingTranslationError';

  /** True for a `FramingTranslationError` from any copy of `@demarc/gcp`. */
  static override isInstance(value: unknown): value is FramingTranslationError {
    return typeof value === 'object' && value !== null && FRAMING_TRANSLATION_ERROR in value;
  }
}

/** Google's party in the normalized vocabulary. */
export const toNormalizedParty = (party: GoogleParty): Party => (party === 'google' ? 'provider' : 'customer');

const dedupe = (citations: readonly Citation[]): [Citation, ...Citation[]] => {
  const seen = new Set<string>();
  const unique = citations.filter((c) => {
    const key = `${c.source}\u0000${c.says}\u0000${c.evidence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique as [Citation, ...Citation[]];
};

const describe = (refs: readonly GoogleRowProvenance[]): string =>
  refs.map((ref) => `"${ref.label}" (${ref.cell.party === 'google' ? 'Google' : 'customer'})`).join(', ');

const deriveCell = (domain: DomainId, model: ServiceModelId, refs: readonly [GoogleRowProvenance, ...GoogleRowProvenance[]]): NormalizedGoogleCell => {
  const parties = new Set(refs.map((ref) => toNormalizedParty(ref.cell.party)));
  const [only] = [...parties];
  const party: Party = parties.size === 1 && only ? only : 'shared';
  const notes = refs.flatMap((ref) => (ref.cell.note ? [`${ref.label}: ${ref.cell.note}`] : []));
  return {
    domain,
    model,
    party,
    ...(party === 'shared' ? { sharedMode: 'split' as const } : {}),
    rationale: `Google's diagram: ${describe(refs)}.`,
    citations: dedupe(refs.flatMap((ref) => ref.cell.citations)),
    ...(notes.length > 0 ? { vendorNuance: notes.join(' ') } : {}),
    vendorRows: refs,
  };
};

/**
 * Translates Google's framing into normalized cells, one per (domain, service model) that a Google
 * row maps to, each carrying the rows it came from.
 *
 * @example
 * ```ts
 * const normalized = toNormalized(GOOGLE_FRAMING);
 * normalized.cells.find((c) => c.domain === 'guest-os' && c.model === 'paas')!.party; // 'provider'
 * ```
 */
export function toNormalized(framing: GoogleFraming): NormalizedGoogleFraming {
  const cells: NormalizedGoogleCell[] = [];
  for (const domain of DOMAIN_IDS) {
    const rows = framing.rows.map((row, position) => ({ row, position })).filter(({ row }) => row.domains.includes(domain));
    if (rows.length === 0) continue;
    for (const model of SERVICE_MODEL_IDS) {
      const refs = rows.map(({ row, position }): GoogleRowProvenance => ({
        row: row.id,
        position,
        label: row.label,
        mappingRationale: row.mappingRationale,
        cell: row.cells[model],
      }));
      cells.push(deriveCell(domain, model, refs as [GoogleRowProvenance, ...GoogleRowProvenance[]]));
    }
  }
  return { provider: framing.provider, name: framing.name, source: framing.source, asOf: framing.asOf, cells, assists: framing.sharedFate };
}

const sameCell = (a: GoogleMatrixCell, b: GoogleMatrixCell): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Rebuilds Google's framing from its normalized form. Throws {@link FramingTranslationError} when the
 * normalized cells contradict their provenance (a party edited by hand, a row that disagrees with
 * itself across domains, a missing column), so a broken translation never passes silently.
 */
export function fromNormalized(normalized: NormalizedGoogleFraming): GoogleFraming {
  interface RowDraft { label: string; mappingRationale: string; position: number; domains: DomainId[]; cells: Partial<Record<ServiceModelId, GoogleMatrixCell>> }
  const rows = new Map<GoogleMatrixRowId, RowDraft>();
  for (const cell of normalized.cells) {
    const expected = deriveCell(cell.domain, cell.model, cell.vendorRows);
    if (expected.party !== cell.party || expected.sharedMode !== cell.sharedMode) {
      throw new FramingTranslationError(`Cell ${cell.domain}/${cell.model} says '${cell.party}' but its Google rows give '${expected.party}'.`);
    }
    for (const ref of cell.vendorRows) {
      if (!(GOOGLE_MATRIX_ROW_IDS as readonly string[]).includes(ref.row)) throw new FramingTranslationError(`Unknown Google row '${ref.row}'.`);
      const entry = rows.get(ref.row) ?? { label: ref.label, mappingRationale: ref.mappingRationale, position: ref.position, domains: [], cells: {} };
      if (entry.label !== ref.label || entry.position !== ref.position || entry.mappingRationale !== ref.mappingRationale) {
        throw new FramingTranslationError(`Row '${ref.row}' is described differently in two normalized cells.`);
      }
      if (!entry.domains.includes(cell.domain)) entry.domains.push(cell.domain);
      const existing = entry.cells[cell.model];
      if (existing && !sameCell(existing, ref.cell)) {
        throw new FramingTranslationError(`Row '${ref.row}' has two different ${cell.model} cells across its domains.`);
      }
      entry.cells[cell.model] = ref.cell;
      rows.set(ref.row, entry);
    }
  }
  const rebuilt = [...rows.entries()]
    .sort(([, a], [, b]) => a.position - b.position)
    .map(([id, entry]): GoogleMatrixRow => {
      const cells = Object.fromEntries(SERVICE_MODEL_IDS.map((model) => {
        const cell = entry.cells[model];
        if (!cell) throw new FramingTranslationError(`Row '${id}' has no ${model} cell.`);
        return [model, cell];
      })) as Record<ServiceModelId, GoogleMatrixCell>;
      const domains = DOMAIN_IDS.filter((domain) => entry.domains.includes(domain)) as [DomainId, ...DomainId[]];
      return { id, label: entry.label, domains, mappingRationale: entry.mappingRationale, cells };
    });
  rebuilt.forEach((row, index) => {
    if (rows.get(row.id)?.position !== index) throw new FramingTranslationError(`Google rows are missing before '${row.id}'.`);
  });
  return { provider: normalized.provider, name: normalized.name, source: normalized.source, asOf: normalized.asOf, rows: rebuilt, sharedFate: normalized.assists };
}

/** How one normalized Google cell compares with core's baseline matrix. */
export interface BaselineComparison {
  /** The domain. */
  readonly domain: DomainId;
  /** The service model. */
  readonly model: ServiceModelId;
  /** The party Google's rows give. */
  readonly google: Party;
  /** The party in core's `BASELINE_MATRIX`. */
  readonly baseline: Party;
  /** True when they are the same. */
  readonly agrees: boolean;
}

/** Compares every normalized Google cell with core's `BASELINE_MATRIX`. */
export function compareWithBaseline(normalized: NormalizedGoogleFraming): BaselineComparison[] {
  return normalized.cells.map((cell) => {
    const baseline = BASELINE_MATRIX[cell.domain][cell.model].party;
    return { domain: cell.domain, model: cell.model, google: cell.party, baseline, agrees: baseline === cell.party };
  });
}

/** A recorded, explained difference between Google's diagram and demarc's baseline. */
export interface RecordedDivergence {
  /** The domain. */
  readonly domain: DomainId;
  /** The service model. */
  readonly model: ServiceModelId;
  /** Google's party. */
  readonly google: Party;
  /** The baseline's party. */
  readonly baseline: Party;
  /** Why demarc's baseline differs, in demarc's words. */
  readonly reason: string;
}

const IDENTITY_REASON = 'Google\'s diagram gives Identity and Access and authentication to Google from PaaS up; the baseline keeps federation, authentication methods and directory settings with the customer (Azure marks these Shared), and the control-plane IAM service stays Google\'s in both readings.';
const LOGGING_REASON = 'Google\'s diagram covers producing and protecting audit logs, which Google does; the baseline also counts enabling Data Access logs, retention, review and alerting, which stay with the customer, so it says Shared.';

/**
 * Every cell where Google's diagram and demarc's baseline disagree, with the reason. A test proves this
 * list is exactly the set of disagreements, so a change to either side is noticed.
 */
export const GOOGLE_BASELINE_DIVERGENCES: readonly RecordedDivergence[] = [
  { domain: 'network-controls', model: 'paas', google: 'provider', baseline: 'shared', reason: 'Google\'s diagram gives Network security to Google at PaaS; the baseline follows Azure and AWS, which leave endpoint exposure (who may reach the app) with the customer.' },
  { domain: 'identity-infrastructure', model: 'paas', google: 'provider', baseline: 'shared', reason: IDENTITY_REASON },
  { domain: 'identity-infrastructure', model: 'saas', google: 'provider', baseline: 'shared', reason: IDENTITY_REASON },
  { domain: 'logging-monitoring', model: 'iaas', google: 'provider', baseline: 'shared', reason: LOGGING_REASON },
  { domain: 'logging-monitoring', model: 'paas', google: 'provider', baseline: 'shared', reason: LOGGING_REASON },
  { domain: 'logging-monitoring', model: 'saas', google: 'provider', baseline: 'shared', reason: LOGGING_REASON },
];
