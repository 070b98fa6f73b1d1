/**
 * The Google Cloud provider: `gcpProvider(options)` returns a core `ProviderV1` whose discovery walks
 * the resource hierarchy and whose collectors read it through the official clients, created (and the
 * SDK loaded) on the first call.
 * @module
 */
import { defineProvider, type ProviderManagedMark, type ProviderV1, type ResourceRef } from '@demarc/core';
import { GCP_CATALOG, classifyGcpResource } from './catalog';
import { GCP_CHECKS, type GcpCheck } from './checks/index';
import { createGcpClients, type GcpClientOptions, type GcpClients } from './clients';
import { createGcpRuntime } from './discovery';
import { GOOGLE_FRAMING } from './framing';
import { SERVICE_AGENT_REASON, isGoogleManagedServiceAgent } from './iam';

/** Options of {@link gcpProvider}. All optional: the default scans every project Application Default Credentials can see. */
export interface GcpProviderOptions extends GcpClientOptions {
  /**
   * Check these projects (ids) instead of searching; works without an organization. Organization-level
   * checks then cover only the folders and organizations above these projects.
   */
  readonly projectIds?: readonly string[];
  /** Domains IAM members may come from (default: the organizations' primary domains). */
  readonly allowedDomains?: readonly string[];
  /** Label keys that name a project's owner (default `['owner']`). */
  readonly ownerLabelKeys?: readonly string[];
  /** Folder-walk and project-lookup concurrency (default 8). */
  readonly concurrency?: number;
  /** Page size asked of search and list calls (default: the API's). */
  readonly pageSize?: number;
  /** The checks to run (default {@link GCP_CHECKS}). */
  readonly checks?: readonly GcpCheck[];
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
export function gcpProvider(options: GcpProviderOptions = {}): ProviderV1 {
  let clients: Promise<GcpClients> | undefined = options.clients ? Promise.resolve(options.clients) : undefined;
  const runtime = createGcpRuntime({
    clients: () => (clients ??= createGcpClients(options)),
    concurrency: options.concurrency ?? 8,
    ...(options.projectIds ? { projectIds: options.projectIds } : {}),
    ...(options.allowedDomains ? { allowedDomains: options.allowedDomains } : {}),
    ...(options.ownerLabelKeys ? { ownerLabelKeys: options.ownerLabelKeys } : {}),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
  return defineProvider({
    id: 'gcp',
    name: 'Google Cloud',
    framing: GOOGLE_FRAMING,
    catalog: GCP_CATALOG,
    classify: classifyGcpResource,
    discoverScopes: () => runtime.discoverScopes(),
    collectors: runtime.collectors,
    checks: options.checks ?? GCP_CHECKS,
    isProviderManaged: gcpProviderManaged,
  });
}
