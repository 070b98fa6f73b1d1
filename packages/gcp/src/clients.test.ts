import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OAuth2Client } from 'google-auth-library';
import { AccessDeniedError, CollectorError } from '@demarc/core';
import { callGcp, createGcpClients, iterateGcp, loadResourceManager, withDecodableErrors, type GcpClients } from './clients';
import { GcpAccessDeniedError, GcpApiError, toGcpError } from './errors';

const TOKEN = 'ya29.test-access-token-never-logged';

const fakeAuth = (): OAuth2Client => {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
  return client;
};

interface Recorded { readonly method: string; readonly url: string; readonly authorization: string | undefined }
type Handler = (request: IncomingMessage, response: ServerResponse, attempt: number) => void;

/** A loopback Resource Manager v3 REST server whose answers the test scripts per request. */
async function fakeResourceManager(handler: Handler) {
  const requests: Recorded[] = [];
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization });
    request.resume();
    request.on('end', () => handler(request, response, requests.length));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};
const rpcStatus = (code: number, status: string, message: string) => ({ error: { code, status, message } });
const PROJECT = { name: 'projects/111', projectId: 'alpha', parent: 'organizations/1', state: 'ACTIVE', displayName: 'Alpha' };
const FAST_RETRY = { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: 5 };

let open: { close(): Promise<void> }[] = [];
let clients: GcpClients[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(open.map((s) => s.close()));
  open = [];
  clients = [];
});

async function restClients(port: number, retry = FAST_RETRY): Promise<GcpClients> {
  const c = await createGcpClients({ authClient: fakeAuth(), transport: 'rest', apiEndpoint: '127.0.0.1', port, protocol: 'http', retry });
  clients.push(c);
  return c;
}

