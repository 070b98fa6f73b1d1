/**
 * Google Cloud's own framing of the shared responsibility model, as typed data: the sixteen rows of
 * Google's responsibility diagram across on-premises / IaaS / PaaS / SaaS, and *shared fate* — the
 * tools, secure defaults, blueprints and programs Google offers to help the customer carry what stays
 * the customer's. Shared fate never moves a responsibility: an assist has no party.
 * @module
 */
import type { Citation, DomainId, ServiceModelId } from '@demarc/core';
import { cite, type GcpSourceId } from './sources';

/** The two parties of Google's diagram. Its legend has no "shared" cell. */
export const GOOGLE_PARTIES = ['customer', 'google'] as const;

/** A party as Google's diagram names it: `'customer' | 'google'`. */
export type GoogleParty = (typeof GOOGLE_PARTIES)[number];

/** The rows of Google's responsibility diagram, top (always the customer's) to bottom (hardware). */
export const GOOGLE_MATRIX_ROW_IDS = [
  'content',
  'access-policies',
  'usage',
  'deployment',
  'web-application-security',
  'identity',
  'operations',
  'access-and-authentication',
  'network-security',
  'guest-os-data-content',
  'audit-logging',
  'network',
  'storage-encryption',
  'hardened-kernel-ipc',
  'boot',
  'hardware',
] as const;

/** A row id of Google's diagram, e.g. `'access-policies'`. */
export type GoogleMatrixRowId = (typeof GOOGLE_MATRIX_ROW_IDS)[number];

/** The columns of Google's diagram, which are also the normalized service models. */
export const GOOGLE_MATRIX_COLUMNS = ['on-premises', 'iaas', 'paas', 'saas'] as const satisfies readonly ServiceModelId[];

/** One cell of Google's diagram: who Google says carries the row in that column, and where it says so. */
export interface GoogleMatrixCell {
  /** The party in Google's legend. */
  readonly party: GoogleParty;
  /** At least one citation. */
  readonly citations: readonly [Citation, ...Citation[]];
  /** A caveat where the transcription is uncertain or the value is demarc's reading. */
  readonly note?: string;
}

/** One row of Google's diagram, with the normalized domains it maps to. */
export interface GoogleMatrixRow {
  /** Stable kebab-case id. */
  readonly id: GoogleMatrixRowId;
  /** Google's wording for the row. */
  readonly label: string;
  /** The normalized domains this row is evidence for (in core's `DOMAIN_IDS` order). */
  readonly domains: readonly [DomainId, ...DomainId[]];
  /** Why the row maps to those domains, in demarc's words. */
  readonly mappingRationale: string;
  /** One cell per column. */
  readonly cells: Readonly<Record<ServiceModelId, GoogleMatrixCell>>;
}

/** What kind of help a shared-fate assist is. */
export type SharedFateAssistKind = 'tool' | 'secure-default' | 'blueprint' | 'program';

/**
 * One piece of Google assistance that helps the customer carry a domain. It never changes who is
 * responsible; it is what Google offers so the customer's part is easier to do well.
 */
export interface SharedFateAssist {
  /** Stable kebab-case id, unique across the framing. */
  readonly id: string;
  /** The product or program name. */
  readonly name: string;
  /** Tool, secure default, blueprint or program. */
  readonly kind: SharedFateAssistKind;
  /** What it does for this domain, in demarc's words. */
  readonly helpsWith: string;
  /** At least one citation. */
  readonly citations: readonly [Citation, ...Citation[]];
}

/** Google's whole framing: the diagram rows and the shared-fate assists per domain. */
export interface GoogleFraming {
  /** The provider id. */
  readonly provider: 'gcp';
  /** Google's name for its framing. */
  readonly name: string;
  /** The page the framing is published on. */
  readonly source: GcpSourceId;
  /** The review date of the stored copy (ISO). */
  readonly asOf: string;
  /** The sixteen diagram rows, in Google's order. */
  readonly rows: readonly GoogleMatrixRow[];
  /** Shared fate: Google's assistance per customer-side domain. */
  readonly sharedFate: Readonly<Partial<Record<DomainId, readonly SharedFateAssist[]>>>;
}

// ---------------------------------------------------------------------------------------------
// The diagram. Google publishes it only as an image; its cells reach us through independent
// transcriptions (research report framings.md §2.2), so every cell is cited as `secondary`.

