/**
 * Google Cloud errors converted at the provider boundary into demarc's typed errors. Whatever the
 * transport (gRPC `GoogleError`, REST `GoogleError` or a raw `GaxiosError`), the result says what kind
 * of failure it was, keeps the gRPC code, the HTTP status and the request id, and never carries the
 * request's headers or credentials.
 * @module
 */
import { AccessDeniedError, CollectorError, CredentialsError } from '@demarc/core';

/** What went wrong, as demarc needs to know it. */
export type GcpErrorKind = 'throttling' | 'access-denied' | 'not-found' | 'unavailable' | 'invalid-request' | 'other';

/** The facts kept from a Google API error. */
export interface GcpErrorInfo {
  /** What kind of failure. */
  readonly kind: GcpErrorKind;
  /** The gRPC status code (`7` PERMISSION_DENIED, `8` RESOURCE_EXHAUSTED, ...), when known. */
  readonly grpcCode?: number;
  /** The HTTP status, when the REST transport reported one. */
  readonly httpStatus?: number;
  /** Google's `ErrorInfo.reason` (e.g. `IAM_PERMISSION_DENIED`), when given. */
  readonly reason?: string;
  /** A request id from the response (`google.rpc.RequestInfo` or an `x-request-id` header), when given. */
  readonly requestId?: string;
}

/** gRPC status codes used below (google.rpc.Code). */
export const GRPC_CODE = {
  OK: 0, CANCELLED: 1, UNKNOWN: 2, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7, RESOURCE_EXHAUSTED: 8, FAILED_PRECONDITION: 9, ABORTED: 10, OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12, INTERNAL: 13, UNAVAILABLE: 14, DATA_LOSS: 15, UNAUTHENTICATED: 16,
} as const;

/** The gRPC code Google maps an HTTP status to (https://cloud.google.com/apis/design/errors). */
export function grpcCodeOfHttpStatus(status: number): number {
  switch (status) {
    case 400: return GRPC_CODE.INVALID_ARGUMENT;
    case 401: return GRPC_CODE.UNAUTHENTICATED;
    case 403: return GRPC_CODE.PERMISSION_DENIED;
    case 404: return GRPC_CODE.NOT_FOUND;
    case 409: return GRPC_CODE.ABORTED;
    case 429: return GRPC_CODE.RESOURCE_EXHAUSTED;
    case 499: return GRPC_CODE.CANCELLED;
    case 501: return GRPC_CODE.UNIMPLEMENTED;
    case 502: case 503: return GRPC_CODE.UNAVAILABLE;
    case 504: return GRPC_CODE.DEADLINE_EXCEEDED;
    default:
      if (status >= 500) return GRPC_CODE.INTERNAL;
      if (status >= 400) return GRPC_CODE.FAILED_PRECONDITION;
      return GRPC_CODE.UNKNOWN;
  }
}

const KIND_OF_CODE: Readonly<Record<number, GcpErrorKind>> = {
  [GRPC_CODE.RESOURCE_EXHAUSTED]: 'throttling',
  [GRPC_CODE.PERMISSION_DENIED]: 'access-denied',
  [GRPC_CODE.UNAUTHENTICATED]: 'access-denied',
  [GRPC_CODE.NOT_FOUND]: 'not-found',
  [GRPC_CODE.UNAVAILABLE]: 'unavailable',
  [GRPC_CODE.INTERNAL]: 'unavailable',
  [GRPC_CODE.DEADLINE_EXCEEDED]: 'unavailable',
  [GRPC_CODE.INVALID_ARGUMENT]: 'invalid-request',
  [GRPC_CODE.FAILED_PRECONDITION]: 'invalid-request',
};

const NETWORK_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET']);

/** True for a low-level network failure (reset, refused, timed out) of any Node HTTP stack. */
export function isNetworkError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return true;
  }
  return false;
}

interface ErrorLike {
  readonly code?: unknown;
  readonly status?: unknown;
  readonly response?: { readonly status?: unknown; readonly headers?: unknown };
  readonly reason?: unknown;
  readonly statusDetails?: unknown;
  readonly metadata?: { get?: (key: string) => unknown };
  readonly message?: unknown;
}

/** How demarc's REST fix records the HTTP status in a `google.rpc.RequestInfo.servingData`. @internal */
export const HTTP_STATUS_MARK = 'demarc:http-status=';

const httpStatusFromDetails = (error: ErrorLike): number | undefined => {
  if (!Array.isArray(error.statusDetails)) return undefined;
  for (const detail of error.statusDetails as unknown[]) {
    const data = (detail as { servingData?: unknown } | null)?.servingData;
    if (typeof data === 'string' && data.startsWith(HTTP_STATUS_MARK)) return Number(data.slice(HTTP_STATUS_MARK.length));
  }
  return undefined;
};

