/**
 * Attestation types: the organisation's own record of an organisational measure.
 * @module
 */
import type { OrganisationalMeasureId } from '../model/measures';

/** One attestation, as validated and with its expiry computed. */
export interface Attestation {
  /** The organisational measure attested. */
  readonly measure: OrganisationalMeasureId;
  /** The named owner (person or team). */
  readonly owner: string;
  /** A link to the evidence (policy document, drill report, ticket). */
  readonly evidence: string;
  /** When it was done (ISO date). */
  readonly done: string;
  /** How long it stays valid (ISO 8601 duration such as `'P1Y'`, `'P6M'`, `'P90D'`). */
  readonly validFor: string;
  /** When it expires (ISO date): `done` plus `validFor`. */
  readonly expires: string;
  /** Free text. */
  readonly notes?: string;
}

/** The attestations of a scan, looked up by measure. */
export interface AttestationSet {
  /** The file they were read from, if any. */
  readonly source?: string;
  /** The attestation of a measure; with several, the latest `done`. */
  get(measure: OrganisationalMeasureId): Attestation | undefined;
  /** All attestations, in file order. */
  all(): readonly Attestation[];
}
