/**
 * The runner: discovers scopes, runs every applicable check in every scope under concurrency limits,
 * turns check results into findings filled in from the model, and always finishes.
 * @module
 */
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import { CLOUD_SERVICE_MODEL_IDS, type DomainId, type Party } from '../model/ids';
import { ownerOf } from '../model/queries';
import type { ServiceCatalogEntry } from '../model/types';
import { AccessDeniedError, CredentialsError, DemarcError, TimeoutError, errorFromSummary, summarizeError } from '../errors';
import { canonicalize, compareStrings, type JsonObject } from '../internal/json';
import { checkLevel, formatMessage } from '../checks/define-check';
import { checkOptionProblems, type CheckOptionsInput } from '../checks/options';
import type { AnyCheck, CheckContext, CheckMeta, CollectOptions } from '../checks/types';
import { compareFindings } from '../findings/index';
import type { CheckResult, Finding, ResourceRef } from '../findings/types';
import { NO_ATTESTATIONS } from '../attestations/index';
import { compileMutes, type MuteMatcher } from '../mutes/index';
import { SNAPSHOT_VERSION, type Snapshot } from '../snapshot/index';
import type { ProviderV1 } from '../provider/types';
import type { ScopeInfo } from '../scope';
import { CollectorCache } from './collector-cache';
import { ORGANIZATION_SHARD, scopeSetDigest, shardOf, validateShardSpec } from '../sharding/partition';
import { TOOL_VERSION } from '../version';
import { createHash } from 'node:crypto';
import type { ScanOptions, ScanResult, ScannedScope } from './types';

export type * from './types';

/** The pseudo-scope organization-level checks run in. */
export const ORGANIZATION_SCOPE: ScopeInfo = { id: 'organization', kind: 'organization' };

/** The pseudo-provider of provider-neutral attestation checks: they run once per scan. */
const ORGANIZATION_PROVIDER: ProviderV1 = {
  specificationVersion: 'v1',
  id: 'organization',
  name: 'Organization',
  catalog: [],
  discoverScopes: () => [],
  collectors: {},
  checks: [],
  classify: () => undefined,
};

// `global` bounds checks in flight, and with `perScope` the scopes in flight (global / perScope + 1).
// 32 keeps about three scopes per vendor in flight: enough for checks that walk regions one call after
// another (14 round trips of 25–50 ms) to keep a per-API token bucket of tens of requests per second
// busy. Measured by the scale benchmark (bench/): 16 left it idle a third of the time.
const DEFAULTS = { global: 32, perScope: 4, perOperation: 4, checkTimeoutMs: 300_000 } as const;

/** The owner of a domain when every cloud service model agrees; undefined when it depends on the model. */
function uniformOwner(domain: DomainId): Party | undefined {
  const owners = new Set(CLOUD_SERVICE_MODEL_IDS.map((model) => ownerOf(domain, model)));
  return owners.size === 1 ? [...owners][0] : undefined;
}

interface Task {
  readonly provider: ProviderV1;
  readonly scope: ScopeInfo;
  readonly check: AnyCheck;
}

