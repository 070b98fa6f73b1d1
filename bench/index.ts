/**
 * `pnpm bench`: the scale and fault benchmark (issue 9). Prints one Markdown table of figures with their
 * targets, then notes that explain them.
 *
 * 1. A seeded synthetic estate of N AWS accounts, N Google Cloud projects and N Azure subscriptions
 *    (default N = 1,000) on the local cloud, run in a child process, with per-operation latency and
 *    token-bucket rate limits shaped like the vendors' published ones (`estate.ts`).
 * 2. A clean scan of the three providers with default settings: wall time against the lower bound
 *    computed from first principles (`bound.ts`), requests made against distinct requests needed,
 *    throttling answers seen and retried, peak RSS.
 * 3. A fault run of the same estate (10% throttled beyond the buckets, 5% answered 503, 10% of scopes
 *    denied, a few requests that hang): scopes scanned, scopes in error with their causes, findings
 *    lost against the clean run (`fault.ts`), crashes.
 * 4. Micro-figures (`micro.ts`): import time of each package, 1,000,000 findings to JSON and Markdown.
 * 5. A sharded run of the clean estate (`shard.ts`, issue 10): `--shards` processes (default 3), each
 *    scanning its shard with `scan({ shard })`, side by side against the same cloud; their JSON results
 *    merged and compared with the single clean scan. Printed as a second table.
 *
 *   pnpm bench                      # build, then everything at N = 1,000 (about 20 minutes here)
 *   tsx bench/index.ts --scopes 200 # smaller; --no-micro, --no-scan, --no-fault, --shards 0 to skip parts
 * @module
 */
import '@demarc/local-cloud/loopback-guard';
import { cpus, loadavg, totalmem } from 'node:os';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '@demarc/core';
import { causeClasses, accountFaults, hungRequests } from './fault.ts';
import { criticalPath, lowerBound } from './bound.ts';
import { startChild } from './cloud.ts';
import { BENCH_SEED, benchEstate, benchLimits, cleanRules, DEFAULT_FAULT_MIX, faultRules, pickDeniedScopes } from './estate.ts';
import { importFigures, isBuilt, reportFigure } from './micro.ts';
import { redundantRequests, runScan, throttling, totalRequests } from './scale.ts';
import { runShards, type ShardRun } from './shard.ts';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const N = Number(option('scopes') ?? process.env.BENCH_SCOPES ?? 1000);
/** Shards of the sharded run (0 skips it). */
const SHARDS = Number(option('shards') ?? 3);
/** Page sizes the local cloud uses by default (AWS Organizations 20, Google 100, ARM 1,000). */
const PAGE_SIZES = { aws: 20, gcp: 100, azure: 1000 };

const rows: { figure: string; value: string; target?: string; met?: boolean }[] = [];
let sharded: { run: ShardRun; singleWallMs: number; boundSeconds: number } | undefined;
const notes: string[] = [];
const row = (figure: string, value: string, target?: string, met?: boolean): void => void rows.push({ figure, value, ...(target ? { target } : {}), ...(met === undefined ? {} : { met }) });
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' / ');
const startedAt = new Date();
const loadBefore = load();

