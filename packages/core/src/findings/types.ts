/**
 * Findings: what a check says about one resource, and what the runner adds from the model.
 * @module
 */
import type { DomainId, Party, ServiceModelId } from '../model/ids';
import type { ErrorSummary } from '../errors';
import type { JsonObject } from '../internal/json';

/**
 * Every finding status.
 * - `pass` / `fail`: the customer's condition holds / does not hold.
 * - `error`: the check could not evaluate (permission denied, timeout, a throw). The duty is unverified; never a pass.
 * - `manual`: needs a human or an attestation that is missing.
 * - `skipped`: the check does not apply here.
 * - `muted`: a mute rule with a reason silenced a `fail` or `manual`.
 * - `provider-managed`: a failing condition on a resource the customer cannot change (service-linked
 *   roles, vendor-managed keys, service agents): reported with the reason, counted apart from FAIL.
 */
export const FINDING_STATUSES = ['pass', 'fail', 'error', 'manual', 'skipped', 'muted', 'provider-managed'] as const;

/** A finding status. */
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** The statuses a check may yield itself; `muted` and `provider-managed` are decided by the runner. */
export type CheckResultStatus = Exclude<FindingStatus, 'muted' | 'provider-managed'>;

/** Severities, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;

/** A check's severity. */
export type Severity = (typeof SEVERITIES)[number];

/**
 * The identity of a cloud resource: provider, scope (account / project / subscription), region and the
 * native id (ARN, Google full resource name, Azure resource id).
 */
export interface ResourceRef {
  /** Provider id, e.g. `'aws'`. */
  readonly provider: string;
  /** Scope id: AWS account id, Google project id, Azure subscription id, or `'organization'`. */
  readonly scope: string;
  /** Region or location, when the resource has one. */
  readonly region?: string;
  /** The native id. */
  readonly id: string;
  /** The native resource type (ARN service prefix + type, asset type, ARM type), used to classify it. */
  readonly type?: string;
  /** The catalog service id, when known (filled in by the runner from `type`). */
  readonly service?: string;
  /** A display name, if different from the id. */
  readonly name?: string;
}

/** Why a resource is the provider's to manage, not the customer's. */
export interface ProviderManagedMark {
  /** E.g. `'AWS service-linked role: only AWS can change its policies'`. */
  readonly reason: string;
}

/**
 * What a check yields: a status about one resource (or about the scope, when `resource` is omitted),
 * with a message given directly or by id from the check's `meta.messages`.
 */
export interface CheckResult<MessageId extends string = string> {
  /** The status. */
  readonly status: CheckResultStatus;
  /** The resource; `provider` and `scope` default to the running scope, `id` to the scope id. */
  readonly resource?: Partial<ResourceRef> & { readonly id: string };
  /** A message id from `meta.messages`; its `{{placeholders}}` are filled from `data`. */
  readonly messageId?: MessageId;
  /** Placeholder values for `messageId`. */
  readonly data?: Readonly<Record<string, string | number | boolean>>;
  /** A literal message, when no `messageId` is used. */
  readonly message?: string;
  /** Plain data that shows why: the setting read, the policy statement. Never a secret. */
  readonly evidence?: JsonObject;
  /** Set by the check (from collected data) when the provider manages this resource. */
  readonly providerManaged?: ProviderManagedMark;
  /** For an `error` result: what could not be read (summarized into the finding's `error`, as the runner's own). */
  readonly error?: unknown;
}

/** What a mute rule did to a finding. */
export interface MuteNote {
  /** The rule's reason. */
  readonly reason: string;
  /** The rule's expiry date (ISO), if any. */
  readonly expires?: string;
  /** True when the rule matched but had expired: it no longer mutes, and says so. */
  readonly expired: boolean;
}

/** A finding as reported: the check's result plus what the runner filled in from the model. */
export interface Finding {
  /** The check id. */
  readonly checkId: string;
  /** The final status. */
  readonly status: FindingStatus;
  /** The status before muting or provider-managed triage, when it differs. */
  readonly originalStatus?: CheckResultStatus;
  /** The check's severity. */
  readonly severity: Severity;
  /** The domain the check verifies. */
  readonly domain: DomainId;
  /** The party that owns the domain for this resource's service (or for every cloud model alike). */
  readonly owner?: Party;
  /** The resource's service model, when the resource could be classified. */
  readonly serviceModel?: ServiceModelId;
  /** The resource. */
  readonly resource: ResourceRef;
  /** The message. */
  readonly message: string;
  /** The message id, when the check reported by id. */
  readonly messageId?: string;
  /** Evidence, canonicalized (sorted keys). */
  readonly evidence?: JsonObject;
  /** The reason, when the provider manages the resource. */
  readonly providerManaged?: string;
  /** Muting, when a rule matched. */
  readonly mute?: MuteNote;
  /** The cause, for `error` findings. */
  readonly error?: ErrorSummary;
}