/**
 * Runs a scan. It never rejects because of a check, a collector or a provider's failed discovery: those
 * become `error` findings with their cause. An aborted scan resolves promptly with what it had and `aborted: true`.
 *
 * @example
 * ```ts
 * const result = await scan({ providers: [aws()], checks: ATTESTATION_CHECKS, attestations, concurrency: { perOperation: 2 } });
 * console.log(result.stats.requested, 'requests asked for,', result.stats.made, 'made');
 * ```
 */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const now = options.now ?? new Date();
  // One internal signal follows the caller's: every running check and collector listens to it, so it
  // may have many listeners without Node warning of a leak.
  const scanController = new AbortController();
  setMaxListeners(0, scanController.signal);
  const signal = scanController.signal;
  const onCallerAbort = (): void => scanController.abort(options.signal?.reason);
  if (options.signal?.aborted) onCallerAbort();
  else options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const concurrency = { ...DEFAULTS, ...options.concurrency };
  const timeoutMs = options.checkTimeoutMs ?? DEFAULTS.checkTimeoutMs;
  const attestations = options.attestations ?? NO_ATTESTATIONS;
  const mutes = compileMutes(options.mutes ?? [], now);
  const cache = new CollectorCache({
    perOperation: concurrency.perOperation,
    operations: concurrency.operations ?? {},
    signal,
    record: options.record ?? false,
    ...(options.replay ? { replay: options.replay } : {}),
  });
  const emit = options.onProgress ?? (() => {});
  const providers = [...options.providers].sort((a, b) => compareStrings(a.id, b.id));

  // The check set: each provider's own checks plus the extra ones, by id; one id, one check.
  const checksById = new Map<string, AnyCheck>();
  const addCheck = (check: AnyCheck): void => {
    const existing = checksById.get(check.meta.id);
    if (existing && existing.run !== check.run) throw new DemarcError(`Two different checks have the id '${check.meta.id}'`);
    if (!options.filter || options.filter(check.meta)) checksById.set(check.meta.id, check);
  };
  if (options.includeProviderChecks ?? true) for (const p of providers) p.checks.forEach(addCheck);
  options.checks?.forEach(addCheck);
  const checks = [...checksById.values()].sort((a, b) => compareStrings(a.meta.id, b.meta.id));
  const checkOptions = optionsByCheck(checks, options.checkOptions ?? {});
  const shard = options.shard;
  if (shard) validateShardSpec(shard);
  const runsOrganizationChecks = !shard || shard.index === ORGANIZATION_SHARD;
  const discovered: Record<string, { scopes: number; digest: string }> = {};

  // Scopes: discovered live, or read from the replayed snapshot; sorted so the order is deterministic.
  // Providers discover at the same time: each walks its own vendor's hierarchy against its own rate
  // limits, so one after the other would only add their times up.
  const scopesByProvider = new Map<string, ScopeInfo[]>();
  const discoveries = await Promise.allSettled(
    providers.map(async (provider): Promise<ScopeInfo[]> => {
      if (signal.aborted) return [];
      const recorded = options.replay?.discoveryErrors?.[provider.id];
      if (recorded) throw errorFromSummary(recorded);
      if (options.replay) return [...(options.replay.scopes[provider.id] ?? [])];
      const found: ScopeInfo[] = [];
      try {
        for await (const scope of provider.discoverScopes({ signal })) found.push(scope);
      } catch (error) {
        if (!signal.aborted) throw discoveryError(provider, error);
      }
      return found;
    }),
  );
  // A provider whose discovery failed (no credentials, no organization access) is not scanned, but its
  // duties are not silently dropped either: each of its checks reports `error` with the cause, in the
  // organization scope, and the other providers are scanned as usual.
  const discoveryFailures = new Map<string, unknown>();
  for (const [i, provider] of providers.entries()) {
    const outcome = discoveries[i]!;
    if (signal.aborted) break;
    if (outcome.status === 'rejected') {
      discoveryFailures.set(provider.id, outcome.reason);
      if (shard) discovered[provider.id] = { scopes: 0, digest: scopeSetDigest([]) };
      scopesByProvider.set(provider.id, []);
      emit({ type: 'scopes-discovered', provider: provider.id, scopes: 0 });
      continue;
    }
    let scopes = outcome.value;
    if (options.scopes) scopes = scopes.filter((s) => options.scopes!.includes(s.id));
    if (shard) {
      discovered[provider.id] = { scopes: scopes.length, digest: scopeSetDigest(scopes.map((s) => s.id)) };
      scopes = scopes.filter((s) => shardOf(provider.id, s.id, shard.count) === shard.index);
    }
    scopes.sort((a, b) => compareStrings(a.id, b.id));
    scopesByProvider.set(provider.id, scopes);
    emit({ type: 'scopes-discovered', provider: provider.id, scopes: scopes.length });
  }

  // The plan: per provider and scope, the checks that apply, in id order.
  const plan: Task[][] = [];
  const neutralOrgChecks = checks.filter((c) => c.meta.provider === undefined && c.meta.kind === 'attestation');
  if (neutralOrgChecks.length > 0 && runsOrganizationChecks) plan.push(neutralOrgChecks.map((check) => ({ provider: ORGANIZATION_PROVIDER, scope: ORGANIZATION_SCOPE, check })));
  const perProvider: Task[][][] = [];
  const findings: Finding[] = [];
  for (const provider of providers) {
    const groups: Task[][] = [];
    const mine = checks.filter((c) => (c.meta.provider ?? provider.id) === provider.id && !neutralOrgChecks.includes(c));
    const failure = discoveryFailures.get(provider.id);
    if (failure !== undefined) {
      // Once, like organization-level checks: in the organization shard.
      if (runsOrganizationChecks) for (const check of mine) findings.push(errorFinding(provider, ORGANIZATION_SCOPE, check.meta as CheckMeta, failure));
      continue;
    }
    const orgTasks = mine.filter((c) => checkLevel(c.meta) === 'organization').map((check) => ({ provider, scope: ORGANIZATION_SCOPE, check }));
    if (orgTasks.length > 0 && runsOrganizationChecks) groups.push(orgTasks);
    const scopeChecks = mine.filter((c) => checkLevel(c.meta) === 'scope');
    if (scopeChecks.length > 0) for (const scope of scopesByProvider.get(provider.id) ?? []) groups.push(scopeChecks.map((check) => ({ provider, scope, check })));
    perProvider.push(groups);
  }
  // Scope groups are taken from the providers in turn: each vendor has its own rate limits, so a scan
  // that finished one cloud before starting the next would leave two thirds of its API budget unused.
  for (let i = 0, more = true; more; i++) {
    more = false;
    for (const groups of perProvider) {
      const group = groups[i];
      if (group) plan.push(group);
      if (i + 1 < groups.length) more = true;
    }
  }
  const total = plan.reduce((n, group) => n + group.length, 0);
  emit({ type: 'scan-planned', tasks: total });

  let done = 0;
  const globalLimit = pLimit(concurrency.global);
  // Scopes in flight are bounded too, so a 10,000-account organization does not queue every task at once.
  const scopeGroupLimit = pLimit(Math.max(1, Math.ceil(concurrency.global / concurrency.perScope)) + 1);

  const runTask = async ({ provider, scope, check }: Task): Promise<void> => {
    if (signal.aborted) return;
    const produced: Finding[] = [];
    const run = { signal, timeoutMs, now, attestations, mutes, cache, options: checkOptions.get(check.meta.id) };
    const outcome = await runCheck(provider, scope, check, run, produced);
    for (const f of produced) findings.push(f);
    done += 1;
    emit({ type: 'check-finished', provider: provider.id, scope: scope.id, checkId: check.meta.id, findings: produced.length, outcome, done, total });
  };

  await Promise.all(
    plan.map((group) =>
      scopeGroupLimit(async () => {
        if (signal.aborted) return;
        const perScope = pLimit(concurrency.perScope);
        await Promise.all(group.map((task) => perScope(() => globalLimit(() => runTask(task)))));
      }),
    ),
  );

  options.signal?.removeEventListener('abort', onCallerAbort);
  findings.sort(compareFindings);
  const scopes: ScannedScope[] = [];
  for (const provider of providers) for (const s of scopesByProvider.get(provider.id) ?? []) scopes.push({ provider: provider.id, ...s });
  const aborted = signal.aborted;
  emit({ type: 'scan-finished', aborted, findings: findings.length });

  const failures = discoveryFailures.size > 0 ? { discoveryErrors: Object.fromEntries([...discoveryFailures].map(([id, error]) => [id, summarizeError(error)])) } : {};
  let snapshot: Snapshot | undefined;
  if (options.record) {
    snapshot = { kind: 'demarc-snapshot', version: SNAPSHOT_VERSION, scopes: Object.fromEntries(providers.map((p) => [p.id, scopesByProvider.get(p.id) ?? []])), ...failures, requests: cache.recorded };
  }
  return {
    startedAt: now.toISOString(),
    providers: providers.map((p) => ({ id: p.id, name: p.name })),
    scopes,
    checks: checks.map((c) => c.meta as CheckMeta),
    findings,
    stats: { ...cache.stats, operations: cache.operationStats, checkRunsPlanned: total, checkRunsFinished: done },
    aborted,
    ...failures,
    ...(snapshot ? { snapshot } : {}),
    ...(shard
      ? {
          shard: {
            index: shard.index,
            count: shard.count,
            ...(shard.runId === undefined ? {} : { runId: shard.runId }),
            key: shardKey(shard.count, shard.runId, providers, checks),
            discovered,
          },
        }
      : {}),
  };
}

