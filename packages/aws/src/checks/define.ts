/**
 * `defineAwsCheck`: core's `defineCheck` plus the IAM actions the check needs, so the least-privilege
 * policy is generated from the checks themselves (`permissions.ts`).
 * @module
 */
import { DemarcError, defineCheck, type CheckContext, type CheckMeta, type CheckResults, type CheckV1 } from '@demarc/core';

/** An IAM action name, e.g. `'iam:ListUsers'`. */
export const IAM_ACTION_PATTERN = /^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/;

/** An AWS check's metadata: core's, plus the IAM actions it needs. */
export interface AwsCheckMeta<MessageId extends string = string> extends CheckMeta<MessageId> {
  /** Every IAM action the check's collectors call, e.g. `['iam:GetAccountSummary']`. Read-only by construction (tested). */
  readonly permissions: readonly string[];
}

/** An AWS check: a core check whose metadata lists its IAM actions. */
export interface AwsCheck<MessageId extends string = string> extends CheckV1<MessageId> {
  /** Metadata with `permissions`. */
  readonly meta: AwsCheckMeta<MessageId>;
}

/** What {@link defineAwsCheck} takes. */
export interface AwsCheckDefinition<MessageId extends string> {
  /** Metadata; `kind` defaults to `'automated'`, `provider` is `'aws'`. */
  readonly meta: Omit<AwsCheckMeta<MessageId>, 'kind' | 'provider'> & { readonly kind?: CheckMeta['kind'] };
  /** Evaluates the condition. */
  run(context: CheckContext): CheckResults<NoInfer<MessageId>>;
}

/**
 * Defines an AWS check: validates the metadata with core's `defineCheck`, requires at least one IAM
 * action in `permissions` and ties the check to the `aws` provider.
 * @throws `DemarcError` naming the check when its metadata is invalid.
 */
export function defineAwsCheck<const MessageId extends string = never>(definition: AwsCheckDefinition<MessageId>): AwsCheck<MessageId> {
  const { permissions } = definition.meta;
  const bad = permissions.filter((action) => !IAM_ACTION_PATTERN.test(action));
  if (permissions.length === 0 || bad.length > 0) {
    throw new DemarcError(`Check '${definition.meta.id}' is invalid: permissions must list IAM actions such as 'iam:ListUsers'${bad.length ? ` (bad: ${bad.join(', ')})` : ''}`);
  }
  const check = defineCheck<MessageId>({ meta: { ...definition.meta, provider: 'aws' }, run: definition.run });
  return { ...check, meta: { ...check.meta, permissions: [...permissions] } };
}
