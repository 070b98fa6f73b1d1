/**
 * `gcpCall` / `gcpPages` on the gRPC transport: a loopback `@grpc/grpc-js` server (serving the
 * Resource Manager protos shipped in the package) holds every call open; aborting the caller's signal
 * must cancel the call on the wire (the server sees it cancelled) and reject with demarc's typed error.
 * The REST transport is covered by the aborted-scan tests in provider.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GrpcClient, grpc } from 'google-gax';
import { OAuth2Client } from 'google-auth-library';
import { createGcpClients, type GcpClients } from './clients';
import { gcpCall, gcpPages } from './calls';
import { GcpApiError } from './errors';

const protosRoot = new URL('../node_modules/@google-cloud/resource-manager/build/protos/', import.meta.url).pathname;

interface HeldCall { readonly method: string; cancelled: boolean }
const held: HeldCall[] = [];
let server: grpc.Server;
let clients: GcpClients;

/** A method that never answers, recording whether the client cancelled it. */
const hold = (method: string) => (call: { on(event: 'cancelled', listener: () => void): void }) => {
  const record: HeldCall = { method, cancelled: false };
  held.push(record);
  call.on('cancelled', () => {
    record.cancelled = true;
  });
};

beforeAll(async () => {
  const loaded = new GrpcClient().loadProto(protosRoot, 'google/cloud/resourcemanager/v3/projects.proto') as unknown as {
    google: { cloud: { resourcemanager: { v3: { Projects: { service: grpc.ServiceDefinition } } } } };
  };
  server = new grpc.Server();
  server.addService(loaded.google.cloud.resourcemanager.v3.Projects.service, {
    GetProject: hold('GetProject'),
    SearchProjects: hold('SearchProjects'),
  } as unknown as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error: Error | null, bound: number) => (error ? reject(error) : resolve(bound))));
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'unused-over-insecure-channel', expiry_date: Date.now() + 3_600_000 });
  clients = await createGcpClients({ authClient: auth, transport: 'grpc', apiEndpoint: '127.0.0.1', port, sslCreds: grpc.credentials.createInsecure() });
});

afterAll(async () => {
  await clients?.close();
  await new Promise<void>((resolve) => (server ? server.tryShutdown(() => resolve()) : resolve()));
});

describe('aborting the signal cancels the call on the wire (gRPC)', () => {
  it.each([
    {
      method: 'GetProject',
      start: (signal: AbortSignal) =>
        gcpCall('resourcemanager:GetProject', signal, clients.projects, () => clients.projects.getProject({ name: 'projects/alpha' }, clients.callOptions)),
    },
    {
      method: 'SearchProjects',
      start: async (signal: AbortSignal) => {
        const pages = gcpPages('resourcemanager:SearchProjects', signal, clients.projects, { query: '' }, (r) => clients.projects.searchProjects(r, clients.pagedCallOptions));
        for await (const project of pages) expect(project).toBeUndefined();
      },
    },
  ])('$method', async ({ method, start }) => {
    const controller = new AbortController();
    const outcome = start(controller.signal).then(() => 'resolved', (error: unknown) => error);
    await vi.waitFor(() => expect(held.filter((c) => c.method === method)).toHaveLength(1));
    controller.abort();
    const error = await outcome;
    expect(GcpApiError.isInstance(error), String(error)).toBe(true);
    await vi.waitFor(() => expect(held.find((c) => c.method === method)?.cancelled).toBe(true));
  });

  it('starts no call at all when the signal is already aborted', async () => {
    const before = held.length;
    const error = await gcpCall('resourcemanager:GetProject', AbortSignal.abort(), clients.projects, () =>
      clients.projects.getProject({ name: 'projects/alpha' }, clients.callOptions)).catch((e: unknown) => e);
    expect(GcpApiError.isInstance(error)).toBe(true);
    expect(held.length).toBe(before);
  });
});
