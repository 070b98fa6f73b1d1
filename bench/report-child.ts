/**
 * Writes N synthetic findings as one report and prints one JSON line of figures (see `micro.ts`).
 *
 *   node --import tsx --conditions=@demarc/source bench/report-child.ts json|markdown array|iterable [N]
 *
 * `array`: the findings are built first as a `ScanResult` holds them (what `scan()` returns), and only
 * the writing is timed. `iterable`: the report reads them from a generator that makes each finding
 * when asked (a replay or a merge streaming from disk would), so they never all exist at once.
 * The report goes to /dev/null in 64 KiB writes, as a file stream would take it.
 * @module
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ATTESTATION_CHECKS, jsonReportChunks, markdownReportChunks, type CheckMeta, type Finding, type ReportInput } from '@demarc/core';

const [format = 'json', source = 'array', countArg = '1000000'] = process.argv.slice(2);
const count = Number(countArg);
const checks: readonly CheckMeta[] = ATTESTATION_CHECKS.map((c) => c.meta);
const PROVIDERS = ['aws', 'azure', 'gcp'] as const;
const STATUSES = ['pass', 'pass', 'pass', 'fail', 'pass', 'error', 'pass', 'fail', 'manual', 'provider-managed'] as const;
const MODELS = ['iaas', 'paas', 'saas'] as const;

/** Scope ids and resource types, made once and shared by the findings, as a scan's findings share its scopes' and checks' strings. */
const SCOPE_IDS = PROVIDERS.map((provider) => Array.from({ length: 1000 }, (_, s) => `${provider}-scope-${String(s).padStart(4, '0')}`));
const TYPES = PROVIDERS.map((provider) => `${provider}:resource`);

/**
 * A string as the SDKs' JSON parsing and the runner's message formatting leave them: flat. V8 keeps a
 * string built with `+` or a template as a tree of pieces until something reads it; without this, the
 * report's timing would include flattening strings that a real scan's findings never hold.
 */
const flat = (s: string): string => {
  // Reading one character flattens the tree in place (what the report's first look at it would do).
  s.charCodeAt(0);
  return s;
};

/** The i-th finding: 1,000 scopes per provider, realistic ids and messages, deterministic. */
function findingAt(i: number): Finding {
  const provider = PROVIDERS[i % 3]!;
  const scope = SCOPE_IDS[i % 3]![Math.floor(i / 3) % 1000]!;
  const check = checks[i % checks.length]!;
  const status = STATUSES[i % STATUSES.length]!;
  const id = flat(`arn:${provider}:service:eu-west-1:${scope}:resource/r-${String(i).padStart(8, '0')}`);
  return {
    checkId: check.id,
    status,
    severity: check.severity,
    domain: check.domain,
    owner: 'customer',
    serviceModel: MODELS[i % 3]!,
    resource: { provider, scope, region: 'eu-west-1', id, type: TYPES[i % 3]!, service: 'service', name: flat(`resource ${String(i)}`) },
    message: flat(`Resource r-${String(i)} ${status === 'fail' ? 'does not meet' : 'meets'} the duty "${check.title}".`),
    ...(status === 'error' ? { error: { name: 'CollectorError', message: 'ec2:DescribeSecurityGroups failed: Rate exceeded', operation: 'ec2:DescribeSecurityGroups', retryable: true } } : {}),
  };
}

const lazy: Iterable<Finding> = {
  *[Symbol.iterator]() {
    for (let i = 0; i < count; i++) yield findingAt(i);
  },
};

const findings: Iterable<Finding> = source === 'array' ? Array.from({ length: count }, (_, i) => findingAt(i)) : lazy;
const input: ReportInput = {
  startedAt: '2026-01-01T00:00:00.000Z',
  providers: PROVIDERS.map((id) => ({ id, name: id })),
  scopes: PROVIDERS.flatMap((provider, p) => SCOPE_IDS[p]!.map((id) => ({ provider, id, kind: 'account' }))),
  checks,
  findings,
  stats: { requested: 0, made: 0, operations: {}, checkRunsPlanned: 0, checkRunsFinished: 0 },
  aborted: false,
};

global.gc?.();
const rssBeforeBytes = process.memoryUsage.rss();
const fd = openSync('/dev/null', 'w');
const t0 = performance.now();
let bytes = 0;
let buffer = '';
// `generate-N`: only iterate the findings N times (the passes a report takes), to tell the cost of
// making them lazily from the cost of the report itself.
function* generateOnly(passes: number): Generator<string> {
  for (let p = 0; p < passes; p++) for (const f of findings) if (f.checkId === '') yield '';
}
const chunks = format === 'json' ? jsonReportChunks(input) : format === 'markdown' ? markdownReportChunks(input) : generateOnly(Number(format.split('-')[1] ?? 1));
for (const chunk of chunks) {
  buffer += chunk;
  if (buffer.length >= 65_536) {
    bytes += writeSync(fd, buffer);
    buffer = '';
  }
}
bytes += writeSync(fd, buffer);
const ms = performance.now() - t0;
closeSync(fd);
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ format, source, findings: count, ms, bytes, peakRssBytes, rssBeforeBytes })}\n`);