if (!flag('no-micro')) {
  if (!isBuilt()) {
    console.error('The packages are not built: run `pnpm run build` first (pnpm bench does).');
    process.exit(2);
  }
  const imports = importFigures();
  for (const p of imports.packages) {
    const target = p.name === '@demarc/core' ? '< 25 ms' : undefined;
    row(`import('${p.name}') (built ESM), median of 11 processes`, `${p.ms.toFixed(1)} ms${p.vendorSdks.length ? `, loaded ${p.vendorSdks.join(', ')}` : ', no vendor SDK'}`, target, target ? p.ms < 25 : p.vendorSdks.length === 0 ? undefined : false);
  }
  row('baseline: import of an empty module', `${imports.baselineMs.toFixed(1)} ms`);
  for (const format of ['json', 'markdown'] as const) {
    const array = reportFigure(format, 'array');
    const lazy = reportFigure(format, 'iterable');
    const generate = reportFigure(format === 'json' ? ('generate-2' as 'json') : ('generate-3' as 'json'), 'iterable');
    const reportMs = lazy.ms - generate.ms;
    row(
      `1,000,000 findings → ${format === 'json' ? 'JSON' : 'Markdown'} report, findings in an array (as scan() returns them)`,
      `${s(array.ms)}, peak RSS ${mb(array.peakRssBytes)}: ${mb(array.rssBeforeBytes)} the findings array before writing + ${mb(array.peakRssBytes - array.rssBeforeBytes)} the report; ${mb(array.bytes)} written`,
      '< 2 s, < 300 MB',
      array.ms < 2000 && array.peakRssBytes < 300 * 1024 * 1024,
    );
    row(
      `1,000,000 findings → ${format === 'json' ? 'JSON' : 'Markdown'} report, findings streamed from a generator`,
      `${s(lazy.ms)} (${s(reportMs)} report + ${s(generate.ms)} making the findings), peak RSS ${mb(lazy.peakRssBytes)}, ${mb(lazy.bytes)} written`,
      '< 2 s, < 300 MB',
      reportMs < 2000 && lazy.peakRssBytes < 300 * 1024 * 1024,
    );
    if (format === 'json') {
      notes.push(
        `1,000,000 findings held in an array, as scan() returns them, occupy ${mb(array.rssBeforeBytes)} of RSS before the report writes a byte (about ${String(Math.round(array.rssBeforeBytes / 1_000_000))} bytes a finding); the JSON report adds ${mb(Math.max(0, array.peakRssBytes - array.rssBeforeBytes))}. ` +
          'The streamed rows are the report\'s own cost: a report fed from a generator (a replay, a merge of shard files) stays far under 300 MB.',
      );
    }
  }
}

