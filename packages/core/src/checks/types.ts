/**
 * The check contract, version 1. A check is declarative metadata plus `run(context)`, which yields
 * results as an async iterable so a check over 10,000 resources streams.
 * @module
 */
import type { DomainId, ServiceModelId } from '../model/ids';
import type { OrganisationalMeasureId } from '../model/measures';
import type { ServiceCatalogEntry } from '../model/types';
import type { CheckResult, Severity } from '../findings/types';
import type { AttestationSet } from '../attestations/types';
import type { ScopeInfo } from '../scope';
import type { CheckOptionSchemas, CheckOptionsInput } from './options';

/** `automated` reads collected cloud data; `attestation` reads the organisation's attestation file. */
export type CheckKind = 'automated' | 'attestation';

/**
 * Where a check runs: once per scope (account, project, subscription), or once per provider for the
 * whole organization (organization trails, org policies, attestations).
 */
export type CheckLevel = 'scope' | 'organization';

/** A control of a compliance framework the check gives evidence for. */
export interface ComplianceMapping {
  /** Framework id, e.g. `'cis-aws-3.0'`, `'iso-27001-2022'`. */
  readonly framework: string;
  /** Control id in that framework, e.g. `'1.4'`, `'A.8.15'`. */
  readonly control: string;
}

/** What a check applies to; omitted fields mean "any". */
export interface CheckApplicability {
  /** Service models whose resources the check evaluates; used for coverage. */
  readonly serviceModels?: readonly ServiceModelId[];
  /** Native resource types the check reads. */
  readonly resourceTypes?: readonly string[];
}

/** A check's metadata: everything a report, a preset or a docs page needs without running it. */
export interface CheckMeta<MessageId extends string = string> {
  /** Stable id, never reused: lowercase, digits, `-` and `.` (e.g. `'aws-s3-bucket-public-access'`). */
  readonly id: string;
  /** A short title stating the desired condition, e.g. `'S3 buckets block public access'`. */
  readonly title: string;
  /** What the check looks at. */
  readonly description: string;
  /** The normalized domain the check verifies. */
  readonly domain: DomainId;
  /** How bad a failure is. */
  readonly severity: Severity;
  /** Why the condition matters. */
  readonly rationale: string;
  /** How to fix a failure. */
  readonly remediation: string;
  /** Public documents (URLs) behind the check. */
  readonly references: readonly string[];
  /** Automated or attestation. */
  readonly kind: CheckKind;
  /** Per scope (default for automated) or once per organization (default for attestation). */
  readonly level?: CheckLevel;
  /** The provider id the check belongs to; omitted for provider-neutral checks. */
  readonly provider?: string;
  /** Service models and resource types the check applies to. */
  readonly appliesTo?: CheckApplicability;
  /** Compliance controls the check gives evidence for. */
  readonly compliance?: readonly ComplianceMapping[];
  /** For attestation checks: the organisational measure verified. */
  readonly measure?: OrganisationalMeasureId;
  /** Messages by id (ESLint style); `{{name}}` placeholders are filled from a result's `data`. */
  readonly messages?: Readonly<Record<MessageId, string>>;
  /** The vendor service the check reads, the middle word of `<vendor>-<service>-<rule>` ids (e.g. `'iam'`). */
  readonly service?: string;
  /** Former ids of the check: mutes and config that name them still apply (documented renames). */
  readonly aliases?: readonly string[];
  /** The provider operations the check reads (filled in by a provider's check kit). */
  readonly operations?: readonly string[];
  /** The vendor permissions those operations need, sorted (derived, never written by hand). */
  readonly permissions?: readonly string[];
  /** The check's options, each with its schema and default. */
  readonly options?: CheckOptionSchemas;
  /** The check's source file, relative to its repository's root (set by the generated registries). */
  readonly file?: string;
}

/** Options of {@link CheckContext.collect}. */
export interface CollectOptions {
  /**
   * Collect in this scope of the same provider instead of the check's own: the organization
   * pseudo-scope, or the scope that owns an organization-wide resource (an organization trail in the
   * management account). The request is memoized and recorded under that scope, so every scope asking
   * shares one cloud call and a snapshot replay answers it alike.
   */
  readonly scope?: ScopeInfo;
}

/** What a running check can use. */
export interface CheckContext {
  /** The provider id. */
  readonly provider: string;
  /** The scope being checked (for organization-level checks, the organization pseudo-scope). */
  readonly scope: ScopeInfo;
  /** Aborted when the scan is aborted or the check times out; pass it on to long work. */
  readonly signal: AbortSignal;
  /** The scan's clock (injectable for deterministic output). */
  readonly now: Date;
  /**
   * Calls a collector of the provider (one cloud API operation). Memoized per scan: the same
   * (scope, operation, params) is requested from the cloud once however many checks ask.
   * @typeParam T - The shape the collector returns; not checked at run time.
   */
  collect<T = unknown>(
    operation: string,
    params?: Readonly<Record<string, unknown>>,
    options?: CollectOptions,
  ): Promise<T>;
  /** The organisation's attestations. */
  readonly attestations: AttestationSet;
  /** Finds the catalog service of a native resource type. */
  classify(resourceType: string): ServiceCatalogEntry | undefined;
  /** The options the scan's config gives this check (validated against `meta.options`), if any. */
  readonly options?: CheckOptionsInput;
}

/** A check result stream: an async iterable (preferred) or a plain iterable. */
export type CheckResults<MessageId extends string = string> =
  | AsyncIterable<CheckResult<MessageId>>
  | Iterable<CheckResult<MessageId>>;

/**
 * A check, contract version 1.
 * @typeParam MessageId - The ids of `meta.messages`, inferred by {@link defineCheck}.
 */
export interface CheckV1<MessageId extends string = string> {
  /** The contract version, so hosts can support old and new checks side by side. */
  readonly specificationVersion: 'v1';
  /** Metadata. */
  readonly meta: CheckMeta<MessageId>;
  /** Evaluates the condition and yields one result per resource (or one for the scope). */
  run(context: CheckContext): CheckResults<MessageId>;
}

/** Any check, whatever its message ids. */
// eslint-style variance escape: a check with specific message ids is still an AnyCheck.
export type AnyCheck = CheckV1<string>;
