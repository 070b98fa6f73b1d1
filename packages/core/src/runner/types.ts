/**
 * Options, progress events and results of {@link scan}.
 * @module
 */
import type { AnyCheck, CheckMeta } from '../checks/types';
import type { Finding } from '../findings/types';
import type { ErrorSummary } from '../errors';
import type { AttestationSet } from '../attestations/types';
import type { MuteRule } from '../mutes/index';
import type { Snapshot } from '../snapshot/index';
import type { ProviderV1 } from '../provider/types';
import type { CheckOptionsInput } from '../checks/options';
import type { ScopeInfo } from '../scope';
import type { RequestStats } from './collector-cache';
import type { ShardSpec } from '../sharding/partition';

/** Concurrency limits. Each is a maximum of calls in flight. */
export interface ConcurrencyOptions {
  /** Checks running at once over the whole scan (default 32). Scopes in flight: `global / perScope + 1`. */
  readonly global?: number;
  /** Checks running at once in one scope (default 4). */
  readonly perScope?: number;
  /** Calls of one API operation at once, per provider (default 4): what keeps a scan from being throttled. */
  readonly perOperation?: number;
  /** Per-operation overrides, e.g. `{ 'iam:GetAccountAuthorizationDetails': 1 }`. */
  readonly operations?: Readonly<Record<string, number>>;
}

/** Options of {@link scan}. */
export interface ScanOptions {
  /** The providers to scan. */
  readonly providers: readonly ProviderV1[];
  /** Checks to run besides the providers' own (check packs, attestation checks). */
  readonly checks?: readonly AnyCheck[];
  /** Whether to run each provider's own checks (default true). */
  readonly includeProviderChecks?: boolean;
  /** Keeps only the checks for which this returns true. */
  readonly filter?: (meta: CheckMeta) => boolean;
  /** Restricts the scan to these scope ids. */
  readonly scopes?: readonly string[];
  /**
   * Options per check id (or a former id, see `CheckMeta.aliases`), validated against each check's
   * declared option schemas before anything is collected.
   */
  readonly checkOptions?: Readonly<Record<string, CheckOptionsInput>>;
  /** Concurrency limits. */
  readonly concurrency?: ConcurrencyOptions;
  /** Time limit of one check in one scope, in ms (default 300,000). */
  readonly checkTimeoutMs?: number;
  /** Aborts the scan; it stops promptly and returns what it had (`aborted: true`). */
  readonly signal?: AbortSignal;
  /** Receives progress events. Must not throw. */
  readonly onProgress?: (event: ScanProgressEvent) => void;
  /** The organisation's attestations (default none: attestation checks report `manual`). */
  readonly attestations?: AttestationSet;
  /** Mute rules. */
  readonly mutes?: readonly MuteRule[];
  /** The scan's clock: attestation and mute expiry, report timestamps (default: the current time). */
  readonly now?: Date;
  /** Replay: answer collectors and scope discovery from this snapshot; no cloud call is made. */
  readonly replay?: Snapshot;
  /** Record the collected data into `result.snapshot` (default false). */
  readonly record?: boolean;
  /**
   * Scan only this shard's scopes (a stable hash of provider and scope id picks the shard);
   * organization-level checks run in shard 0 only. Merge the shards' JSON results with
   * {@link mergeShardReports}.
   */
  readonly shard?: ShardSpec;
}

/** What a shard's result carries so shards can be checked and merged. */
export interface ShardInfo {
  /** Zero-based index. */
  readonly index: number;
  /** Number of shards. */
  readonly count: number;
  /** The run id the shards were given, if any. */
  readonly runId?: string;
  /** Digest of what must agree across the shards of one scan: tool version, providers, check set, count, run id. */
  readonly key: string;
  /** Per provider: how many scopes discovery found in all (before sharding) and a digest of their ids. */
  readonly discovered: Readonly<Record<string, { readonly scopes: number; readonly digest: string }>>;
}

/** A progress event. */
export type ScanProgressEvent =
  | { readonly type: 'scopes-discovered'; readonly provider: string; readonly scopes: number }
  | { readonly type: 'scan-planned'; readonly tasks: number }
  | {
      readonly type: 'check-finished';
      readonly provider: string;
      readonly scope: string;
      readonly checkId: string;
      readonly findings: number;
      readonly outcome: 'ok' | 'error' | 'timeout' | 'aborted';
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'scan-finished'; readonly aborted: boolean; readonly findings: number };

/** Counters of a scan. */
export interface ScanStats extends RequestStats {
  /** Requested vs made per `provider:operation`. */
  readonly operations: Readonly<Record<string, RequestStats>>;
  /** Check runs (check × scope) planned. */
  readonly checkRunsPlanned: number;
  /** Check runs finished (including ones that errored). */
  readonly checkRunsFinished: number;
}

/** A scope as reported: its provider plus what discovery said. */
export interface ScannedScope extends ScopeInfo {
  /** Provider id. */
  readonly provider: string;
}

/** The outcome of a scan: the input of every report. */
export interface ScanResult {
  /** The scan's clock, ISO. */
  readonly startedAt: string;
  /** The providers scanned. */
  readonly providers: readonly { readonly id: string; readonly name: string }[];
  /** The scopes scanned, by provider then id. */
  readonly scopes: readonly ScannedScope[];
  /** The check set (metadata), by id. Coverage is computed from it. */
  readonly checks: readonly CheckMeta[];
  /** Findings in deterministic order (provider, scope, check, resource, status). */
  readonly findings: readonly Finding[];
  /** Counters. */
  readonly stats: ScanStats;
  /** True when the signal aborted the scan before it finished. */
  readonly aborted: boolean;
  /**
   * Providers whose scope discovery failed outright (no credentials, no access to list scopes), by
   * provider id, with the cause: nothing of theirs was scanned, and each of their checks is an `error`
   * finding. A `CredentialsError` keeps its `hint` (the credential sources tried). Absent when
   * every discovery succeeded.
   */
  readonly discoveryErrors?: Readonly<Record<string, ErrorSummary>>;
  /** The collected data, when `record` was set. */
  readonly snapshot?: Snapshot;
  /** Set when the scan was one shard of several. */
  readonly shard?: ShardInfo;
}