const ON_PREMISES_CELL: GoogleMatrixCell = {
  party: 'customer',
  citations: [
    cite('gcp-course-security-model', 'Google\'s course narration: "When you manage your data in your own data centers, your organization is responsible for all aspects of its security."', 'secondary'),
  ],
  note: 'The transcriptions of Google\'s diagram cover its cloud columns; demarc fills the on-premises column as all customer, as Google\'s course narration describes.',
};

const DIAGRAM_SAYS = (label: string, iaas: GoogleParty, paas: GoogleParty, saas: GoogleParty): Citation =>
  cite(
    'gcp-shared-fate',
    `Google's responsibility diagram (transcribed) marks "${label}" as ${partyWord(iaas)} at IaaS, ${partyWord(paas)} at PaaS and ${partyWord(saas)} at SaaS.`,
    'secondary',
  );

const partyWord = (party: GoogleParty): string => (party === 'google' ? "Google's" : "the customer's");

const NARRATION_IAAS = cite('gcp-cdl-course', 'IaaS: "The customer remains responsible for securing the operating system, the software stack required to run applications, and their data."', 'secondary');
const NARRATION_PAAS = cite('gcp-cdl-course', 'PaaS: "Google Cloud takes full responsibility for the physical infrastructure, access and authentication mechanisms, network security, and guest operating systems."', 'secondary');
const NARRATION_PAAS_CONTENT = cite('gcp-cdl-course', 'PaaS: "The customer is still responsible for securing the content they create on the platform, such as application code and data."', 'secondary');
const NARRATION_RULE = cite('gcp-cdl-course', '"if you configure or store it, you\'re responsible for securing it."', 'secondary');
const SHARED_RESPONSIBILITY_FACTORS = cite('gcp-shared-fate', '"you must identify the security controls that you need to configure in Google Cloud to help protect your confidential data and each workload."', 'verbatim');

interface RowSpec {
  readonly id: GoogleMatrixRowId;
  readonly label: string;
  readonly domains: readonly [DomainId, ...DomainId[]];
  readonly mappingRationale: string;
  readonly iaas: GoogleParty;
  readonly paas: GoogleParty;
  readonly saas: GoogleParty;
  /** Extra citations per column, beyond the diagram transcription. */
  readonly extra?: Partial<Record<'iaas' | 'paas' | 'saas', readonly Citation[]>>;
  /** Caveats per column. */
  readonly notes?: Partial<Record<'iaas' | 'paas' | 'saas', string>>;
}

const row = (spec: RowSpec): GoogleMatrixRow => {
  const diagram = DIAGRAM_SAYS(spec.label, spec.iaas, spec.paas, spec.saas);
  const cell = (column: 'iaas' | 'paas' | 'saas'): GoogleMatrixCell => {
    const note = spec.notes?.[column];
    return {
      party: spec[column],
      citations: [diagram, ...(spec.extra?.[column] ?? [])],
      ...(note ? { note } : {}),
    };
  };
  return {
    id: spec.id,
    label: spec.label,
    domains: spec.domains,
    mappingRationale: spec.mappingRationale,
    cells: { 'on-premises': ON_PREMISES_CELL, iaas: cell('iaas'), paas: cell('paas'), saas: cell('saas') },
  };
};

