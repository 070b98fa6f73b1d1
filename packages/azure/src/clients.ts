/**
 * The client layer: builds the official Azure Resource Manager clients from demarc's options, loads
 * each `@azure/*` package with `await import()` only when a scan first needs it, retries throttling
 * the Azure pipeline leaves alone, and converts Azure errors into demarc's typed errors at the
 * boundary (status, error code and request id kept; never a token or a credential).
 * @module
 */
import { AccessDeniedError, CollectorError, DEFAULT_REQUEST_TIMEOUT_MS, requestTimeoutOption } from '@demarc/core';
import type { TokenCredential } from '@azure/core-auth';
import type { ResourceManagementClient, ResourceManagementClientOptionalParams } from '@azure/arm-resources';
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { ManagementLockClient } from '@azure/arm-locks';
import type { MonitorClient } from '@azure/arm-monitor';
import { AzureDefaultCredential } from './credentials';

export type { TokenCredential } from '@azure/core-auth';

/** The public Azure Resource Manager endpoint. */
export const AZURE_PUBLIC_CLOUD_ENDPOINT = 'https://management.azure.com';

/**
 * Retries. The Azure pipeline already retries 408/5xx with exponential back-off and any 429 that
 * carries `Retry-After` after the full wait; it does not retry a 429 without that header. demarc adds a
 * policy for those, so a throttled scan slows down instead of reporting errors.
 */
export interface AzureRetryOptions {
  /**
   * Retries of the Azure pipeline for 408/5xx and 429 with `Retry-After` (default 5: six attempts, as
   * the Google and AWS providers make; the SDK's own 3 left about one read in 2,000 unanswered in the
   * scale benchmark's fault run, 10% throttling and 5% 5xx on top of the rate limit).
   */
  readonly maxRetries?: number;
  /** First back-off delay of the Azure pipeline, in ms (default 800). */
  readonly retryDelayInMs?: number;
  /** Longest back-off delay, in ms (default 60,000). */
  readonly maxRetryDelayInMs?: number;
  /** Retries of a 429 without `Retry-After`, by demarc's own policy (default 4; 0 turns it off). */
  readonly throttlingRetries?: number;
  /** First delay of demarc's throttling retry, doubled each time up to `maxRetryDelayInMs` (default 1,000). */
  readonly throttlingDelayInMs?: number;
}

/** TLS settings handed to the Azure pipeline, e.g. a private CA for a proxy or a local test cloud. */
export interface AzureTlsOptions {
  /** Certificate authorities to trust (PEM). */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
}

/** How to reach and authenticate to Azure Resource Manager. */
export interface AzureConnectionOptions {
  /**
   * Any `TokenCredential` (`@azure/identity`'s `ClientSecretCredential`, `ManagedIdentityCredential`,
   * `AzureCliCredential`, or your own). Default: `DefaultAzureCredential`, created when a scan starts.
   */
  readonly credential?: TokenCredential;
  /**
   * The Microsoft Entra tenant to work in: `DefaultAzureCredential` signs in to it, and the provider
   * scans only subscriptions of this tenant (a credential may see subscriptions of several).
   */
  readonly tenantId?: string;
  /** The Resource Manager endpoint (default {@link AZURE_PUBLIC_CLOUD_ENDPOINT}); sovereign clouds use their own. */
  readonly endpoint?: string;
  /** TLS settings (a private CA). */
  readonly tlsOptions?: AzureTlsOptions;
  /** Retry settings. */
  readonly retry?: AzureRetryOptions;
  /**
   * Time limit of one HTTP request in ms (default {@link DEFAULT_REQUEST_TIMEOUT_MS}, 20 s, which says why).
   * A request unanswered by then is abandoned and retried like a connection error (`retry.maxRetries`).
   */
  readonly requestTimeoutMs?: number;
  /** Extra options merged into every client's options (`userAgentOptions`, `additionalPolicies`, `httpClient`, ...). */
  readonly clientOptions?: ResourceManagementClientOptionalParams;
  /**
   * Whether `DefaultAzureCredential` may ask managed identity, i.e. the instance metadata service at
   * 169.254.169.254 (default true). `false` uses its chain without it and fails at once, naming the
   * sources tried, where none has a credential: for CI and laptops. Ignored with `credential`.
   */
  readonly metadataCredentials?: boolean;
}