if (!flag('no-scan')) {
  const estate = benchEstate(N);
  const limits = benchLimits();
  const cloud = await startChild(N, BENCH_SEED, cleanRules());
  try {
    // Clean run.
    const clean = await runScan(cloud);
    const bound = lowerBound(clean.counters, limits, criticalPath(estate, PAGE_SIZES));
    const ratio = clean.wallMs / 1000 / bound.seconds;
    const made = totalRequests(clean);
    const redundant = redundantRequests(clean);
    const t = throttling(clean);
    const errorsClean = clean.result.findings.filter((f) => f.status === 'error');
    row(`clean run: ${String(clean.result.scopes.length)} scopes (${String(N)} AWS accounts, ${String(N)} projects, ${String(N)} subscriptions), default settings`, `wall ${s(clean.wallMs)}, ${String(clean.result.findings.length)} findings${clean.crash ? `, CRASHED: ${clean.crash}` : ''}`);
    row('lower bound (max of rate-limited buckets and the critical path)', `${bound.seconds.toFixed(1)} s`);
    row('wall / bound', ratio.toFixed(2), '≤ 1.2', ratio <= 1.2);
    row('requests made / distinct requests needed', `${String(made)} / ${String(made - redundant - t.seen - sumOutcomes(clean.counters.outcomes, ['serverError', 'timeout']))} (+ ${String(t.seen)} retries of throttled ones)`);
    row('redundant requests (repeats of answered ones)', `${String(redundant)}${redundant ? ` (${Object.entries(clean.counters.redundant).map(([k, v]) => `${k} ${String(v)}`).join(', ')})` : ''}`, '0', redundant === 0);
    row('throttling answers seen / retried to success', `${String(t.seen)} / ${String(t.seen - t.gaveUp)}`);
    row('error findings in the clean run', String(errorsClean.length), '0', errorsClean.length === 0);
    row('peak RSS of the scanner (the local cloud runs in another process)', mb(clean.peakRssBytes));
    row('scanner CPU (user + system) / wall', `${s(clean.cpuMs)} / ${s(clean.wallMs)} (${((clean.cpuMs / clean.wallMs) * 100).toFixed(0)}% of one core)`);
    notes.push(`Bound: ${bound.explanation}.`);
    notes.push(`Slowest buckets: ${bound.buckets.slice(0, 5).map((b) => `${b.limit.name} ${String(b.needed)} req → ${b.seconds.toFixed(1)} s`).join('; ')}.`);
    notes.push(`Critical path: ${String(bound.criticalPath.length)} dependent calls (${[...new Set(bound.criticalPath)].join(' → ')}) = ${bound.criticalPathSeconds.toFixed(2)} s.`);
    notes.push(`Buckets: ${limits.filter((l, i, all) => all.findIndex((o) => o.source === l.source) === i).map((l) => `${l.name === 'aws organizations:*' || l.vendor !== 'aws' ? l.name : 'each AWS API'}: ${l.source}`).join('; ')}.`);
    if (errorsClean.length) notes.push(`Clean-run errors: ${[...new Set(errorsClean.map((f) => f.message))].slice(0, 3).join(' | ')}`);

    // Sharded run: the same estate and buckets (refilled), SHARDS processes side by side.
    if (SHARDS > 0) {
      await cloud.setFaults(cleanRules());
      const run = await runShards(cloud, SHARDS, clean.result);
      const shardBound = lowerBound(run.counters, limits, criticalPath(estate, PAGE_SIZES));
      sharded = { run, singleWallMs: clean.wallMs, boundSeconds: shardBound.seconds };
    }

    // Fault run: same estate, same buckets, plus the fault mix.
    if (!flag('no-fault')) {
      const denied = pickDeniedScopes(estate, DEFAULT_FAULT_MIX.deniedScopes);
      await cloud.setFaults(faultRules(denied));
      // Default settings: the providers' request timeout (20 s) ends the hung requests, well before the check timeout.
      const fault = await runScan(cloud);
      const accounting = accountFaults(clean.result, fault.result);
      const ft = throttling(fault);
      const classes = causeClasses(accounting.erroredScopes);
      const deniedCount = denied.aws.length + denied.gcp.length + denied.azure.length;
      const deniedIds = new Set([...denied.aws, ...denied.gcp.map((id) => `projects/${id}`), ...denied.gcp, ...denied.azure]);
      const deniedReported = accounting.erroredScopes.filter((e) => deniedIds.has(e.scope) && causeClasses([e])['access denied'] === 1).length;
      row(
        `fault run: 10% throttled, 5% 503, ${String(deniedCount)} scopes denied, ${String(DEFAULT_FAULT_MIX.hangs * 3)} hung requests`,
        `wall ${s(fault.wallMs)}, ${String(fault.result.findings.length)} findings, ${String(ft.seen)} throttling and ${String(sumOutcomes(fault.counters.outcomes, ['serverError']))} 503 answers`,
      );
      row('fault run: scopes scanned', `${String(accounting.scopesScanned)} of ${String(clean.result.scopes.length)}${accounting.missingScopes.length ? ` (missing: ${accounting.missingScopes.slice(0, 5).join(', ')})` : ''}`, 'all', accounting.missingScopes.length === 0);
      row('fault run: scopes in error, by cause (each listed with its cause by the scan)', `${String(accounting.erroredScopes.length)}: ${Object.entries(classes).map(([k, v]) => `${k} ${String(v)}`).join(', ') || 'none'}; ${String(accounting.erroredScopes.filter((e) => e.causes.length > 0).length)} with a cause`, 'every one with its cause', accounting.erroredScopes.every((e) => e.causes.length > 0));
      row('fault run: denied scopes reported in error as access denied', `${String(deniedReported)} of ${String(deniedCount)}`, 'all', deniedReported === deniedCount);
      row('fault run: findings lost (clean findings absent without an error of the same check and scope)', `${String(accounting.lost.length)} (${String(accounting.accountedByError)} accounted for by errors)`, '0', accounting.lost.length === 0);
      row('fault run: findings whose status changed to other than error', String(accounting.changed.length), '0', accounting.changed.length === 0);
      row('fault run: crashes', fault.crash ? `1: ${fault.crash}` : '0', '0', !fault.crash);
      const hung = hungRequests(fault.counters.holds);
      const bound = 2 * DEFAULT_REQUEST_TIMEOUT_MS;
      row(
        `fault run: hung requests ended by the request timeout (default ${s(DEFAULT_REQUEST_TIMEOUT_MS)})`,
        `${String(hung.closed)} of ${String(hung.held)} closed by the client, ` +
          `longest after ${s(hung.longestHeldMs)}; ` +
          `${String(hung.retried)} retried, longest ${s(hung.longestUntilRetryMs)} after the hung request arrived`,
        `all, ≤ 2 × request timeout = ${s(bound)}`,
        hung.closed === hung.held && hung.retried === hung.held && hung.longestUntilRetryMs <= bound,
      );
      if (accounting.lost.length) notes.push(`Lost, first ones: ${accounting.lost.slice(0, 3).map((f) => `${f.resource.provider}/${f.resource.scope} ${f.checkId} ${f.resource.id}`).join('; ')}`);
      if (accounting.changed.length) notes.push(`Changed, first ones: ${accounting.changed.slice(0, 3).map((c) => `${c.clean.checkId} ${c.clean.resource.id}: ${c.clean.status} → ${c.fault.status}`).join('; ')}`);
      notes.push(`Fault-run error causes, one scope of each class: ${Object.keys(classes).map((cls) => {
        const e = accounting.erroredScopes.find((x) => causeClasses([x])[cls]);
        return e ? `${e.provider}/${e.scope}: ${e.causes[0]!.slice(0, 160)}` : '';
      }).join(' | ')}`);
      notes.push(
        `Fault run with the default request timeout (${s(DEFAULT_REQUEST_TIMEOUT_MS)}) and check timeout (300 s): ` +
          'each hung request is abandoned by its client after the request timeout and retried as a transient ' +
          'failure; ' +
          'the local cloud measures when the client closed it and when the retry arrived.',
      );
    }
  } finally {
    await cloud.stop();
  }
}

