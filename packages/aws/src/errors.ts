/**
 * The boundary between AWS SDK errors and demarc's typed errors. An AWS `ServiceException` is
 * converted once, where a collector calls the SDK: access denied becomes core's `AccessDeniedError`
 * (the check reports `error`, never `pass`), throttling and 5xx become retryable `CollectorError`s,
 * "no such thing" becomes a not-found error a collector may turn into data. The conversion keeps the
 * error code, HTTP status and request id, and never a credential: the SDK error itself is not kept as
 * `cause`, and anything that looks like an access key id is masked in the message.
 * @module
 */
import { AccessDeniedError, CollectorError, CredentialsError } from '@demarc/core';

/** How demarc classifies an AWS error. */
export type AwsErrorKind = 'throttling' | 'access-denied' | 'not-found' | 'timeout' | 'other';

/** What AWS said: the error code, HTTP status and request id (for a support case). */
export interface AwsErrorDetails {
  /** The operation, e.g. `'iam:ListUsers'`. */
  readonly operation: string;
  /** The AWS error code, e.g. `'AccessDenied'`, `'TooManyRequestsException'`. */
  readonly code: string;
  /** The HTTP status, when a response arrived. */
  readonly status?: number;
  /** The AWS request id, when a response arrived. */
  readonly requestId?: string;
}

/** AWS refused the call: the credentials may not read this. The finding is `error` (unverified). */
export class AwsAccessDeniedError extends AccessDeniedError implements AwsErrorDetails {
  /** `'AccessDeniedError'`, as core's class, so summaries and snapshot replays treat it as access denied. */
  override name = 'AccessDeniedError';
  /** Always `'access-denied'`. */
  readonly kind = 'access-denied' as const;
  /** The AWS error code. */
  readonly code: string;
  /** The HTTP status, when a response arrived. */
  readonly status?: number;
  /** The AWS request id, when a response arrived. */
  readonly requestId?: string;

  /** @param details - What AWS said. @param message - The message, already free of credentials. */
  constructor(details: AwsErrorDetails, message: string) {
    super(details.operation, message, { retryable: false });
    this.code = details.code;
    if (details.status !== undefined) this.status = details.status;
    if (details.requestId !== undefined) this.requestId = details.requestId;
  }
}

/**
 * Any other AWS error: throttling, 5xx and request timeouts (retryable, after the SDK's own retries ran
 * out), not found, or other.
 */
export class AwsServiceError extends CollectorError implements AwsErrorDetails {
  /** `'CollectorError'`, as core's class. */
  override name = 'CollectorError';
  /** What kind of failure it is. */
  readonly kind: Exclude<AwsErrorKind, 'access-denied'>;
  /** The AWS error code. */
  readonly code: string;
  /** The HTTP status, when a response arrived. */
  readonly status?: number;
  /** The AWS request id, when a response arrived. */
  readonly requestId?: string;

  /** @param kind - The classification. @param details - What AWS said. @param message - The message, already free of credentials. */
  constructor(kind: Exclude<AwsErrorKind, 'access-denied'>, details: AwsErrorDetails, message: string, retryable: boolean) {
    super(details.operation, message, { retryable });
    this.kind = kind;
    this.code = details.code;
    if (details.status !== undefined) this.status = details.status;
    if (details.requestId !== undefined) this.requestId = details.requestId;
  }
}

/**
 * Where the AWS SDK looks for credentials, in its order, and how to provide them: the hint of an
 * {@link AwsCredentialsError}. With `metadata` false the instance and container metadata endpoints
 * were not asked (`metadataCredentials: false`).
 */
export function awsCredentialsHint(metadata: boolean): string {
  const endpoints = metadata
    ? ', then the ECS container and EC2 instance metadata endpoints (169.254.170.2, 169.254.169.254)'
    : '; the instance metadata endpoints were not asked (metadataCredentials: false)';
  return (
    'Tried: the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), the profile (AWS_PROFILE or the ' +
    '`profile` option, default `default`) in ~/.aws/config and ~/.aws/credentials with its SSO session or ' +
    `credential_process, and web identity (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN)${endpoints}. ` +
    'Fix: run `aws sso login` or `aws configure`, export AWS_PROFILE or the AWS_* keys, or use OIDC in CI.'
  );
}

/** No AWS credentials were found (or the profile that was named cannot give any): nothing can be scanned. */
export class AwsCredentialsError extends CredentialsError {
  /** `'CredentialsError'`, as core's class, so summaries and snapshot replays keep the hint. */
  override name = 'CredentialsError';

  /**
   * @param operation - The call that needed the credentials.
   * @param message - What the SDK said, already free of credentials.
   * @param metadata - Whether the metadata endpoints were asked too (see {@link awsCredentialsHint}).
   */
  constructor(operation: string, message: string, metadata: boolean) {
    super(operation, `no AWS credentials: ${message}`, awsCredentialsHint(metadata));
  }
}