type AzurePipelinePolicy = NonNullable<ResourceManagementClientOptionalParams['additionalPolicies']>[number]['policy'];

const sleep = (ms: number, signal: { readonly aborted: boolean; addEventListener?(type: 'abort', listener: () => void): void } | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('The operation was aborted.'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener?.('abort', () => {
      clearTimeout(timer);
      reject(new Error('The operation was aborted.'));
    });
  });

/**
 * A pipeline policy that retries HTTP 429 answers that carry no `Retry-After` (which the Azure
 * pipeline gives up on at once), with exponential back-off. Answers with `Retry-After` are left to
 * the Azure pipeline, which waits as told.
 */
export function throttlingWithoutRetryAfterPolicy(retries: number, firstDelayMs: number, maxDelayMs: number): AzurePipelinePolicy {
  // The policy sits before deserialization, so a 429 usually arrives as a thrown RestError carrying
  // the response; a raw response is handled too, for pipelines without deserialization.
  const bare429 = (status: unknown, headers: { get(name: string): string | undefined } | undefined): boolean =>
    status === 429 && ['retry-after', 'retry-after-ms', 'x-ms-retry-after-ms'].every((name) => headers?.get(name) === undefined);
  return {
    name: 'demarcThrottlingWithoutRetryAfter',
    async sendRequest(request, next) {
      for (let attempt = 0; ; attempt++) {
        try {
          const response = await next(request);
          if (!bare429(response.status, response.headers) || attempt >= retries) return response;
        } catch (error) {
          const e = error as { statusCode?: unknown; response?: { headers?: { get(name: string): string | undefined } } };
          if (!bare429(e.statusCode, e.response?.headers) || attempt >= retries) throw error;
        }
        await sleep(Math.min(maxDelayMs, firstDelayMs * 2 ** attempt), request.abortSignal);
      }
    },
  };
}

/**
 * A per-attempt pipeline policy that gives every request a time limit and makes a timed-out attempt
 * retryable. The pipeline's own `request.timeout` ends a hung attempt with an `AbortError`, which its
 * retry policy throws at once; this policy turns that abort (when the caller's signal did not fire) into
 * a `RestError` with code `ETIMEDOUT`, which the retry policy retries with back-off like any connection
 * error. A timeout the caller set on the request itself is kept.
 */
export function requestTimeoutPolicy(timeoutMs: number): AzurePipelinePolicy {
  const attempts = new WeakMap<object, number>();
  return {
    name: 'demarcRequestTimeout',
    async sendRequest(request, next) {
      const attempt = (attempts.get(request) ?? 0) + 1;
      attempts.set(request, attempt);
      if (!(request.timeout > 0)) request.timeout = timeoutMs;
      try {
        return await next(request);
      } catch (error) {
        if (request.abortSignal?.aborted || (error as { name?: unknown }).name !== 'AbortError') throw error;
        const tries = `${attempt} attempt${attempt === 1 ? '' : 's'}`;
        const message = `request timeout after ${tries}: no answer within ${request.timeout} ms (requestTimeoutMs)`;
        throw Object.assign(new Error(message, { cause: error }), { name: 'RestError', code: 'ETIMEDOUT' });
      }
    },
  };
}

/** The official clients demarc uses, one per subscription where the client is per subscription. */
export interface AzureClients {
  /** The credential in use (the given one, or `DefaultAzureCredential`, without managed identity with `metadataCredentials: false`). */
  credential(): Promise<TokenCredential>;
  /** Lists subscriptions (`@azure/arm-resources-subscriptions`). */
  subscriptions(): Promise<SubscriptionClient>;
  /** Resource groups and resources of a subscription (`@azure/arm-resources`). */
  resources(subscriptionId: string): Promise<ResourceManagementClient>;
  /** Role assignments (`@azure/arm-authorization`). */
  authorization(subscriptionId: string): Promise<AuthorizationManagementClient>;
  /** Management locks (`@azure/arm-locks`). */
  locks(subscriptionId: string): Promise<ManagementLockClient>;
  /** Diagnostic settings (`@azure/arm-monitor`). */
  monitor(subscriptionId: string): Promise<MonitorClient>;
  /** The `@azure/*` packages loaded so far, for diagnostics and tests. */
  loadedPackages(): readonly string[];
}