/**
 * The options of each check, by its id, from options keyed by id or former id. Every problem (an id
 * no check has, an option a check does not declare, a value its schema refuses) is reported at once,
 * before anything is collected.
 */
function optionsByCheck(checks: readonly AnyCheck[], given: Readonly<Record<string, CheckOptionsInput>>): Map<string, CheckOptionsInput> {
  const byName = new Map<string, AnyCheck>();
  for (const check of checks) for (const name of [check.meta.id, ...(check.meta.aliases ?? [])]) byName.set(name, check);
  const out = new Map<string, CheckOptionsInput>();
  const problems: string[] = [];
  for (const [name, input] of Object.entries(given)) {
    const check = byName.get(name);
    // Options for a check that is not in this scan (another provider's, filtered out) are not an error.
    if (!check) continue;
    for (const problem of checkOptionProblems(check.meta.options ?? {}, input)) problems.push(`Check '${name}': option ${problem.option} ${problem.message}`);
    out.set(check.meta.id, { ...out.get(check.meta.id), ...input });
  }
  if (problems.length > 0) throw new DemarcError(problems.join('; '));
  return out;
}

/** What must be equal across the shards of one scan, as a digest. */
function shardKey(count: number, runId: string | undefined, providers: readonly ProviderV1[], checks: readonly AnyCheck[]): string {
  const identity = JSON.stringify({ tool: TOOL_VERSION, count, runId: runId ?? null, providers: providers.map((p) => p.id), checks: checks.map((c) => c.meta.id) });
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}

