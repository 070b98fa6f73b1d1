/**
 * Faults, limits and counters shared by the three vendor servers. Each server asks
 * {@link FaultEngine.decide} once per request and renders the decision in its own vendor's shape:
 * the engine knows nothing about wire formats.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { seededRandom } from './estate/synthetic.ts';

/** The three vendors. */
export type Vendor = 'aws' | 'gcp' | 'azure';

/**
 * One fault rule. A request matches when vendor, operation and scope all match (an absent field
 * matches everything). Every matching rule applies: latencies add up; the first error wins.
 *
 * Operation names are the ones counted by {@link RequestCounters}: AWS `service:Action`
 * (`organizations:ListAccounts`, `iam:ListUsers`), Google `collection.method`
 * (`projects.search`, `projects.getIamPolicy`), Azure `group.operation` (`resources.list`,
 * `resourceGroups.list`, `subscriptions.list`).
 */
export interface FaultRule {
  /** Vendor; absent matches all three. */
  readonly vendor?: Vendor;
  /** Operation name, or a pattern tested against it; `*` or absent matches all. */
  readonly operation?: string | RegExp;
  /**
   * Scope: AWS account id, Google resource name (`projects/my-project`, `folders/123`,
   * `organizations/123`), Azure subscription id. Absent matches all.
   */
  readonly scope?: string | RegExp;
  /**
   * The request's parameters: tested against its query string and body, e.g.
   * `/guardduty\.amazonaws\.com/` to fail one service's `organizations:ListDelegatedAdministrators`
   * call and no other. Absent matches all.
   */
  readonly request?: string | RegExp;
  /** Delay before answering, in milliseconds. */
  readonly latencyMs?: number;
  /**
   * A token bucket: `burst` requests at once, refilled at `perSecond`. A request finding the bucket
   * empty is answered with the vendor's own throttling error.
   */
  readonly rateLimit?: { readonly burst: number; readonly perSecond: number };
  /** Answer with the vendor's throttling error (deterministic; combine with `times`). */
  readonly throttle?: boolean;
  /** Answer with this server error. */
  readonly serverError?: 500 | 502 | 503 | 504;
  /** Answer with the vendor's access-denied error. */
  readonly accessDenied?: boolean;
  /** Never answer (the client's own timeout or abort ends the request). */
  readonly timeout?: boolean;
  /** Apply `throttle`, `serverError`, `accessDenied` or `timeout` to the first N matching requests only. */
  readonly times?: number;
  /**
   * Apply `throttle`, `serverError`, `accessDenied` or `timeout` to this share (0–1) of matching
   * requests, drawn from a PRNG seeded with `seed` (default 1): a fault rate, e.g. 10% throttled.
   */
  readonly probability?: number;
  /** Seed of `probability`'s draws. */
  readonly seed?: number;
  /** `Retry-After` seconds sent with throttling answers (Azure always sends one; default 0). */
  readonly retryAfterSeconds?: number;
}

/** What a server must do with a request before serving it. */
export type FaultDecision =
  | { readonly kind: 'serve'; readonly latencyMs: number }
  | { readonly kind: 'throttle'; readonly latencyMs: number; readonly retryAfterSeconds: number }
  | { readonly kind: 'serverError'; readonly latencyMs: number; readonly status: 500 | 502 | 503 | 504 }
  | { readonly kind: 'accessDenied'; readonly latencyMs: number }
  | { readonly kind: 'timeout'; readonly latencyMs: number };

/** A refused write, recorded so a test can assert that a scan made none. */
export interface WriteAttempt {
  /** Vendor. */
  readonly vendor: Vendor;
  /** Operation name (e.g. `organizations:CreateAccount`, `projects.setIamPolicy`, `PUT`). */
  readonly operation: string;
  /** HTTP method and path of the request. */
  readonly request: string;
  /** Scope, when known. */
  readonly scope?: string;
}

/** A request the cloud held open (a `timeout` fault), and how long it stayed open until its connection closed. */
export interface HeldRequest {
  /** Vendor. */
  readonly vendor: Vendor;
  /** Operation name. */
  readonly operation: string;
  /** Milliseconds from arrival until the client (or `stop()`) closed it; absent while it is still open. */
  readonly heldMs?: number;
  /** Milliseconds from its arrival until the same request arrived again (the client's retry); absent until then. */
  readonly retriedAfterMs?: number;
}

