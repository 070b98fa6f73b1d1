/**
 * Microsoft's own framing of the shared responsibility model, as typed data: the rows and columns of
 * the page "Shared responsibility in the cloud" in both published versions (the 2021-2023 diagram
 * with its three bands, and the January 2026 table) and the differences between them. The
 * translation into demarc's model is in `translation.ts`.
 * @module
 */
import {
  SERVICE_MODEL_IDS,
  UnknownIdError,
  type Citation,
  type DomainId,
  type ServiceModelId,
} from '@demarc/core';
import { cite, type AzureSourceId } from './sources';

/** Microsoft's three legend values. */
export const AZURE_PARTIES = ['Customer', 'Microsoft', 'Shared'] as const;

/** A party as Microsoft writes it: `'Customer' | 'Microsoft' | 'Shared'`. */
export type AzureParty = (typeof AZURE_PARTIES)[number];

/**
 * The three bands of the legacy diagram, with Microsoft's headings. The 2026 text no longer prints
 * them; {@link categoryOf} derives the band a row would fall in from its cells.
 */
export const AZURE_BANDS = [
  { id: 'always-retained', heading: 'Responsibility always retained by the customer' },
  { id: 'varies-by-type', heading: 'Responsibility varies by type' },
  { id: 'transfers-to-provider', heading: 'Responsibility transfers to cloud provider' },
] as const;

/** A band id: `'always-retained' | 'varies-by-type' | 'transfers-to-provider'`. */
export type AzureBand = (typeof AZURE_BANDS)[number]['id'];

/**
 * Stable ids for Microsoft's rows. A row keeps its id when Microsoft renames it ("Information and
 * data" became "Customer data"), so the two versions can be compared row by row.
 */
export const AZURE_ROW_IDS = [
  'data',
  'devices',
  'identities',
  'configurations',
  'identity-directory-infrastructure',
  'applications',
  'network-controls',
  'operating-system',
  'physical-hosts',
  'physical-network',
  'physical-datacenter',
] as const;

/** A Microsoft row id, e.g. `'network-controls'`. */
export type AzureRowId = (typeof AZURE_ROW_IDS)[number];

/**
 * The normalized domain each Microsoft row maps to. One row, one domain, and no two rows share a
 * domain: this is what makes the translation lossless. Rows that Microsoft folds together (its
 * "Applications" covers the platform too) are split in the normalized model by the baseline, not
 * here; {@link AZURE_BASELINE_DIVERGENCES} records where the two disagree.
 */
export const AZURE_ROW_DOMAINS: Readonly<Record<AzureRowId, DomainId>> = {
  data: 'data-protection',
  devices: 'client-endpoints',
  identities: 'accounts-access',
  configurations: 'service-configuration',
  'identity-directory-infrastructure': 'identity-infrastructure',
  applications: 'application',
  'network-controls': 'network-controls',
  'operating-system': 'guest-os',
  'physical-hosts': 'host-infrastructure',
  'physical-network': 'physical-network',
  'physical-datacenter': 'physical-facilities',
};

/** Microsoft's cells of one row: who carries it under each column. */
export type AzureCells = Readonly<Record<ServiceModelId, AzureParty>>;

/** One row of a Microsoft framing version. */
export interface AzureFramingRow {
  /** Stable row id across versions. */
  readonly id: AzureRowId;
  /** The row label exactly as Microsoft prints it in this version. */
  readonly label: string;
  /** The band the row is drawn in, for versions that publish bands (the legacy diagram). */
  readonly band?: AzureBand;
  /** The cells, one per column. */
  readonly cells: AzureCells;
  /** Where the row and its cells are published. */
  readonly citations: readonly [Citation, ...Citation[]];
}

/** The id of a published version: the legacy diagram or the 2026 table. */
export type AzureFramingVersionId = 'legacy-diagram' | 'table-2026';

