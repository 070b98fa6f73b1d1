/**
 * Organisational measures: duties no cloud service takes over. They are the customer's in every
 * service model, and attestation checks verify them from the organisation's own records.
 * @module
 */
import type { DomainId } from './ids';
import type { Citation } from './types';
import { CITE } from './citations';

/** One organisational measure and the domain it belongs to. */
export interface OrganisationalMeasure {
  /** Stable kebab-case id, used as the key in attestation files. */
  readonly id: string;
  /** Short name. */
  readonly name: string;
  /** What doing it means, in one or two sentences. */
  readonly description: string;
  /** The normalized domain it serves. */
  readonly domain: DomainId;
  /** How long an attestation stays valid unless the organisation says otherwise, in days. */
  readonly defaultValidityDays: number;
  /** Why it is the customer's, with a source. */
  readonly citations: readonly [Citation, ...Citation[]];
}

/** The organisational measures every cloud customer keeps, whatever the service model. */
export const ORGANISATIONAL_MEASURES = [
  {
    id: 'security-policy',
    name: 'Cloud security policy',
    description: 'A written, approved policy for cloud use: data classification, access-control rules and which services are permitted.',
    domain: 'governance',
    defaultValidityDays: 365,
    citations: [CITE.ccmGovernance, CITE.gcpCompliance],
  },
  {
    id: 'named-owner',
    name: 'Named owner',
    description: 'A named person or team accountable for cloud security, with the authority and role written down.',
    domain: 'governance',
    defaultValidityDays: 365,
    citations: [CITE.ccmGovernance],
  },
  {
    id: 'log-monitoring',
    name: 'Log monitoring',
    description: 'Logs are collected centrally, analysed and alerted on, and someone answers the alerts.',
    domain: 'logging-monitoring',
    defaultValidityDays: 180,
    citations: [CITE.ccmLogging, CITE.gkeMonitoring],
  },
  {
    id: 'incident-response-plan',
    name: 'Incident-response plan',
    description: 'A plan naming the report route, investigation, containment, recovery and notification steps.',
    domain: 'incident-response',
    defaultValidityDays: 365,
    citations: [CITE.ccmIncidentResponse],
  },
  {
    id: 'incident-response-drills',
    name: 'Incident-response drills',
    description: 'The plan is exercised regularly and what the drill taught is fed back into it.',
    domain: 'incident-response',
    defaultValidityDays: 365,
    citations: [CITE.ccmIncidentResponse],
  },
  {
    id: 'access-review',
    name: 'Periodic access review',
    description: 'Access rights are reviewed on a schedule, and the accounts of leavers are found and removed.',
    domain: 'accounts-access',
    defaultValidityDays: 90,
    citations: [CITE.ccmAccessReview, CITE.azureAccounts],
  },
  {
    id: 'security-training',
    name: 'Security training',
    description: 'Staff who use the cloud are trained in its secure use; the provider trains only its own staff.',
    domain: 'governance',
    defaultValidityDays: 365,
    citations: [CITE.awsTraining, CITE.ccmTraining],
  },
  {
    id: 'backup-restore-test',
    name: 'Backup and restore test',
    description: 'Backups are taken regularly and a restore is actually tested against the recovery objectives.',
    domain: 'backup-recovery',
    defaultValidityDays: 180,
    citations: [CITE.ccmBackup, CITE.awsContainerBcdr],
  },
  {
    id: 'periodic-config-review',
    name: 'Periodic configuration review',
    description: 'Cloud settings are reviewed or audited on a schedule, since understanding the model once is not enough.',
    domain: 'service-configuration',
    defaultValidityDays: 365,
    citations: [CITE.ccmConfigReview, CITE.awsConfigurationManagement],
  },
] as const satisfies readonly OrganisationalMeasure[];

/** An organisational measure id, e.g. `'access-review'`. */
export type OrganisationalMeasureId = (typeof ORGANISATIONAL_MEASURES)[number]['id'];

/** All organisational measure ids. */
export const ORGANISATIONAL_MEASURE_IDS: readonly OrganisationalMeasureId[] = ORGANISATIONAL_MEASURES.map((m) => m.id);