const THROTTLING_CODES = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded',
  'RequestThrottled', 'RequestThrottledException', 'SlowDown', 'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded', 'EC2ThrottledException',
]);
const ACCESS_DENIED_CODES = new Set([
  'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'UnauthorizedAccess',
  'AccessDeniedForDependencyException', 'InvalidClientTokenId', 'UnrecognizedClientException', 'ExpiredToken',
  'ExpiredTokenException', 'SignatureDoesNotMatch', 'OptInRequired', 'AuthFailure',
]);
const NOT_FOUND_PATTERN = /NotFound|NoSuch|DoesNotExist|NotInUse/;

/** Masks anything shaped like an AWS access key id (`AKIA…`, `ASIA…`), so messages can be logged. */
export function redactCredentials(text: string): string {
  return text.replace(/\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '$1****');
}

/** Reads the fields demarc uses from an AWS SDK error (or any thrown value). */
export function awsErrorDetails(operation: string, error: unknown): AwsErrorDetails & { readonly message: string; readonly faultRetryable: boolean } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown; Code?: unknown; code?: unknown; message?: unknown;
    $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
    $fault?: unknown; $retryable?: unknown;
  };
  const code = [e.Code, e.code, e.name].find((c): c is string => typeof c === 'string' && c !== '' && c !== 'Error') ?? 'UnknownError';
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const requestId = typeof e.$metadata?.requestId === 'string' && e.$metadata.requestId !== '' ? e.$metadata.requestId : undefined;
  const message = redactCredentials(typeof e.message === 'string' && e.message !== '' ? e.message : String(error));
  return {
    operation,
    code,
    ...(status !== undefined ? { status } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    message,
    faultRetryable: e.$fault === 'server' || (typeof e.$retryable === 'object' && e.$retryable !== null),
  };
}

/** Classifies an AWS error by its code and HTTP status. */
export function classifyAwsError(code: string, status?: number): AwsErrorKind {
  if (THROTTLING_CODES.has(code) || status === 429) return 'throttling';
  if (ACCESS_DENIED_CODES.has(code) || status === 403) return 'access-denied';
  if (NOT_FOUND_PATTERN.test(code) || status === 404) return 'not-found';
  return 'other';
}

/**
 * Converts whatever an AWS SDK call threw into demarc's typed error. Errors that already are demarc
 * errors pass through unchanged.
 *
 * @example
 * ```ts
 * try { await client.send(new ListUsersCommand({})); }
 * catch (error) { throw toDemarcError('iam:ListUsers', error); }
 * ```
 */
export function toDemarcError(operation: string, error: unknown): AwsAccessDeniedError | AwsServiceError | CollectorError {
  if (CollectorError.isInstance(error)) return error;
  const details = awsErrorDetails(operation, error);
  // The SDK's credential chain found nothing (or a named profile is broken): no call was made at all.
  if (details.code === 'CredentialsProviderError') return new AwsCredentialsError(operation, details.message, true);
  if (isRequestTimeout(error)) {
    // The HTTP handler's requestTimeout: no answer came, so there is no status or request id to keep.
    const attempts = (error as { $metadata?: { attempts?: unknown } }).$metadata?.attempts;
    const tries = typeof attempts === 'number' ? ` after ${attempts} attempt${attempts === 1 ? '' : 's'}` : '';
    const message = `${operation} failed: request timeout${tries}: ${details.message}`;
    return new AwsServiceError('timeout', { operation, code: details.code }, message, true);
  }
  const kind = classifyAwsError(details.code, details.status);
  const where = [details.status !== undefined ? `HTTP ${details.status}` : undefined, details.requestId ? `request id ${details.requestId}` : undefined].filter(Boolean).join(', ');
  const message = `${operation} failed: ${details.code}: ${details.message}${where ? ` (${where})` : ''}`;
  const { operation: op, code, status, requestId } = details;
  const plain: AwsErrorDetails = { operation: op, code, ...(status !== undefined ? { status } : {}), ...(requestId !== undefined ? { requestId } : {}) };
  if (kind === 'access-denied') return new AwsAccessDeniedError(plain, message);
  const retryable = kind === 'throttling' || (status !== undefined && status >= 500) || details.faultRetryable;
  return new AwsServiceError(kind, plain, message, retryable);
}

/** A request the HTTP handler abandoned for want of an answer (a `TimeoutError`, which the SDK retries). */
function isRequestTimeout(error: unknown): boolean {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown; $metadata?: { httpStatusCode?: unknown };
  };
  return e.name === 'TimeoutError' && e.$metadata?.httpStatusCode === undefined;
}

/** True when `error` is an {@link AwsServiceError} of kind `not-found`. */
export function isAwsNotFound(error: unknown): error is AwsServiceError {
  return error instanceof AwsServiceError && error.kind === 'not-found';
}
