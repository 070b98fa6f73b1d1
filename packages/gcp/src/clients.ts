/**
 * The client layer: builds the official Resource Manager v3 clients from user options, loading the
 * Google Cloud SDK lazily (importing `@demarc/gcp` never loads it), and makes throttling and 5xx
 * retries work on both transports.
 *
 * Why the REST fix exists: on Node 20, google-gax 5's REST transport lets `gaxios` turn every non-2xx
 * answer into a `GaxiosError` whose `code` is the HTTP status, so gax's retry codes (gRPC codes) never
 * match and 429 is retried by no method (googleapis/gax-nodejs#1803). demarc wraps the auth client's
 * `fetch` so it accepts every status and hands gax a `google.rpc.Status` body, which gax decodes into a
 * `GoogleError` with the right gRPC code (429 → 8, 503 → 14); per-call retry settings then retry
 * RESOURCE_EXHAUSTED / UNAVAILABLE / INTERNAL / DEADLINE_EXCEEDED with exponential back-off. The gRPC
 * transport gets the same per-call retry settings.
 * @module
 */
import type { AuthClient, GoogleAuth } from 'google-auth-library';
import type { CallOptions, ClientOptions } from 'google-gax';
import type { FoldersClient, OrganizationsClient, ProjectsClient } from '@google-cloud/resource-manager';
import { DEFAULT_REQUEST_TIMEOUT_MS, requestTimeoutOption } from '@demarc/core';
import { GRPC_CODE, HTTP_STATUS_MARK, isNetworkError, toGcpError } from './errors';
import { defaultGoogleAuth, initializeGoogleClients } from './credentials';

/** Any Google auth client: an `OAuth2Client`, a `JWT`, an `ExternalAccountClient`, a `GoogleAuth`... */
export type GcpAuth = AuthClient | GoogleAuth;

/** How demarc retries Google API calls (both transports). */
export interface GcpRetryOptions {
  /** Attempts per call, the first included (default 6). */
  readonly maxAttempts?: number;
  /** First back-off delay in ms (default 500); gax waits a random time up to the delay. */
  readonly initialDelayMs?: number;
  /** Back-off growth per attempt (default 2). */
  readonly multiplier?: number;
  /** Largest back-off delay in ms (default 30,000). */
  readonly maxDelayMs?: number;
  /** Time limit of one attempt in ms: the same setting as {@link GcpClientOptions.requestTimeoutMs}, which wins. */
  readonly attemptTimeoutMs?: number;
  /** gRPC codes to retry (default RESOURCE_EXHAUSTED 8, UNAVAILABLE 14, INTERNAL 13, DEADLINE_EXCEEDED 4). */
  readonly retryCodes?: readonly number[];
}

/** Options for the Google Cloud clients. Everything is optional: the default is Application Default Credentials against the public endpoint over gRPC. */
export interface GcpClientOptions {
  /**
   * The credentials. Default: Application Default Credentials (`GOOGLE_APPLICATION_CREDENTIALS`,
   * gcloud's ADC file, or the metadata server on Google Cloud).
   */
  readonly authClient?: GcpAuth;
  /** `grpc` (the client library's default) or `rest` (HTTP/1.1 JSON, also called "fallback"). */
  readonly transport?: 'grpc' | 'rest';
  /** API host without port, e.g. `'cloudresourcemanager.googleapis.com'` or `'127.0.0.1'`. */
  readonly apiEndpoint?: string;
  /** API port (default 443). Give it separately: a `host:port` endpoint silently goes to 443. */
  readonly port?: number;
  /** `https` (default) or `http` (REST only; for a local emulator). */
  readonly protocol?: 'http' | 'https';
  /** gRPC channel credentials, e.g. `grpc.credentials.createInsecure()` for a local emulator. */
  readonly sslCreds?: unknown;
  /** Retry settings. */
  readonly retry?: GcpRetryOptions;
  /**
   * Time limit of one request (one attempt of a call) in ms (default {@link DEFAULT_REQUEST_TIMEOUT_MS},
   * 20 s, which says why). An attempt unanswered by then ends as DEADLINE_EXCEEDED, which the retry
   * settings retry. gRPC applies it as the attempt's deadline; on REST, whose transport ignores gax's
   * deadlines, demarc aborts the request itself.
   */
  readonly requestTimeoutMs?: number;
  /** Extra client-library options, passed through unchanged (they win over the ones above). */
  readonly clientOptions?: Readonly<Record<string, unknown>>;
  /**
   * Whether Application Default Credentials may come from the metadata server (default true). `false`
   * reads only `GOOGLE_APPLICATION_CREDENTIALS` and gcloud's ADC file, and fails at once, naming
   * them, where neither exists: for CI and laptops. Ignored with `authClient`.
   */
  readonly metadataCredentials?: boolean;
}