/**
 * Builds the client factory. Nothing is imported or created until a method is called; each package is
 * imported once and each client created once per subscription.
 */
export function createAzureClients(options: AzureConnectionOptions = {}): AzureClients {
  const loaded = new Set<string>();
  const retry = options.retry ?? {};
  const maxDelay = retry.maxRetryDelayInMs ?? 60_000;
  const extra = options.clientOptions ?? {};
  const requestTimeoutMs = requestTimeoutOption(options.requestTimeoutMs, 'createAzureClients');
  const clientOptions: ResourceManagementClientOptionalParams = {
    ...extra,
    endpoint: options.endpoint ?? extra.endpoint ?? AZURE_PUBLIC_CLOUD_ENDPOINT,
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions as ResourceManagementClientOptionalParams['tlsOptions'] } : {}),
    retryOptions: { maxRetries: retry.maxRetries ?? 5, retryDelayInMs: retry.retryDelayInMs ?? 800, maxRetryDelayInMs: maxDelay, ...extra.retryOptions },
    userAgentOptions: { userAgentPrefix: 'demarc', ...extra.userAgentOptions },
    additionalPolicies: [
      ...(extra.additionalPolicies ?? []),
      ...((retry.throttlingRetries ?? 4) > 0
        ? [{ policy: throttlingWithoutRetryAfterPolicy(retry.throttlingRetries ?? 4, retry.throttlingDelayInMs ?? 1_000, maxDelay), position: 'perCall' as const }]
        : []),
      { policy: requestTimeoutPolicy(requestTimeoutMs), position: 'perRetry' as const },
    ],
  };

  const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
    let promise: Promise<T> | undefined;
    return () => (promise ??= load().catch((error: unknown) => {
      promise = undefined;
      throw error;
    }));
  };
  const importPackage = <T>(name: string, load: () => Promise<T>) =>
    once(async () => {
      const module = await load();
      loaded.add(name);
      return module;
    });
  const armResources = importPackage('@azure/arm-resources', () => import('@azure/arm-resources'));
  const armSubscriptions = importPackage('@azure/arm-resources-subscriptions', () => import('@azure/arm-resources-subscriptions'));
  const armAuthorization = importPackage('@azure/arm-authorization', () => import('@azure/arm-authorization'));
  const armLocks = importPackage('@azure/arm-locks', () => import('@azure/arm-locks'));
  const armMonitor = importPackage('@azure/arm-monitor', () => import('@azure/arm-monitor'));
  const identity = importPackage('@azure/identity', () => import('@azure/identity'));

  const credential = once(async (): Promise<TokenCredential> => {
    if (options.credential) return options.credential;
    return new AzureDefaultCredential(await identity(), options.tenantId, options.metadataCredentials !== false);
  });

  const perSubscription = <T>(create: (subscriptionId: string) => Promise<T>) => {
    const cache = new Map<string, Promise<T>>();
    return (subscriptionId: string): Promise<T> => {
      let client = cache.get(subscriptionId);
      if (!client) {
        client = create(subscriptionId);
        cache.set(subscriptionId, client);
        client.catch(() => cache.delete(subscriptionId));
      }
      return client;
    };
  };

  const subscriptions = once(async () => new (await armSubscriptions()).SubscriptionClient(await credential(), clientOptions));
  return {
    credential,
    subscriptions,
    resources: perSubscription(async (id) => new (await armResources()).ResourceManagementClient(await credential(), id, clientOptions)),
    authorization: perSubscription(async (id) => new (await armAuthorization()).AuthorizationManagementClient(await credential(), id, clientOptions)),
    locks: perSubscription(async (id) => new (await armLocks()).ManagementLockClient(await credential(), id, clientOptions)),
    monitor: perSubscription(async (id) => new (await armMonitor()).MonitorClient(await credential(), id, clientOptions)),
    loadedPackages: () => [...loaded].sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** What went wrong with an Azure call, as demarc classifies it. */
export type AzureErrorKind = 'throttling' | 'access-denied' | 'not-found' | 'credentials' | 'timeout' | 'other';

/** The vendor details demarc keeps from an Azure error: never headers, bodies or tokens. */
export interface AzureErrorDetails {
  /** How demarc classifies the error. */
  readonly kind: AzureErrorKind;
  /** HTTP status, when there was a response. */
  readonly status?: number;
  /** ARM error code, e.g. `AuthorizationFailed`, `TooManyRequests`. */
  readonly code?: string;
  /** The `x-ms-request-id` of the response, for Microsoft support. */
  readonly requestId?: string;
}

/** An Azure call failed for a reason other than permissions. `retryable` is true for throttling, 5xx and timeouts. */
export class AzureRequestError extends CollectorError implements AzureErrorDetails {
  override name = 'AzureRequestError';
  readonly kind: AzureErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;

  /**
   * @param operation - The collector operation, e.g. `'resources:list'`.
   * @param message - The sanitized message.
   * @param details - Kind, status, code, request id.
   */
  constructor(operation: string, message: string, details: AzureErrorDetails, options?: { retryable?: boolean }) {
    super(operation, message, { retryable: options?.retryable ?? false });
    this.kind = details.kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.requestId !== undefined) this.requestId = details.requestId;
  }
}

