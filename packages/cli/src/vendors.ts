/**
 * The vendor packages the CLI knows, loaded lazily so `demarc matrix` never loads a vendor SDK and a
 * scan of one cloud never loads another's package.
 *
 * Each vendor package publishes its framing in its own shape (AWS: of/in the cloud across three
 * service categories; Google: sixteen diagram rows plus shared fate; Microsoft: a legacy diagram in
 * three bands and a 2026 table). The adapters below turn each into {@link FramingView} tables that keep
 * the vendor's words, plus one table of the same framing translated into the normalized model.
 * @module
 */
import {
  normalizedFramingTable,
  type FramingTableV1,
  SERVICE_MODELS,
  type AnyCheck,
  type DomainId,
  type ProviderV1,
  type ServiceCatalogEntry,
  type Source,
} from '@demarc/core';
import type { LocalCloud } from '@demarc/local-cloud';
import type { AwsProviderOptions } from '@demarc/aws';
import type { GcpProviderOptions } from '@demarc/gcp';
import type { AzureProviderOptions } from '@demarc/azure';

/** A vendor's framing as a table in its own words, for `demarc matrix <vendor>` (core's {@link FramingTableV1}). */
export type FramingView = FramingTableV1;

/** What the CLI needs from a vendor package. */
export interface VendorModule {
  /** Provider id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The service catalog. */
  readonly catalog: readonly ServiceCatalogEntry[];
  /** The vendor's checks (metadata is what `explain` and coverage use); empty until the package exports its provider. */
  readonly checks: readonly AnyCheck[];
  /** The vendor's framing(s) as tables: the vendor's own first, the normalized translation last. */
  readonly framings: readonly FramingView[];
  /** The sources the vendor package cites, so its citations resolve to addresses. */
  readonly sources: Readonly<Record<string, Source>>;
  /** Per domain, the vendor's own rows that speak to it, as one line each in the vendor's words. */
  readonly domainWords: Readonly<Partial<Record<DomainId, readonly string[]>>>;
}

/** Vendor ids the CLI ships with. */
export const VENDOR_IDS = ['aws', 'gcp', 'azure'] as const;

/** A vendor id the CLI ships with. */
export type VendorId = (typeof VENDOR_IDS)[number];

/** The npm package of each built-in vendor. */
export const VENDOR_PACKAGES: Readonly<Record<VendorId, string>> = { aws: '@demarc/aws', gcp: '@demarc/gcp', azure: '@demarc/azure' };

const VENDOR_NAMES: Readonly<Record<VendorId, string>> = { aws: 'Amazon Web Services', gcp: 'Google Cloud', azure: 'Microsoft Azure' };

// ---------------------------------------------------------------------------------------------
// Framing adapters
// ---------------------------------------------------------------------------------------------

const normalizedView = normalizedFramingTable;

/** Groups `[domain, line]` pairs into the per-domain lines of {@link VendorModule.domainWords}. */
const byDomain = (pairs: readonly (readonly [DomainId, string])[]): Partial<Record<DomainId, string[]>> => {
  const out: Partial<Record<DomainId, string[]>> = {};
  for (const [domain, line] of pairs) (out[domain] ??= []).push(line);
  return out;
};

const sourceUrls = (sources: Readonly<Record<string, Source>>, ids: readonly string[]): string[] =>
  [...new Set(ids.map((id) => sources[id]?.url).filter((url): url is string => url !== undefined))];

