/**
 * Snapshots: the data a scan collected, written to JSON so the scan can be replayed offline with
 * identical findings. A snapshot never holds a credential or token.
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { canonicalize, compareStrings, type JsonValue } from '../internal/json';
import type { ErrorSummary } from '../errors';
import { ConfigError } from '../errors';
import type { ScopeInfo } from '../scope';

/** The snapshot format version. */
export const SNAPSHOT_VERSION = 1;

/** One recorded collector request: its key and its data or error. */
export interface SnapshotRequest {
  /** Provider id. */
  readonly provider: string;
  /** Scope id. */
  readonly scope: string;
  /** Collector operation. */
  readonly operation: string;
  /** Parameters (canonical JSON). */
  readonly params: JsonValue;
  /** The data returned, when it succeeded. */
  readonly data?: JsonValue;
  /** The error, when it failed. */
  readonly error?: ErrorSummary;
}

/** A scan's collected data. */
export interface Snapshot {
  /** Always `'demarc-snapshot'`. */
  readonly kind: 'demarc-snapshot';
  /** The format version. */
  readonly version: typeof SNAPSHOT_VERSION;
  /** The scopes discovered, per provider id. */
  readonly scopes: Readonly<Record<string, readonly ScopeInfo[]>>;
  /** Providers whose scope discovery failed, with the error, so a replay reports the same `error` findings. */
  readonly discoveryErrors?: Readonly<Record<string, ErrorSummary>>;
  /** Every distinct request, sorted by provider, scope, operation, params. */
  readonly requests: readonly SnapshotRequest[];
}

/**
 * Keys whose values are credentials. Matched on the whole key, case-insensitively, ignoring `-`/`_`,
 * so pagination cursors such as `NextToken` are kept.
 */
const SECRET_KEYS = new Set(
  [
    'accessKeyId', 'secretAccessKey', 'secretKey', 'sessionToken', 'securityToken', 'token', 'accessToken', 'refreshToken', 'idToken',
    'bearerToken', 'authToken', 'password', 'passwd', 'passphrase', 'authorization', 'proxyAuthorization', 'cookie', 'setCookie', 'secret',
    'clientSecret', 'privateKey', 'privateKeyData', 'apiKey', 'credentials', 'credential', 'connectionString', 'sasToken', 'xAmzSecurityToken',
  ].map((k) => k.toLowerCase()),
);

/** Whether a key names a credential (see the list above). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.replace(/[-_]/g, '').toLowerCase());
}

/** Returns `value` canonicalized, with every credential-named key removed at any depth. */
export function stripSecrets(value: unknown): JsonValue {
  const canonical = canonicalize(value);
  const strip = (v: JsonValue): JsonValue => {
    if (Array.isArray(v)) return v.map(strip);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, JsonValue> = {};
      for (const [key, member] of Object.entries(v)) if (!isSecretKey(key)) out[key] = strip(member);
      return out;
    }
    return v;
  };
  return strip(canonical);
}

/** Serializes a snapshot (credentials stripped, keys and requests in canonical order). */
export function serializeSnapshot(snapshot: Snapshot): string {
  const requests = [...snapshot.requests]
    .map((r) => ({ ...r, params: stripSecrets(r.params), ...(r.data === undefined ? {} : { data: stripSecrets(r.data) }) }))
    .sort(
      (a, b) =>
        compareStrings(a.provider, b.provider) ||
        compareStrings(a.scope, b.scope) ||
        compareStrings(a.operation, b.operation) ||
        compareStrings(JSON.stringify(a.params), JSON.stringify(b.params)),
    );
  const scopes = stripSecrets(snapshot.scopes);
  const failures = snapshot.discoveryErrors && Object.keys(snapshot.discoveryErrors).length > 0 ? { discoveryErrors: stripSecrets(snapshot.discoveryErrors) } : {};
  return `${JSON.stringify({ kind: snapshot.kind, version: snapshot.version, scopes, ...failures, requests }, null, 2)}\n`;
}

/** Parses a snapshot written by {@link serializeSnapshot}. */
export function parseSnapshot(text: string, file = '<snapshot>'): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError({ file }, `is not JSON: ${(error as Error).message}`);
  }
  const s = data as Partial<Snapshot>;
  if (s?.kind !== 'demarc-snapshot') throw new ConfigError({ file, field: 'kind' }, "must be 'demarc-snapshot'");
  if (s.version !== SNAPSHOT_VERSION) throw new ConfigError({ file, field: 'version' }, `must be ${SNAPSHOT_VERSION}, got ${String(s.version)}`);
  if (!Array.isArray(s.requests) || typeof s.scopes !== 'object') throw new ConfigError({ file }, 'needs scopes and requests');
  return s as Snapshot;
}

/** Writes a snapshot file. */
export async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await writeFile(file, serializeSnapshot(snapshot), 'utf8');
}

/** Reads a snapshot file. */
export async function readSnapshot(file: string): Promise<Snapshot> {
  return parseSnapshot(await readFile(file, 'utf8'), file);
}
