/**
 * What several Google Cloud checks share: the resource references of a hierarchy node and of one
 * grant in its policy.
 * @module
 */
import type { ResourceRef } from '@demarc/core';
import { fullResourceName, grantId, hierarchyAssetType } from '../iam';

/** A resource reference a check yields (the runner fills in provider and scope). */
type NodeRef = Partial<ResourceRef> & { readonly id: string };

/** The resource of one grant (role × member) in a hierarchy node's policy; its id can be muted. */
export const grantResource = (resource: string, role: string, member: string): NodeRef => ({
  id: grantId(resource, role, member),
  type: hierarchyAssetType(resource),
  name: member,
});

/** The resource of a hierarchy node itself. */
export const nodeResource = (resource: string, name?: string): NodeRef => ({
  id: fullResourceName(resource),
  type: hierarchyAssetType(resource),
  ...(name ? { name } : {}),
});

/** Message placeholder values (typed once, so every yielded result has the same `data` type). */
export const values = (data: Readonly<Record<string, string>>): Readonly<Record<string, string>> => data;
