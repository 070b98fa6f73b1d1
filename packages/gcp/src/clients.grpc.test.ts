/**
 * The gRPC transport: a loopback `@grpc/grpc-js` server (the same grpc-js the client library loads,
 * serving the Resource Manager protos shipped in the package) answers RESOURCE_EXHAUSTED and
 * UNAVAILABLE before succeeding; demarc's per-call retry settings must absorb them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrpcClient, grpc } from 'google-gax';
import { OAuth2Client } from 'google-auth-library';
import { callGcp, createGcpClients, iterateGcp, type GcpClients } from './clients';
import { GcpAccessDeniedError, GcpApiError } from './errors';

// google-gax re-exports the grpc-js it uses, so the server, the insecure channel credentials and the
// client share one grpc-js; its loadProto finds the google/api protos it ships.
const protosRoot = new URL('../node_modules/@google-cloud/resource-manager/build/protos/', import.meta.url).pathname;

type Unary = (call: { request: Record<string, unknown> }, callback: (error: Partial<grpc.ServiceError> | null, value?: unknown) => void) => void;

let server: grpc.Server;
let port = 0;
const calls: string[] = [];
/** Scripted failures per method: gRPC status codes to answer before succeeding. */
const script: Record<string, number[]> = {};

const answer = (method: string, succeed: (request: Record<string, unknown>) => unknown): Unary => (call, callback) => {
  calls.push(method);
  const code = script[method]?.shift();
  if (code !== undefined) return callback({ code, details: `scripted ${code}`, metadata: new grpc.Metadata() });
  callback(null, succeed(call.request));
};

beforeAll(async () => {
  const loaded = new GrpcClient().loadProto(protosRoot, 'google/cloud/resourcemanager/v3/projects.proto') as unknown as { google: { cloud: { resourcemanager: { v3: { Projects: { service: grpc.ServiceDefinition } } } } } };
  server = new grpc.Server();
  server.addService(loaded.google.cloud.resourcemanager.v3.Projects.service, {
    GetProject: answer('GetProject', (req) => ({ name: 'projects/111', projectId: String(req['name']).replace('projects/', ''), state: 'ACTIVE', parent: 'organizations/1' })),
    GetIamPolicy: answer('GetIamPolicy', () => ({ version: 3, bindings: [{ role: 'roles/viewer', members: ['user:a@example.com'] }], etag: Buffer.from('x') })),
    SearchProjects: answer('SearchProjects', (req) => (req['pageToken'] ? { projects: [{ name: 'projects/2', projectId: 'beta' }] } : { projects: [{ name: 'projects/1', projectId: 'alpha' }], nextPageToken: 'p2' })),
  } as unknown as grpc.UntypedServiceImplementation);
  port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error: Error | null, bound: number) => (error ? reject(error) : resolve(bound))));
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.tryShutdown(() => resolve()) : resolve()));
});

const grpcClients = async (maxAttempts = 5): Promise<GcpClients> => {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'unused-over-insecure-channel', expiry_date: Date.now() + 3_600_000 });
  return createGcpClients({ authClient: auth, transport: 'grpc', apiEndpoint: '127.0.0.1', port, sslCreds: grpc.credentials.createInsecure(), retry: { initialDelayMs: 5, maxDelayMs: 20, maxAttempts } });
};

describe('gRPC transport: the same retry settings', () => {
  it('absorbs RESOURCE_EXHAUSTED (8) and UNAVAILABLE (14) on GetProject', async () => {
    calls.length = 0;
    script['GetProject'] = [grpc.status.RESOURCE_EXHAUSTED, grpc.status.UNAVAILABLE];
    const c = await grpcClients();
    try {
      const [project] = await callGcp('resourcemanager:GetProject', () => c.projects.getProject({ name: 'projects/alpha' }, c.callOptions));
      expect(project.projectId).toBe('alpha');
      expect(calls).toEqual(['GetProject', 'GetProject', 'GetProject']);
    } finally {
      await c.close();
    }
  });

  it('absorbs throttling in the middle of a paged SearchProjects', async () => {
    calls.length = 0;
    script['SearchProjects'] = [grpc.status.RESOURCE_EXHAUSTED];
    const c = await grpcClients();
    try {
      const ids: string[] = [];
      for await (const p of iterateGcp('resourcemanager:SearchProjects', () => c.projects.searchProjectsAsync({ query: '' }, c.pagedCallOptions))) ids.push(p.projectId ?? '');
      expect(ids).toEqual(['alpha', 'beta']);
      expect(calls).toEqual(['SearchProjects', 'SearchProjects', 'SearchProjects']);
    } finally {
      await c.close();
    }
  });

  it('does not retry PERMISSION_DENIED and gives up on endless throttling with a typed error', async () => {
    calls.length = 0;
    script['GetIamPolicy'] = [grpc.status.PERMISSION_DENIED];
    const c = await grpcClients(3);
    try {
      const denied = await callGcp('resourcemanager:GetProjectIamPolicy', () => c.projects.getIamPolicy({ resource: 'projects/alpha' }, c.callOptions)).catch((e: unknown) => e);
      expect(GcpAccessDeniedError.isInstance(denied)).toBe(true);
      expect(calls).toEqual(['GetIamPolicy']);
      script['GetIamPolicy'] = [8, 8, 8, 8];
      const throttled = await callGcp('resourcemanager:GetProjectIamPolicy', () => c.projects.getIamPolicy({ resource: 'projects/alpha' }, c.callOptions)).catch((e: unknown) => e);
      expect(GcpApiError.isInstance(throttled)).toBe(true);
      expect(throttled).toMatchObject({ kind: 'throttling', grpcCode: 8, retryable: true });
      expect(calls).toHaveLength(1 + 3);
    } finally {
      script['GetIamPolicy'] = [];
      await c.close();
    }
  });
});
