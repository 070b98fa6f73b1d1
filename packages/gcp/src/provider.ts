/**
 * The Google Cloud provider: `gcpProvider(options)` (also `createProvider`) returns a core `ProviderV1`
 * whose discovery walks the resource hierarchy and whose collectors are the declared operations
 * (`operations/`), reading through the official clients, created (and the SDK loaded) on the first call.
 * @module
 */
import {
  collectorsOf,
  defineProvider,
  type AnyCheck,
  type FramingV1,
  type ProviderManagedMark,
  type ProviderPermissionsV1,
  type ProviderV1,
  type ResourceRef,
} from '@demarc/core';
import { GCP_CATALOG, classifyGcpResource } from './catalog';
import { GCP_CHECKS } from './checks/index';
import { createGcpClients, type GcpClientOptions, type GcpClients } from './clients';
import { discoverGcpScopes } from './discovery';
import { toGcpError } from './errors';
import { gcpFramingV1 } from './framing-v1';
import { SERVICE_AGENT_REASON, isGoogleManagedServiceAgent } from './iam';
import { GCP_OPERATIONS } from './operations/index';
import { gcpPermissions } from './permissions';
import { createGcpSession } from './session';

/** A Google Cloud check (any core check; the package's own are {@link GCP_CHECKS}). */
export type GcpCheck = AnyCheck;

/** Options of {@link gcpProvider}. All optional: the default scans every project Application Default Credentials can see. */
export interface GcpProviderOptions extends GcpClientOptions {
  /**
   * Check these projects (ids) instead of searching; works without an organization. Organization-level
   * checks then cover only the folders and organizations above these projects.
   */
  readonly projectIds?: readonly string[];
  /**
   * Domains IAM members may come from (default: the organizations' primary domains).
   * @deprecated Set the `allowedDomains` option of the check `gcp-iam-external-members` instead
   * (`checkOptions`); this one is its default when the scan's config sets none.
   */
  readonly allowedDomains?: readonly string[];
  /**
   * Label keys that name a project's owner (default `['owner']`).
   * @deprecated Set the `ownerLabelKeys` option of the check `gcp-resourcemanager-project-owner-label`
   * instead (`checkOptions`); this one is its default when the scan's config sets none.
   */
  readonly ownerLabelKeys?: readonly string[];
  /** Folder-walk and project-lookup concurrency (default 8). */
  readonly concurrency?: number;
  /** Page size asked of search and list calls (default: the API's). */
  readonly pageSize?: number;
  /** The checks to run (default {@link GCP_CHECKS}). */
  readonly checks?: readonly AnyCheck[];
  /** Ready clients to use instead of building them (tests, custom transports). */
  readonly clients?: GcpClients;
}

/** The reason reported for Google's default encryption keys, which no customer can manage. */
export const GOOGLE_DEFAULT_ENCRYPTION_REASON = 'Google-managed default encryption key: Google creates, holds and rotates it; choose CMEK to own key management.';

/**
 * Says whether Google manages a resource: grants to Google-managed service agents (the resource's
 * name or the member at the end of a grant id) and Google's default encryption keys (a resource id
 * of `google-managed` or a KMS key name under a Google-owned project). Failures on them are reported
 * as `provider-managed`.
 */
export function gcpProviderManaged(resource: ResourceRef): ProviderManagedMark | undefined {
  const member = resource.name ?? resource.id.slice(resource.id.lastIndexOf('#') + 1);
  if (isGoogleManagedServiceAgent(member) || isGoogleManagedServiceAgent(resource.id)) return { reason: SERVICE_AGENT_REASON };
  if (resource.id === 'google-managed' || /^\/\/cloudkms\.googleapis\.com\/projects\/google-managed-/.test(resource.id)) return { reason: GOOGLE_DEFAULT_ENCRYPTION_REASON };
  return undefined;
}

/** The Google Cloud provider: core's contract with its typed framing and the permissions its checks need. */
export interface GcpProvider extends ProviderV1 {
  /** Google's framing, in core's contract. */
  readonly framing: FramingV1;
  /** The read-only permissions a scan with this provider's checks needs. */
  permissions(): ProviderPermissionsV1;
}

/**
 * The deprecated provider options that are check options now, as the checks' defaults: a scan's
 * `checkOptions` still win.
 */
function withProviderDefaults(checks: readonly AnyCheck[], options: GcpProviderOptions): readonly AnyCheck[] {
  const { allowedDomains, ownerLabelKeys } = options;
  const defaults: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
    'gcp-iam-external-members': allowedDomains?.length ? { allowedDomains } : {},
    'gcp-resourcemanager-project-owner-label': ownerLabelKeys?.length ? { ownerLabelKeys } : {},
  };
  return checks.map((check) => {
    const given = defaults[check.meta.id];
    if (!given || Object.keys(given).length === 0) return check;
    return { ...check, run: (context) => check.run({ ...context, options: { ...given, ...context.options } }) };
  });
}

/**
 * The Google Cloud provider for demarc.
 *
 * @example
 * ```ts
 * import { scan } from '@demarc/core';
 * import { gcpProvider } from '@demarc/gcp';
 *
 * // Application Default Credentials; every project they can see:
 * const result = await scan({ providers: [gcpProvider()] });
 * // A list of projects without an organization, over REST, with an explicit auth client:
 * await scan({ providers: [gcpProvider({ projectIds: ['alpha', 'beta'], transport: 'rest', authClient })] });
 * ```
 */
export function gcpProvider(options: GcpProviderOptions = {}): GcpProvider {
  let clients: Promise<GcpClients> | undefined = options.clients ? Promise.resolve(options.clients) : undefined;
  const session = createGcpSession({
    clients: () => (clients ??= createGcpClients(options)),
    concurrency: options.concurrency ?? 8,
    ...(options.projectIds ? { projectIds: options.projectIds } : {}),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
  const checks = withProviderDefaults(options.checks ?? GCP_CHECKS, options);
  const definition = {
    id: 'gcp',
    name: 'Google Cloud',
    framing: gcpFramingV1(),
    catalog: GCP_CATALOG,
    classify: classifyGcpResource,
    discoverScopes: ({ signal }: { readonly signal: AbortSignal }) => discoverGcpScopes(session, signal),
    collectors: collectorsOf(GCP_OPERATIONS, () => session, (error, operation) => toGcpError(operation, error)),
    checks,
    isProviderManaged: gcpProviderManaged,
    permissions: () => gcpPermissions(checks),
  };
  // permissions() is the contract's next member (core's ProviderV1 gains it); defineProvider keeps it.
  return defineProvider(definition) as GcpProvider;
}

/** The generic plugin factory name: the same function as {@link gcpProvider}. */
export const createProvider = gcpProvider;
