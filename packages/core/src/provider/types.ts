/**
 * The provider contract, version 1: what a provider package (`@demarc/aws`, a third party's)
 * implements.
 * @module
 */
import type { ServiceCatalogEntry } from '../model/types';
import type { ProviderManagedMark, ResourceRef } from '../findings/types';
import type { AnyCheck } from '../checks/types';
import type { FramingV1, ProviderPermissionsV1 } from './framing';
import type { ScopeInfo } from '../scope';

/** What a collector gets besides its parameters. */
export interface CollectorContext {
  /** Aborted when the scan is aborted; pass it to the vendor SDK call. */
  readonly signal: AbortSignal;
}

/**
 * One cloud API operation (list or describe), as a function of the scope and JSON parameters. It
 * returns JSON-serializable data (a snapshot stores it) and throws {@link AccessDeniedError} /
 * {@link CollectorError} converted from the vendor's errors.
 */
export type Collector = (
  scope: ScopeInfo,
  params: Readonly<Record<string, unknown>>,
  context: CollectorContext,
) => Promise<unknown>;

/** What scope discovery gets. */
export interface DiscoveryContext {
  /** Aborted when the scan is aborted. */
  readonly signal: AbortSignal;
}

/** The provider contract, version 1. */
export interface ProviderV1 {
  /** The contract version. */
  readonly specificationVersion: 'v1';
  /** Provider id, e.g. `'aws'`; lowercase. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /**
   * The vendor's own framing of the shared responsibility model, as tables in its words and translated
   * into the normalized model ({@link FramingV1}); `demarc matrix` and `explain` show it.
   */
  readonly framing?: object;
  /**
   * The read-only permissions a scan with this provider's checks needs, derived from the operations
   * they declare, with how to grant them; `demarc permissions` and the permissions guide show it.
   */
  permissions?(): ProviderPermissionsV1;
  /** The service catalog: each vendor service with its model, overrides and resource types. */
  readonly catalog: readonly ServiceCatalogEntry[];
  /** Lists the scopes to check (accounts / projects / subscriptions). */
  discoverScopes(context: DiscoveryContext): AsyncIterable<ScopeInfo> | Iterable<ScopeInfo>;
  /** Collectors by operation name, e.g. `'iam:ListRoles'`. */
  readonly collectors: Readonly<Record<string, Collector>>;
  /** The provider's checks. */
  readonly checks: readonly AnyCheck[];
  /** Maps a native resource type to its catalog service. */
  classify(resourceType: string): ServiceCatalogEntry | undefined;
  /**
   * Says whether the provider manages a resource the customer cannot change (service-linked roles,
   * vendor-managed keys, service agents, a trail owned by the organization). A `fail` on such a
   * resource is reported as `provider-managed` with the reason.
   *
   * It must be a pure function of the resource reference (its id, scope, type, name): a snapshot
   * replay calls it without running any collector, so it may not read state that collectors fill
   * (a map of what they saw, a cache). When the answer needs collected data, the check sets
   * `providerManaged` on its result instead.
   */
  isProviderManaged?(resource: ResourceRef): ProviderManagedMark | undefined;
}
