/**
 * The local cloud as the benchmark drives it: in this process (the tests) or in a child process (the
 * benchmark), so the simulated clouds' CPU and memory are not counted as the scanner's. Either way
 * the scanner gets the same three providers, built with their default settings and only what points
 * them at the local cloud.
 * @module
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent as HttpAgent } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { ProviderV1 } from '@demarc/core';
import { accessKeyIdFor, startLocalCloud, type Estate, type FaultRule, type HeldRequest } from '@demarc/local-cloud';
import { awsProvider } from '@demarc/aws';
import { gcpProvider } from '@demarc/gcp';
import { azureProvider } from '@demarc/azure';
import { OAuth2Client } from 'google-auth-library';

/** The counters the benchmark reads from the local cloud. */
export interface CloudCounters {
  /** Requests per `vendor:operation`, all outcomes. */
  readonly requests: Readonly<Record<string, number>>;
  /** Fault answers per `vendor:operation:outcome`. */
  readonly outcomes: Readonly<Record<string, number>>;
  /** Repeats of already answered requests per `vendor:operation`. */
  readonly redundant: Readonly<Record<string, number>>;
  /** Refused writes. */
  readonly writes: number;
  /** Requests held open by `timeout` faults: when the client closed each, and when it sent it again. */
  readonly holds: readonly HeldRequest[];
}

/** Where the local cloud listens, enough to point clients at it. */
export interface CloudAddress {
  readonly awsPort: number;
  readonly managementAccountId: string;
  readonly gcpPort: number;
  readonly azureEndpoint: string;
  readonly azureCa: string;
  readonly azureTenantId: string | undefined;
}

/** A running local cloud, wherever it runs. */
export interface BenchCloud {
  /** Its address. */
  readonly address: CloudAddress;
  /** Replaces the fault rules (and so refills the buckets). */
  setFaults(rules: readonly FaultRule[]): Promise<void>;
  /** Reads the counters. */
  counters(): Promise<CloudCounters>;
  /** Zeroes the counters. */
  resetCounters(): Promise<void>;
  /** Stops it. */
  stop(): Promise<void>;
}

/** The role the synthetic estate lets the scanner assume in every member account (any name works). */
export const AUDIT_ROLE = 'DemarcAudit';

/** Settings the benchmark's correctness test changes for speed (the benchmark itself never does). */
export interface BenchProviderSettings {
  /** Every provider's `requestTimeoutMs` (default: the providers' own, 20 s). */
  readonly requestTimeoutMs?: number;
}

/**
 * The three providers with default settings, pointed at the cloud: the AWS management account's
 * fake credentials and an audit role; Google over REST with a fixed fake token; Azure with the fake
 * credential and the throw-away certificate. Nothing else is set: no concurrency, timeout or retry
 * setting, so the figures are those of the defaults (unless `settings` says otherwise).
 */
export function benchProviders(address: CloudAddress, settings: BenchProviderSettings = {}): ProviderV1[] {
  const timeout = settings.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: settings.requestTimeoutMs };
  // `*.localhost` is this machine (RFC 6761); S3 Control prefixes the account id to the host name.
  const lookup = (_host: string, opts: unknown, cb?: (err: Error | null, address: unknown, family?: number) => void): void => {
    const callback = typeof opts === 'function' ? (opts as typeof cb) : cb;
    const all = typeof opts === 'object' && opts !== null && (opts as { all?: boolean }).all === true;
    if (all) callback?.(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback?.(null, '127.0.0.1', 4);
  };
  const httpAgent = new HttpAgent({ keepAlive: true, lookup: lookup as never });
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'local-cloud-fake-token', expiry_date: Date.now() + 24 * 3_600_000 });
  return [
    awsProvider({
      endpoint: `http://localhost:${String(address.awsPort)}`,
      region: 'us-east-1',
      credentials: { accessKeyId: accessKeyIdFor(address.managementAccountId), secretAccessKey: 'local-cloud-fake-secret-access-key' },
      requestHandler: { httpAgent },
      roleName: AUDIT_ROLE,
      ...timeout,
    } as Parameters<typeof awsProvider>[0]),
    gcpProvider({
      apiEndpoint: '127.0.0.1', port: address.gcpPort, protocol: 'http', transport: 'rest', authClient: auth,
      ...timeout,
    }),
    azureProvider({
      endpoint: address.azureEndpoint,
      tlsOptions: { ca: address.azureCa },
      credential: { getToken: () => Promise.resolve({ token: 'local-cloud-fake-token', expiresOnTimestamp: Date.now() + 3_600_000 }) },
      ...(address.azureTenantId ? { tenantId: address.azureTenantId } : {}),
      ...timeout,
    } as Parameters<typeof azureProvider>[0]),
  ];
}