/** The default retry settings, tuned for Resource Manager read quotas. */
export const DEFAULT_GCP_RETRY: Required<GcpRetryOptions> = {
  maxAttempts: 6,
  initialDelayMs: 500,
  multiplier: 2,
  maxDelayMs: 30_000,
  attemptTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
  retryCodes: [GRPC_CODE.RESOURCE_EXHAUSTED, GRPC_CODE.UNAVAILABLE, GRPC_CODE.INTERNAL, GRPC_CODE.DEADLINE_EXCEEDED],
};

type ResourceManagerModule = typeof import('@google-cloud/resource-manager');
type GaxModule = typeof import('google-gax');

let resourceManagerModule: Promise<ResourceManagerModule> | undefined;
let gaxModule: Promise<GaxModule> | undefined;

/**
 * Loads `@google-cloud/resource-manager` (and with it gax and grpc-js, ~300 modules) on first use.
 * @internal
 */
export function loadResourceManager(): Promise<ResourceManagerModule> {
  resourceManagerModule ??= import('@google-cloud/resource-manager');
  return resourceManagerModule;
}

const loadGax = (): Promise<GaxModule> => (gaxModule ??= import('google-gax'));

const HTTP_STATUS_NAME: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED', 499: 'CANCELLED', 500: 'INTERNAL', 501: 'UNIMPLEMENTED', 502: 'UNAVAILABLE',
  503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED',
};

const statusName = (status: number): string => HTTP_STATUS_NAME[status] ?? (status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION');

interface FetchingAuth {
  fetch(input: string | URL, init?: Record<string, unknown>): Promise<Response>;
}

const rpcStatusResponse = (status: number, statusText: string, body: unknown, headers?: Headers): Response =>
  new Response(JSON.stringify(body), { status, statusText, ...(headers ? { headers } : { headers: { 'content-type': 'application/json' } }) });

/**
 * The REST fix. Calls the real auth client's `fetch` with `validateStatus: () => true`, so a non-2xx
 * answer reaches gax as a response instead of a `GaxiosError`, and makes sure its body is a
 * `google.rpc.Status` (a proxy's HTML 502 would otherwise end in a JSON parse error that nobody
 * retries). A connection reset becomes a 503 UNAVAILABLE, which the retry settings retry. The
 * response's request id, if any, is added as a `google.rpc.RequestInfo` detail so it survives into the
 * error.
 */
async function fetchWithDecodableErrors(
  target: FetchingAuth,
  input: string | URL,
  init: Record<string, unknown> = {},
  timeoutMs?: number,
): Promise<Response> {
  if (timeoutMs === undefined) return decodableFetch(target, input, init);
  // gax's REST transport passes no deadline to fetch: each request gets its own, which also covers the
  // body (buffered here). The caller's signal still aborts it; only the timer's abort becomes a 504
  // DEADLINE_EXCEEDED answer, which gax's retry settings retry.
  const caller = init['signal'] as AbortSignal | undefined;
  const attempt = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    attempt.abort();
  }, timeoutMs);
  const onCallerAbort = (): void => attempt.abort(caller?.reason);
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const response = await decodableFetch(target, input, { ...init, signal: attempt.signal });
    const body = await response.arrayBuffer();
    const { status, statusText, headers } = response;
    return new Response([101, 204, 205, 304].includes(status) ? null : body, { status, statusText, headers });
  } catch (error) {
    if (!timedOut || caller?.aborted) throw error;
    const message = `request timeout: no answer within ${timeoutMs} ms (requestTimeoutMs)`;
    return rpcStatusResponse(504, 'Gateway Timeout', { error: { code: 504, status: 'DEADLINE_EXCEEDED', message } });
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onCallerAbort);
  }
}

