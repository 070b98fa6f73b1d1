import { describe, expect, it } from 'vitest';
import { AccessDeniedError, CollectorError, summarizeError } from '@demarc/core';
import { AwsAccessDeniedError, AwsServiceError, classifyAwsError, isAwsNotFound, redactCredentials, toDemarcError } from './errors';

/** The shape of an AWS SDK v3 ServiceException. */
const sdkError = (name: string, status: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status, requestId: 'req-123' }, ...extra });

describe('AWS error boundary', () => {
  it.each([
    ['AccessDenied', 403, 'access-denied'],
    ['AccessDeniedException', 400, 'access-denied'],
    ['UnauthorizedOperation', 403, 'access-denied'],
    ['TooManyRequestsException', 400, 'throttling'],
    ['ThrottlingException', 400, 'throttling'],
    ['RequestLimitExceeded', 503, 'throttling'],
    ['SomethingNew', 429, 'throttling'],
    ['NoSuchEntity', 404, 'not-found'],
    ['NoSuchPublicAccessBlockConfiguration', 404, 'not-found'],
    ['AWSOrganizationsNotInUseException', 400, 'not-found'],
    ['TrailNotFoundException', 400, 'not-found'],
    ['ServiceException', 500, 'other'],
    ['ValidationException', 400, 'other'],
  ] as const)('classifies %s (HTTP %i) as %s', (code, status, kind) => {
    expect(classifyAwsError(code, status)).toBe(kind);
  });

  it('turns access denied into core\'s AccessDeniedError, keeping code, status and request id', () => {
    const error = toDemarcError('iam:ListUsers', sdkError('AccessDenied', 403));
    expect(error).toBeInstanceOf(AwsAccessDeniedError);
    expect(AccessDeniedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ operation: 'iam:ListUsers', code: 'AccessDenied', status: 403, requestId: 'req-123', retryable: false });
    expect(summarizeError(error)).toMatchObject({ name: 'AccessDeniedError', operation: 'iam:ListUsers' });
    expect(error.message).toBe('iam:ListUsers failed: AccessDenied: AccessDenied happened (HTTP 403, request id req-123)');
  });

  it('marks throttling and 5xx retryable, not-found and validation not', () => {
    const throttled = toDemarcError('organizations:ListAccounts', sdkError('TooManyRequestsException', 400));
    expect(throttled).toBeInstanceOf(AwsServiceError);
    expect(throttled).toMatchObject({ kind: 'throttling', retryable: true });
    expect(toDemarcError('x:Y', sdkError('InternalFailure', 500))).toMatchObject({ kind: 'other', retryable: true });
    const missing = toDemarcError('iam:GetUser', sdkError('NoSuchEntity', 404));
    expect(isAwsNotFound(missing)).toBe(true);
    expect(missing.retryable).toBe(false);
    expect(toDemarcError('x:Y', sdkError('ValidationException', 400)).retryable).toBe(false);
  });

  it('never keeps the SDK error (and what it holds) as cause, and masks access key ids', () => {
    const raw = sdkError('InvalidClientTokenId', 403, { message: 'The security token AKIAIOSFODNN7EXAMPLE and ASIAEXAMPLE0000000001 is invalid', $response: { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/...' } } });
    const error = toDemarcError('sts:GetCallerIdentity', raw);
    expect(error.cause).toBeUndefined();
    expect(error.message).not.toMatch(/AKIAIOSFODNN7EXAMPLE|ASIAEXAMPLE0000000001/);
    expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(/AKIAIOSFODNN7EXAMPLE|Credential=/);
    expect(redactCredentials('key AKIAIOSFODNN7EXAMPLE')).toBe('key AKIA****');
  });

  it('passes demarc errors through and copes with non-errors', () => {
    const own = new CollectorError('iam:ListUsers', 'already converted');
    expect(toDemarcError('iam:ListUsers', own)).toBe(own);
    expect(toDemarcError('x:Y', 'boom')).toMatchObject({ kind: 'other', code: 'UnknownError' });
    expect(toDemarcError('x:Y', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toMatchObject({ code: 'ECONNRESET', kind: 'other' });
  });
});
