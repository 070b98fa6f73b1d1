/**
 * The lower bound of a scan's wall time, from first principles: no scanner, however clever, finishes
 * before every rate-limited API has served the requests the scan needs, nor before the longest chain
 * of calls that depend on one another has gone round trip by round trip.
 *
 *   bound = max( max over buckets b of max(0, needed(b) − burst(b)) / refill(b),
 *                critical path = Σ latency over the longest chain of dependent calls )
 *
 * `needed(b)` is the number of distinct requests the scan needs from the operations sharing bucket b,
 * counted by the local cloud: every request it received, minus retries of refused ones (throttled,
 * 5xx, hung) and minus repeats of answered ones (redundant requests). A scanner that skipped requests
 * would lower its own bound, so the runs also check the findings (the fault run against the clean one).
 * @module
 */
import type { Vendor } from '@demarc/local-cloud';
import type { Estate } from '@demarc/local-cloud';
import type { CloudCounters } from './cloud.ts';
import { latencyOf, type BenchLimit } from './estate.ts';

/** One bucket's share of the bound. */
export interface BucketTime {
  /** The bucket. */
  readonly limit: BenchLimit;
  /** Distinct requests needed from it. */
  readonly needed: number;
  /** Seconds it needs at its refill rate after the burst. */
  readonly seconds: number;
}

/** The bound and how it was reached. */
export interface LowerBound {
  /** Seconds. */
  readonly seconds: number;
  /** Per bucket, slowest first. */
  readonly buckets: readonly BucketTime[];
  /** The critical path of dependent calls, in seconds. */
  readonly criticalPathSeconds: number;
  /** The calls of the critical path, for the explanation. */
  readonly criticalPath: readonly string[];
  /** What the bound is made of, in a sentence. */
  readonly explanation: string;
}

const matches = (limit: BenchLimit, vendor: string, operation: string): boolean =>
  limit.vendor === vendor && (limit.operations instanceof RegExp ? limit.operations.test(operation) : limit.operations.includes(operation));

/** Distinct requests needed per `vendor:operation`: received − retries of refused requests − repeats. */
export function distinctNeeded(counters: CloudCounters): Record<string, number> {
  const needed: Record<string, number> = {};
  for (const [key, received] of Object.entries(counters.requests)) {
    const refused = ['throttle', 'serverError', 'timeout'].reduce((n, kind) => n + (counters.outcomes[`${key}:${kind}`] ?? 0), 0);
    needed[key] = received - refused - (counters.redundant[key] ?? 0);
  }
  return needed;
}

/**
 * The longest chain of dependent calls, from the estate's shape: each vendor's discovery walks its
 * hierarchy level by level (one page after another within a level), then one scope's calls that need
 * an earlier answer (AWS: assume the role, list the regions, then a regional call).
 */
export function criticalPath(estate: Estate, pageSizes: { readonly aws: number; readonly gcp: number; readonly azure: number }): { calls: string[]; seconds: number } {
  const chains: { vendor: Vendor; calls: string[] }[] = [];
  if (estate.aws) {
    const ous = estate.aws.organizationalUnits;
    const depth = (id: string): number => {
      const ou = ous.find((o) => o.id === id);
      return ou ? 1 + depth(ou.parentId) : 0;
    };
    const deepest = Math.max(0, ...ous.map((o) => depth(o.id)));
    const widest = Math.max(1, ...ous.map((o) => ous.filter((c) => c.parentId === o.id).length), ous.filter((o) => o.parentId === estate.aws!.organization.rootId).length);
    const perParent = Math.max(1, ...[...new Set(estate.aws.accounts.map((a) => a.parentId))].map((p) => estate.aws!.accounts.filter((a) => a.parentId === p).length));
    chains.push({
      vendor: 'aws',
      calls: [
        'organizations:DescribeOrganization',
        'organizations:ListRoots',
        ...Array.from({ length: deepest * Math.ceil(widest / pageSizes.aws) }, () => 'organizations:ListOrganizationalUnitsForParent'),
        ...Array.from({ length: Math.ceil(perParent / pageSizes.aws) }, () => 'organizations:ListAccountsForParent'),
        'sts:AssumeRole',
        'ec2:DescribeRegions',
        'ec2:DescribeSecurityGroups',
      ],
    });
  }
  if (estate.gcp) {
    const folders = estate.gcp.folders;
    chains.push({
      vendor: 'gcp',
      calls: [
        'organizations.search',
        ...Array.from({ length: Math.ceil(folders.length / pageSizes.gcp) }, () => 'folders.list'),
        ...Array.from({ length: Math.ceil(estate.gcp.projects.length / pageSizes.gcp) }, () => 'projects.search'),
        'projects.getIamPolicy',
      ],
    });
  }
  if (estate.azure) {
    chains.push({
      vendor: 'azure',
      calls: [
        ...Array.from({ length: Math.ceil(estate.azure.subscriptions.length / pageSizes.azure) }, () => 'subscriptions.list'),
        'resourceGroups.list',
        'resources.getById',
      ],
    });
  }
  let best = { calls: [] as string[], seconds: 0 };
  for (const chain of chains) {
    const seconds = chain.calls.reduce((s, op) => s + latencyOf(chain.vendor, op) / 1000, 0);
    if (seconds > best.seconds) best = { calls: chain.calls.map((c) => `${chain.vendor} ${c}`), seconds };
  }
  return best;
}

/** Computes the bound from the counters of a clean run, the limits and the critical path. */
export function lowerBound(counters: CloudCounters, limits: readonly BenchLimit[], path: { calls: string[]; seconds: number }): LowerBound {
  const needed = distinctNeeded(counters);
  const buckets = limits
    .map((limit) => {
      let n = 0;
      for (const [key, count] of Object.entries(needed)) {
        const [vendor, ...rest] = key.split(':');
        if (matches(limit, vendor!, rest.join(':'))) n += count;
      }
      return { limit, needed: n, seconds: Math.max(0, n - limit.burst) / limit.perSecond };
    })
    .sort((a, b) => b.seconds - a.seconds);
  const slowest = buckets[0];
  const seconds = Math.max(slowest?.seconds ?? 0, path.seconds);
  const explanation =
    slowest && slowest.seconds >= path.seconds
      ? `bucket "${slowest.limit.name}": (${String(slowest.needed)} requests − ${String(slowest.limit.burst)} burst) / ${String(slowest.limit.perSecond)} per s = ${slowest.seconds.toFixed(1)} s (critical path ${path.seconds.toFixed(2)} s)`
      : `critical path of ${String(path.calls.length)} dependent calls = ${path.seconds.toFixed(2)} s`;
  return { seconds, buckets, criticalPathSeconds: path.seconds, criticalPath: path.calls, explanation };
}