/** The REST fix itself, without a time limit. */
async function decodableFetch(target: FetchingAuth, input: string | URL, init: Record<string, unknown>): Promise<Response> {
  let response: Response;
  try {
    response = await target.fetch(input, { ...init, validateStatus: () => true });
  } catch (error) {
    const signal = init['signal'] as AbortSignal | undefined;
    if (signal?.aborted || !isNetworkError(error)) throw error;
    return rpcStatusResponse(503, 'Service Unavailable', { error: { code: 503, status: 'UNAVAILABLE', message: `Connection failed: ${(error as Error).message}` } });
  }
  if (response.status === 401) {
    // An expired or revoked token: let the auth client's own path run once, since it refreshes the
    // token and retries on 401 (which validateStatus would otherwise suppress).
    try {
      const retried = await target.fetch(input, init);
      if (retried.ok) return retried;
    } catch (error) {
      if (!(typeof (error as { response?: { status?: unknown } }).response?.status === 'number')) throw error;
    }
    return rpcStatusResponse(401, 'Unauthorized', { error: { code: 401, status: 'UNAUTHENTICATED', message: 'Request had invalid authentication credentials.', details: [{ '@type': 'type.googleapis.com/google.rpc.RequestInfo', requestId: '', servingData: `${HTTP_STATUS_MARK}401` }] } });
  }
  if (response.ok) return response;
  const text = new TextDecoder().decode(await response.arrayBuffer());
  let body: { error?: Record<string, unknown> } | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    const candidate = Array.isArray(parsed) ? (parsed as unknown[]).find((item) => typeof item === 'object' && item !== null && 'error' in item) : parsed;
    if (typeof candidate === 'object' && candidate !== null && 'error' in candidate) body = candidate as { error: Record<string, unknown> };
  } catch {
    // Not JSON: synthesized below.
  }
  const error: Record<string, unknown> = body?.error
    ? { ...body.error }
    : { code: response.status, status: statusName(response.status), message: `HTTP ${response.status} ${response.statusText}: ${text.slice(0, 200)}`.trim() };
  if (typeof error['status'] !== 'string') error['status'] = statusName(response.status);
  // A RequestInfo detail carries the request id (if the server sent one) and the HTTP status, which
  // gax would otherwise drop when it maps the status to a gRPC code.
  const requestId = response.headers.get('x-request-id') ?? response.headers.get('x-goog-request-id') ?? '';
  const details = Array.isArray(error['details']) ? (error['details'] as unknown[]) : [];
  error['details'] = [...details, { '@type': 'type.googleapis.com/google.rpc.RequestInfo', requestId, servingData: `${HTTP_STATUS_MARK}${response.status}` }];
  return rpcStatusResponse(response.status, response.statusText, { error }, response.headers);
}

/**
 * Wraps an auth client (or `GoogleAuth`) so its `fetch` never throws on a non-2xx answer: the
 * REST transport's remedy for googleapis/gax-nodejs#1803. Everything else is forwarded untouched.
 *
 * @example
 * ```ts
 * const client = new ProjectsClient({ fallback: true, authClient: withDecodableErrors(myOAuth2Client) });
 * ```
 */
