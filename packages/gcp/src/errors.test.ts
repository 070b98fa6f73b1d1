import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AccessDeniedError, CollectorError, summarizeError } from '@demarc/core';
import { GcpAccessDeniedError, GcpApiError, gcpErrorInfo, grpcCodeOfHttpStatus, redactSecrets, toGcpError } from './errors';

const SECRET = 'ya29.a0AfH6SMBsecretsecret';

describe('converting Google errors at the boundary', () => {
  it('classifies gRPC codes, HTTP statuses and network failures', () => {
    expect(gcpErrorInfo({ code: 8, message: 'quota' })).toMatchObject({ kind: 'throttling', grpcCode: 8 });
    expect(gcpErrorInfo({ code: 14 })).toMatchObject({ kind: 'unavailable' });
    expect(gcpErrorInfo({ code: 7 })).toMatchObject({ kind: 'access-denied' });
    expect(gcpErrorInfo({ code: 16 })).toMatchObject({ kind: 'access-denied' });
    expect(gcpErrorInfo({ code: 5 })).toMatchObject({ kind: 'not-found' });
    expect(gcpErrorInfo({ code: 3 })).toMatchObject({ kind: 'invalid-request' });
    expect(gcpErrorInfo({ response: { status: 429 }, code: 429 })).toMatchObject({ kind: 'throttling', httpStatus: 429, grpcCode: 8 });
    expect(gcpErrorInfo({ response: { status: 502 } })).toMatchObject({ kind: 'unavailable', grpcCode: 14 });
    expect(gcpErrorInfo(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toMatchObject({ kind: 'unavailable' });
    expect(gcpErrorInfo(new Error('boom'))).toEqual({ kind: 'other' });
    expect([400, 401, 403, 404, 429, 500, 502, 503, 504, 418].map(grpcCodeOfHttpStatus)).toEqual([3, 16, 7, 5, 8, 13, 14, 14, 4, 9]);
  });

  it('reads the last attempt\'s code when gax gives up retrying', () => {
    const error = toGcpError('op', { code: 4, message: 'Exceeded maximum number of retries retrying error Error: 8 RESOURCE_EXHAUSTED before any response was received : Previous errors : [{message: q, code: 8, details: , note: }]' });
    expect(error).toMatchObject({ kind: 'throttling', grpcCode: 8, retryable: true });
    expect(error.message).not.toContain('Previous errors');
  });

  it('produces core\'s error classes, marked across copies, with no credential anywhere', () => {
    const gaxiosLike = Object.assign(new Error(`Request failed with status code 403 Bearer ${SECRET}`), {
      response: { status: 403, headers: new Headers({ 'x-request-id': 'r-1' }) },
      config: { headers: { Authorization: `Bearer ${SECRET}` } },
    });
    const denied = toGcpError('resourcemanager:GetIamPolicy', gaxiosLike);
    expect(AccessDeniedError.isInstance(denied) && GcpAccessDeniedError.isInstance(denied)).toBe(true);
    expect(denied).toMatchObject({ httpStatus: 403, grpcCode: 7, requestId: 'r-1', retryable: false });
    for (const text of [inspect(denied, { depth: 20, showHidden: true }), JSON.stringify(denied), JSON.stringify(summarizeError(denied)), denied.message]) expect(text).not.toContain(SECRET);
    const other = toGcpError('op', { code: 13, message: 'internal' });
    expect(CollectorError.isInstance(other) && GcpApiError.isInstance(other) && !AccessDeniedError.isInstance(other)).toBe(true);
    expect(toGcpError('again', other)).toBe(other);
  });

  it('redacts tokens and key material from messages', () => {
    expect(redactSecrets(`Authorization: Bearer ${SECRET}`)).toBe('Authorization: Bearer [redacted]');
    expect(redactSecrets(`token ${SECRET} leaked`)).toBe('token [redacted] leaked');
    expect(redactSecrets('{"access_token":"abc","private_key":"-----BEGIN"}')).not.toMatch(/abc|BEGIN/);
  });
});
