/**
 * Deterministic partition of scopes into shards: a scope lands in the same shard on every run,
 * whatever the order discovery returns scopes in.
 * @module
 */
import { createHash } from 'node:crypto';
import { DemarcError } from '../errors';

/** Which shard of how many a scan is. */
export interface ShardSpec {
  /** Zero-based shard index, `0 <= index < count`. */
  readonly index: number;
  /** Number of shards the scan is split into (1 means unsharded). */
  readonly count: number;
  /**
   * Identifies one sharded run, e.g. the CI run id. Shards are merged only with shards of the same run
   * id; without one, any shards of the same configuration and version merge.
   */
  readonly runId?: string;
}

/** Throws a {@link DemarcError} unless `spec` is a valid shard of a valid count. */
export function validateShardSpec(spec: ShardSpec): void {
  if (!Number.isInteger(spec.count) || spec.count < 1) throw new DemarcError(`Shard count must be a whole number of at least 1, got ${spec.count}.`);
  if (!Number.isInteger(spec.index) || spec.index < 0 || spec.index >= spec.count) {
    throw new DemarcError(`Shard index must be a whole number from 0 to ${spec.count - 1}, got ${spec.index}.`);
  }
}

/**
 * Parses the CLI form `i/n` (1-based, as job engines number their workers: `1/3`, `2/3`, `3/3`).
 * @example
 * ```ts
 * parseShardSpec('2/3'); // { index: 1, count: 3 }
 * ```
 */
export function parseShardSpec(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new DemarcError(`Shard '${text}' is not of the form i/n (e.g. 1/3).`);
  const spec = { index: Number(match[1]) - 1, count: Number(match[2]) };
  if (spec.index < 0 || spec.index >= spec.count) throw new DemarcError(`Shard '${text}': i must be from 1 to ${spec.count}.`);
  return spec;
}

/** FNV-1a, 32 bits: small, fast, and the same on every platform and Node version. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard (zero-based) a provider's scope belongs to among `count` shards. */
export function shardOf(provider: string, scopeId: string, count: number): number {
  return fnv1a(`${provider}\u0000${scopeId}`) % count;
}

/** Organization-level checks (and provider-neutral attestation checks) run in this shard only. */
export const ORGANIZATION_SHARD = 0;

/** A short digest of a set of scope ids, order-independent, to prove no scope was skipped. */
export function scopeSetDigest(scopeIds: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const id of [...scopeIds].sort()) hash.update(`${id}\n`);
  return hash.digest('hex').slice(0, 32);
}