interface HeldEntry {
  readonly vendor: Vendor;
  readonly operation: string;
  readonly identity: string | undefined;
  readonly since: number;
  heldMs?: number;
  retriedAfterMs?: number;
}

/** Per-operation counters, readable by tests and benchmarks. */
export class RequestCounters {
  readonly #requests = new Map<string, number>();
  readonly #outcomes = new Map<string, number>();
  readonly #writes: WriteAttempt[] = [];
  // Identities (digests) of requests that got a final answer: served, or refused for access.
  readonly #answered = new Set<string>();
  readonly #repeated = new Map<string, number>();
  readonly #held: HeldEntry[] = [];

  /**
   * Counts one request. `identity` (vendor, scope, method, path, query and body) lets the counters
   * tell a repeat of an already answered request from a retry of a refused one. @internal
   */
  record(vendor: Vendor, operation: string, outcome: FaultDecision['kind'] | 'write', identity?: string): void {
    const key = `${vendor}:${operation}`;
    this.#requests.set(key, (this.#requests.get(key) ?? 0) + 1);
    if (identity !== undefined && this.#held.length > 0) {
      const held = this.#held.find(
        (h) => h.retriedAfterMs === undefined && h.identity === identity && `${h.vendor}:${h.operation}` === key,
      );
      if (held) held.retriedAfterMs = performance.now() - held.since;
    }
    if (outcome !== 'serve') {
      const k = `${key}:${outcome}`;
      this.#outcomes.set(k, (this.#outcomes.get(k) ?? 0) + 1);
    }
    // Only a final answer makes a later identical request redundant: re-sending after a throttle,
    // a 5xx or a timeout is a retry, not a repeat. A digest keeps a large scan's memory small.
    if (identity !== undefined && (outcome === 'serve' || outcome === 'accessDenied')) {
      const digest = createHash('sha1').update(`${key}\u0000${identity}`).digest('base64');
      if (this.#answered.has(digest)) this.#repeated.set(key, (this.#repeated.get(key) ?? 0) + 1);
      else this.#answered.add(digest);
    }
  }