describe('REST transport: throttling and 5xx are retried (googleapis/gax-nodejs#1803 remedy)', () => {
  it('absorbs two 429s on SearchProjects (a paged call) and returns every project', async () => {
    const server = await fakeResourceManager((_req, res, attempt) => {
      if (attempt <= 2) return json(res, 429, rpcStatus(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for quota metric read requests'));
      json(res, 200, { projects: [PROJECT] });
    });
    open.push(server);
    const c = await restClients(server.port);
    const projects = [];
    for await (const p of iterateGcp('resourcemanager:SearchProjects', () => c.projects.searchProjectsAsync({ query: '' }, c.pagedCallOptions))) projects.push(p);
    expect(projects.map((p) => p.projectId)).toEqual(['alpha']);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.url.startsWith('/v3/projects:search'))).toBe(true);
    expect(server.requests[0]!.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('absorbs a 503 and a 500 on GetIamPolicy', async () => {
    const server = await fakeResourceManager((_req, res, attempt) => {
      if (attempt === 1) return json(res, 503, rpcStatus(503, 'UNAVAILABLE', 'Backend unavailable'));
      if (attempt === 2) return json(res, 500, rpcStatus(500, 'INTERNAL', 'Internal error'));
      json(res, 200, { version: 3, bindings: [{ role: 'roles/viewer', members: ['user:a@example.com'] }], etag: 'BwY=' });
    });
    open.push(server);
    const c = await restClients(server.port);
    const [policy] = await callGcp('resourcemanager:GetIamPolicy', () => c.projects.getIamPolicy({ resource: 'projects/alpha', options: { requestedPolicyVersion: 3 } }, c.callOptions));
    expect(policy.bindings?.[0]?.role).toBe('roles/viewer');
    expect(server.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(Array(3).fill('POST /v3/projects/alpha:getIamPolicy'));
  });

  it('absorbs a proxy\'s non-JSON 502 and a dropped connection', async () => {
    const server = await fakeResourceManager((_req, res, attempt) => {
      if (attempt === 1) {
        res.writeHead(502, { 'content-type': 'text/html' });
        return res.end('<html>Bad Gateway</html>');
      }
      if (attempt === 2) return res.socket?.destroy();
      json(res, 200, PROJECT);
    });
    open.push(server);
    const c = await restClients(server.port);
    const [project] = await callGcp('resourcemanager:GetProject', () => c.projects.getProject({ name: 'projects/alpha' }, c.callOptions));
    expect(project.projectId).toBe('alpha');
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after maxAttempts with a retryable throttling error', async () => {
    const server = await fakeResourceManager((_req, res) => json(res, 429, rpcStatus(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded')));
    open.push(server);
    const c = await restClients(server.port, { ...FAST_RETRY, maxAttempts: 3 });
    const error = await callGcp('resourcemanager:GetProject', () => c.projects.getProject({ name: 'projects/alpha' }, c.callOptions)).catch((e: unknown) => e);
    expect(server.requests).toHaveLength(3);
    expect(GcpApiError.isInstance(error)).toBe(true);
    expect(CollectorError.isInstance(error)).toBe(true);
    expect((error as GcpApiError).kind).toBe('throttling');
    expect((error as GcpApiError).retryable).toBe(true);
  });

  it('does not retry 403, and converts it into an access-denied error with status, code and request id', async () => {
    const server = await fakeResourceManager((_req, res) =>
      json(res, 403, rpcStatus(403, 'PERMISSION_DENIED', "The caller does not have permission"), { 'x-request-id': 'req-42' }));
    open.push(server);
    const c = await restClients(server.port);
    const error = await callGcp('resourcemanager:GetIamPolicy', () => c.projects.getIamPolicy({ resource: 'projects/secret' }, c.callOptions)).catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(AccessDeniedError.isInstance(error)).toBe(true);
    expect(GcpAccessDeniedError.isInstance(error)).toBe(true);
    const denied = error as GcpAccessDeniedError;
    expect(denied).toMatchObject({ kind: 'access-denied', grpcCode: 7, httpStatus: 403, requestId: 'req-42', operation: 'resourcemanager:GetIamPolicy', retryable: false });
    expect(denied.message).toContain('req-42');
    expect(inspect(denied, { depth: 10 })).not.toContain(TOKEN);
    expect(JSON.stringify(denied)).not.toContain(TOKEN);
  });

  it('maps 404 to not-found without retrying', async () => {
    const server = await fakeResourceManager((_req, res) => json(res, 404, rpcStatus(404, 'NOT_FOUND', 'Project not found')));
    open.push(server);
    const c = await restClients(server.port);
    const error = await callGcp('resourcemanager:GetProject', () => c.projects.getProject({ name: 'projects/gone' }, c.callOptions)).catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'not-found', grpcCode: 5, httpStatus: 404 });
    expect((error as GcpApiError).retryable).toBe(false);
  });

  it('measured: without the remedy, the official REST client does not retry a 429 (the defect demarc works around)', async () => {
    const server = await fakeResourceManager((_req, res, attempt) => {
      if (attempt === 1) return json(res, 429, rpcStatus(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded'));
      json(res, 200, PROJECT);
    });
    open.push(server);
    const { ProjectsClient } = await loadResourceManager();
    const plain = new ProjectsClient({ fallback: true, authClient: fakeAuth(), apiEndpoint: '127.0.0.1', port: server.port, protocol: 'http' });
    const error = await plain.getProject({ name: 'projects/alpha' }).catch((e: unknown) => e);
    await plain.close();
    expect(server.requests).toHaveLength(1);
    expect((error as object).constructor.name).toBe('GaxiosError');
    expect((error as { note?: string }).note).toMatch(/not classified as transient/);
    // demarc still classifies the raw GaxiosError correctly, and drops its headers.
    const converted = toGcpError('resourcemanager:GetProject', error);
    expect(converted).toMatchObject({ kind: 'throttling', httpStatus: 429, grpcCode: 8 });
    expect(inspect(converted, { depth: 10 })).not.toContain(TOKEN);
  });

  it('lets the auth client refresh an expired token on 401 and retry, as it would without the fix', async () => {
    const server = await fakeResourceManager((req, res) => {
      if (req.url === '/token') return json(res, 200, { access_token: 'fresh-token', expires_in: 3600, token_type: 'Bearer' });
      if (req.headers.authorization !== 'Bearer fresh-token') return json(res, 401, rpcStatus(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'));
      json(res, 200, PROJECT);
    });
    open.push(server);
    const auth = new OAuth2Client({ endpoints: { oauth2TokenUrl: `http://127.0.0.1:${server.port}/token` } });
    auth.setCredentials({ access_token: 'stale-token', refresh_token: 'refresh' });
    const c = await createGcpClients({ authClient: auth, transport: 'rest', apiEndpoint: '127.0.0.1', port: server.port, protocol: 'http', retry: FAST_RETRY });
    clients.push(c);
    const [project] = await callGcp('resourcemanager:GetProject', () => c.projects.getProject({ name: 'projects/alpha' }, c.callOptions));
    expect(project.projectId).toBe('alpha');
    expect(server.requests.map((r) => `${r.method} ${r.url.split('?')[0]} ${r.authorization ?? ''}`)).toEqual([
      'GET /v3/projects/alpha Bearer stale-token',
      'GET /v3/projects/alpha Bearer stale-token',
      'POST /token ',
      'GET /v3/projects/alpha Bearer fresh-token',
    ]);
  });

  it('reports a 401 that no refresh cures as access denied, without retrying it', async () => {
    const server = await fakeResourceManager((_req, res) => json(res, 401, rpcStatus(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.')));
    open.push(server);
    const c = await restClients(server.port);
    const error = await callGcp('resourcemanager:GetProject', () => c.projects.getProject({ name: 'projects/alpha' }, c.callOptions)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'access-denied', grpcCode: 16, httpStatus: 401 });
    expect(server.requests).toHaveLength(2);
  });

  it('defaults to Application Default Credentials with the read-only scope, resolved when the clients are created', async () => {
    // An ADC file (as `gcloud auth application-default login` writes): read now, so a missing one fails
    // here with a CredentialsError instead of escaping from the first call (see credentials.test.ts).
    const dir = mkdtempSync(join(tmpdir(), 'demarc-gcp-adc-'));
    writeFileSync(join(dir, 'adc.json'), JSON.stringify({ type: 'authorized_user', client_id: 'demarc-test', client_secret: 'not-a-secret', refresh_token: 'not-a-token' }));
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', join(dir, 'adc.json'));
    for (const transport of ['rest', 'grpc'] as const) {
      const c = await createGcpClients({ transport, apiEndpoint: '127.0.0.1', port: 9 });
      clients.push(c);
      const auth = (c.projects as unknown as { auth: { scopes?: unknown; getClient?: unknown } }).auth;
      expect(typeof auth.getClient).toBe('function'); // a GoogleAuth: ADC is resolved on the first call
      expect(auth.scopes).toEqual(['https://www.googleapis.com/auth/cloud-platform.read-only']);
      expect(c.transport).toBe(transport);
    }
    vi.unstubAllEnvs();
  });

  it('the wrapper forwards everything but fetch to the real auth client', async () => {
    const auth = fakeAuth();
    const wrapped = withDecodableErrors(auth);
    expect((await wrapped.getAccessToken()).token).toBe(TOKEN);
    wrapped.quotaProjectId = 'billing-project';
    expect(auth.quotaProjectId).toBe('billing-project');
  });
});

describe('lazy loading', () => {
  it('importing @demarc/gcp does not load the Google Cloud SDK; creating clients does', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const vendor = () => Object.keys(require.cache).filter((k) => /google-gax|@google-cloud|google-auth-library|@grpc/.test(k)).length;
      const gcp = await import('@demarc/gcp');
      const afterImport = vendor();
      await gcp.createGcpClients({ authClient: { getRequestHeaders: async () => new Headers() }, transport: 'rest', apiEndpoint: '127.0.0.1', port: 9 });
      console.log(JSON.stringify({ afterImport, afterClients: vendor(), exports: Object.keys(gcp).length }));
    `;
    const result = spawnSync(process.execPath, ['--conditions=@demarc/source', '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('..', import.meta.url).pathname,
      encoding: 'utf8',
      env: { ...process.env, METADATA_SERVER_DETECTION: 'none' },
      timeout: 60_000,
    });
    expect(result.stderr).not.toMatch(/Error/);
    const measured = JSON.parse(result.stdout.trim().split('\n').pop()!) as { afterImport: number; afterClients: number; exports: number };
    expect(measured.exports).toBeGreaterThan(10);
    expect(measured.afterImport).toBe(0);
    expect(measured.afterClients).toBeGreaterThan(50);
  });
});