/** The credentials may not read this (HTTP 401/403): the check is `error` for that scope, never `pass`. */
export class AzureAccessDeniedError extends AccessDeniedError implements AzureErrorDetails {
  override name = 'AccessDeniedError';
  readonly kind = 'access-denied' as const;
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;

  /**
   * @param operation - The collector operation.
   * @param message - The sanitized message.
   * @param details - Status, code, request id.
   */
  constructor(operation: string, message: string, details: Omit<AzureErrorDetails, 'kind'>) {
    super(operation, message, { retryable: false });
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.requestId !== undefined) this.requestId = details.requestId;
  }
}

/** Removes bearer tokens, JWTs, SAS signatures and keys from a message before it reaches a report. */
export function redactSecrets(message: string): string {
  return message
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '[redacted-jwt]')
    .replace(/\b(sig|client_secret|password|AccountKey|SharedAccessKey)=([^&;\s"']+)/gi, '$1=[redacted]');
}

interface RestErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly response?: { readonly headers?: { get?(name: string): string | undefined } };
}

const CREDENTIAL_ERRORS = new Set(['CredentialUnavailableError', 'AuthenticationError', 'AuthenticationRequiredError', 'AggregateAuthenticationError']);

/**
 * Converts anything an Azure client throws into a demarc error: 401/403 → {@link AzureAccessDeniedError}
 * (core's `AccessDeniedError`), 429 → throttling (retryable), 404 → not found, 5xx → retryable,
 * credential failures → `credentials`. Only the status, ARM code, request id and a redacted message
 * are kept. Errors that already are demarc errors pass through.
 */
export function convertAzureError(error: unknown, operation: string): CollectorError {
  if (CollectorError.isInstance(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as RestErrorLike;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const requestId = e.response?.headers?.get?.('x-ms-request-id');
  const message = redactSecrets(typeof e.message === 'string' && e.message !== '' ? e.message : name);
  const details = { ...(status !== undefined ? { status } : {}), ...(code !== undefined ? { code } : {}), ...(requestId ? { requestId } : {}) };
  const where = `${operation}: ${status !== undefined ? `HTTP ${status} ` : ''}${code ? `${code}: ` : ''}${message}`;
  if (status === 401 || status === 403) return new AzureAccessDeniedError(operation, where, details);
  if (CREDENTIAL_ERRORS.has(name)) return new AzureRequestError(operation, `${operation}: no usable Azure credential (${name}): ${message}`, { kind: 'credentials', ...details });
  if (status === 429) return new AzureRequestError(operation, where, { kind: 'throttling', ...details }, { retryable: true });
  if (status === 404) return new AzureRequestError(operation, where, { kind: 'not-found', ...details });
  if (status === undefined && code === 'ETIMEDOUT') {
    return new AzureRequestError(operation, where, { kind: 'timeout', ...details }, { retryable: true });
  }
  const transient = status === undefined ? ['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'REQUEST_SEND_ERROR'].includes(code ?? '') : status === 408 || status >= 500;
  return new AzureRequestError(operation, where, { kind: 'other', ...details }, { retryable: transient });
}

/** Runs an Azure call and converts whatever it throws with {@link convertAzureError}. */
export async function callAzure<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw convertAzureError(error, operation);
  }
}