/** One published version of Microsoft's framing. */
export interface AzureFramingVersion {
  /** Version id. */
  readonly id: AzureFramingVersionId;
  /** What it is. */
  readonly title: string;
  /** The date of the version (the page's `ms.date`). */
  readonly asOf: string;
  /** Its source. */
  readonly source: AzureSourceId;
  /** The columns in the order Microsoft prints them. */
  readonly columnOrder: readonly ServiceModelId[];
  /** The column headings as Microsoft prints them. */
  readonly columnLabels: Readonly<Record<ServiceModelId, string>>;
  /** Whether the version prints the three bands. */
  readonly publishesBands: boolean;
  /** The rows, top to bottom as printed. */
  readonly rows: readonly AzureFramingRow[];
}

const cells = (onPremises: AzureParty, iaas: AzureParty, paas: AzureParty, saas: AzureParty): AzureCells => ({ 'on-premises': onPremises, iaas, paas, saas });

const DIAGRAM = (row: string, saas: AzureParty, paas: AzureParty, iaas: AzureParty): Citation =>
  cite('azure-srm-diagram', `The diagram colours "${row}" ${saas} under SaaS, ${paas} under PaaS, ${iaas} under IaaS and Customer under On-prem.`, 'verbatim');
const AZ900_ALWAYS = cite('az900-transcription', '"you\'ll always be responsible for: The information and data stored in the cloud · Devices that are allowed to connect to your cloud · The accounts and identities of the people, services, and devices within your organization"', 'secondary');
const AZ900_PROVIDER = cite('az900-transcription', '"The cloud provider is always responsible for: The physical datacenter · The physical network · The physical hosts"', 'secondary');
const AZ900_VARIES = cite('az900-transcription', '"Your service model will determine responsibility for things like: Operating systems · Network controls · Applications · Identity and infrastructure"', 'secondary');
const LEGACY_RETAINED = cite('azure-srm-legacy', '"Regardless of the type of deployment, you always retain the following responsibilities: Data · Endpoints · Account · Access management"', 'verbatim');
const LEGACY_VARIES = cite('azure-srm-legacy', '"Cloud components you control vary by service type."', 'verbatim');
const LEGACY_TRANSFERS = cite('azure-srm-legacy', '"As you move to the cloud some responsibilities transfer to Microsoft."', 'verbatim');

/**
 * The 2021-2023 version: the diagram with ten rows in three bands, columns SaaS | PaaS | IaaS |
 * On-prem. Cells are read from the SVG (Microsoft's own file); row and band labels match two
 * independent transcriptions of Microsoft's training material.
 */
