/**
 * What a provider publishes about its vendor, typed, so any host (the CLI's `matrix`, `explain` and
 * `permissions`, a docs site) can show it without knowing the vendor: the vendor's framing in its own
 * words and translated into the normalized model, and the permissions a scan needs.
 * @module
 */
import { BASELINE_MATRIX } from '../model/matrix';
import { DOMAINS, type DomainId, type Party, type ServiceModelId, type SharedMode } from '../model/ids';
import type { Source } from '../model/types';
import type { JsonValue } from '../internal/json';

/** A framing as a table in the vendor's words, for `demarc matrix <vendor>`. */
export interface FramingTableV1 {
  /** Title, e.g. `AWS: security "of" and "in" the cloud`. */
  readonly title: string;
  /** One or two sentences summarising the framing. */
  readonly summary: string;
  /** Column headers (the vendor's own column names). */
  readonly columns: readonly string[];
  /** Rows in the vendor's words; `group` is a band or category heading when the vendor has one. */
  readonly rows: readonly { readonly label: string; readonly group?: string; readonly cells: readonly string[] }[];
  /** Source addresses. */
  readonly sources: readonly string[];
  /** Notes printed under the table (legend, caveats). */
  readonly notes?: readonly string[];
}

/** One cell of a vendor's framing translated into the normalized model. */
export interface NormalizedFramingCell {
  /** The normalized domain. */
  readonly domain: DomainId;
  /** The service model. */
  readonly model: ServiceModelId;
  /** Who the vendor says owns it. */
  readonly party: Party;
  /** How it is shared, when shared. */
  readonly sharedMode?: SharedMode;
}

/** A vendor's framing of the shared responsibility model, contract version 1. */
export interface FramingV1 {
  /** The contract version. */
  readonly specificationVersion: 'v1';
  /** The vendor's framing(s) as tables in its own words, the translation into the normalized model last. */
  readonly tables: readonly FramingTableV1[];
  /** Per domain, the vendor's own rows that speak to it, one line each, in the vendor's words. */
  readonly domainWords: Readonly<Partial<Record<DomainId, readonly string[]>>>;
  /** The sources the vendor's package cites, by id, so its citations resolve to addresses. */
  readonly sources: Readonly<Record<string, Source>>;
}

/** The read-only permissions a provider's scan needs, derived from its checks' operations. */
export interface ProviderPermissionsV1 {
  /** What the vendor calls a permission, e.g. `'IAM actions'`, `'Azure RBAC actions'`. */
  readonly kind: string;
  /** Every permission, sorted. */
  readonly all: readonly string[];
  /** Per check id (and `'(discovery)'`), the permissions it needs. */
  readonly byCheck: Readonly<Record<string, readonly string[]>>;
  /** How to grant them, in a sentence or two each (Markdown). */
  readonly grant: readonly string[];
  /** The policy or custom role to create, as the vendor's tools take it. */
  readonly policy: { readonly title: string; readonly document: JsonValue };
}

const partyWord = (party: Party, sharedMode?: SharedMode): string => (party === 'shared' && sharedMode ? `shared (${sharedMode})` : party);

/**
 * The table of a vendor's framing translated into the normalized model: one row per domain the
 * vendor speaks to, its party per model, marked `≠` where it differs from demarc's baseline.
 */
export function normalizedFramingTable(
  vendorName: string,
  cells: readonly NormalizedFramingCell[],
  models: readonly ServiceModelId[],
  sources: readonly string[],
): FramingTableV1 {
  const byKey = new Map(cells.map((cell) => [`${cell.domain}|${cell.model}`, cell]));
  const rows = DOMAINS.filter((domain) => models.some((model) => byKey.has(`${domain.id}|${model}`))).map((domain) => ({
    label: domain.id,
    cells: models.map((model) => {
      const cell = byKey.get(`${domain.id}|${model}`);
      if (!cell) return '—';
      const differs = BASELINE_MATRIX[domain.id][model].party !== cell.party;
      return `${partyWord(cell.party, cell.sharedMode)}${differs ? ' ≠' : ''}`;
    }),
  }));
  return {
    title: `${vendorName}, translated into the normalized model`,
    summary: 'The same framing in demarc\'s sixteen domains. "—": the vendor says nothing about that domain there.',
    columns: [...models],
    rows,
    sources,
    notes: ['≠ differs from the demarc baseline for that service model (run `demarc explain <domain>` for the cited reasons).'],
  };
}

/** Groups `[domain, line]` pairs into {@link FramingV1.domainWords}. */
export function wordsByDomain(pairs: Iterable<readonly [DomainId, string]>): Partial<Record<DomainId, string[]>> {
  const out: Partial<Record<DomainId, string[]>> = {};
  for (const [domain, line] of pairs) (out[domain] ??= []).push(line);
  return out;
}

/** The addresses of cited sources, each once, in the order given. */
export function sourceAddresses(sources: Readonly<Record<string, Source>>, ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => sources[id]?.url).filter((url): url is string => url !== undefined))];
}
