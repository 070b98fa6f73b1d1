/**
 * What AWS manages for the customer, recognised from a resource reference: service-linked roles,
 * AWS managed IAM and organization policies, AWS managed KMS keys (by their `alias/aws/...` alias), and
 * an organization trail seen from a member account. A failing finding on such a resource is reported
 * by core as `provider-managed` with the reason, apart from the customer's failures.
 * @module
 */
import type { ProviderManagedMark, ResourceRef } from '@demarc/core';
import { parseArn } from './catalog';
import { AWS_SOURCES } from './sources';

/** The reasons, each with the document that says AWS (or the management account) controls the resource. */
export const PROVIDER_MANAGED_REASONS = {
  serviceLinkedRole: { reason: 'AWS service-linked role: the AWS service controls its policies and when it can be deleted.', source: AWS_SOURCES['aws-iam-service-linked-role'].url },
  awsManagedPolicy: { reason: 'AWS managed policy: AWS defines and updates its permissions; the customer cannot change them.', source: AWS_SOURCES['aws-kms-managed-policies'].url },
  awsManagedKey: { reason: 'AWS managed KMS key: AWS controls its lifecycle and key policy; the customer cannot manage any aspect of it.', source: AWS_SOURCES['aws-kms-concepts'].url },
  organizationTrail: { reason: 'Organization trail owned by the management account: a member account can see it but not change it.', source: AWS_SOURCES['aws-cloudtrail-organization-trail'].url },
} as const satisfies Record<string, { readonly reason: string; readonly source: string }>;

const mark = (key: keyof typeof PROVIDER_MANAGED_REASONS): ProviderManagedMark => ({ reason: `${PROVIDER_MANAGED_REASONS[key].reason} (${PROVIDER_MANAGED_REASONS[key].source})` });

/**
 * Says whether AWS (or, for an organization trail, the management account) manages a resource the
 * scanned account cannot change.
 *
 * @example
 * ```ts
 * awsIsProviderManaged({ provider: 'aws', scope: '111111111111', id: 'arn:aws:iam::111111111111:role/aws-service-role/ec2.amazonaws.com/AWSServiceRoleForEC2' });
 * // { reason: 'AWS service-linked role: ...' }
 * ```
 */
export function awsIsProviderManaged(resource: ResourceRef): ProviderManagedMark | undefined {
  const arn = parseArn(resource.id);
  if (!arn) return undefined;
  if (arn.service === 'iam' && arn.resourceType === 'role' && arn.resourceId.startsWith('aws-service-role/')) return mark('serviceLinkedRole');
  if (arn.service === 'iam' && arn.resourceType === 'policy' && arn.account === 'aws') return mark('awsManagedPolicy');
  // Organization policies managed by AWS live under the account "aws" (e.g. p-FullAWSAccess).
  if (arn.service === 'organizations' && arn.resourceType === 'policy' && arn.account === 'aws') return mark('awsManagedPolicy');
  if (arn.service === 'kms' && arn.resourceType === 'alias' && arn.resourceId.startsWith('aws/')) return mark('awsManagedKey');
  // A trail whose ARN names another account than the scanned one is an organization trail seen from a member.
  if (arn.service === 'cloudtrail' && arn.resourceType === 'trail' && arn.account !== '' && resource.scope !== 'organization' && arn.account !== resource.scope) return mark('organizationTrail');
  return undefined;
}
