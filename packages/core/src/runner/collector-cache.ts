/**
 * The per-scan collector cache: each distinct (provider, scope, operation, params) request is made
 * once however many checks ask for it, with a concurrency limit per API operation. It records what it
 * made into a snapshot, or answers from a snapshot when replaying.
 * @module
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { CollectorError, errorFromSummary, summarizeError, type ErrorSummary } from '../errors';
import { canonicalize, stableStringify, type JsonValue } from '../internal/json';
import { stripSecrets, type Snapshot, type SnapshotRequest } from '../snapshot/index';
import type { ProviderV1 } from '../provider/types';
import type { ScopeInfo } from '../scope';

/** Requests asked for vs made, overall and per operation. */
export interface RequestStats {
  /** How many times checks called `collect`. */
  readonly requested: number;
  /** How many distinct requests were made (live) or served from the snapshot (replay). */
  readonly made: number;
}

/** Options of {@link CollectorCache}. */
export interface CollectorCacheOptions {
  /** Default concurrent calls per (provider, operation). */
  readonly perOperation: number;
  /** Per-operation overrides, keyed by operation name. */
  readonly operations: Readonly<Record<string, number>>;
  /** The scan's signal. */
  readonly signal: AbortSignal;
  /** Answer from this snapshot instead of calling collectors. */
  readonly replay?: Snapshot;
  /** Keep every response for a snapshot. */
  readonly record: boolean;
}

function requestKey(provider: string, scope: string, operation: string, params: string): string {
  return `${provider}\u0000${scope}\u0000${operation}\u0000${params}`;
}

/** Memoizes collector calls for one scan. Not shared between scans. */
export class CollectorCache {
  readonly #options: CollectorCacheOptions;
  readonly #pending = new Map<string, Promise<JsonValue>>();
  readonly #limits = new Map<string, LimitFunction>();
  readonly #recorded: SnapshotRequest[] = [];
  readonly #replay: Map<string, SnapshotRequest> | undefined;
  readonly #byOperation = new Map<string, { requested: number; made: number }>();
  #requested = 0;
  #made = 0;

  constructor(options: CollectorCacheOptions) {
    this.#options = options;
    if (options.replay) {
      this.#replay = new Map(
        options.replay.requests.map((r) => [requestKey(r.provider, r.scope, r.operation, stableStringify(r.params)), r]),
      );
    }
  }

  /** Returns the (memoized) response of a collector call; credentials are stripped from it. */
  collect(provider: ProviderV1, scope: ScopeInfo, operation: string, params: Readonly<Record<string, unknown>> = {}): Promise<JsonValue> {
    const paramsJson = stableStringify(params);
    const key = requestKey(provider.id, scope.id, operation, paramsJson);
    const opKey = `${provider.id}:${operation}`;
    const opStats = this.#byOperation.get(opKey) ?? { requested: 0, made: 0 };
    this.#byOperation.set(opKey, opStats);
    this.#requested += 1;
    opStats.requested += 1;
    const cached = this.#pending.get(key);
    if (cached) return cached;
    this.#made += 1;
    opStats.made += 1;
    const promise = this.#replay ? this.#fromSnapshot(key, provider.id, scope.id, operation, paramsJson) : this.#call(provider, scope, operation, params, opKey);
    this.#pending.set(key, promise);
    return promise;
  }

  async #fromSnapshot(key: string, provider: string, scope: string, operation: string, params: string): Promise<JsonValue> {
    const entry = this.#replay!.get(key);
    if (!entry) throw new CollectorError(operation, `No data in the snapshot for ${provider}/${scope} ${operation} ${params}`);
    if (entry.error) throw errorFromSummary(entry.error);
    return entry.data ?? null;
  }

  async #call(provider: ProviderV1, scope: ScopeInfo, operation: string, params: Readonly<Record<string, unknown>>, opKey: string): Promise<JsonValue> {
    const record = (outcome: { data: JsonValue } | { error: ErrorSummary }): void => {
      if (this.#options.record) this.#recorded.push({ provider: provider.id, scope: scope.id, operation, params: canonicalize(params), ...outcome });
    };
    const collector = provider.collectors[operation];
    if (!collector) {
      const error = new CollectorError(operation, `Provider '${provider.id}' has no collector '${operation}'`);
      record({ error: summarizeError(error) });
      throw error;
    }
    let limit = this.#limits.get(opKey);
    if (!limit) {
      limit = pLimit(this.#options.operations[operation] ?? this.#options.perOperation);
      this.#limits.set(opKey, limit);
    }
    const { signal } = this.#options;
    try {
      const raw = await limit(() => {
        signal.throwIfAborted();
        return collector(scope, params, { signal });
      });
      // Checks see what a replay would: canonical JSON without credentials.
      const data = stripSecrets(raw);
      record({ data });
      return data;
    } catch (cause) {
      if (signal.aborted) throw cause;
      const error = CollectorError.isInstance(cause)
        ? cause
        : new CollectorError(operation, `${operation} failed: ${summarizeError(cause).message}`, { cause });
      record({ error: summarizeError(error) });
      throw error;
    }
  }

  /** Requested vs made, overall. */
  get stats(): RequestStats {
    return { requested: this.#requested, made: this.#made };
  }

  /** Requested vs made per `provider:operation`, sorted by key. */
  get operationStats(): Record<string, RequestStats> {
    return Object.fromEntries([...this.#byOperation.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, { ...v }]));
  }

  /** What was recorded (empty unless `record`). */
  get recorded(): readonly SnapshotRequest[] {
    return this.#recorded;
  }
}
