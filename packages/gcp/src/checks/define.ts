/**
 * `defineGcpCheck`: core's `defineCheck` plus the collector operations the check reads, from which
 * its exact Google Cloud permissions are derived (and, from all checks, the least-privilege role).
 * @module
 */
import { defineCheck, type CheckDefinition, type CheckV1, type ResourceRef } from '@demarc/core';
import { GCP_OPERATIONS, type GcpOperation } from '../discovery';
import { fullResourceName, grantId, hierarchyAssetType } from '../iam';

/** What a Google Cloud check declares besides core's metadata. */
export interface GcpCheckRequirements {
  /** The collector operations the check calls. */
  readonly operations: readonly GcpOperation[];
  /** The Google Cloud IAM permissions those operations need (derived). */
  readonly permissions: readonly string[];
}

/** A Google Cloud check: a core check with its requirements. */
export type GcpCheck<MessageId extends string = string> = CheckV1<MessageId> & {
  /** The collector operations the check reads and the permissions they need. */
  readonly gcp: GcpCheckRequirements;
};

/** The permissions a list of operations needs, sorted and without duplicates. */
export const permissionsOf = (operations: readonly GcpOperation[]): string[] =>
  [...new Set(operations.flatMap((operation) => GCP_OPERATIONS[operation]))].sort();

/**
 * Defines a Google Cloud check. Metadata is validated by core's `defineCheck`; `provider` is set to
 * `'gcp'`.
 */
export function defineGcpCheck<const MessageId extends string = never>(
  definition: CheckDefinition<MessageId> & { readonly operations: readonly GcpOperation[] },
): GcpCheck<MessageId> {
  const { operations, ...rest } = definition;
  const check = defineCheck<MessageId>({ ...rest, meta: { provider: 'gcp', ...rest.meta } });
  return { ...check, gcp: { operations: [...operations], permissions: permissionsOf(operations) } };
}

/** The resource of one grant (role × member) in a hierarchy node's policy; its id can be muted. */
export const grantResource = (resource: string, role: string, member: string): Partial<ResourceRef> & { readonly id: string } => ({
  id: grantId(resource, role, member),
  type: hierarchyAssetType(resource),
  name: member,
});

/** The resource of a hierarchy node itself. */
export const nodeResource = (resource: string, name?: string): Partial<ResourceRef> & { readonly id: string } => ({
  id: fullResourceName(resource),
  type: hierarchyAssetType(resource),
  ...(name ? { name } : {}),
});

/** Message placeholder values (typed once, so every yielded result has the same `data` type). */
export const values = (data: Readonly<Record<string, string>>): Readonly<Record<string, string>> => data;
