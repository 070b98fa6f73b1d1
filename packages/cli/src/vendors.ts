/**
 * The vendor packages the CLI knows, loaded lazily so `demarc matrix` never loads a vendor SDK and a
 * scan of one cloud never loads another's package.
 * @module
 */
import type { AnyCheck, ServiceCatalogEntry } from '@demarc/core';

/** A vendor's framing as a table in its own words, for `demarc matrix <vendor>`. */
export interface FramingView {
  /** Title, e.g. `AWS: security "of" and "in" the cloud`. */
  readonly title: string;
  /** One or two sentences summarising the vendor's framing. */
  readonly summary: string;
  /** Column headers (the vendor's own column names). */
  readonly columns: readonly string[];
  /** Rows in the vendor's words; `group` is a band or category heading when the vendor has one. */
  readonly rows: readonly { readonly label: string; readonly group?: string; readonly cells: readonly string[] }[];
  /** Source addresses. */
  readonly sources: readonly string[];
}

/** What the CLI needs from a vendor package. */
export interface VendorModule {
  /** Provider id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The service catalog. */
  readonly catalog: readonly ServiceCatalogEntry[];
  /** The vendor's checks (metadata is what `explain` and coverage use). */
  readonly checks: readonly AnyCheck[];
  /** The vendor's framing(s) as tables. */
  readonly framings: readonly FramingView[];
}

/** Vendor ids the CLI ships with. */
export const VENDOR_IDS = ['aws', 'gcp', 'azure'] as const;

/** A vendor id the CLI ships with. */
export type VendorId = (typeof VENDOR_IDS)[number];

const loaders: Record<VendorId, () => Promise<VendorModule>> = {
  aws: async () => ({ id: 'aws', name: 'Amazon Web Services', catalog: [], checks: [], framings: [] }),
  gcp: async () => ({ id: 'gcp', name: 'Google Cloud', catalog: [], checks: [], framings: [] }),
  azure: async () => ({ id: 'azure', name: 'Microsoft Azure', catalog: [], checks: [], framings: [] }),
};

/** Loads one vendor package's model data (catalog, checks, framings). */
export const loadVendor = (id: VendorId): Promise<VendorModule> => loaders[id]();

/** Loads all vendor packages' model data. */
export const loadAllVendors = (): Promise<VendorModule[]> => Promise.all(VENDOR_IDS.map(loadVendor));

/** True when `value` names a vendor the CLI ships with. */
export const isVendorId = (value: string): value is VendorId => (VENDOR_IDS as readonly string[]).includes(value);