async function awsModule(): Promise<Omit<VendorModule, 'checks'>> {
  const aws = await import('@demarc/aws');
  const side = { 'of-the-cloud': 'of (AWS)', 'in-the-cloud': 'in (customer)', 'of-and-in': 'of + in' } as const;
  const kind = { 'diagram-layer': 'diagram', 'it-control': 'IT control', 'stated-duty': 'stated duty' } as const;
  const framing: FramingView = {
    title: 'AWS: security "of" the cloud and security "in" the cloud',
    summary:
      'AWS is responsible for security OF the cloud (the infrastructure that runs every service); the customer for security IN the cloud, which depends on the service category: infrastructure, container or abstracted.',
    columns: aws.AWS_SERVICE_CATEGORIES.map((category) => category.name),
    rows: aws.AWS_FRAMING_ROWS.map((row) => ({
      group: row.controlClass ? `${kind[row.kind]} (${aws.AWS_CONTROL_CLASSES.find((c) => c.id === row.controlClass)?.name ?? row.controlClass})` : kind[row.kind],
      label: row.label,
      cells: aws.AWS_SERVICE_CATEGORY_IDS.map((category) => {
        const cell = row.cells[category];
        if (!cell) return '—';
        return `${side[cell.side]}${cell.mode ? ` ${cell.mode}` : ''}${cell.reading === 'inferred' ? ' ◐' : ''}`;
      }),
    })),
    sources: sourceUrls(aws.AWS_SOURCES, ['aws-srm', 'aws-wa-security-srm', 'aws-security-best-practices-2016']),
    notes: ['◐ demarc\'s reading of AWS\'s figures and text, not a cell AWS states; — AWS says nothing for that category.'],
  };
  const categories: FramingView = {
    title: 'AWS service categories',
    summary: 'What the customer manages in each category (AWS Security Best Practices whitepaper), and the normalized service model demarc maps it to.',
    columns: ['examples', 'model', 'the customer manages'],
    rows: aws.AWS_SERVICE_CATEGORIES.map((category) => ({
      label: category.name,
      cells: [category.examples.join(', '), aws.CATEGORY_MODEL[category.id], category.customerManages],
    })),
    sources: sourceUrls(aws.AWS_SOURCES, ['aws-security-best-practices-2016', 'aws-srm']),
  };
  const models = aws.AWS_SERVICE_CATEGORY_IDS.map((category) => aws.CATEGORY_MODEL[category]);
  const normalized = normalizedView('AWS', aws.normalizedAwsMatrix(aws.toNormalized(aws.AWS_FRAMING)), models, framing.sources);
  const domainWords = byDomain(
    aws.AWS_FRAMING_ROWS.map((row, index) => [row.domain, `"${row.label}": ${framing.columns.map((column, c) => `${column} ${framing.rows[index]!.cells[c]}`).join('; ')}`] as const),
  );
  return { id: 'aws', name: VENDOR_NAMES.aws, catalog: aws.AWS_CATALOG, framings: [framing, categories, normalized], sources: aws.AWS_SOURCES, domainWords };
}

async function gcpModule(): Promise<Omit<VendorModule, 'checks'>> {
  const gcp = await import('@demarc/gcp');
  const google = { customer: 'Customer', google: 'Google' } as const;
  const framing: FramingView = {
    title: `Google Cloud: ${gcp.GOOGLE_FRAMING.name}`,
    summary:
      'Google\'s diagram has two parties and no "shared" cell: each of sixteen rows is the customer\'s or Google\'s per column. Shared fate is Google\'s help (tools, secure defaults, blueprints) with what stays the customer\'s; it never moves a responsibility.',
    columns: gcp.GOOGLE_MATRIX_COLUMNS.map((column) => SERVICE_MODELS.find((model) => model.id === column)?.id ?? column),
    rows: gcp.GOOGLE_FRAMING.rows.map((row) => ({
      label: row.label,
      cells: gcp.GOOGLE_MATRIX_COLUMNS.map((column) => google[row.cells[column].party]),
    })),
    sources: sourceUrls(gcp.GCP_SOURCES, [gcp.GOOGLE_FRAMING.source]),
    notes: [`As of ${gcp.GOOGLE_FRAMING.asOf}; Google publishes the diagram as an image, so cells come from independent transcriptions.`],
  };
  const fate: FramingView = {
    title: 'Google Cloud: shared fate',
    summary: 'The assistance Google offers per customer-side domain. It helps; it does not change who is responsible.',
    columns: ['kind', 'assist'],
    rows: Object.entries(gcp.GOOGLE_SHARED_FATE).flatMap(([domain, assists]) =>
      (assists ?? []).map((assist) => ({ group: domain, label: assist.name, cells: [assist.kind, assist.helpsWith] })),
    ),
    sources: framing.sources,
  };
  const normalized = normalizedView('Google Cloud', gcp.toNormalized(gcp.GOOGLE_FRAMING).cells, gcp.GOOGLE_MATRIX_COLUMNS, framing.sources);
  const domainWords = byDomain([
    ...gcp.GOOGLE_FRAMING.rows.flatMap((row) =>
      row.domains.map((domain) => [domain, `"${row.label}": ${(['iaas', 'paas', 'saas'] as const).map((m) => `${m} ${google[row.cells[m].party]}`).join('; ')}`] as const),
    ),
    ...Object.entries(gcp.GOOGLE_SHARED_FATE).flatMap(([domain, assists]) =>
      (assists ?? []).map((assist) => [domain as DomainId, `shared fate: ${assist.name} (${assist.kind}), which helps but does not move the responsibility`] as const),
    ),
  ]);
  return { id: 'gcp', name: VENDOR_NAMES.gcp, catalog: gcp.GCP_CATALOG, framings: [framing, fate, normalized], sources: gcp.GCP_SOURCES, domainWords };
}

