/**
 * The loopback guard: refuses every connection and DNS look-up that is not loopback, loudly.
 *
 * Importing this module installs the guard (the root vitest config lists it in `setupFiles`, so every
 * test worker runs guarded). Child processes get it with a preload:
 *
 * ```sh
 * node --import @demarc/local-cloud/loopback-guard app.js          # built package
 * node --import tsx --conditions=@demarc/source --import @demarc/local-cloud/loopback-guard app.ts
 * NODE_OPTIONS="--import @demarc/local-cloud/loopback-guard" ...   # inherited by grandchildren
 * ```
 *
 * What it patches, and why that covers every client:
 * - `net.Socket.prototype.connect`: `net.connect`, `tls.connect`, `http(s).request` (through their
 *   agents) and Node's built-in `fetch` (undici's connector calls `net.connect` / `tls.connect`) all
 *   end here. The host is checked before any DNS look-up happens.
 * - `dns.lookup`, `dns.promises.lookup`, `dns.resolve*` and `dns.Resolver`: a name other than
 *   `localhost` is refused before it reaches a resolver, so not even a DNS packet leaves.
 * - `dgram.Socket.prototype.send` / `connect`: UDP to a non-loopback address.
 *
 * Refusals throw a {@link LoopbackGuardError} naming the address, are written to stderr at once
 * (a client that swallows errors, like Google's metadata probe, still shows up) and are kept in
 * {@link loopbackRefusals} for tests to inspect.
 *
 * @module
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

/** The error a refused connection or look-up throws. */
export class LoopbackGuardError extends Error {
  /** The refused host or address (and port, when known). */
  readonly target: string;

  /** @param target the refused host or address. @param via which API tried. */
  constructor(target: string, via: string) {
    super(
      `LOOPBACK GUARD: refused ${via} to ${target}. demarc tests, demos and benchmarks may only reach 127.0.0.1 / ::1 / localhost ` +
        '(point the client at the local cloud: cloud.aws.clientConfig(), cloud.gcp.clientOptions() with an authClient, cloud.azure.clientOptions()).',
    );
    this.name = 'LoopbackGuardError';
    this.target = target;
  }
}

const refusals: LoopbackGuardError[] = [];

/** Every refusal since the guard was installed (or since {@link clearLoopbackRefusals}). */
export const loopbackRefusals = (): readonly LoopbackGuardError[] => [...refusals];

/** Forgets past refusals (for a test that provokes one on purpose). */
export const clearLoopbackRefusals = (): void => {
  refusals.length = 0;
};

/** Whether `host` is a loopback address or the name `localhost`. */
export const isLoopback = (host: string): boolean => {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
};

const refuse = (target: string, via: string): LoopbackGuardError => {
  const error = new LoopbackGuardError(target, via);
  refusals.push(error);
  process.stderr.write(`\n${error.message}\n${error.stack?.split('\n').slice(1, 8).join('\n') ?? ''}\n\n`);
  return error;
};

const INSTALLED = Symbol.for('demarc.loopbackGuard.installed');

/** Host and port out of the many `Socket#connect` signatures; `undefined` host for IPC paths. */
const connectTarget = (args: unknown[]): { host?: string; port?: unknown; ipc: boolean } => {
  let first = args[0];
  // Internal callers (http agents, undici) pass [options, cb] as one normalized array.
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') {
    const o = first as { host?: unknown; port?: unknown; path?: unknown };
    if (typeof o.path === 'string') return { ipc: true };
    return { host: typeof o.host === 'string' ? o.host : 'localhost', port: o.port, ipc: false };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { ipc: true };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first, ipc: false };
};

/**
 * Installs the guard in this process (idempotent). Imported for its side effect, this module calls
 * it; call it yourself from a loader or a script that cannot use `--import`.
 */
export const installLoopbackGuard = (): void => {
  const g = globalThis as Record<symbol, unknown>;
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;

  const connect = net.Socket.prototype.connect;
  // The patched method keeps every overload of the original; `this` and the arguments pass through.
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const t = connectTarget(args);
    if (!t.ipc && t.host !== undefined && !isLoopback(t.host)) {
      throw refuse(`${t.host}:${String(t.port)}`, 'a connection');
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;

  const guardName = (hostname: unknown, via: string): void => {
    if (typeof hostname === 'string' && !isLoopback(hostname)) throw refuse(hostname, via);
  };

  const lookup = dns.lookup;
  const guardedLookup = function (this: unknown, hostname: unknown, ...rest: unknown[]) {
    guardName(hostname, 'a DNS look-up');
    return (lookup as (...a: unknown[]) => unknown).call(this, hostname, ...rest);
  };
  dns.lookup = guardedLookup as typeof dns.lookup;

  const promisesLookup = dns.promises.lookup;
  dns.promises.lookup = function (this: unknown, hostname: string, ...rest: unknown[]) {
    try {
      guardName(hostname, 'a DNS look-up');
    } catch (error) {
      return Promise.reject(error);
    }
    return (promisesLookup as (...a: unknown[]) => unknown).call(this, hostname, ...rest);
  } as typeof dns.promises.lookup;

  // resolve*, reverse and the Resolver classes would query a DNS server directly: refuse them all.
  const resolverMethods = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr', 'resolveSoa', 'resolveCaa', 'reverse', 'lookupService'] as const;
  const deny = (via: string) =>
    function (hostname: unknown) {
      throw refuse(String(hostname), via);
    };
  const denyAsync = (via: string) =>
    function (hostname: unknown) {
      return Promise.reject(refuse(String(hostname), via));
    };
  const dnsObj = dns as unknown as Record<string, unknown>;
  const dnsPromises = dns.promises as unknown as Record<string, unknown>;
  for (const m of resolverMethods) {
    if (typeof dnsObj[m] === 'function') dnsObj[m] = deny(`dns.${m}`);
    if (typeof dnsPromises[m] === 'function') dnsPromises[m] = denyAsync(`dns.promises.${m}`);
    const proto = dns.Resolver.prototype as unknown as Record<string, unknown>;
    if (typeof proto[m] === 'function') proto[m] = deny(`dns.Resolver#${m}`);
    const pproto = dns.promises.Resolver.prototype as unknown as Record<string, unknown>;
    if (typeof pproto[m] === 'function') pproto[m] = denyAsync(`dns.promises.Resolver#${m}`);
  }

  const send = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
    // send(msg, [offset, length,] port, address, cb): the address is the first string after msg.
    const address = args.slice(1).find((a): a is string => typeof a === 'string');
    if (address !== undefined && !isLoopback(address)) throw refuse(address, 'a UDP datagram');
    return (send as (...a: unknown[]) => void).apply(this, args);
  } as typeof send;
  const dconnect = dgram.Socket.prototype.connect;
  dgram.Socket.prototype.connect = function guardedUdpConnect(this: dgram.Socket, ...args: unknown[]) {
    const address = typeof args[1] === 'string' ? args[1] : 'localhost';
    if (!isLoopback(address)) throw refuse(address, 'a UDP connection');
    return (dconnect as (...a: unknown[]) => void).apply(this, args);
  } as typeof dconnect;

  // ES modules that later `import { lookup } from 'node:dns'` must see the patched functions too.
  syncBuiltinESMExports();
};

installLoopbackGuard();