interface RunContext {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly now: Date;
  readonly attestations: CheckContext['attestations'];
  readonly mutes: MuteMatcher;
  readonly cache: CollectorCache;
  readonly options: CheckOptionsInput | undefined;
}

/** Runs one check in one scope, pushing its findings; returns how it ended. */
async function runCheck(
  provider: ProviderV1,
  scope: ScopeInfo,
  check: AnyCheck,
  run: RunContext,
  out: Finding[],
): Promise<'ok' | 'error' | 'timeout' | 'aborted'> {
  const local = new AbortController();
  const onScanAbort = (): void => local.abort(run.signal.reason);
  run.signal.addEventListener('abort', onScanAbort, { once: true });
  const timer = setTimeout(
    () => local.abort(new TimeoutError(`Check '${check.meta.id}' in scope ${scope.id}`, run.timeoutMs)),
    run.timeoutMs,
  );
  // Each step races the iterator against the abort signal; the listener is removed after every step so
  // a check yielding a million results does not pile up handlers.
  const nextOrStop = <T>(step: () => T | Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (local.signal.aborted) return reject(local.signal.reason);
      const onAbort = (): void => reject(local.signal.reason);
      local.signal.addEventListener('abort', onAbort, { once: true });
      Promise.resolve()
        .then(step)
        .then(
          (value) => {
            local.signal.removeEventListener('abort', onAbort);
            resolve(value);
          },
          (error: unknown) => {
            local.signal.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
    });
  const context: CheckContext = {
    provider: provider.id,
    scope,
    signal: local.signal,
    now: run.now,
    attestations: run.attestations,
    classify: (type) => provider.classify(type),
    ...(run.options === undefined ? {} : { options: run.options }),
    collect: <T>(operation: string, params?: Readonly<Record<string, unknown>>, options?: CollectOptions) =>
      run.cache.collect(provider, options?.scope ?? scope, operation, params) as Promise<T>,
  };
  let iterator: AsyncIterator<CheckResult> | Iterator<CheckResult> | undefined;
  try {
    const results = check.run(context);
    const it: AsyncIterator<CheckResult> | Iterator<CheckResult> =
      Symbol.asyncIterator in results ? results[Symbol.asyncIterator]() : results[Symbol.iterator]();
    iterator = it;
    for (;;) {
      const step = await nextOrStop(() => it.next());
      if (step.done) break;
      out.push(toFinding(provider, scope, check.meta, step.value, run.mutes));
    }
    return 'ok';
  } catch (error) {
    // Let a generator clean up; its own errors no longer matter.
    Promise.resolve(iterator?.return?.()).catch(() => {});
    if (run.signal.aborted) return 'aborted';
    out.push(errorFinding(provider, scope, check.meta, error));
    return TimeoutError.isInstance(error) ? 'timeout' : 'error';
  } finally {
    clearTimeout(timer);
    run.signal.removeEventListener('abort', onScanAbort);
  }
}

function ownership(meta: CheckMeta, entry: ServiceCatalogEntry | undefined): Pick<Finding, 'owner' | 'serviceModel'> {
  if (entry) return { owner: ownerOf(meta.domain, entry), serviceModel: entry.model };
  const models = meta.appliesTo?.serviceModels;
  if (models?.length === 1) return { owner: ownerOf(meta.domain, models[0]!), serviceModel: models[0]! };
  const owner = uniformOwner(meta.domain);
  return owner ? { owner } : {};
}

function scopeResource(provider: ProviderV1, scope: ScopeInfo): ResourceRef {
  return { provider: provider.id, scope: scope.id, id: scope.id, type: scope.kind };
}

/** Turns a check result into a finding: resource defaults, message, model ownership, triage, mutes. */
function toFinding(provider: ProviderV1, scope: ScopeInfo, meta: CheckMeta, result: CheckResult, mutes: MuteMatcher): Finding {
  const r = result.resource;
  // The service a check names wins over what the type classifies as: ownership follows the service model.
  const named = r?.service === undefined ? undefined : provider.catalog.find((e) => e.id === r.service);
  const entry = named ?? (r?.type ? provider.classify(r.type) : undefined);
  const service = r?.service ?? entry?.id;
  const resource: ResourceRef = r
    ? {
        provider: r.provider ?? provider.id,
        scope: r.scope ?? scope.id,
        ...(r.region === undefined ? {} : { region: r.region }),
        id: r.id,
        ...(r.type === undefined ? {} : { type: r.type }),
        ...(service === undefined ? {} : { service }),
        ...(r.name === undefined ? {} : { name: r.name }),
      }
    : scopeResource(provider, scope);
  let message: string;
  if (result.messageId !== undefined) {
    const template = (meta.messages as Readonly<Record<string, string>> | undefined)?.[result.messageId];
    if (template === undefined) {
      return errorFinding(provider, scope, meta, new DemarcError(`Check '${meta.id}' reported unknown messageId '${result.messageId}'`), resource);
    }
    message = formatMessage(template, result.data);
  } else message = result.message ?? `${meta.title}: ${result.status}`;

  const mark = result.providerManaged ?? provider.isProviderManaged?.(resource);
  const triaged = mark !== undefined && result.status === 'fail';
  const finding: Finding = {
    checkId: meta.id,
    status: triaged ? 'provider-managed' : result.status,
    ...(triaged ? { originalStatus: 'fail' as const } : {}),
    severity: meta.severity,
    domain: meta.domain,
    ...ownership(meta, entry),
    resource,
    message,
    ...(result.messageId === undefined ? {} : { messageId: result.messageId }),
    ...(result.evidence === undefined ? {} : { evidence: canonicalize(result.evidence) as JsonObject }),
    ...(mark ? { providerManaged: mark.reason } : {}),
    ...(result.status === 'error' && result.error !== undefined ? { error: summarizeError(result.error) } : {}),
  };
  return mutes.apply(finding, meta.aliases);
}

/** The error of a failed discovery, naming the provider; an access refusal stays one (so findings say "Access denied"). */
function discoveryError(provider: ProviderV1, error: unknown): Error {
  const message = `Provider '${provider.id}' could not discover scopes: ${summarizeError(error).message}`;
  if (AccessDeniedError.isInstance(error)) return new AccessDeniedError(error.operation, message, { retryable: false, cause: error });
  if (CredentialsError.isInstance(error)) return new CredentialsError(error.operation, message, error.hint, { cause: error });
  return new DemarcError(message, { cause: error });
}

/** The finding for a check that could not evaluate: `error` with its cause. Never a pass. */
function errorFinding(provider: ProviderV1, scope: ScopeInfo, meta: CheckMeta, error: unknown, resource?: ResourceRef): Finding {
  const summary = summarizeError(error);
  const lead = AccessDeniedError.isInstance(error) || summary.name === 'AccessDeniedError' ? 'Access denied' : 'Could not evaluate';
  return {
    checkId: meta.id,
    status: 'error',
    severity: meta.severity,
    domain: meta.domain,
    ...ownership(meta, undefined),
    resource: resource ?? scopeResource(provider, scope),
    message: `${lead}: ${summary.message}`,
    error: summary,
  };
}