function sumOutcomes(outcomes: Readonly<Record<string, number>>, kinds: readonly string[]): number {
  let n = 0;
  for (const [k, v] of Object.entries(outcomes)) if (kinds.some((kind) => k.endsWith(`:${kind}`))) n += v;
  return n;
}

const cpu = cpus();
console.log(`\ndemarc scale benchmark, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${String(cpu.length)} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${mb(totalmem())} RAM, Node ${process.version}, load average ${loadBefore} before / ${load()} after (1/5/15 min)\n`);
console.log('| figure | value | target | met |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.figure} | ${r.value} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`);
console.log('');
for (const n of notes) console.log(`- ${n}`);
if (sharded) {
  console.log('');
  const { run, singleWallMs, boundSeconds } = sharded;
  const providers = ['aws', 'gcp', 'azure'];
  const redundant = Object.values(run.counters.redundant).reduce((a, b) => a + b, 0);
  console.log(`Sharded run: the clean estate (N = ${String(N)}) in ${String(SHARDS)} shards, one process each (scan({ shard: { index, count: ${String(SHARDS)} } }), default settings), all at once against the same local cloud and rate limits\n`);
  console.log('| shard | scopes (aws / gcp / azure) | findings | scan wall | JSON write | peak RSS | CPU |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const sh of run.shards) {
    const total = providers.reduce((n, p) => n + (sh.scopes[p] ?? 0), 0);
    console.log(`| ${String(sh.index + 1)}/${String(SHARDS)}${sh.index === 0 ? ' (+ organization checks)' : ''} | ${String(total)} (${providers.map((p) => String(sh.scopes[p] ?? 0)).join(' / ')}) | ${String(sh.findings)}${sh.errors ? ` (${String(sh.errors)} error)` : ''}${sh.crash ? `, CRASHED: ${sh.crash}` : ''} | ${s(sh.scanMs)} | ${s(sh.writeMs)} | ${mb(sh.peakRssBytes)} | ${s(sh.cpuMs)} |`);
  }
  console.log(`| all ${String(SHARDS)}, side by side | ${String(run.mergedScopes)} merged | ${String(run.mergedFindings)} merged (${String(run.mergeMs.toFixed(0))} ms to read and merge) | ${s(run.totalMs)} first start to last exit; single scan ${s(singleWallMs)}; bound ${boundSeconds.toFixed(1)} s (wall / bound ${(run.totalMs / 1000 / boundSeconds).toFixed(2)}) | | | ${s(run.shards.reduce((n, sh) => n + sh.cpuMs, 0))} |`);
  console.log('');
  console.log(`- Merged result against the single clean scan: ${run.mergeError ? `merge FAILED: ${run.mergeError}` : `${String(run.lost)} findings lost, ${String(run.changed)} changed, ${String(run.replacedByErrors)} replaced by error findings, ${String(run.extra)} extra, ${String(run.missingScopes)} scopes missing`}. Requests repeated across shards: ${String(redundant)}${redundant ? ` (${Object.entries(run.counters.redundant).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${String(v)}`).join(', ')}: every shard discovers every scope before keeping its own)` : ''}.`);
  const causes = run.shards.flatMap((sh) => sh.errorCauses.map((c) => `shard ${String(sh.index + 1)}: ${c.slice(0, 220)}`));
  if (causes.length) console.log(`- Shard errors: ${causes.join(' | ')}`);
  console.log('- The shards share the vendors\' rate limits, as shards of one organization do: the bound is the same buckets\' and side by side they cannot beat it; what sharding divides is each process\'s memory and CPU, and a job engine can retry one shard alone.');
}
