import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessDeniedError, CollectorError, summarizeError } from '@demarc/core';
import { AzureAccessDeniedError, AzureRequestError, callAzure, convertAzureError, createAzureClients, redactSecrets, throttlingWithoutRetryAfterPolicy } from './clients';
import { AzureDefaultCredential } from './credentials';

const packageRoot = new URL('..', import.meta.url).pathname;

/** Runs `code` in a fresh Node process on the TypeScript sources and returns every module URL it resolved. */
function resolvedModules(code: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-azure-lazy-'));
  const trace = join(dir, 'trace.txt');
  writeFileSync(trace, '');
  const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) { const r = await next(specifier, context); appendFileSync(${JSON.stringify(trace)}, r.url + '\\n'); return r; }`;
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});\n`);
  execFileSync(process.execPath, ['--conditions=@demarc/source', '--import', 'tsx', '--import', join(dir, 'register.mjs'), '--input-type=module', '-e', code], { cwd: packageRoot, stdio: 'pipe', timeout: 30_000 });
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
}

describe('lazy loading of the Azure SDK', () => {
  it('importing @demarc/azure loads no @azure/* package', () => {
    const modules = resolvedModules(`const azure = await import('@demarc/azure'); if (typeof azure.azureProvider !== 'function') process.exit(2); azure.azureProvider();`);
    expect(modules.some((url) => url.includes('/packages/azure/src/index.ts'))).toBe(true);
    expect(modules.filter((url) => url.includes('/@azure/'))).toEqual([]);
  }, 60_000);

  it('the first client built loads its package, and only that one', () => {
    const modules = resolvedModules(`const { createAzureClients } = await import('@demarc/azure');
const clients = createAzureClients({ credential: { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 60000 }) }, endpoint: 'https://127.0.0.1:1' });
await clients.resources('00000000-0000-0000-0000-000000000000');`);
    const azure = [...new Set(modules.filter((url) => url.includes('/@azure/')).map((url) => /\/(@azure\/[a-z-]+)\//.exec(url)?.[1]))];
    expect(azure).toContain('@azure/arm-resources');
    for (const other of ['@azure/identity', '@azure/arm-authorization', '@azure/arm-storage', '@azure/arm-monitor', '@azure/arm-locks']) expect(azure).not.toContain(other);
  }, 60_000);

  it('builds one client per subscription and reports what it loaded', async () => {
    const clients = createAzureClients({ credential: { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 60_000 }) }, endpoint: 'https://127.0.0.1:1' });
    expect(clients.loadedPackages()).toEqual([]);
    const a = await clients.resources('a');
    expect(await clients.resources('a')).toBe(a);
    expect(await clients.resources('b')).not.toBe(a);
    expect(clients.loadedPackages()).toEqual(['@azure/arm-resources']);
  });
});

const restError = (statusCode: number | undefined, code: string | undefined, message: string, requestId?: string) =>
  Object.assign(new Error(message), { name: 'RestError', statusCode, code, response: { headers: { get: (h: string) => (h === 'x-ms-request-id' ? requestId : undefined) } } });

describe('errors at the boundary', () => {
  it('403 and 401 become core AccessDeniedError with status, code and request id', () => {
    const error = convertAzureError(restError(403, 'AuthorizationFailed', 'no authorization to perform action', 'req-1'), 'resources:list');
    expect(AccessDeniedError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(AzureAccessDeniedError);
    expect(error).toMatchObject({ status: 403, code: 'AuthorizationFailed', requestId: 'req-1', operation: 'resources:list', retryable: false, kind: 'access-denied' });
    expect(summarizeError(error).name).toBe('AccessDeniedError');
    expect(AccessDeniedError.isInstance(convertAzureError(restError(401, 'InvalidAuthenticationToken', 'expired'), 'x'))).toBe(true);
  });

  it('throttling, not found, server errors, network errors and credential failures are told apart', () => {
    expect(convertAzureError(restError(429, 'TooManyRequests', 'throttled'), 'op')).toMatchObject({ kind: 'throttling', retryable: true, status: 429 });
    expect(convertAzureError(restError(404, 'ResourceNotFound', 'gone'), 'op')).toMatchObject({ kind: 'not-found', retryable: false });
    expect(convertAzureError(restError(503, 'ServiceUnavailable', 'busy'), 'op')).toMatchObject({ kind: 'other', retryable: true });
    expect(convertAzureError(restError(undefined, 'ECONNRESET', 'socket hang up'), 'op')).toMatchObject({ kind: 'other', retryable: true });
    expect(convertAzureError(Object.assign(new Error('no credential'), { name: 'CredentialUnavailableError' }), 'op')).toMatchObject({ kind: 'credentials', retryable: false });
    expect(convertAzureError('a string', 'op')).toBeInstanceOf(AzureRequestError);
    const already = new CollectorError('op', 'mine');
    expect(convertAzureError(already, 'other')).toBe(already);
  });

  it('never carries a token or a key', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
    const error = convertAzureError(restError(400, 'Bad', `Authorization: Bearer ${token} failed for https://a.blob.core.windows.net/c?sig=SECRETSIG&sv=1 AccountKey=abc123==;`), 'op');
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain('SECRETSIG');
    expect(error.message).not.toContain('abc123');
    expect(JSON.stringify(summarizeError(error))).not.toContain(token);
    expect(redactSecrets(`token ${token}`)).toBe('token [redacted-jwt]');
  });

  it('callAzure converts what a call throws and passes results through', async () => {
    await expect(callAzure('op', async () => 42)).resolves.toBe(42);
    await expect(callAzure('op', async () => { throw restError(403, 'AuthorizationFailed', 'denied'); })).rejects.toBeInstanceOf(AzureAccessDeniedError);
  });
});

describe('throttling without Retry-After', () => {
  const response = (status: number, headers: Record<string, string> = {}) => ({ status, headers: { get: (name: string) => headers[name] } });
  const run = async (answers: ReturnType<typeof response>[], retries = 3) => {
    let calls = 0;
    const policy = throttlingWithoutRetryAfterPolicy(retries, 1, 4);
    const final = await policy.sendRequest({} as never, (async () => answers[Math.min(calls++, answers.length - 1)]) as never);
    return { status: (final as unknown as { status: number }).status, calls };
  };

  it('retries a bare 429 until it succeeds', async () => expect(await run([response(429), response(429), response(200)])).toEqual({ status: 200, calls: 3 }));
  it('gives up after the configured retries', async () => expect(await run([response(429)], 2)).toEqual({ status: 429, calls: 3 }));
  it('leaves a 429 with Retry-After to the Azure pipeline, and other statuses alone', async () => {
    expect(await run([response(429, { 'retry-after': '1' }), response(200)])).toEqual({ status: 429, calls: 1 });
    expect(await run([response(500), response(200)])).toEqual({ status: 500, calls: 1 });
  });
});

describe('throttling without Retry-After, as a thrown RestError (after deserialization)', () => {
  it('retries a thrown bare 429 and rethrows other errors at once', async () => {
    const policy = throttlingWithoutRetryAfterPolicy(3, 1, 4);
    const bare = Object.assign(new Error('throttled'), { statusCode: 429, response: { headers: { get: () => undefined } } });
    let calls = 0;
    const ok = await policy.sendRequest({} as never, (async () => { if (++calls < 3) throw bare; return { status: 200, headers: { get: () => undefined } }; }) as never);
    expect((ok as unknown as { status: number }).status).toBe(200);
    expect(calls).toBe(3);
    const told = Object.assign(new Error('throttled'), { statusCode: 429, response: { headers: { get: (h: string) => (h === 'retry-after' ? '5' : undefined) } } });
    calls = 0;
    await expect(policy.sendRequest({} as never, (async () => { calls++; throw told; }) as never)).rejects.toBe(told);
    expect(calls).toBe(1);
  });
});

describe('default credential', () => {
  it('is DefaultAzureCredential, created on first use (with the tenant when given), never before', async () => {
    const clients = createAzureClients({ tenantId: '00000000-0000-0000-0000-0000000000aa', endpoint: 'https://127.0.0.1:1' });
    expect(clients.loadedPackages()).toEqual([]);
    const credential = await clients.credential();
    expect(credential).toBeInstanceOf(AzureDefaultCredential);
    expect((credential as AzureDefaultCredential).chain.constructor.name).toBe('DefaultAzureCredential');
    expect(clients.loadedPackages()).toEqual(['@azure/identity']);
    expect(await clients.credential()).toBe(credential);
  });

  it('is its chain without managed identity with metadataCredentials: false', async () => {
    const credential = await createAzureClients({ endpoint: 'https://127.0.0.1:1', metadataCredentials: false }).credential();
    expect((credential as AzureDefaultCredential).chain.constructor.name).toBe('ChainedTokenCredential');
  });

  it('a passed TokenCredential is used as is and @azure/identity is never loaded', async () => {
    const mine = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 60_000 }) };
    const clients = createAzureClients({ credential: mine, endpoint: 'https://127.0.0.1:1' });
    expect(await clients.credential()).toBe(mine);
    await clients.subscriptions();
    expect(clients.loadedPackages()).toEqual(['@azure/arm-resources-subscriptions']);
  });
});