export const AZURE_FRAMING_LEGACY: AzureFramingVersion = {
  id: 'legacy-diagram',
  title: 'Shared responsibility diagram (2021-2023 page; the image is still shown in 2026)',
  asOf: '2023-09-28',
  source: 'azure-srm-legacy',
  columnOrder: ['saas', 'paas', 'iaas', 'on-premises'],
  columnLabels: { saas: 'SaaS', paas: 'PaaS', iaas: 'IaaS', 'on-premises': 'On-prem' },
  publishesBands: true,
  rows: [
    { id: 'data', label: 'Information and data', band: 'always-retained', cells: cells('Customer', 'Customer', 'Customer', 'Customer'), citations: [DIAGRAM('Information and data', 'Customer', 'Customer', 'Customer'), LEGACY_RETAINED, AZ900_ALWAYS] },
    { id: 'devices', label: 'Devices (Mobile and PCs)', band: 'always-retained', cells: cells('Customer', 'Customer', 'Customer', 'Customer'), citations: [DIAGRAM('Devices (Mobile and PCs)', 'Customer', 'Customer', 'Customer'), LEGACY_RETAINED, AZ900_ALWAYS] },
    { id: 'identities', label: 'Accounts and identities', band: 'always-retained', cells: cells('Customer', 'Customer', 'Customer', 'Customer'), citations: [DIAGRAM('Accounts and identities', 'Customer', 'Customer', 'Customer'), LEGACY_RETAINED, AZ900_ALWAYS] },
    { id: 'identity-directory-infrastructure', label: 'Identity and directory infrastructure', band: 'varies-by-type', cells: cells('Customer', 'Customer', 'Shared', 'Shared'), citations: [DIAGRAM('Identity and directory infrastructure', 'Shared', 'Shared', 'Customer'), LEGACY_VARIES, AZ900_VARIES] },
    { id: 'applications', label: 'Applications', band: 'varies-by-type', cells: cells('Customer', 'Customer', 'Shared', 'Microsoft'), citations: [DIAGRAM('Applications', 'Microsoft', 'Shared', 'Customer'), LEGACY_VARIES, AZ900_VARIES] },
    { id: 'network-controls', label: 'Network controls', band: 'varies-by-type', cells: cells('Customer', 'Customer', 'Shared', 'Microsoft'), citations: [DIAGRAM('Network controls', 'Microsoft', 'Shared', 'Customer'), LEGACY_VARIES, AZ900_VARIES] },
    { id: 'operating-system', label: 'Operating system', band: 'varies-by-type', cells: cells('Customer', 'Customer', 'Microsoft', 'Microsoft'), citations: [DIAGRAM('Operating system', 'Microsoft', 'Microsoft', 'Customer'), LEGACY_VARIES, AZ900_VARIES] },
    { id: 'physical-hosts', label: 'Physical hosts', band: 'transfers-to-provider', cells: cells('Customer', 'Microsoft', 'Microsoft', 'Microsoft'), citations: [DIAGRAM('Physical hosts', 'Microsoft', 'Microsoft', 'Microsoft'), LEGACY_TRANSFERS, AZ900_PROVIDER] },
    { id: 'physical-network', label: 'Physical network', band: 'transfers-to-provider', cells: cells('Customer', 'Microsoft', 'Microsoft', 'Microsoft'), citations: [DIAGRAM('Physical network', 'Microsoft', 'Microsoft', 'Microsoft'), LEGACY_TRANSFERS, AZ900_PROVIDER] },
    { id: 'physical-datacenter', label: 'Physical datacenter', band: 'transfers-to-provider', cells: cells('Customer', 'Microsoft', 'Microsoft', 'Microsoft'), citations: [DIAGRAM('Physical datacenter', 'Microsoft', 'Microsoft', 'Microsoft'), LEGACY_TRANSFERS, AZ900_PROVIDER] },
  ],
};

const TABLE = (row: string, onPremises: AzureParty, iaas: AzureParty, paas: AzureParty, saas: AzureParty): Citation =>
  cite('azure-srm-2026', `The responsibility matrix marks "${row}" ${onPremises} (On-premises), ${iaas} (IaaS), ${paas} (PaaS), ${saas} (SaaS).`, 'verbatim');
const tableRow = (id: AzureRowId, label: string, c: AzureCells, ...more: Citation[]): AzureFramingRow => ({
  id,
  label,
  cells: c,
  citations: [TABLE(label, c['on-premises'], c.iaas, c.paas, c.saas), ...more],
});

/**
 * The January 2026 version: a text table with ten rows, columns On-premises | IaaS | PaaS | SaaS, and
 * no bands. Every cell is read on Microsoft's page.
 */
