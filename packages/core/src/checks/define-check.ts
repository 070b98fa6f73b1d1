/**
 * `defineCheck`: validates a check's metadata once, at definition time, and infers its message ids.
 * @module
 */
import { DOMAIN_IDS, SERVICE_MODEL_IDS } from '../model/ids';
import { ORGANISATIONAL_MEASURE_IDS } from '../model/measures';
import { SEVERITIES } from '../findings/types';
import { DemarcError } from '../errors';
import type { AnyCheck, CheckContext, CheckMeta, CheckResults, CheckV1 } from './types';

/** Check ids: lowercase words joined by `-` or `.`. */
export const CHECK_ID_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** What {@link defineCheck} takes: the metadata (without `kind`, defaulting to `automated`) and `run`. */
export interface CheckDefinition<MessageId extends string> {
  /** Metadata; `kind` defaults to `'automated'`. */
  readonly meta: Omit<CheckMeta<MessageId>, 'kind'> & { readonly kind?: CheckMeta['kind'] };
  /** Evaluates the condition. Usually an `async function*`. */
  run(context: CheckContext): CheckResults<NoInfer<MessageId>>;
}

/** Lists what is wrong with a check's metadata; empty when it is valid. Used by `defineCheck` and `testProvider`. */
export function validateCheckMeta(meta: CheckMeta): string[] {
  const problems: string[] = [];
  if (!CHECK_ID_PATTERN.test(meta.id)) problems.push(`id '${meta.id}' must be lowercase words joined by '-' or '.'`);
  for (const field of ['title', 'description', 'rationale', 'remediation'] as const) {
    if (typeof meta[field] !== 'string' || meta[field].trim() === '') problems.push(`${field} is required`);
  }
  if (!(DOMAIN_IDS as readonly string[]).includes(meta.domain)) problems.push(`domain '${meta.domain}' is not one of ${DOMAIN_IDS.join(', ')}`);
  if (!(SEVERITIES as readonly string[]).includes(meta.severity)) problems.push(`severity '${meta.severity}' is not one of ${SEVERITIES.join(', ')}`);
  if (!Array.isArray(meta.references)) problems.push('references must be an array of URLs');
  if (meta.kind !== 'automated' && meta.kind !== 'attestation') problems.push(`kind '${String(meta.kind)}' must be 'automated' or 'attestation'`);
  if (meta.kind === 'attestation' && (!meta.measure || !(ORGANISATIONAL_MEASURE_IDS as readonly string[]).includes(meta.measure))) {
    problems.push(`attestation checks need a measure, one of ${ORGANISATIONAL_MEASURE_IDS.join(', ')}`);
  }
  for (const model of meta.appliesTo?.serviceModels ?? []) {
    if (!(SERVICE_MODEL_IDS as readonly string[]).includes(model)) problems.push(`appliesTo.serviceModels: unknown model '${model}'`);
  }
  if (meta.level !== undefined && meta.level !== 'scope' && meta.level !== 'organization') problems.push(`level '${String(meta.level)}' must be 'scope' or 'organization'`);
  return problems;
}

/**
 * Defines a check. Metadata is validated at once (a bad check fails at import, naming its id), and
 * message ids are inferred so `messageId` is type-checked.
 *
 * @example
 * ```ts
 * export const bucketPublicAccess = defineCheck({
 *   meta: {
 *     id: 'example-bucket-public-access', title: 'Buckets block public access', domain: 'service-configuration',
 *     severity: 'high', description: '...', rationale: '...', remediation: '...', references: [],
 *     messages: { public: 'Bucket {{name}} is public.', private: 'Bucket {{name}} is private.' },
 *   },
 *   async *run(context) {
 *     for (const bucket of await context.collect<Bucket[]>('storage:ListBuckets')) {
 *       yield { status: bucket.public ? 'fail' : 'pass', resource: { id: bucket.id, type: 'bucket' },
 *               messageId: bucket.public ? 'public' : 'private', data: { name: bucket.name } };
 *     }
 *   },
 * });
 * ```
 */
export function defineCheck<const MessageId extends string = never>(definition: CheckDefinition<MessageId>): CheckV1<MessageId> {
  const meta: CheckMeta<MessageId> = { ...definition.meta, kind: definition.meta.kind ?? 'automated' };
  const problems = validateCheckMeta(meta);
  if (problems.length > 0) throw new DemarcError(`Check '${meta.id}' is invalid: ${problems.join('; ')}`);
  return { specificationVersion: 'v1', meta, run: definition.run };
}

/**
 * The check with its source file recorded in `meta.file` (relative to the repository root), so
 * `demarc checks` and the docs can link to it. The generated check registries call it.
 */
export function withCheckFile<Check extends AnyCheck>(check: Check, file: string): Check {
  return { ...check, meta: { ...check.meta, file } };
}

/** The level a check runs at: its own, or `organization` for attestation checks and `scope` otherwise. */
export function checkLevel(meta: CheckMeta): 'scope' | 'organization' {
  return meta.level ?? (meta.kind === 'attestation' ? 'organization' : 'scope');
}

/** Fills `{{name}}` placeholders of a message. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number | boolean>> = {}): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