async function azureModule(): Promise<Omit<VendorModule, 'checks'>> {
  const azure = await import('@demarc/azure');
  const bandHeading = new Map<string, string>(azure.AZURE_BANDS.map((band) => [band.id, band.heading]));
  const versionView = (version: (typeof azure.AZURE_FRAMING_VERSIONS)[number], current: boolean): FramingView => ({
    title: `Microsoft Azure: ${version.title}${current ? ' (current)' : ''}`,
    summary: version.publishesBands
      ? 'Microsoft\'s legacy diagram: responsibilities always retained by the customer, varying by service type, or transferring to the cloud provider.'
      : 'Microsoft\'s 2026 table: no bands any more; the band shown is demarc\'s reading of each row\'s cells.',
    columns: version.columnOrder.map((model) => version.columnLabels[model]),
    rows: version.rows.map((row) => ({
      group: bandHeading.get(row.band ?? azure.categoryOf(row)) ?? '',
      label: row.label,
      cells: version.columnOrder.map((model) => row.cells[model]),
    })),
    sources: sourceUrls(azure.AZURE_SOURCES, [version.source]),
    notes: [`As of ${version.asOf}.`],
  });
  const views = [...azure.AZURE_FRAMING.versions].reverse().map((version) => versionView(version, version.id === azure.AZURE_FRAMING.current.id));
  const current = azure.AZURE_FRAMING.current;
  const normalized = normalizedView('Microsoft Azure (2026 table)', azure.toNormalized(current).cells, SERVICE_MODELS.map((model) => model.id), views[0]?.sources ?? []);
  const domainWords = byDomain(
    azure.AZURE_FRAMING_VERSIONS.flatMap((version) =>
      version.rows.map(
        (row) =>
          [
            azure.AZURE_ROW_DOMAINS[row.id],
            `"${row.label}" (${version.id === 'table-2026' ? '2026 table' : 'legacy diagram'}): ${(['iaas', 'paas', 'saas'] as const).map((m) => `${version.columnLabels[m]} ${row.cells[m]}`).join('; ')}`,
          ] as const,
      ),
    ),
  );
  return { id: 'azure', name: VENDOR_NAMES.azure, catalog: azure.AZURE_CATALOG, framings: [...views, normalized], sources: azure.AZURE_SOURCES, domainWords };
}

const modelLoaders: Record<VendorId, () => Promise<Omit<VendorModule, 'checks'>>> = { aws: awsModule, gcp: gcpModule, azure: azureModule };

// ---------------------------------------------------------------------------------------------
// Providers
// ---------------------------------------------------------------------------------------------

const isProvider = (value: unknown): value is ProviderV1 =>
  typeof value === 'object' && value !== null && (value as { specificationVersion?: unknown }).specificationVersion === 'v1' && 'discoverScopes' in value;

/** Why a built-in vendor has no provider in this build (kept for vendor packages that do not export one). */
export class VendorNotReadyError extends Error {
  override readonly name = 'VendorNotReadyError';
  /** @param vendor - The vendor id. @param reason - What is missing. */
  constructor(
    readonly vendor: VendorId,
    reason: string,
  ) {
    super(`${VENDOR_PACKAGES[vendor]} ${reason}`);
  }
}

/** The role the demo scans member accounts with (the demo estate deploys it in every account). */
export const DEMO_AWS_ROLE = 'DemarcAudit';

/** How to build a provider: against the real cloud with the vendor's default credentials, or against a local cloud. */
export type ProviderTarget = (
  | {
      readonly kind: 'cloud';
      readonly options?: Readonly<Record<string, unknown>>;
      /**
       * `false` (`--no-metadata-credentials`, config `metadataCredentials: false`): the vendor's
       * credential chain skips the instance metadata address; the vendor options' own setting wins.
       */
      readonly metadataCredentials?: boolean;
    }
  | {
      readonly kind: 'local';
      readonly cloud: LocalCloud;
      /** The role AWS member accounts are entered with (default {@link DEMO_AWS_ROLE}, which the demo estate deploys). */
      readonly awsRoleName?: string;
    }
) & {
  /** The time limit of one request, in ms (`--request-timeout`, config `requestTimeoutMs`); wins over `options`. */
  readonly requestTimeoutMs?: number;
};

