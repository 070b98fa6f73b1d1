/**
 * The benchmark's estate and the vendors' limits as local-cloud fault rules: a seeded synthetic
 * estate, per-operation latency, token-bucket rate limits shaped after each vendor's published ones,
 * and the fault mix of the fault run.
 *
 * Why the buckets are estate-wide. Every vendor publishes its limits per scope (AWS per account and
 * region, Azure per subscription and principal) or per caller (Google per consumer project). A
 * synthetic account needs ~40 requests and a subscription ~10: a per-scope bucket of 100 or 250
 * tokens never empties, so per-scope buckets would leave this machine's CPU as the only limit and the
 * benchmark would say nothing about how close the runner stays to the APIs' limits. The benchmark
 * therefore gives the scanner one bucket per API (AWS, as EC2 does) or per API family (Google, Azure:
 * one read quota), with the published bucket shape (burst : refill) and a refill scaled so the clean
 * 3,000-scope run takes a few minutes here. Each rule carries its source and scale.
 * @module
 */
import type { Estate, FaultRule, Vendor } from '@demarc/local-cloud';
import { seededRandom, syntheticEstate } from '@demarc/local-cloud';

/** The seed of every estate and fault draw in the benchmark. */
export const BENCH_SEED = 42;

/** The synthetic estate: `n` AWS accounts (the management account included), `n` projects, `n` subscriptions. */
export function benchEstate(n: number, seed = BENCH_SEED): Estate {
  return syntheticEstate({ seed, awsAccounts: n, gcpProjects: n, azureSubscriptions: n });
}

/** A rate limit of the benchmark: one local-cloud token bucket, with where its shape comes from. */
export interface BenchLimit {
  /** A short name for the table, e.g. `aws ec2:DescribeSecurityGroups`. */
  readonly name: string;
  /** Vendor. */
  readonly vendor: Vendor;
  /** The operations sharing this bucket (local-cloud operation names). */
  readonly operations: readonly string[] | RegExp;
  /** Tokens at start. */
  readonly burst: number;
  /** Refill, tokens per second. */
  readonly perSecond: number;
  /** The published figure this bucket is shaped after, and the scale applied. */
  readonly source: string;
}

/**
 * AWS: EC2's published request token bucket for non-mutating actions, per API (each API has its own
 * bucket): 100 tokens, refill 20/s, per account and region
 * (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html). IAM, STS, S3 Control and
 * CloudTrail publish no figure of that kind; they get the same shape. Refill × {@link AWS_SCALE}.
 */
export const AWS_SCALE = 3;
/** Azure Resource Manager: subscription reads, 250-token bucket refilled at 25/s per principal (https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling). Refill × {@link AZURE_SCALE}. */
export const AZURE_SCALE = 2;
/** Google Resource Manager: read requests per minute per consumer project, 1,200/min by default (`ReadRequestsPerMinutePerProject`, https://cloud.google.com/resource-manager/docs/limits), i.e. 20/s. Not scaled. */
export const GCP_READS_PER_MINUTE = 1200;

/** AWS APIs the scan calls per account or region, each with its own bucket (EC2 style). */
export const AWS_BUCKETED_OPERATIONS = [
  'sts:AssumeRole',
  'iam:GetAccountSummary',
  'iam:ListUsers',
  'iam:GetLoginProfile',
  'iam:ListMFADevices',
  'iam:ListAccessKeys',
  'iam:GetAccessKeyLastUsed',
  'iam:ListRoles',
  'ec2:DescribeRegions',
  'ec2:DescribeSecurityGroups',
  'ec2:GetEbsEncryptionByDefault',
  's3-control:GetPublicAccessBlock',
  'cloudtrail:DescribeTrails',
  'cloudtrail:GetTrailStatus',
] as const;

/** Every rate limit of the benchmark. */
export function benchLimits(): BenchLimit[] {
  return [
    {
      name: 'aws organizations:*',
      vendor: 'aws',
      operations: /^organizations:/,
      burst: 20,
      perSecond: 5,
      // One bucket for the management account's Organizations calls: "a few requests per second".
      source: 'AWS Organizations: a few requests/s per account (orgs_reference_limits); burst 20, 5/s, unscaled',
    },
    ...AWS_BUCKETED_OPERATIONS.map((operation) => ({
      name: `aws ${operation}`,
      vendor: 'aws' as const,
      operations: [operation],
      burst: 100,
      perSecond: 20 * AWS_SCALE,
      source: `EC2 non-mutating bucket 100 / 20 per s, refill ×${String(AWS_SCALE)}`,
    })),
    {
      name: 'gcp reads',
      vendor: 'gcp',
      operations: /./,
      burst: 100,
      perSecond: GCP_READS_PER_MINUTE / 60,
      source: `Resource Manager ${String(GCP_READS_PER_MINUTE)} reads/min per consumer project (20/s), burst 100, unscaled`,
    },
    {
      name: 'azure reads',
      vendor: 'azure',
      operations: /./,
      burst: 250,
      perSecond: 25 * AZURE_SCALE,
      source: `ARM reads bucket 250 / 25 per s, refill ×${String(AZURE_SCALE)}`,
    },
  ];
}

/**
 * Latency per operation family, 20–50 ms: the round trip of a read API call from a scanner in the same
 * region (Organizations and STS are global endpoints, hence slower).
 */