const requestIdOf = (error: ErrorLike): string | undefined => {
  if (Array.isArray(error.statusDetails)) {
    for (const detail of error.statusDetails as unknown[]) {
      const id = (detail as { requestId?: unknown } | null)?.requestId;
      if (typeof id === 'string' && id) return id;
    }
  }
  const fromMetadata = error.metadata?.get?.('x-request-id');
  if (Array.isArray(fromMetadata) && typeof fromMetadata[0] === 'string') return fromMetadata[0];
  const headers = error.response?.headers;
  if (headers && typeof (headers as Headers).get === 'function') {
    const id = (headers as Headers).get('x-request-id') ?? (headers as Headers).get('x-goog-request-id');
    if (id) return id;
  }
  return undefined;
};

/** Reads the kind, codes and request id out of any error a Google client throws. */
export function gcpErrorInfo(error: unknown): GcpErrorInfo {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  // A GaxiosError (REST without demarc's fix) carries the HTTP status and no gRPC code; a GoogleError
  // carries the gRPC code, and the HTTP status when demarc's fix recorded it.
  const responseStatus = typeof e.response?.status === 'number' ? e.response.status : undefined;
  let grpcCode: number | undefined;
  let httpStatus: number | undefined;
  if (responseStatus !== undefined) {
    httpStatus = responseStatus;
    grpcCode = grpcCodeOfHttpStatus(responseStatus);
  } else if (typeof e.code === 'number' && e.code >= 0 && e.code <= 16) {
    grpcCode = e.code;
    httpStatus = httpStatusFromDetails(e);
  } else if (typeof e.code === 'number' && e.code >= 100) {
    httpStatus = e.code;
    grpcCode = grpcCodeOfHttpStatus(e.code);
  } else if (typeof e.status === 'number' && e.status >= 100) {
    httpStatus = e.status;
    grpcCode = grpcCodeOfHttpStatus(e.status);
  }
  const kind: GcpErrorKind = grpcCode !== undefined ? KIND_OF_CODE[grpcCode] ?? 'other' : isNetworkError(error) ? 'unavailable' : 'other';
  const requestId = requestIdOf(e);
  const reason = typeof e.reason === 'string' ? e.reason : undefined;
  return {
    kind,
    ...(grpcCode !== undefined ? { grpcCode } : {}),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    ...(reason ? { reason } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/** Removes anything that looks like a credential from a message before it leaves the boundary. */
export function redactSecrets(text: string): string {
  return text
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/ya29\.[A-Za-z0-9._-]+/g, '[redacted]')
    .replace(/("?(?:access_token|refresh_token|id_token|client_secret|private_key)"?\s*[:=]\s*)"?[^",\s}]+"?/gi, '$1[redacted]');
}

const describe = (operation: string, info: GcpErrorInfo, message: string): string => {
  const codes = [info.httpStatus !== undefined ? `HTTP ${info.httpStatus}` : undefined, info.grpcCode !== undefined ? `gRPC ${info.grpcCode}` : undefined].filter(Boolean).join(', ');
  return `${operation}: ${info.kind}${codes ? ` (${codes})` : ''}: ${message}${info.requestId ? ` [request id ${info.requestId}]` : ''}`;
};

const GCP_ERROR = Symbol.for('demarc.gcp.error.api');

/** A Google API call failed (throttling, unavailable, not found, ...). `retryable` tells transient faults apart. */
export class GcpApiError extends CollectorError implements GcpErrorInfo {
  readonly [GCP_ERROR] = true;
  // Core's name, so summaries and snapshot replays rebuild a CollectorError.
  override name = 'CollectorError';
  readonly kind: GcpErrorKind;
  readonly grpcCode: number | undefined;
  readonly httpStatus: number | undefined;
  readonly reason: string | undefined;
  readonly requestId: string | undefined;

  /**
   * @param operation - The collector operation, e.g. `'resourcemanager:SearchProjects'`.
   * @param info - What is known about the failure.
   * @param message - The vendor's message, already redacted.
   */
  constructor(operation: string, info: GcpErrorInfo, message: string) {
    super(operation, describe(operation, info, message), { retryable: info.kind === 'throttling' || info.kind === 'unavailable' });
    this.kind = info.kind;
    this.grpcCode = info.grpcCode;
    this.httpStatus = info.httpStatus;
    this.reason = info.reason;
    this.requestId = info.requestId;
  }

  /** True for a `GcpApiError` from any copy of `@demarc/gcp`. */
  static override isInstance(value: unknown): value is GcpApiError {
    return typeof value === 'object' && value !== null && GCP_ERROR in value;
  }
}

const GCP_ACCESS_DENIED = Symbol.for('demarc.gcp.error.access-denied');

/** The credentials may not read this (HTTP 403 / 401, gRPC PERMISSION_DENIED / UNAUTHENTICATED): the finding is `error`, never `pass`. */
export class GcpAccessDeniedError extends AccessDeniedError implements GcpErrorInfo {
  readonly [GCP_ACCESS_DENIED] = true;
  // Core's name, so the runner and snapshot replays treat it as access denied.
  override name = 'AccessDeniedError';
  readonly kind = 'access-denied' as const;
  readonly grpcCode: number | undefined;
  readonly httpStatus: number | undefined;
  readonly reason: string | undefined;
  readonly requestId: string | undefined;

  /**
   * @param operation - The collector operation.
   * @param info - What is known about the failure.
   * @param message - The vendor's message, already redacted.
   */
  constructor(operation: string, info: GcpErrorInfo, message: string) {
    super(operation, describe(operation, info, message), { retryable: false });
    this.grpcCode = info.grpcCode;
    this.httpStatus = info.httpStatus;
    this.reason = info.reason;
    this.requestId = info.requestId;
  }

  /** True for a `GcpAccessDeniedError` from any copy of `@demarc/gcp`. */
  static override isInstance(value: unknown): value is GcpAccessDeniedError {
    return typeof value === 'object' && value !== null && GCP_ACCESS_DENIED in value;
  }
}

/**
 * Converts anything a Google client throws into demarc's typed errors: {@link GcpAccessDeniedError}
 * for permission failures, {@link GcpApiError} otherwise. Errors already converted pass through. The
 * original error is not attached (`cause`), because a `GaxiosError` holds the request headers.
 */
export function toGcpError(operation: string, error: unknown): GcpApiError | GcpAccessDeniedError {
  if (GcpApiError.isInstance(error) || GcpAccessDeniedError.isInstance(error)) return error;
  let info = gcpErrorInfo(error);
  const raw = typeof (error as ErrorLike | null)?.message === 'string' ? String((error as ErrorLike).message) : String(error);
  // When gax gives up retrying it reports DEADLINE_EXCEEDED and lists the attempts' codes in the
  // message; the last attempt's code says what actually happened (usually throttling).
  if (info.grpcCode === GRPC_CODE.DEADLINE_EXCEEDED && raw.includes('Exceeded maximum number of retries')) {
    const codes = [...raw.matchAll(/code: (\d+)/g)].map((m) => Number(m[1]));
    const last = codes[codes.length - 1];
    if (last !== undefined && KIND_OF_CODE[last]) info = { ...info, grpcCode: last, kind: KIND_OF_CODE[last]! };
  }
  // gax appends every earlier attempt to the message after retries; keep the first line.
  const message = redactSecrets(raw.split(' : Previous errors : ')[0]!.split('\n')[0]!.slice(0, 500));
  return info.kind === 'access-denied' ? new GcpAccessDeniedError(operation, info, message) : new GcpApiError(operation, info, message);
}

/**
 * Where Google's auth library looks for Application Default Credentials, in its order, and how to
 * provide them: the hint of a {@link GcpCredentialsError}. With `metadata` false the metadata server
 * was not asked (`metadataCredentials: false`).
 */
export function gcpCredentialsHint(metadata: boolean): string {
  const server = metadata
    ? ', then the metadata server (a DNS look-up of metadata.google.internal and 169.254.169.254)'
    : '; the metadata server was not asked (metadataCredentials: false)';
  return (
    'Tried: GOOGLE_APPLICATION_CREDENTIALS, gcloud\'s application default credentials file ' +
    `(~/.config/gcloud/application_default_credentials.json; %APPDATA%\\gcloud on Windows)${server}. ` +
    'Fix: run `gcloud auth application-default login`, set GOOGLE_APPLICATION_CREDENTIALS to a service account key or ' +
    'workload identity federation file, or give the provider an `authClient`.'
  );
}

/** No usable Google credentials (none found, or a credentials file that cannot be read): nothing can be scanned. */
export class GcpCredentialsError extends CredentialsError {
  /** `'CredentialsError'`, as core's class, so summaries and snapshot replays keep the hint. */
  override name = 'CredentialsError';

  /**
   * @param message - What the auth library said, already redacted.
   * @param metadata - Whether the metadata server was asked too (see {@link gcpCredentialsHint}).
   */
  constructor(message: string, metadata: boolean) {
    super('google-auth:getClient', `no usable Google Cloud credentials: ${message}`, gcpCredentialsHint(metadata));
  }
}
