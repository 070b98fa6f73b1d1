/**
 * Shapes shared by the baseline matrix, the vendor framings and the service catalogs.
 * @module
 */
import type { DomainId, Party, ServiceModelId, ServiceVariantId, SharedMode } from './ids';

/**
 * How firmly a citation is backed: `verbatim` was read on the vendor's or standards body's own page;
 * `secondary` is the vendor's wording reproduced by independent transcriptions. Unverified claims
 * are not cited at all.
 */
export type Evidence = 'verbatim' | 'secondary';

/** A public document a statement is taken from. */
export interface Source {
  /** Stable id, e.g. `'aws-srm'`. */
  readonly id: string;
  /** The document's title as published. */
  readonly title: string;
  /** Its public address. */
  readonly url: string;
  /** Who published it (`'AWS'`, `'NIST'`, ...). */
  readonly publisher: string;
  /** The version or review date the citation reflects (ISO date), where one is known. */
  readonly asOf?: string;
  /** True when the vendor has withdrawn or archived the document. */
  readonly archived?: boolean;
}

/** A statement backed by a source: the address, a short quote or paraphrase, and how firm it is. */
export interface Citation {
  /** Id of a {@link Source}. */
  readonly source: string;
  /** A short quote (in quotation marks) or a paraphrase of what the source says. */
  readonly says: string;
  /** How firmly the statement is backed. */
  readonly evidence: Evidence;
}

/** One cell of a responsibility matrix: who carries a domain under a service model, and why. */
export interface ResponsibilityCell {
  /** The party that carries the responsibility. */
  readonly party: Party;
  /** For `shared` cells: whether one control is split or run in parallel. */
  readonly sharedMode?: SharedMode;
  /** One or two sentences, in demarc's own words, explaining the assignment. */
  readonly rationale: string;
  /** At least one citation. */
  readonly citations: readonly [Citation, ...Citation[]];
  /** Where vendors diverge from this cell: a note in demarc's words (e.g. "Google puts this at the provider"). */
  readonly vendorNuance?: string;
}

/**
 * A service's difference from the baseline for one domain, with its reason and source. A catalog
 * entry's overrides are how a managed Kubernetes node pool or an App Service runtime differ from
 * plain PaaS.
 */
export interface ResponsibilityOverride {
  /** The party for this service, replacing the baseline cell's. */
  readonly party: Party;
  /** For `shared`: split or parallel. */
  readonly sharedMode?: SharedMode;
  /** Why this service differs from its service model's baseline. */
  readonly rationale: string;
  /** At least one citation. */
  readonly citations: readonly [Citation, ...Citation[]];
}

/** Per-domain overrides of a service. */
export type ResponsibilityOverrides = Readonly<Partial<Record<DomainId, ResponsibilityOverride>>>;

/** The cloud vendors demarc ships framings for. Third-party providers may use other ids. */
export type VendorId = 'aws' | 'gcp' | 'azure';

/**
 * One vendor service in a provider's catalog: its service model, optional variant, per-domain
 * differences from the baseline, and the native resource types that belong to it.
 */
export interface ServiceCatalogEntry {
  /** Stable id within its provider, kebab-case, e.g. `'lambda'`, `'cloud-run'`, `'app-service'`. */
  readonly id: string;
  /** The provider id (`'aws'`, `'gcp'`, `'azure'` or a third party's). */
  readonly provider: string;
  /** The vendor's product name. */
  readonly name: string;
  /** The normalized service model. */
  readonly model: ServiceModelId;
  /** The refinement, if any. */
  readonly variant?: ServiceVariantId;
  /** The vendor's own category for it (e.g. AWS `'container'`), where the vendor publishes one. */
  readonly vendorCategory?: string;
  /** Native resource type keys that classify as this service (ARN service prefixes, asset types, ARM types). */
  readonly resourceTypes: readonly string[];
  /** Per-domain differences from the baseline. */
  readonly overrides?: ResponsibilityOverrides;
  /** Why the service sits in this model, with a source. */
  readonly citations: readonly [Citation, ...Citation[]];
}