export const AZURE_FRAMING_2026: AzureFramingVersion = {
  id: 'table-2026',
  title: 'Responsibility matrix (January 2026 page)',
  asOf: '2026-01-12',
  source: 'azure-srm-2026',
  columnOrder: ['on-premises', 'iaas', 'paas', 'saas'],
  columnLabels: { 'on-premises': 'On-premises', iaas: 'IaaS', paas: 'PaaS', saas: 'SaaS' },
  publishesBands: false,
  rows: [
    tableRow('data', 'Customer data', cells('Customer', 'Customer', 'Customer', 'Customer'),
      cite('azure-srm-2026', '"Data - You\'re responsible for your data, including data classification, data protection, encryption decisions, and compliance with data governance requirements."', 'verbatim')),
    tableRow('configurations', 'Configurations and settings', cells('Customer', 'Customer', 'Customer', 'Customer')),
    tableRow('identities', 'Identities and users', cells('Customer', 'Customer', 'Customer', 'Customer'),
      cite('azure-srm-2026', '"Access management - ... implementing and managing access controls, including role-based access control (RBAC), multifactor authentication, and conditional access policies."', 'verbatim')),
    tableRow('devices', 'Client devices', cells('Customer', 'Customer', 'Customer', 'Shared'),
      cite('azure-srm-2026', '"In SaaS scenarios, Microsoft may provide some device management capabilities, but you\'re responsible for endpoint protection and compliance."', 'verbatim')),
    tableRow('applications', 'Applications', cells('Customer', 'Customer', 'Shared', 'Shared'),
      cite('azure-srm-2026', '"In PaaS and SaaS, Microsoft manages parts of the application stack, but you\'re responsible for application configuration, code security, and access controls."', 'verbatim')),
    tableRow('network-controls', 'Network controls', cells('Customer', 'Customer', 'Shared', 'Microsoft'),
      cite('azure-srm-2026', '"In PaaS, Microsoft provides baseline network security, but you configure application-level network controls. In SaaS, Microsoft manages network security."', 'verbatim')),
    tableRow('operating-system', 'Operating system', cells('Customer', 'Customer', 'Microsoft', 'Microsoft'),
      cite('azure-srm-2026', '"Platform services - In PaaS and SaaS, Microsoft manages operating systems, runtime environments, and middleware."', 'verbatim')),
    tableRow('physical-hosts', 'Physical hosts', cells('Customer', 'Microsoft', 'Microsoft', 'Microsoft')),
    tableRow('physical-network', 'Physical network', cells('Customer', 'Microsoft', 'Microsoft', 'Microsoft')),
    tableRow('physical-datacenter', 'Physical datacenter', cells('Customer', 'Microsoft', 'Microsoft', 'Microsoft')),
  ],
};

/** Both published versions, oldest first. */
export const AZURE_FRAMING_VERSIONS: readonly AzureFramingVersion[] = [AZURE_FRAMING_LEGACY, AZURE_FRAMING_2026];

/**
 * Microsoft's framing as the provider exposes it: the current version (the 2026 table), the legacy
 * diagram, and their differences.
 */
export interface AzureFraming {
  /** The vendor. */
  readonly vendor: 'azure';
  /** The version demarc treats as current. */
  readonly current: AzureFramingVersion;
  /** Every published version, oldest first. */
  readonly versions: readonly AzureFramingVersion[];
  /** What changed from the legacy diagram to the 2026 table. */
  readonly changes: readonly FramingChange[];
}

/** Finds a version by id; throws {@link UnknownIdError} listing the valid ids. */
export function framingVersion(id: string): AzureFramingVersion {
  const version = AZURE_FRAMING_VERSIONS.find((v) => v.id === id);
  if (!version) throw new UnknownIdError('Azure framing version', id, AZURE_FRAMING_VERSIONS.map((v) => v.id));
  return version;
}

// ---------------------------------------------------------------------------------------------
// Bands and categories
// ---------------------------------------------------------------------------------------------

const CLOUD_MODELS = ['iaas', 'paas', 'saas'] as const satisfies readonly ServiceModelId[];

/**
 * The band a row falls in by its cells: Customer everywhere is "always retained"; Microsoft in every
 * cloud column is "transfers to cloud provider"; anything else "varies by type". For the legacy
 * diagram this equals the published band (tested); for the 2026 table it is demarc's reading, since
 * Microsoft no longer prints bands.
 */
export function categoryOf(row: Pick<AzureFramingRow, 'cells'>): AzureBand {
  if (SERVICE_MODEL_IDS.every((model) => row.cells[model] === 'Customer')) return 'always-retained';
  if (CLOUD_MODELS.every((model) => row.cells[model] === 'Microsoft')) return 'transfers-to-provider';
  return 'varies-by-type';
}

// ---------------------------------------------------------------------------------------------
// Differences between versions
// ---------------------------------------------------------------------------------------------