export const LATENCY_MS: readonly { readonly vendor: Vendor; readonly operation: RegExp; readonly ms: number }[] = [
  { vendor: 'aws', operation: /^organizations:/, ms: 50 },
  { vendor: 'aws', operation: /^sts:/, ms: 40 },
  { vendor: 'aws', operation: /^iam:/, ms: 35 },
  { vendor: 'aws', operation: /^ec2:/, ms: 25 },
  { vendor: 'aws', operation: /^s3-control:/, ms: 30 },
  { vendor: 'aws', operation: /^cloudtrail:/, ms: 30 },
  { vendor: 'gcp', operation: /./, ms: 45 },
  { vendor: 'azure', operation: /./, ms: 35 },
];

/** The latency of one operation (0 when none applies). */
export function latencyOf(vendor: Vendor, operation: string): number {
  return LATENCY_MS.find((l) => l.vendor === vendor && l.operation.test(operation))?.ms ?? 0;
}

const toRegExp = (operations: readonly string[] | RegExp): string | RegExp =>
  operations instanceof RegExp ? operations : operations.length === 1 ? operations[0]! : new RegExp(`^(?:${operations.map((o) => o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);

/**
 * The clean run's rules: latency, then buckets. Azure's throttling answers carry `Retry-After: 1`,
 * as ARM's do (the others send none). `speed` > 1 divides latencies and multiplies refill rates: the
 * tests use it to check counts quickly; the benchmark runs at speed 1.
 */
export function cleanRules(speed = 1): FaultRule[] {
  return [
    ...LATENCY_MS.map((l) => ({ vendor: l.vendor, operation: l.operation, latencyMs: Math.round(l.ms / speed) })),
    ...benchLimits().map((l) => ({
      vendor: l.vendor,
      operation: toRegExp(l.operations),
      rateLimit: { burst: l.burst, perSecond: l.perSecond * speed },
      ...(l.vendor === 'azure' ? { retryAfterSeconds: speed > 1 ? 0 : 1 } : {}),
    })),
  ];
}

/** The scopes the fault run denies, per vendor, as fault scopes (AWS account, `projects/id`, subscription id). */
export interface DeniedScopes {
  /** AWS account ids (their AssumeRole is refused). */
  readonly aws: readonly string[];
  /** Google project ids. */
  readonly gcp: readonly string[];
  /** Azure subscription ids. */
  readonly azure: readonly string[];
}

/**
 * Picks `share` of each vendor's scanned scopes with a seeded draw: active accounts (never the AWS
 * management account), active projects, enabled subscriptions. Suspended, deleted or disabled scopes
 * are not scanned at all, so denying one would test nothing.
 */
export function pickDeniedScopes(estate: Estate, share: number, seed = BENCH_SEED): DeniedScopes {
  const rnd = seededRandom(seed * 7 + 5);
  const pick = <T>(items: readonly T[]): T[] => items.filter(() => rnd() < share);
  const mgmt = estate.aws?.organization.managementAccountId;
  return {
    aws: pick((estate.aws?.accounts ?? []).filter((a) => a.id !== mgmt && a.status === 'ACTIVE')).map((a) => a.id),
    gcp: pick((estate.gcp?.projects ?? []).filter((p) => p.state === 'ACTIVE')).map((p) => p.projectId),
    azure: pick((estate.azure?.subscriptions ?? []).filter((s) => s.state === 'Enabled')).map((s) => s.id),
  };
}

const anyOf = (ids: readonly string[], prefix = ''): RegExp => new RegExp(`^${prefix}(?:${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);

/** The fault mix of the fault run, on top of {@link cleanRules}. */
export interface FaultMix {
  /** Share of requests answered with the vendor's throttling error on top of the buckets (default 0.10). */
  readonly throttle: number;
  /** Share answered 503 (default 0.05). */
  readonly serverError: number;
  /** Share of scopes whose access is denied (default 0.10). */
  readonly deniedScopes: number;
  /** Requests held open forever, per vendor (default 2). */
  readonly hangs: number;
}

/** The fault mix. */
export const DEFAULT_FAULT_MIX: FaultMix = { throttle: 0.1, serverError: 0.05, deniedScopes: 0.1, hangs: 2 };

/**
 * The fault run's rules: the clean rules, then (first error wins) denied scopes, a few hanging
 * requests, throttling and 5xx at the given rates. Discovery listings are spared the denials only: a
 * scope is denied to the scanner, not hidden from it.
 */
export function faultRules(denied: DeniedScopes, mix: FaultMix = DEFAULT_FAULT_MIX, seed = BENCH_SEED, speed = 1): FaultRule[] {
  const rules: FaultRule[] = [...cleanRules(speed)];
  if (denied.aws.length > 0) rules.push({ vendor: 'aws', operation: 'sts:AssumeRole', scope: anyOf(denied.aws), accessDenied: true });
  if (denied.gcp.length > 0) rules.push({ vendor: 'gcp', scope: anyOf(denied.gcp, 'projects/'), accessDenied: true });
  if (denied.azure.length > 0) rules.push({ vendor: 'azure', operation: /^(?!subscriptions\.)/, scope: anyOf(denied.azure), accessDenied: true });
  if (mix.hangs > 0) {
    // Per-scope calls, not discovery: a hung discovery call would stop the whole vendor, which is a
    // different failure (the scan reports it as a provider error) from the one measured here.
    rules.push({ vendor: 'aws', operation: 'iam:GetAccountSummary', timeout: true, times: mix.hangs });
    rules.push({ vendor: 'gcp', operation: 'projects.getIamPolicy', timeout: true, times: mix.hangs });
    rules.push({ vendor: 'azure', operation: 'roleAssignments.list', timeout: true, times: mix.hangs });
  }
  rules.push({ throttle: true, probability: mix.throttle, seed: seed + 1, retryAfterSeconds: 0 });
  rules.push({ serverError: 503, probability: mix.serverError, seed: seed + 2 });
  return rules;
}