/**
 * Builds a built-in vendor's provider. Against a local cloud, each vendor's official clients get the
 * local cloud's endpoint, fake credentials and throw-away TLS certificate; against the real cloud,
 * the options come from the config file and credentials from the vendor's default chain.
 *
 * Config options are the vendor's own (`AwsProviderOptions`, `GcpProviderOptions`,
 * `AzureProviderOptions`); the provider package validates what it uses.
 * @throws {@link VendorNotReadyError} when the vendor package exports no provider.
 */
export async function createVendorProvider(id: VendorId, target: ProviderTarget): Promise<ProviderV1> {
  const timeout = target.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: target.requestTimeoutMs };
  const configured =
    target.kind === 'cloud'
      ? { ...(target.metadataCredentials === false ? { metadataCredentials: false } : {}), ...target.options, ...timeout }
      : undefined;
  let provider: unknown;
  switch (id) {
    case 'aws': {
      const aws = await import('@demarc/aws');
      // The demo: the management account's credentials, and the demo estate's read-only audit role in
      // every member account, the same way a real organization is scanned (`roleName`). The client
      // config brings an http agent that resolves the local cloud's `*.localhost` names without DNS.
      provider = aws.awsProvider(
        target.kind === 'local'
          ? { ...target.cloud.aws.clientConfig(), roleName: target.awsRoleName ?? DEMO_AWS_ROLE, ...timeout }
          : (configured as AwsProviderOptions),
      );
      break;
    }
    case 'gcp': {
      const gcp = await import('@demarc/gcp');
      if (target.kind === 'local') {
        // An auth client holding a fixed fake token: the local cloud accepts any token, and no
        // Application Default Credentials (nor the metadata server) are looked for.
        const { OAuth2Client } = await import('google-auth-library');
        const authClient = new OAuth2Client();
        authClient.setCredentials({ access_token: 'local-cloud-fake-token', expiry_date: Date.now() + 3_600_000 });
        provider = gcp.gcpProvider({ ...target.cloud.gcp.clientOptions(), transport: 'rest', authClient, ...timeout });
      } else provider = gcp.gcpProvider(configured as GcpProviderOptions);
      break;
    }
    case 'azure': {
      const azure = await import('@demarc/azure');
      provider = azure.azureProvider(
        target.kind === 'local'
          ? { ...target.cloud.azure.clientOptions(), credential: target.cloud.azure.credential, ...timeout }
          : (configured as AzureProviderOptions),
      );
      break;
    }
  }
  if (!isProvider(provider)) throw new VendorNotReadyError(id, 'returned something that is not a provider (expected a defineProvider() result)');
  return provider;
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/** The vendor's checks: those of its provider when the package exports one (built without connecting), else none. */
async function vendorChecks(id: VendorId): Promise<readonly AnyCheck[]> {
  try {
    // Building a provider creates no client and makes no call: the client layers load lazily.
    return (await createVendorProvider(id, { kind: 'cloud' })).checks;
  } catch {
    return [];
  }
}

const cache = new Map<VendorId, Promise<VendorModule>>();

/** Loads one vendor package's model data (catalog, checks, framings, sources). */
export const loadVendor = (id: VendorId): Promise<VendorModule> => {
  let loaded = cache.get(id);
  if (!loaded) {
    loaded = Promise.all([modelLoaders[id](), vendorChecks(id)]).then(([model, checks]) => ({ ...model, checks }));
    cache.set(id, loaded);
  }
  return loaded;
};

/** Loads all vendor packages' model data. */
export const loadAllVendors = (): Promise<VendorModule[]> => Promise.all(VENDOR_IDS.map(loadVendor));

/** True when `value` names a vendor the CLI ships with. */
export const isVendorId = (value: string): value is VendorId => (VENDOR_IDS as readonly string[]).includes(value);

/** The vendor id of a provider name as a config or flag gives it (`aws`, `@demarc/aws`), if built in. */
export const builtInVendor = (name: string): VendorId | undefined => {
  const id = name.startsWith('@demarc/') ? name.slice('@demarc/'.length) : name;
  return isVendorId(id) ? id : undefined;
};
