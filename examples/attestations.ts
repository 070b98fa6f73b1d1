/**
 * Attestations for the organisational measures: no cloud API can tell whether you drilled your
 * incident response or trained your people, and they are yours in every service model. Record them
 * (owner, evidence, date, validity) in a YAML file; the attestation checks report `pass` while an
 * attestation is current, `fail` once it has expired, and `manual` where none is recorded.
 *
 * Run: `tsx --conditions=@demarc/source examples/attestations.ts`
 */
import { ATTESTATION_CHECKS, ORGANISATIONAL_MEASURES, parseAttestationText, scan } from '@demarc/core';

const yaml = `
version: 1
attestations:
  - measure: incident-response-drills
    owner: Security team <security@example.com>
    evidence: https://wiki.example.com/ir/drill-2026-01
    done: 2026-01-20
    validFor: P1Y
  - measure: security-training
    owner: People team
    evidence: https://lms.example.com/reports/2024
    done: 2024-02-01
    validFor: P1Y
`;

// In a project: `attestations: './attestations.yaml'` in demarc.config.json, or loadAttestations(file).
const attestations = parseAttestationText(yaml, 'attestations.yaml');
const result = await scan({ providers: [], checks: ATTESTATION_CHECKS, attestations, now: new Date('2026-03-01T00:00:00Z') });

console.log(`${ORGANISATIONAL_MEASURES.length} organisational measures, the customer's in every service model:`);
for (const finding of result.findings) console.log(`  ${finding.status.padEnd(6)} ${finding.checkId.replace('demarc-attestation-', '').padEnd(26)} ${finding.message}`);
