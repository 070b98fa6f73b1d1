/**
 * Helpers the AWS checks share: resource references, the organization's policy types, regions.
 * @module
 */
import type { CheckContext, CollectOptions } from '@demarc/core';
import type { AwsOrganizationData, AwsPolicySummaryData, AwsRootData } from '../collectors';

/** A resource reference for the organization itself. */
export const organizationResource = (org: AwsOrganizationData) => ({ id: org.arn || org.id, type: 'organizations:organization', name: org.id });

/**
 * The organization, or `null` when the account is in none (organization checks then report `skipped`).
 * A per-account check passes `{ scope: ORGANIZATION_SCOPE }`, to share the organization checks' request.
 */
export const organizationOf = (context: CheckContext, options?: CollectOptions): Promise<AwsOrganizationData | null> =>
  context.collect<AwsOrganizationData | null>('organizations:DescribeOrganization', {}, options);

/** What the organization has of one policy type: enabled on the root, and the customer's attached policies of that type. */
export interface PolicyTypeState {
  /** Enabled on every root. */
  readonly enabled: boolean;
  /** Policies of the type that are attached to at least one target, with their targets. */
  readonly attached: readonly (AwsPolicySummaryData & { readonly targets: readonly string[] })[];
}

/** Reads whether a policy type is enabled and which policies of it are attached. */
export async function policyTypeState(context: CheckContext, type: string): Promise<PolicyTypeState> {
  const roots = await context.collect<AwsRootData[]>('organizations:ListRoots');
  const enabled = roots.length > 0 && roots.every((root) => root.policyTypes.some((t) => t.type === type && t.status === 'ENABLED'));
  if (!enabled) return { enabled, attached: [] };
  const policies = await context.collect<AwsPolicySummaryData[]>('organizations:ListPolicies', { filter: type });
  const attached = [];
  for (const policy of policies) {
    const targets = await context.collect<{ targetId: string }[]>('organizations:ListTargetsForPolicy', { policyId: policy.id });
    if (targets.length > 0) attached.push({ ...policy, targets: targets.map((t) => t.targetId) });
  }
  return { enabled, attached };
}

/** The regions a regional check covers: those discovery recorded on the scope, else the account's enabled regions. */
export async function regionsOf(context: CheckContext): Promise<readonly string[]> {
  return context.scope.regions ?? context.collect<string[]>('ec2:DescribeRegions');
}

/** The IAM actions of {@link policyTypeState}. */
export const POLICY_TYPE_PERMISSIONS = ['organizations:DescribeOrganization', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'] as const;

/** Days between two ISO dates (or a date and now). */
export const daysBetween = (earlier: string, later: Date): number => (later.getTime() - new Date(earlier).getTime()) / 86_400_000;