/** The sixteen rows of Google's responsibility diagram. */
export const GOOGLE_MATRIX_ROWS: readonly GoogleMatrixRow[] = [
  row({
    id: 'content', label: 'Content', domains: ['data-protection'],
    mappingRationale: 'What the customer stores is its data: classification, protection and key decisions.',
    iaas: 'customer', paas: 'customer', saas: 'customer',
    extra: { iaas: [NARRATION_IAAS], paas: [NARRATION_PAAS_CONTENT], saas: [NARRATION_RULE] },
  }),
  row({
    id: 'access-policies', label: 'Access policies', domains: ['accounts-access'],
    mappingRationale: 'Who may do what: IAM policies, roles and grants are accounts and access.',
    iaas: 'customer', paas: 'customer', saas: 'customer',
    extra: { saas: [NARRATION_RULE] },
  }),
  row({
    id: 'usage', label: 'Usage', domains: ['service-configuration'],
    mappingRationale: 'How the customer uses and configures the services it consumes (demarc\'s reading of an ambiguous row name).',
    iaas: 'customer', paas: 'customer', saas: 'customer',
    extra: { saas: [SHARED_RESPONSIBILITY_FACTORS] },
  }),
  row({
    id: 'deployment', label: 'Deployment', domains: ['application'],
    mappingRationale: 'Building and deploying the customer\'s application is part of the application domain.',
    iaas: 'customer', paas: 'customer', saas: 'google',
    extra: { paas: [NARRATION_PAAS_CONTENT] },
  }),
  row({
    id: 'web-application-security', label: 'Web application security', domains: ['application'],
    mappingRationale: 'Security of the application code and its web surface.',
    iaas: 'customer', paas: 'customer', saas: 'google',
    extra: { paas: [NARRATION_PAAS_CONTENT] },
  }),
  row({
    id: 'identity', label: 'Identity', domains: ['identity-infrastructure'],
    mappingRationale: 'The identity system itself (directory, identity provider), as distinct from the grants in "Access policies".',
    iaas: 'customer', paas: 'google', saas: 'google',
    notes: { paas: 'Uncertain transcription: Google\'s PaaS narration lists access and authentication but not identity; one transcription has Google here.' },
  }),
  row({
    id: 'operations', label: 'Operations', domains: ['runtime-platform'],
    mappingRationale: 'Operating the platform that runs workloads (runtimes, middleware, managed engines); demarc\'s reading of an ambiguous row name.',
    iaas: 'customer', paas: 'google', saas: 'google',
  }),
  row({
    id: 'access-and-authentication', label: 'Access and authentication', domains: ['identity-infrastructure'],
    mappingRationale: 'Authentication mechanisms are identity infrastructure.',
    iaas: 'customer', paas: 'google', saas: 'google',
    extra: { paas: [NARRATION_PAAS] },
  }),
  row({
    id: 'network-security', label: 'Network security', domains: ['network-controls'],
    mappingRationale: 'Firewalls, segmentation and exposure of the virtual network.',
    iaas: 'customer', paas: 'google', saas: 'google',
    extra: { paas: [NARRATION_PAAS] },
  }),
  row({
    id: 'guest-os-data-content', label: 'Guest OS, data & content', domains: ['guest-os'],
    mappingRationale: 'The guest operating system the customer can reach on IaaS.',
    iaas: 'customer', paas: 'google', saas: 'google',
    extra: { iaas: [NARRATION_IAAS], paas: [NARRATION_PAAS] },
  }),
  row({
    id: 'audit-logging', label: 'Audit logging', domains: ['logging-monitoring'],
    mappingRationale: 'Producing and protecting audit logs of the platform.',
    iaas: 'google', paas: 'google', saas: 'google',
    notes: { iaas: 'Uncertain transcription: one summary lists audit logging among the customer\'s duties at IaaS.' },
  }),
  row({
    id: 'network', label: 'Network', domains: ['physical-network'],
    mappingRationale: 'Google\'s backbone and physical network.',
    iaas: 'google', paas: 'google', saas: 'google',
  }),
  row({
    id: 'storage-encryption', label: 'Storage + encryption', domains: ['host-infrastructure'],
    mappingRationale: 'The storage layer and its default encryption at rest run on Google\'s hosts.',
    iaas: 'google', paas: 'google', saas: 'google',
  }),
  row({
    id: 'hardened-kernel-ipc', label: 'Hardened Kernel + IPC', domains: ['host-infrastructure'],
    mappingRationale: 'The host kernel and inter-process communication beneath every service.',
    iaas: 'google', paas: 'google', saas: 'google',
  }),
  row({
    id: 'boot', label: 'Boot', domains: ['host-infrastructure'],
    mappingRationale: 'Firmware and verified boot of the hosts.',
    iaas: 'google', paas: 'google', saas: 'google',
  }),
  row({
    id: 'hardware', label: 'Hardware', domains: ['physical-facilities', 'host-infrastructure'],
    mappingRationale: 'The physical machines and the datacenters that house them.',
    iaas: 'google', paas: 'google', saas: 'google',
  }),
];

// ---------------------------------------------------------------------------------------------
// Shared fate: what Google provides to help with each domain the customer carries or shares.

const SHARED_FATE_DEFINITION = cite('gcp-shared-fate', '"We provide best practice guidance and secured, attested infrastructure code that you can use to deploy your workloads in a secure way."', 'verbatim');
const GKE_NODE_PATCHING = cite('gcp-gke-shared-responsibility', 'Google hardens and patches the nodes\' OS images; "If you have auto-upgrade enabled, or are using a release channel, these updates are automatically deployed."', 'verbatim');
const GKE_AUTO_UPGRADE_DUTY = cite('gcp-gke-shared-responsibility', 'Customer duty: "Enroll clusters in auto-upgrade (default) or upgrade clusters to supported versions."', 'verbatim');

