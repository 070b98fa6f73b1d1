/**
 * The fault run's accounting: which scopes ended in error and why, and which findings of the clean run
 * the fault run lost.
 *
 * **A finding is lost** when a finding of the clean run of the same estate (identified by provider,
 * scope, check, resource id and region) is absent from the fault run, and the fault run has no `error`
 * finding of the same check in the same scope to account for it. A fault may turn a duty the scanner
 * could not verify into `error`, never into silence and never into a pass: so a lost finding is one the
 * fault made disappear without a trace. A finding present in both runs with another status is not lost,
 * but it is counted (`changed`): under faults, only `error` may replace a clean status.
 * @module
 */
import type { Finding, ScanResult } from '@demarc/core';
import type { HeldRequest } from '@demarc/local-cloud';

const findingKey = (f: Finding): string => `${f.resource.provider}\u0000${f.resource.scope}\u0000${f.checkId}\u0000${f.resource.region ?? ''}\u0000${f.resource.id}`;
const checkScopeKey = (f: Finding): string => `${f.resource.provider}\u0000${f.resource.scope}\u0000${f.checkId}`;

/** A scope with at least one `error` finding in the fault run, with its causes. */
export interface ErroredScope {
  /** Provider id. */
  readonly provider: string;
  /** Scope id. */
  readonly scope: string;
  /** Distinct causes (error name: message), most frequent first. */
  readonly causes: readonly string[];
  /** Error findings in the scope. */
  readonly errors: number;
}

/** The comparison of a fault run with the clean run of the same estate. */
export interface FaultAccounting {
  /** Scopes the fault run scanned (per the result). */
  readonly scopesScanned: number;
  /** Scopes with an error finding, each with its cause. */
  readonly erroredScopes: readonly ErroredScope[];
  /** Clean findings that vanished without an `error` of the same check and scope (must be 0). */
  readonly lost: readonly Finding[];
  /** Clean findings accounted for by an `error` finding of the same check and scope. */
  readonly accountedByError: number;
  /** Findings present in both runs whose status changed to something other than `error` (must be 0). */
  readonly changed: readonly { readonly clean: Finding; readonly fault: Finding }[];
  /** Clean scopes the fault run did not list at all (must be 0: a denied scope is still reported). */
  readonly missingScopes: readonly string[];
}

/** Compares a fault run with the clean run of the same estate. */
export function accountFaults(clean: ScanResult, fault: ScanResult): FaultAccounting {
  const faultByKey = new Map<string, Finding>();
  for (const f of fault.findings) if (f.status !== 'error') faultByKey.set(findingKey(f), f);
  const errored = new Set<string>();
  const byScope = new Map<string, { provider: string; scope: string; causes: Map<string, number>; errors: number }>();
  for (const f of fault.findings) {
    if (f.status !== 'error') continue;
    errored.add(checkScopeKey(f));
    const key = `${f.resource.provider}\u0000${f.resource.scope}`;
    let entry = byScope.get(key);
    if (!entry) byScope.set(key, (entry = { provider: f.resource.provider, scope: f.resource.scope, causes: new Map(), errors: 0 }));
    entry.errors += 1;
    const cause = f.error ? `${f.error.name}: ${f.error.message}` : f.message;
    entry.causes.set(cause, (entry.causes.get(cause) ?? 0) + 1);
  }
  const lost: Finding[] = [];
  const changed: { clean: Finding; fault: Finding }[] = [];
  let accountedByError = 0;
  for (const f of clean.findings) {
    const match = faultByKey.get(findingKey(f));
    if (match) {
      if (match.status !== f.status) changed.push({ clean: f, fault: match });
    } else if (errored.has(checkScopeKey(f))) accountedByError += 1;
    else lost.push(f);
  }
  const faultScopes = new Set(fault.scopes.map((s) => `${s.provider}\u0000${s.id}`));
  const missingScopes = clean.scopes.filter((s) => !faultScopes.has(`${s.provider}\u0000${s.id}`)).map((s) => `${s.provider}/${s.id}`);
  const erroredScopes = [...byScope.values()]
    .map((e) => ({ provider: e.provider, scope: e.scope, errors: e.errors, causes: [...e.causes].sort((a, b) => b[1] - a[1]).map(([c]) => c) }))
    .sort((a, b) => (a.provider + a.scope < b.provider + b.scope ? -1 : 1));
  return { scopesScanned: fault.scopes.length, erroredScopes, lost, accountedByError, changed, missingScopes };
}

/** Groups errored scopes by a short cause class, for the table (e.g. `access denied: 301`). */
export function causeClasses(scopes: readonly ErroredScope[]): Record<string, number> {
  const classes: Record<string, number> = {};
  for (const s of scopes) {
    const all = s.causes.join(' ');
    const cls = /denied|AccessDenied|PERMISSION_DENIED|AuthorizationFailed|not authorized|403/i.test(all)
      ? 'access denied'
      : /timed out|timeout|Timeout/i.test(all)
        ? 'timeout'
        : /throttl|TooManyRequests|RequestLimitExceeded|RESOURCE_EXHAUSTED|429/i.test(all)
          ? 'throttling (retries exhausted)'
          : /\b5\d\d\b|ServiceUnavailable|UNAVAILABLE|Internal|503/i.test(all)
            ? '5xx (retries exhausted)'
            : 'other';
    classes[cls] = (classes[cls] ?? 0) + 1;
  }
  return classes;
}

/** How the fault run's hung requests ended, measured by the local cloud that held them open. */
export interface HungRequests {
  /** Requests held open. */
  readonly held: number;
  /** Of those, closed by the client (its request timeout) before the counters were read. */
  readonly closed: number;
  /** Of those, sent again by the client (its retry). */
  readonly retried: number;
  /** Longest time from a hung request's arrival until the client closed it, ms. */
  readonly longestHeldMs: number;
  /** Longest time from a hung request's arrival until its retry arrived, ms: when the hang ended for the scan. */
  readonly longestUntilRetryMs: number;
}

/** Sums up the held requests of a run (figures to print against `2 × requestTimeoutMs`; never asserted on time). */
export function hungRequests(holds: readonly HeldRequest[]): HungRequests {
  const longest = (values: readonly (number | undefined)[]): number =>
    Math.max(0, ...values.filter((v): v is number => v !== undefined));
  return {
    held: holds.length,
    closed: holds.filter((h) => h.heldMs !== undefined).length,
    retried: holds.filter((h) => h.retriedAfterMs !== undefined).length,
    longestHeldMs: longest(holds.map((h) => h.heldMs)),
    longestUntilRetryMs: longest(holds.map((h) => h.retriedAfterMs)),
  };
}
