/**
 * `startLocalCloud()`: three loopback listeners (AWS and Google over http, Azure over https) on
 * ephemeral ports, serving one estate, with faults, counters and a read-only guard.
 *
 * @module
 */
import { Agent as HttpAgent, createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { AwsIndex } from './aws/context.ts';
import { accessKeyIdFor } from './aws/protocols.ts';
import { awsRouter } from './aws/router.ts';
import { FAKE_SECRET_ACCESS_KEY } from './aws/sts.ts';
import { armRouter, AzureIndex } from './azure/arm.ts';
import { generateCertificate } from './azure/tls.ts';
import type { Estate } from './estate/types.ts';
import { FaultEngine, type FaultRule, RequestCounters } from './faults.ts';
import { GcpIndex, gcpRouter } from './gcp/resource-manager.ts';
import { createListener } from './http.ts';

/** Options of {@link startLocalCloud}. */
export interface LocalCloudOptions {
  /** What the cloud contains. Vendors absent from the estate serve an empty cloud. */
  readonly estate: Estate;
  /** Initial fault rules; change them later through {@link LocalCloud.faults}. */
  readonly faults?: readonly FaultRule[];
  /**
   * The largest page the server returns, whatever the client asks for (per vendor, or one number for
   * all). Small pages make a small estate exercise pagination.
   */
  readonly maxPageSize?: number | { readonly aws?: number; readonly gcp?: number; readonly azure?: number };
}

/** Static AWS credentials as the AWS SDK takes them. Fake: nothing here is secret. */
export interface AwsFakeCredentials {
  /** Encodes the account id (see {@link accessKeyIdFor}). */
  readonly accessKeyId: string;
  /** A fixed fake secret. */
  readonly secretAccessKey: string;
}

/** Options for any `@aws-sdk/client-*` constructor. */
export interface AwsClientConfig {
  /** `http://localhost:{port}`, resolved to 127.0.0.1 by {@link AwsClientConfig.requestHandler}. */
  readonly endpoint: string;
  /** Region (default `us-east-1`). */
  readonly region: string;
  /** Credentials routed to the chosen account. */
  readonly credentials: AwsFakeCredentials;
  /**
   * An http agent that resolves `localhost` and every `*.localhost` name to 127.0.0.1 itself (no DNS).
   * S3 Control's endpoint rules put the account id in front of the host (`111111111111.localhost`),
   * which a bare IP endpoint cannot take and the system resolver may not know.
   */
  readonly requestHandler: { readonly httpAgent: HttpAgent };
}

/** Options for `@google-cloud/resource-manager` clients in REST mode (add an `authClient`). */
export interface GcpClientOptions {
  /** `127.0.0.1` (host only: a port here would be ignored). */
  readonly apiEndpoint: string;
  /** The port, given separately. */
  readonly port: number;
  /** Plain http. */
  readonly protocol: 'http';
  /** REST (HTTP/1.1 + JSON) rather than gRPC. */
  readonly fallback: true;
}

/** The subset of `@azure/core-auth`'s `TokenCredential` the local cloud implements. */
export interface FakeTokenCredential {
  /** Returns a fake bearer token, valid for an hour. */
  getToken(scopes: string | string[]): Promise<{ token: string; expiresOnTimestamp: number }>;
}

/** Options for `@azure/arm-*` clients: pass as `new Client(credential, subscriptionId, options)`. */
export interface AzureClientOptions {
  /** `https://127.0.0.1:{port}`. */
  readonly endpoint: string;
  /** Trust the throw-away certificate for this client only. */
  readonly tlsOptions: { readonly ca: string };
}

/** A running local cloud. */
export interface LocalCloud extends AsyncDisposable {
  /** The estate served. */
  readonly estate: Estate;
  /** Fault rules, changeable while running. */
  readonly faults: FaultEngine;
  /** Per-operation request counters and the log of refused writes. */
  readonly counters: RequestCounters;
  /** Milliseconds `startLocalCloud` took (indexing, certificate, listening). */
  readonly startupMs: number;
  /** AWS: one http listener for every service. */
  readonly aws: {
    /** `http://127.0.0.1:{port}` (for raw HTTP; SDK clients use {@link AwsClientConfig.endpoint}). */
    readonly endpoint: string;
    /** The management account (the default caller). */
    readonly managementAccountId: string | undefined;
    /** Credentials whose access key id routes requests to `accountId`. */
    credentials(accountId?: string): AwsFakeCredentials;
    /** Ready options for any AWS SDK v3 client, as `accountId` (default: the management account). */
    clientConfig(accountId?: string, region?: string): AwsClientConfig;
  };
  /** Google Cloud: Resource Manager v3 over http. */
  readonly gcp: {
    /** `http://127.0.0.1:{port}`. */
    readonly endpoint: string;
    /** Ready options; add `authClient` (e.g. google-auth-library's `PassThroughClient`). */
    clientOptions(): GcpClientOptions;
  };
  /** Azure: Resource Manager over https. */
  readonly azure: {
    /** `https://127.0.0.1:{port}`. */
    readonly endpoint: string;
    /** The throw-away certificate (PEM) clients must trust. */
    readonly ca: string;
    /** The tenant id of the estate. */
    readonly tenantId: string | undefined;
    /** A fake credential for `@azure/arm-*` clients. */
    readonly credential: FakeTokenCredential;
    /** Ready client options (`endpoint`, `tlsOptions.ca`). */
    clientOptions(): AzureClientOptions;
  };
  /** Closes every listener and every open connection (held "timeout" requests included). */
  stop(): Promise<void>;
}

const listen = (server: Server): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only, ephemeral port: nothing outside this machine can reach the local cloud.
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

const pageLimit = (o: LocalCloudOptions['maxPageSize'], vendor: 'aws' | 'gcp' | 'azure'): number | undefined =>
  typeof o === 'number' ? o : o?.[vendor];

const EMPTY_AWS = {
  organization: {
    id: 'o-emptyorg000',
    managementAccountId: '000000000000',
    featureSet: 'ALL',
    rootId: 'r-0000',
    enabledPolicyTypes: [],
    enabledServicePrincipals: [],
    delegatedAdministrators: [],
  },
  organizationalUnits: [],
  policies: [],
  accounts: [
    { id: '000000000000', name: 'empty', email: 'empty@example.com', status: 'ACTIVE', parentId: 'r-0000', joinedMethod: 'CREATED', joinedTimestamp: '2020-01-01T00:00:00Z' },
  ],
} as const;

/**
 * Starts a local cloud serving `estate`. Every listener binds 127.0.0.1 on an ephemeral port.
 *
 * @example
 * ```ts
 * import { startLocalCloud, demoEstate } from '@demarc/local-cloud';
 * import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
 *
 * await using cloud = await startLocalCloud({ estate: demoEstate() });
 * const orgs = new OrganizationsClient(cloud.aws.clientConfig());
 * for await (const page of paginateListAccounts({ client: orgs }, {})) console.log(page.Accounts);
 * ```
 */
export const startLocalCloud = async (options: LocalCloudOptions): Promise<LocalCloud> => {
  const t0 = performance.now();
  const { estate } = options;
  const faults = new FaultEngine(options.faults);
  const counters = new RequestCounters();
  const ctx = { faults, counters };

  const awsIndex = new AwsIndex(estate.aws ?? EMPTY_AWS);
  const gcpIndex = new GcpIndex(estate.gcp ?? { organizations: [], folders: [], projects: [] });
  const azureIndex = new AzureIndex(estate.azure ?? { tenantId: '00000000-0000-0000-0000-000000000000', subscriptions: [] });
  const cert = generateCertificate();

  let azureBase = '';
  const awsServer = createHttpServer(createListener('aws', ctx, awsRouter(awsIndex, pageLimit(options.maxPageSize, 'aws'))));
  const gcpServer = createHttpServer(createListener('gcp', ctx, gcpRouter(gcpIndex, pageLimit(options.maxPageSize, 'gcp'))));
  const azureServer = createHttpsServer(
    { cert: cert.cert, key: cert.key },
    createListener('azure', ctx, armRouter(azureIndex, pageLimit(options.maxPageSize, 'azure'), () => azureBase)),
  );
  const servers = [awsServer, gcpServer, azureServer];
  // Idle keep-alive sockets stay open as long as the vendors' front ends keep them (tens of seconds), so
  // clients reuse connections (and TLS sessions) as they would in the cloud; `stop()` closes them all.
  for (const s of servers) {
    s.keepAliveTimeout = 30_000;
    s.headersTimeout = 35_000;
  }
  const [awsPort, gcpPort, azurePort] = await Promise.all(servers.map(listen));
  const awsEndpoint = `http://127.0.0.1:${String(awsPort)}`;
  const gcpEndpoint = `http://127.0.0.1:${String(gcpPort)}`;
  azureBase = `https://127.0.0.1:${String(azurePort)}`;

  const mgmt = estate.aws?.organization.managementAccountId;
  const credentials = (accountId?: string): AwsFakeCredentials => ({
    accessKeyId: accessKeyIdFor(accountId ?? mgmt ?? '000000000000'),
    secretAccessKey: FAKE_SECRET_ACCESS_KEY,
  });
  // Every `*.localhost` name is this machine (RFC 6761); answer the look-up without asking DNS.
  type LookupCallback = (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void;
  const loopbackLookup = (_host: string, opts: { all?: boolean } | LookupCallback, cb?: LookupCallback): void => {
    const callback = typeof opts === 'function' ? opts : cb;
    const all = typeof opts === 'object' && opts.all === true;
    if (all) callback?.(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback?.(null, '127.0.0.1', 4);
  };
  const httpAgent = new HttpAgent({ keepAlive: true, lookup: loopbackLookup as never });
  const sdkEndpoint = `http://localhost:${String(awsPort)}`;

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= Promise.all(servers.map(close)).then(() => {
      httpAgent.destroy();
    }));

  return {
    estate,
    faults,
    counters,
    startupMs: performance.now() - t0,
    aws: {
      endpoint: awsEndpoint,
      managementAccountId: mgmt,
      credentials,
      clientConfig: (accountId, region = 'us-east-1') => ({ endpoint: sdkEndpoint, region, credentials: credentials(accountId), requestHandler: { httpAgent } }),
    },
    gcp: {
      endpoint: gcpEndpoint,
      clientOptions: () => ({ apiEndpoint: '127.0.0.1', port: gcpPort ?? 0, protocol: 'http', fallback: true }),
    },
    azure: {
      endpoint: azureBase,
      ca: cert.cert,
      tenantId: estate.azure?.tenantId,
      // A fixed fake token: the ARM server never checks it.
      credential: { getToken: () => Promise.resolve({ token: 'local-cloud-fake-token', expiresOnTimestamp: Date.now() + 3_600_000 }) },
      clientOptions: () => ({ endpoint: azureBase, tlsOptions: { ca: cert.cert } }),
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
};