/** Starts the local cloud in this process (what the tests use). */
export async function startInProcess(estate: Estate, rules: readonly FaultRule[]): Promise<BenchCloud> {
  const cloud = await startLocalCloud({ estate, faults: rules });
  const url = new URL(cloud.aws.endpoint);
  return {
    address: {
      awsPort: Number(url.port),
      managementAccountId: cloud.aws.managementAccountId ?? '000000000000',
      gcpPort: cloud.gcp.clientOptions().port,
      azureEndpoint: cloud.azure.endpoint,
      azureCa: cloud.azure.ca,
      azureTenantId: cloud.azure.tenantId,
    },
    setFaults: (r) => Promise.resolve(cloud.faults.set(r)),
    counters: () =>
      Promise.resolve({
        requests: cloud.counters.snapshot(),
        outcomes: cloud.counters.outcomeSnapshot(),
        redundant: cloud.counters.redundant(),
        writes: cloud.counters.writes.length,
        holds: cloud.counters.holds(),
      }),
    resetCounters: () => Promise.resolve(cloud.counters.reset()),
    stop: () => cloud.stop(),
  };
}

/** A message to the child. */
export type ToChild =
  | { readonly type: 'start'; readonly n: number; readonly seed: number; readonly rules: readonly FaultRule[] }
  | { readonly type: 'faults'; readonly id: number; readonly rules: readonly FaultRule[] }
  | { readonly type: 'counters'; readonly id: number }
  | { readonly type: 'reset'; readonly id: number }
  | { readonly type: 'stop'; readonly id: number };

/** A message from the child. */
export type FromChild =
  | { readonly type: 'started'; readonly address: CloudAddress; readonly rssBytes: number }
  | { readonly type: 'done'; readonly id: number; readonly counters?: CloudCounters };

/**
 * Starts the local cloud in a child process serving `benchEstate(n, seed)` (generated there, so the
 * estate never crosses the pipe). Fault rules cross with the advanced serialization (RegExps survive).
 */
export async function startChild(n: number, seed: number, rules: readonly FaultRule[]): Promise<BenchCloud & { readonly rssBytes: number }> {
  const entry = fileURLToPath(new URL('./cloud-child.ts', import.meta.url));
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--import', 'tsx', '--conditions=@demarc/source', '--max-old-space-size=4096'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const waiting = new Map<number, (m: FromChild & { type: 'done' }) => void>();
  const started = new Promise<FromChild & { type: 'started' }>((resolve, reject) => {
    child.on('message', (m: FromChild) => {
      if (m.type === 'started') resolve(m);
      else waiting.get(m.id)?.(m), waiting.delete(m.id);
    });
    child.once('exit', (code) => reject(new Error(`local cloud child exited with ${String(code)}`)));
  });
  const ask = (make: (id: number) => ToChild): Promise<FromChild & { type: 'done' }> =>
    new Promise((resolve) => {
      const id = (nextId += 1);
      waiting.set(id, resolve);
      child.send(make(id));
    });
  child.send({ type: 'start', n, seed, rules } satisfies ToChild);
  const { address, rssBytes } = await started;
  return {
    address,
    rssBytes,
    setFaults: async (r) => void (await ask((id) => ({ type: 'faults', id, rules: r }))),
    counters: async () => (await ask((id) => ({ type: 'counters', id }))).counters!,
    resetCounters: async () => void (await ask((id) => ({ type: 'reset', id }))),
    stop: async () => {
      await ask((id) => ({ type: 'stop', id }));
      await new Promise<void>((resolve) => (child.exitCode === null ? child.once('exit', () => resolve()) : resolve()));
    },
  };
}