  /**
   * Requests that repeated one already answered (same vendor, operation, scope, method, path, query
   * and body), per `vendor:operation`: what a client with a perfect cache would not have sent.
   */
  redundant(): Record<string, number> {
    return Object.fromEntries([...this.#repeated].sort(([a], [b]) => a.localeCompare(b)));
  }

  /**
   * Notes a request held open (call it after {@link record}, with the same identity); call the function
   * returned when its connection closes. @internal
   */
  recordHold(vendor: Vendor, operation: string, identity?: string): () => void {
    const entry: HeldEntry = { vendor, operation, identity, since: performance.now() };
    this.#held.push(entry);
    return () => void (entry.heldMs ??= performance.now() - entry.since);
  }

  /**
   * Every request held open by a `timeout` fault, in arrival order: how long it stayed open, and when
   * the client sent it again.
   */
  holds(): readonly HeldRequest[] {
    return this.#held.map(({ vendor, operation, heldMs, retriedAfterMs }) => ({
      vendor,
      operation,
      ...(heldMs === undefined ? {} : { heldMs }),
      ...(retriedAfterMs === undefined ? {} : { retriedAfterMs }),
    }));
  }

  /** Records a refused write. @internal */
  recordWrite(attempt: WriteAttempt): void {
    this.#writes.push(attempt);
  }

  /** Requests received for one operation (all outcomes), e.g. `count('aws', 'organizations:ListAccounts')`. */
  count(vendor: Vendor, operation: string): number {
    return this.#requests.get(`${vendor}:${operation}`) ?? 0;
  }

  /** Requests for one operation answered with a fault (`throttle`, `serverError`, `accessDenied`, `timeout`) or refused as a `write`. */
  outcomes(vendor: Vendor, operation: string, outcome: Exclude<FaultDecision['kind'], 'serve'> | 'write'): number {
    return this.#outcomes.get(`${vendor}:${operation}:${outcome}`) ?? 0;
  }

  /** Every fault outcome so far, keyed `vendor:operation:outcome` (e.g. `aws:ec2:DescribeRegions:throttle`). */
  outcomeSnapshot(): Record<string, number> {
    return Object.fromEntries([...this.#outcomes].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Total requests, optionally for one vendor. */
  total(vendor?: Vendor): number {
    let n = 0;
    for (const [k, v] of this.#requests) if (!vendor || k.startsWith(`${vendor}:`)) n += v;
    return n;
  }

  /** A copy of all counters, keyed `vendor:operation`. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.#requests].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Every refused write so far. */
  get writes(): readonly WriteAttempt[] {
    return [...this.#writes];
  }

  /** Clears all counters and the write log. */
  reset(): void {
    this.#requests.clear();
    this.#outcomes.clear();
    this.#writes.length = 0;
    this.#held.length = 0;
    this.#answered.clear();
    this.#repeated.clear();
  }
}

interface RuleState {
  readonly rule: FaultRule;
  readonly draw: () => number;
  hits: number;
  tokens: number;
  last: number;
}

const matches = (pattern: string | RegExp | undefined, value: string | undefined): boolean => {
  if (pattern === undefined || pattern === '*') return true;
  if (value === undefined) return false;
  return typeof pattern === 'string' ? pattern === value : pattern.test(value);
};

/** A string matches when the request's parameters contain it; a pattern when it matches them. */
const matchesRequest = (pattern: string | RegExp, request: string): boolean =>
  typeof pattern === 'string' ? request.includes(pattern) : pattern.test(request);

/** The rule set, changeable while the cloud runs (tests add a fault, run a scan, clear it). */
export class FaultEngine {
  #rules: RuleState[] = [];

  /** @param rules the initial rules. */
  constructor(rules: readonly FaultRule[] = []) {
    this.set(rules);
  }

  /** Replaces every rule (and resets hit counts and token buckets). */
  set(rules: readonly FaultRule[]): void {
    this.#rules = rules.map((rule) => this.#state(rule));
  }

  /** Adds one rule; returns a function that removes it. */
  add(rule: FaultRule): () => void {
    const state = this.#state(rule);
    this.#rules.push(state);
    return () => {
      this.#rules = this.#rules.filter((s) => s !== state);
    };
  }

  /** Removes every rule. */
  clear(): void {
    this.#rules = [];
  }

  #state(rule: FaultRule): RuleState {
    return { rule, draw: seededRandom(rule.seed ?? 1), hits: 0, tokens: rule.rateLimit?.burst ?? 0, last: Date.now() };
  }

  /** Decides the fate of one request; `request` is its query string and body. @internal */
  decide(vendor: Vendor, operation: string, scope: string | undefined, request = ''): FaultDecision {
    let latencyMs = 0;
    let decision: FaultDecision | undefined;
    for (const s of this.#rules) {
      const { rule } = s;
      if (rule.vendor && rule.vendor !== vendor) continue;
      if (!matches(rule.operation, operation) || !matches(rule.scope, scope)) continue;
      if (rule.request !== undefined && !matchesRequest(rule.request, request)) continue;
      latencyMs += rule.latencyMs ?? 0;
      if (decision) continue;
      const retryAfterSeconds = rule.retryAfterSeconds ?? 0;
      if (rule.rateLimit) {
        const now = Date.now();
        s.tokens = Math.min(rule.rateLimit.burst, s.tokens + ((now - s.last) / 1000) * rule.rateLimit.perSecond);
        s.last = now;
        if (s.tokens >= 1) s.tokens -= 1;
        else decision = { kind: 'throttle', latencyMs: 0, retryAfterSeconds };
      }
      if (decision) continue;
      const counted = rule.throttle || rule.serverError || rule.accessDenied || rule.timeout;
      if (!counted) continue;
      if (rule.times !== undefined && s.hits >= rule.times) continue;
      if (rule.probability !== undefined && s.draw() >= rule.probability) continue;
      s.hits += 1;
      if (rule.timeout) decision = { kind: 'timeout', latencyMs: 0 };
      else if (rule.accessDenied) decision = { kind: 'accessDenied', latencyMs: 0 };
      else if (rule.throttle) decision = { kind: 'throttle', latencyMs: 0, retryAfterSeconds };
      else if (rule.serverError) decision = { kind: 'serverError', latencyMs: 0, status: rule.serverError };
    }
    return decision ? { ...decision, latencyMs } : { kind: 'serve', latencyMs };
  }
}