export function withDecodableErrors<T extends object>(auth: T, requestTimeoutMs?: number): T {
  return new Proxy(auth, {
    get(target, property) {
      if (property === 'fetch') {
        return (input: string | URL, init?: Record<string, unknown>) =>
          fetchWithDecodableErrors(target as unknown as FetchingAuth, input, init, requestTimeoutMs);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set(target, property, value) {
      return Reflect.set(target, property, value, target);
    },
  });
}

/** The per-call options demarc passes to every Google call: its retry settings. */
export async function gcpCallOptions(retry: GcpRetryOptions = {}): Promise<CallOptions> {
  const settings = { ...DEFAULT_GCP_RETRY, ...retry };
  const gax = await loadGax();
  const backoff = gax.createMaxRetriesBackoffSettings(
    settings.initialDelayMs, settings.multiplier, settings.maxDelayMs,
    settings.attemptTimeoutMs, 1, settings.attemptTimeoutMs, Math.max(1, settings.maxAttempts),
  );
  return { retry: gax.createRetryOptions([...settings.retryCodes], backoff) };
}

/** The three Resource Manager clients a scan uses, sharing one auth client, plus the call options. */
export interface GcpClients {
  /** Projects: search, list, get, getIamPolicy. */
  readonly projects: ProjectsClient;
  /** Folders: list (recursively), getIamPolicy. */
  readonly folders: FoldersClient;
  /** Organizations: search, getIamPolicy. */
  readonly organizations: OrganizationsClient;
  /** Per-call options (retry settings) to pass to every call. */
  readonly callOptions: CallOptions;
  /** The same for `*Async` paged iterators (`autoPaginate: false`, which they force anyway, without gax's warning). */
  readonly pagedCallOptions: CallOptions;
  /** The transport in use. */
  readonly transport: 'grpc' | 'rest';
  /** Closes the clients' channels. */
  close(): Promise<void>;
}

/**
 * Builds the Resource Manager clients from user options, loading the SDK now (and only now), and
 * authenticates them.
 * @throws `GcpCredentialsError` when no usable credentials are found.
 *
 * @example
 * ```ts
 * // Application Default Credentials, public endpoint, gRPC:
 * const clients = await createGcpClients();
 * // Explicit credentials over REST:
 * const rest = await createGcpClients({ authClient: new GoogleAuth({ keyFile }), transport: 'rest' });
 * ```
 */
export async function createGcpClients(options: GcpClientOptions = {}): Promise<GcpClients> {
  const transport = options.transport ?? 'grpc';
  const requestTimeoutMs = options.requestTimeoutMs === undefined
    ? requestTimeoutOption(options.retry?.attemptTimeoutMs, 'createGcpClients (retry.attemptTimeoutMs)')
    : requestTimeoutOption(options.requestTimeoutMs, 'createGcpClients');
  const retry = { ...options.retry, attemptTimeoutMs: requestTimeoutMs };
  const [resourceManager, callOptions] = await Promise.all([loadResourceManager(), gcpCallOptions(retry)]);
  const metadata = options.metadataCredentials !== false;
  const auth: GcpAuth = options.authClient ?? (await defaultGoogleAuth(metadata));
  const authOption = transport === 'rest' ? withDecodableErrors(auth, requestTimeoutMs) : auth;
  const clientOptions = {
    fallback: transport === 'rest',
    // `auth` takes a GoogleAuth or any AuthClient in gax 5 (REST) and is forwarded to gRPC's GoogleAuth.
    ...('getClient' in authOption ? { auth: authOption } : { authClient: authOption }),
    ...(options.apiEndpoint !== undefined ? { apiEndpoint: options.apiEndpoint } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.protocol !== undefined ? { protocol: options.protocol } : {}),
    ...(options.sslCreds !== undefined ? { sslCreds: options.sslCreds } : {}),
    ...options.clientOptions,
  } as ClientOptions;
  const projects = new resourceManager.ProjectsClient(clientOptions);
  const folders = new resourceManager.FoldersClient(clientOptions);
  const organizations = new resourceManager.OrganizationsClient(clientOptions);
  await initializeGoogleClients([projects, folders, organizations], metadata);
  return {
    projects,
    folders,
    organizations,
    callOptions,
    pagedCallOptions: { ...callOptions, autoPaginate: false },
    transport,
    async close() {
      await Promise.all([projects.close(), folders.close(), organizations.close()]);
    },
  };
}

/**
 * Runs one Google call and converts its failure into demarc's typed errors at the boundary.
 * @param operation - The operation name reported in errors, e.g. `'resourcemanager:GetIamPolicy'`.
 */
export async function callGcp<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGcpError(operation, error);
  }
}

/** Iterates a paged Google call, converting failures (on any page) into demarc's typed errors. */
export async function* iterateGcp<T>(operation: string, pages: () => AsyncIterable<T>): AsyncGenerator<T> {
  try {
    for await (const item of pages()) yield item;
  } catch (error) {
    throw toGcpError(operation, error);
  }
}
