/**
 * Attestation checks: one per organisational measure, generated from the model, never written by hand.
 * @module
 */
import { ORGANISATIONAL_MEASURES, type OrganisationalMeasureId } from '../model/measures';
import type { Severity } from '../findings/types';
import { attestationState } from '../attestations/index';
import { defineCheck } from './define-check';
import type { CheckV1 } from './types';

/** The message ids every attestation check reports with. */
export type AttestationMessageId = 'missing' | 'expired' | 'valid';

/** Options of {@link defineAttestationCheck}. */
export interface AttestationCheckOptions {
  /** The measure. */
  readonly measure: OrganisationalMeasureId;
  /** Overrides the id (default `demarc-attestation-<measure>`). */
  readonly id?: string;
  /** Overrides the severity (default `medium`). */
  readonly severity?: Severity;
}

/**
 * Defines the attestation check of one organisational measure: no attestation → `manual`, expired →
 * `fail`, valid → `pass`. It runs once per organization.
 */
export function defineAttestationCheck(options: AttestationCheckOptions): CheckV1<AttestationMessageId> {
  const measure = ORGANISATIONAL_MEASURES.find((m) => m.id === options.measure);
  if (!measure) throw new RangeError(`Unknown organisational measure '${options.measure}'`);
  return defineCheck({
    meta: {
      id: options.id ?? `demarc-attestation-${measure.id}`,
      title: `${measure.name} is attested and current`,
      description: measure.description,
      domain: measure.domain,
      severity: options.severity ?? 'medium',
      rationale: `${measure.name} is the customer's in every service model; no cloud service does it for you.`,
      remediation: `Do it, then record it in the attestation file: measure '${measure.id}', owner, evidence link, date done and validity.`,
      references: [],
      kind: 'attestation',
      level: 'organization',
      measure: measure.id,
      messages: {
        missing: `No attestation recorded for '${measure.id}'.`,
        expired: `Attestation for '${measure.id}' by {{owner}} expired on {{expires}}.`,
        valid: `Attested by {{owner}} on {{done}}, valid until {{expires}}.`,
      },
    },
    *run(context) {
      const id = `attestation:${measure.id}`;
      const state = attestationState(context.attestations, measure.id, context.now);
      if (state.state === 'missing') {
        yield { status: 'manual', resource: { id, type: 'attestation' }, messageId: 'missing' };
        return;
      }
      const { owner, done, expires, evidence } = state.attestation;
      yield {
        status: state.state === 'valid' ? 'pass' : 'fail',
        resource: { id, type: 'attestation' },
        messageId: state.state,
        data: { owner, done, expires },
        evidence: { owner, done, expires, evidence },
      };
    },
  });
}

/** One attestation check per organisational measure of the model. */
export const ATTESTATION_CHECKS: readonly CheckV1<AttestationMessageId>[] = ORGANISATIONAL_MEASURES.map((m) =>
  defineAttestationCheck({ measure: m.id }),
);