/** One difference between two framing versions. */
export type FramingChange =
  | { readonly kind: 'row-renamed'; readonly row: AzureRowId; readonly from: string; readonly to: string }
  | { readonly kind: 'row-added'; readonly row: AzureRowId; readonly label: string }
  | { readonly kind: 'row-removed'; readonly row: AzureRowId; readonly label: string }
  | { readonly kind: 'cell-changed'; readonly row: AzureRowId; readonly model: ServiceModelId; readonly from: AzureParty; readonly to: AzureParty }
  | { readonly kind: 'category-changed'; readonly row: AzureRowId; readonly from: AzureBand; readonly to: AzureBand }
  | { readonly kind: 'bands-withdrawn' }
  | { readonly kind: 'bands-introduced' };

/**
 * Computes the differences between two versions: renamed, added and removed rows, changed cells,
 * rows whose band (published or derived) changed, and whether the bands stopped being printed.
 */
export function diffFramings(from: AzureFramingVersion, to: AzureFramingVersion): FramingChange[] {
  const changes: FramingChange[] = [];
  const before = new Map(from.rows.map((row) => [row.id, row]));
  const after = new Map(to.rows.map((row) => [row.id, row]));
  for (const id of AZURE_ROW_IDS) {
    const a = before.get(id);
    const b = after.get(id);
    if (a && !b) changes.push({ kind: 'row-removed', row: id, label: a.label });
    if (!a && b) changes.push({ kind: 'row-added', row: id, label: b.label });
    if (!a || !b) continue;
    if (a.label !== b.label) changes.push({ kind: 'row-renamed', row: id, from: a.label, to: b.label });
    for (const model of SERVICE_MODEL_IDS) {
      if (a.cells[model] !== b.cells[model]) changes.push({ kind: 'cell-changed', row: id, model, from: a.cells[model], to: b.cells[model] });
    }
    const bandBefore = a.band ?? categoryOf(a);
    const bandAfter = b.band ?? categoryOf(b);
    if (bandBefore !== bandAfter) changes.push({ kind: 'category-changed', row: id, from: bandBefore, to: bandAfter });
  }
  if (from.publishesBands && !to.publishesBands) changes.push({ kind: 'bands-withdrawn' });
  if (!from.publishesBands && to.publishesBands) changes.push({ kind: 'bands-introduced' });
  return changes;
}

/**
 * What changed from the legacy diagram to the January 2026 table, recorded by hand from the two pages
 * (and tested equal to {@link diffFramings}): three rows renamed, "Configurations and settings" added,
 * "Identity and directory infrastructure" dropped, two SaaS cells moved to Shared, and the bands gone.
 * Client devices moves out of "always retained" because its SaaS cell is now Shared.
 */
export const AZURE_FRAMING_CHANGES: readonly FramingChange[] = [
  { kind: 'row-renamed', row: 'data', from: 'Information and data', to: 'Customer data' },
  { kind: 'row-renamed', row: 'devices', from: 'Devices (Mobile and PCs)', to: 'Client devices' },
  { kind: 'cell-changed', row: 'devices', model: 'saas', from: 'Customer', to: 'Shared' },
  { kind: 'category-changed', row: 'devices', from: 'always-retained', to: 'varies-by-type' },
  { kind: 'row-renamed', row: 'identities', from: 'Accounts and identities', to: 'Identities and users' },
  { kind: 'row-added', row: 'configurations', label: 'Configurations and settings' },
  { kind: 'row-removed', row: 'identity-directory-infrastructure', label: 'Identity and directory infrastructure' },
  { kind: 'cell-changed', row: 'applications', model: 'saas', from: 'Microsoft', to: 'Shared' },
  { kind: 'bands-withdrawn' },
];

/** Microsoft's framing: the 2026 table as current, both versions, and what changed. */
export const AZURE_FRAMING: AzureFraming = {
  vendor: 'azure',
  current: AZURE_FRAMING_2026,
  versions: AZURE_FRAMING_VERSIONS,
  changes: AZURE_FRAMING_CHANGES,
};