const assist = (id: string, name: string, kind: SharedFateAssistKind, helpsWith: string, ...citations: [Citation, ...Citation[]]): SharedFateAssist =>
  ({ id, name, kind, helpsWith, citations });

/** Shared fate as data: for every customer-side domain, the Google assistance that helps carry it. */
export const GOOGLE_SHARED_FATE: Readonly<Partial<Record<DomainId, readonly SharedFateAssist[]>>> = {
  'guest-os': [
    assist('gke-node-auto-upgrade', 'GKE node auto-upgrade and release channels', 'secure-default',
      'Google patches GKE node images and, with auto-upgrade on (the default), rolls the patches out.', GKE_NODE_PATCHING),
    assist('vm-manager-patch', 'VM Manager OS patch management', 'tool',
      'Runs and schedules OS patch jobs across Compute Engine VMs the customer still patches.',
      cite('gcp-vm-manager-patch', '"Manage OS patches for Compute Engine VMs"; a patch job can "Execute an OS patch on the specified VM instances."', 'verbatim')),
  ],
  'network-controls': [
    assist('cloud-armor', 'Google Cloud Armor', 'tool',
      'DDoS protection and WAF rules at Google\'s edge, configured by the customer in security policies.',
      cite('gcp-cloud-armor', 'Cloud Armor filters traffic "through user-configurable security policies at the edge of Google\'s network, far upstream of your workloads."', 'verbatim')),
  ],
  'runtime-platform': [
    assist('gke-control-plane-upgrades', 'GKE auto-upgrade of control plane and node components', 'secure-default',
      'Google upgrades cluster versions when auto-upgrade (the default) is on, so the customer\'s duty to stay on supported versions is mostly carried for it.', GKE_AUTO_UPGRADE_DUTY),
    assist('cloud-sql-maintenance', 'Cloud SQL managed maintenance', 'secure-default',
      'Google installs and patches the database engine; the customer picks maintenance windows.',
      cite('gcp-cloud-sql-shared-responsibility', 'Google will "Install and maintain the database software" and "Apply database vendor-provided fixes to instances".', 'verbatim')),
  ],
  application: [
    assist('web-security-scanner', 'Web Security Scanner', 'tool',
      'Crawls the customer\'s web applications for common vulnerabilities.',
      cite('gcp-web-security-scanner', 'It "identifies security vulnerabilities in your App Engine, Compute Engine, and Google Kubernetes Engine web applications."', 'verbatim')),
  ],
  'identity-infrastructure': [
    assist('foundations-authn-authz', 'Security foundations blueprint: authentication and authorization', 'blueprint',
      'An opinionated, Terraform-backed setup for identity federation, groups and admin access.',
      cite('gcp-security-foundations', 'The security foundations blueprint series covers "Authentication and authorization" and comes with "an accompanying Terraform automation repository".', 'verbatim'), SHARED_FATE_DEFINITION),
  ],
  'accounts-access': [
    assist('iam-recommender', 'IAM recommender (role recommendations)', 'tool',
      'Finds permissions principals have not used and proposes smaller roles.',
      cite('gcp-iam-recommender', '"Role recommendations help you identify and remove excess permissions from your principals".', 'verbatim')),
  ],
  'data-protection': [
    assist('default-encryption-at-rest', 'Default encryption at rest', 'secure-default',
      'Google encrypts all customer content at rest without any action; the key-management policy stays the customer\'s choice.',
      cite('gcp-default-encryption', '"We encrypt all Google customer content at rest, without any action required by you, using one or more encryption mechanisms."', 'verbatim')),
    assist('cloud-kms-cmek', 'Cloud KMS customer-managed encryption keys (CMEK)', 'tool',
      'Lets the customer create, rotate and destroy the keys that protect its data at rest.',
      cite('gcp-assured-workloads-encryption', 'With Cloud KMS, customers can "generate, use, rotate, and destroy encryption keys according to their own policies. These keys are called customer-managed encryption keys (CMEK)."', 'verbatim')),
  ],
  'service-configuration': [
    assist('security-command-center', 'Security Command Center: Security Health Analytics', 'tool',
      'Scans the customer\'s resources and reports misconfigurations.',
      cite('gcp-scc', 'Security Health Analytics is a Security Command Center service that scans the resources in your cloud environment and generates findings for the misconfigurations it detects (paraphrase).', 'verbatim')),
    assist('security-foundations-blueprint', 'Security foundations blueprint', 'blueprint',
      'A secure-by-default landing zone with Terraform to start from.',
      cite('gcp-security-foundations', 'An "opinionated security foundations blueprint for a landing zone" with "an accompanying Terraform automation repository".', 'verbatim'),
      cite('gcp-shared-fate', 'Shared fate: "a key component of shared fate is the resources that we provide to help you get started, in a secure configuration in Google Cloud."', 'secondary')),
    assist('org-policy-recommender', 'Organization Policy Service and its recommender', 'tool',
      'Central constraints on what projects may do, and suggestions of which to enforce.',
      cite('gcp-org-policy-recommender', 'The Organization Policy Service gives "centralized and programmatic control to set restrictions on their organization\'s resources"; the recommender suggests which policies to enforce.', 'verbatim')),
  ],
  'client-endpoints': [
    assist('endpoint-verification', 'Endpoint Verification', 'tool',
      'Reports device signals (antivirus, OS firewall, secure boot) into Cloud Identity device records for access decisions.',
      cite('gcp-cloud-identity-devices', 'Device records carry "Additional signals reported by Endpoint Verification", e.g. av_installed, is_os_native_firewall_enabled and is_secure_boot_enabled.', 'verbatim')),
  ],
  'logging-monitoring': [
    assist('cloud-audit-logs', 'Cloud Audit Logs', 'secure-default',
      'Google writes the audit logs; the customer must still turn on Data Access logs, which are off by default for most services.',
      cite('gcp-audit-logs-data-access', '"Data Access audit logs are disabled by default for all services except some BigQuery services."', 'verbatim')),
  ],
  'backup-recovery': [
    assist('backup-and-dr', 'Backup and DR Service', 'tool',
      'Backup plans, backup vaults and restores managed centrally.',
      cite('gcp-backup-dr', 'The gcloud group "manage Backup and DR resources" covers backup plans, backup vaults, backups and restore operations.', 'verbatim')),
  ],
  'incident-response': [
    assist('scc-threat-response', 'Security Command Center threat detection', 'tool',
      'Surfaces suspicious activity and compromised VMs, with recommendations or export to the customer\'s SIEM.',
      cite('gcp-scc-api', 'Security Command Center "makes it easier for you to prevent, detect, and respond to threats" and lets you "Respond to threats by following actionable recommendations or exporting logs to your SIEM".', 'verbatim')),
    assist('gke-security-posture', 'GKE security posture dashboard and Google Cloud Observability', 'tool',
      'Tools named by Google for the customer\'s duty to watch GKE clusters and answer alerts.',
      cite('gcp-gke-shared-responsibility', 'Customer duty: "Monitor the cluster and applications and respond to any alerts and incidents using technologies such as the security posture dashboard and Google Cloud Observability."', 'verbatim')),
  ],
  governance: [
    assist('assured-workloads', 'Assured Workloads', 'program',
      'Folders with compliance controls for regulated workloads; its shared-responsibility page spells out what stays the customer\'s.',
      cite('gcp-assured-workloads-shared-responsibility', 'Customer responsibilities as a user of any public cloud start with "Understanding what portions of your data have different compliance and security requirements".', 'verbatim')),
    assist('risk-protection-insurance', 'Insurance options (Cyber Insurance Hub)', 'program',
      'Insurance to transfer part of the financial risk the customer accepts, with posture reports shared with insurers.',
      cite('gcp-shared-fate', 'Shared fate: "we offer innovative insurance options to help you measure and mitigate the risks that you must accept."', 'verbatim'),
      cite('gcp-cyber-insurance-hub', 'Cyber Insurance Hub reports aggregate Cloud Asset Inventory and Security Command Center information "to build an aggregate view of risk across your organization."', 'verbatim')),
  ],
};

/**
 * Google Cloud's framing: the diagram rows and shared fate, citing the Well-Architected page
 * "Shared responsibilities and shared fate on Google Cloud".
 *
 * @example
 * ```ts
 * import { GOOGLE_FRAMING } from '@demarc/gcp';
 * GOOGLE_FRAMING.rows.find((r) => r.id === 'guest-os-data-content')!.cells.paas.party; // 'google'
 * GOOGLE_FRAMING.sharedFate['accounts-access']![0]!.name; // 'IAM recommender (role recommendations)'
 * ```
 */
export const GOOGLE_FRAMING: GoogleFraming = {
  provider: 'gcp',
  name: 'Shared responsibility and shared fate',
  source: 'gcp-shared-fate',
  asOf: '2023-08-21',
  rows: GOOGLE_MATRIX_ROWS,
  sharedFate: GOOGLE_SHARED_FATE,
};
