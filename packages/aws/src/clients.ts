/**
 * The client layer: builds the official AWS SDK v3 clients from the user's options, one per
 * (service, region, account) and reused, with credentials from the SDK's default chain (environment,
 * shared config and profiles, SSO, container and instance metadata; without the metadata with
 * `metadataCredentials: false`) unless explicit credentials are passed. Member accounts are reached
 * by STS AssumeRole into a role the user names; the temporary credentials are cached per account
 * until shortly before they expire.
 *
 * The SDK packages are loaded with `import()` the first time a client is needed, so importing
 * `@demarc/aws` (to read the framing or the catalog) never loads them.
 * @module
 */
import type { STSClientConfig } from '@aws-sdk/client-sts';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { STSClient } from '@aws-sdk/client-sts';
import { DEFAULT_REQUEST_TIMEOUT_MS, requestTimeoutOption } from '@demarc/core';
import { AwsAccessDeniedError, toDemarcError } from './errors';
import { credentialChainWithoutMetadata } from './credentials';

/** Credentials as the AWS SDK takes them: a static identity or a provider function. */
export type AwsCredentials = NonNullable<STSClientConfig['credentials']>;

/** A retry strategy as the AWS SDK takes it (e.g. `new ConfiguredRetryStrategy(4, () => 5)` from `@smithy/util-retry`). */
export type AwsRetryStrategy = NonNullable<STSClientConfig['retryStrategy']>;

/** The AWS services demarc calls. */
export const AWS_CLIENT_SERVICES = ['organizations', 'sts', 'iam', 's3-control', 'ec2', 'cloudtrail'] as const;

/** One of {@link AWS_CLIENT_SERVICES}. */
export type AwsClientService = (typeof AWS_CLIENT_SERVICES)[number];

/** The SDK client class of each service. */
export interface AwsClientMap {
  /** AWS Organizations. */
  readonly organizations: OrganizationsClient;
  /** AWS STS. */
  readonly sts: STSClient;
  /** AWS IAM. */
  readonly iam: IAMClient;
  /** Amazon S3 Control. */
  readonly 's3-control': S3ControlClient;
  /** Amazon EC2. */
  readonly ec2: EC2Client;
  /** AWS CloudTrail. */
  readonly cloudtrail: CloudTrailClient;
}

/** How to reach AWS. Everything is optional: by default the SDK's credential chain and profile are used. */
export interface AwsClientOptions {
  /** The region for global services and the default region of regional calls (default: `AWS_REGION`, `AWS_DEFAULT_REGION`, else `us-east-1`). */
  readonly region?: string;
  /** A named profile of the shared config files (`~/.aws/config`, `~/.aws/credentials`). */
  readonly profile?: string;
  /** Explicit credentials (static or a provider); default: the SDK's default credential chain. */
  readonly credentials?: AwsCredentials;
  /**
   * Whether the default credential chain may ask the ECS container and EC2 instance metadata endpoints
   * (default true). `false` fails at once, naming the sources tried, where no local source has
   * credentials: for CI and laptops, where a metadata probe only costs time. Ignored with `credentials`.
   */
  readonly metadataCredentials?: boolean;
  /** One endpoint for every service (a VPC endpoint proxy, a local emulator). */
  readonly endpoint?: string;
  /** Per-service endpoints; they win over `endpoint`. */
  readonly endpoints?: Readonly<Partial<Record<AwsClientService, string>>>;
  /** Attempts per call, retries included (default {@link AWS_DEFAULT_MAX_ATTEMPTS}, 10; the SDK's own default is 3). */
  readonly maxAttempts?: number;
  /**
   * `standard` or `adaptive` (client-side rate limiting). Default: `adaptive` for Organizations (see
   * {@link AWS_ADAPTIVE_SERVICES}), `standard` for the rest.
   */
  readonly retryMode?: 'standard' | 'adaptive';
  /**
   * A retry strategy, or a function that makes one; wins over `maxAttempts` / `retryMode`. An object is
   * shared by every client (and so is its retry quota: under heavy throttling the quota empties and calls
   * fail fast); a function gives each client its own, e.g. `() => new ConfiguredRetryStrategy(5, (n) => 100 * 2 ** n)`.
   */
  readonly retryStrategy?: AwsRetryStrategy | (() => AwsRetryStrategy);
  /**
   * The SDK's HTTP handler or its options (e.g. `{ httpAgent }` for a proxy). S3 Control puts the
   * account id in front of the endpoint's host name, so a custom endpoint needs an agent that resolves
   * `<account>.<host>`; the local cloud's client config brings one.
   */
  readonly requestHandler?: AwsRequestHandler;
  /**
   * Time limit of one HTTP request in ms (default {@link DEFAULT_REQUEST_TIMEOUT_MS}, 20 s, which says why).
   * A request unanswered by then is abandoned with a `TimeoutError`, which the SDK's retry strategy retries
   * as a transient failure. It wins over a `requestTimeout` in `requestHandler` options; a handler
   * instance keeps its own timeouts.
   */
  readonly requestTimeoutMs?: number;
}

/** The SDK's `requestHandler` option: a handler instance or the options of the default Node handler. */
export type AwsRequestHandler = NonNullable<STSClientConfig['requestHandler']>;

/** How demarc enters member accounts. */
export interface AwsAssumeRoleOptions {
  /** The role name in every member account, e.g. `'OrganizationAccountAccessRole'` or a read-only audit role. */
  readonly roleName: string;
  /** The role's path (default `/`). */
  readonly rolePath?: string;
  /** The external id the role's trust policy requires, if any. */
  readonly externalId?: string;
  /** The session name recorded in CloudTrail (default `demarc`). */
  readonly sessionName?: string;
  /** Session length in seconds (default 3600). */
  readonly durationSeconds?: number;
  /** Also assume the role in the caller's own account instead of using the base credentials (default false). */
  readonly inCallerAccount?: boolean;
}

/** Temporary credentials of one account from `sts:AssumeRole`, as cached. Never logged or serialized. */
export interface AwsTemporaryCredentials {
  /** The temporary access key id. */
  readonly accessKeyId: string;
  /** The secret. */
  readonly secretAccessKey: string;
  /** The session token. */
  readonly sessionToken?: string;
  /** When they expire. */
  readonly expiration?: Date;
}

/**
 * Attempts per call when no retry option is given (the SDK's default is 3). A scan is read-only and
 * would rather slow down than report a duty as unverified. Measured by the scale benchmark (`bench/`):
 * three attempts give up on calls that a busy API throttles several times in a row; six were enough
 * for one scan, but three shard processes sharing an API's rate limit still exhausted them now and
 * then. Ten let the SDK's jittered back-off, which grows to 20 s between attempts, outlast the
 * contention. A refusal (access denied) is reported at once; a call that keeps failing is reported
 * after at most 46 s of back-off (92 s when it keeps being throttled), well within a check's time limit.
 */
export const AWS_DEFAULT_MAX_ATTEMPTS = 10;

/**
 * Services whose client retries in `adaptive` mode unless told otherwise. Organizations answers a few
 * requests per second for the whole organization through the management account's one client: adaptive
 * mode paces that client after the first throttling answer, where standard mode lets the tree walk's
 * parallel calls collide until one runs out of attempts (a 1,000-account walk failed that way in every
 * benchmark run with the SDK's defaults).
 */
export const AWS_ADAPTIVE_SERVICES: readonly AwsClientService[] = ['organizations'];

/**
 * The Node handler's options with the request timeout: `requestTimeout` bounds the wait for an answer
 * (thrown as a `TimeoutError` only with `throwOnRequestTimeout`; otherwise the SDK merely logs a
 * warning), `socketTimeout` a body that stops arriving. A handler instance is left as it is.
 */
function withRequestTimeout(handler: AwsRequestHandler | undefined, requestTimeoutMs?: number): AwsRequestHandler {
  if (handler !== undefined && typeof (handler as { handle?: unknown }).handle === 'function') return handler;
  const options = (handler ?? {}) as { readonly requestTimeout?: unknown };
  const own = options.requestTimeout;
  const ms = requestTimeoutMs ?? (typeof own === 'number' && own > 0 ? own : DEFAULT_REQUEST_TIMEOUT_MS);
  return { ...options, requestTimeout: ms, socketTimeout: ms, throwOnRequestTimeout: true } as AwsRequestHandler;
}

/** Credentials are refreshed this long before they expire. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

type SdkModule<S extends AwsClientService> = { readonly [K in string]: unknown } & { readonly default?: unknown } & { readonly __service?: S };
type ClientConstructor<S extends AwsClientService> = new (config: Record<string, unknown>) => AwsClientMap[S];

/** Loads one SDK package. The literal specifiers keep bundlers able to see (and leave external) each import. */
const LOADERS: Readonly<Record<AwsClientService, () => Promise<SdkModule<AwsClientService>>>> = {
  organizations: () => import('@aws-sdk/client-organizations'),
  sts: () => import('@aws-sdk/client-sts'),
  iam: () => import('@aws-sdk/client-iam'),
  's3-control': () => import('@aws-sdk/client-s3-control'),
  ec2: () => import('@aws-sdk/client-ec2'),
  cloudtrail: () => import('@aws-sdk/client-cloudtrail'),
};

const CLIENT_CLASS: Readonly<Record<AwsClientService, string>> = {
  organizations: 'OrganizationsClient',
  sts: 'STSClient',
  iam: 'IAMClient',
  's3-control': 'S3ControlClient',
  ec2: 'EC2Client',
  cloudtrail: 'CloudTrailClient',
};

/**
 * Loads an AWS SDK package on first use; later calls reuse it.
 * @typeParam M - The module's type, e.g. `typeof import('@aws-sdk/client-iam')`.
 */
export async function loadAwsSdk<M>(service: AwsClientService): Promise<M> {
  return (await LOADERS[service]()) as M;
}

/**
 * Builds and caches the SDK clients of a scan. One instance per scan; clients and assumed-role
 * credentials live as long as it does.
 *
 * @example
 * ```ts
 * const clients = new AwsClients({ region: 'eu-west-1', profile: 'audit' }, { roleName: 'SecurityAudit' });
 * const iam = await clients.client('iam', '222222222222');
 * ```
 */
export class AwsClients {
  readonly #options: AwsClientOptions;
  readonly #assume: AwsAssumeRoleOptions | undefined;
  readonly #clients = new Map<string, Promise<unknown>>();
  readonly #credentials = new Map<string, { value: Promise<AwsTemporaryCredentials>; expires: number }>();
  #callerAccount: Promise<{ account: string; partition: string }> | undefined;
  readonly #shared = new Map<string, Promise<unknown>>();
  /** Accounts whose role AWS refused to let us assume: the refusal is final for this instance. */
  readonly #refused = new Map<string, Error>();
  /** The credential chain without metadata links, shared by every base client (`metadataCredentials: false`). */
  #localCredentials: AwsCredentials | undefined;

  /**
   * @param options - Region, credentials, endpoints and retries.
   * @param assumeRole - How to enter other accounts; without it every call uses the base credentials (single-account mode).
   */
  constructor(options: AwsClientOptions = {}, assumeRole?: AwsAssumeRoleOptions) {
    if (options.requestTimeoutMs !== undefined) requestTimeoutOption(options.requestTimeoutMs, 'AwsClients');
    this.#options = options;
    this.#assume = assumeRole;
  }

  /** The home region. */
  get region(): string {
    return this.#options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  }

  /** The SDK client configuration of a service, without credentials (exposed for tests and diagnostics). */
  clientConfig(service: AwsClientService, region = this.region): Record<string, unknown> {
    const o = this.#options;
    const endpoint = o.endpoints?.[service] ?? o.endpoint;
    return {
      region,
      ...(o.profile !== undefined ? { profile: o.profile } : {}),
      ...(endpoint !== undefined ? { endpoint } : {}),
      ...(o.retryStrategy !== undefined
        ? { retryStrategy: typeof o.retryStrategy === 'function' ? o.retryStrategy() : o.retryStrategy }
        : {
            maxAttempts: o.maxAttempts ?? AWS_DEFAULT_MAX_ATTEMPTS,
            ...(o.retryMode !== undefined ? { retryMode: o.retryMode } : AWS_ADAPTIVE_SERVICES.includes(service) ? { retryMode: 'adaptive' } : {}),
          }),
      requestHandler: withRequestTimeout(o.requestHandler, o.requestTimeoutMs),
    };
  }

  /**
   * The client of `service` for `account` (default: the caller's own account) in `region`. Built on
   * first use and reused.
   */
  async client<S extends AwsClientService>(service: S, account?: string, region = this.region): Promise<AwsClientMap[S]> {
    const useBase = account === undefined || !this.#assume || (!this.#assume.inCallerAccount && account === (await this.caller()).account);
    const key = `${service}|${region}|${useBase ? 'base' : account}`;
    let client = this.#clients.get(key) as Promise<AwsClientMap[S]> | undefined;
    if (!client) {
      client = this.#build(service, region, useBase ? undefined : account);
      this.#clients.set(key, client);
      client.catch(() => this.#clients.delete(key));
    }
    return client;
  }

  async #build<S extends AwsClientService>(service: S, region: string, account: string | undefined): Promise<AwsClientMap[S]> {
    const sdk = await LOADERS[service]();
    const Client = sdk[CLIENT_CLASS[service]] as ClientConstructor<S>;
    const credentials: AwsCredentials | undefined = account === undefined ? this.#baseCredentials() : () => this.credentialsFor(account);
    return new Client({ ...this.clientConfig(service, region), ...(credentials !== undefined ? { credentials } : {}) });
  }

  /** The base credentials: the given ones, else the default chain (`undefined`), or it without metadata links. */
  #baseCredentials(): AwsCredentials | undefined {
    if (this.#options.credentials !== undefined || this.#options.metadataCredentials !== false) return this.#options.credentials;
    return (this.#localCredentials ??= credentialChainWithoutMetadata(this.#options.profile));
  }

  /** The caller's account id and partition (`sts:GetCallerIdentity`, once). */
  async caller(): Promise<{ account: string; partition: string }> {
    this.#callerAccount ??= (async () => {
      const { GetCallerIdentityCommand } = await loadAwsSdk<typeof import('@aws-sdk/client-sts')>('sts');
      const sts = await this.#build('sts', this.region, undefined);
      try {
        const identity = await sts.send(new GetCallerIdentityCommand({}));
        return { account: identity.Account ?? '', partition: /^arn:([^:]+):/.exec(identity.Arn ?? '')?.[1] ?? 'aws' };
      } catch (error) {
        throw toDemarcError('sts:GetCallerIdentity', error);
      }
    })();
    this.#callerAccount.catch(() => (this.#callerAccount = undefined));
    return this.#callerAccount;
  }

  /**
   * Temporary credentials for `account` from `sts:AssumeRole`, cached until five minutes before they
   * expire. A refusal becomes an `AwsAccessDeniedError` for `sts:AssumeRole`, so only that account's
   * checks report `error`.
   */
  async credentialsFor(account: string): Promise<AwsTemporaryCredentials> {
    const assume = this.#assume;
    if (!assume) throw new Error('AwsClients: no role to assume was configured');
    const refused = this.#refused.get(account);
    if (refused) throw refused;
    const cached = this.#credentials.get(account);
    if (cached && Date.now() < cached.expires) return cached.value;
    const value = this.#assumeRole(account, assume);
    const entry = { value, expires: Number.POSITIVE_INFINITY };
    this.#credentials.set(account, entry);
    value.then(
      (credentials) => (entry.expires = (credentials.expiration?.getTime() ?? Date.now() + 3_600_000) - REFRESH_MARGIN_MS),
      (error: unknown) => {
        this.#credentials.delete(account);
        // Access denied will not change during a scan: remember it rather than ask again for every check.
        if (error instanceof AwsAccessDeniedError) this.#refused.set(account, error);
      },
    );
    return value;
  }

  async #assumeRole(account: string, assume: AwsAssumeRoleOptions): Promise<AwsTemporaryCredentials> {
    const { AssumeRoleCommand } = await loadAwsSdk<typeof import('@aws-sdk/client-sts')>('sts');
    const [sts, caller] = await Promise.all([this.#build('sts', this.region, undefined), this.caller()]);
    const path = (assume.rolePath ?? '/').replace(/^\/?/, '/').replace(/\/?$/, '/');
    const roleArn = `arn:${caller.partition}:iam::${account}:role${path}${assume.roleName}`;
    try {
      const response = await sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: assume.sessionName ?? 'demarc',
          DurationSeconds: assume.durationSeconds ?? 3600,
          ...(assume.externalId !== undefined ? { ExternalId: assume.externalId } : {}),
        }),
      );
      const c = response.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`sts:AssumeRole into ${roleArn} returned no credentials`);
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        ...(c.SessionToken !== undefined ? { sessionToken: c.SessionToken } : {}),
        ...(c.Expiration !== undefined ? { expiration: c.Expiration } : {}),
      };
    } catch (error) {
      throw toDemarcError('sts:AssumeRole', error);
    }
  }

  /**
   * Runs `read` once per `key` for this instance and shares its answer (discovery and the
   * organization checks both read the organization and its roots). A failure is not remembered.
   */
  shared<T>(key: string, read: () => Promise<T>): Promise<T> {
    let value = this.#shared.get(key) as Promise<T> | undefined;
    if (!value) {
      value = read();
      this.#shared.set(key, value);
      value.catch(() => this.#shared.delete(key));
    }
    return value;
  }

  /** `organizations:DescribeOrganization` with the base credentials, asked once per instance; errors converted. */
  describeOrganization(signal?: AbortSignal): Promise<import('@aws-sdk/client-organizations').DescribeOrganizationCommandOutput> {
    return this.shared('organizations:DescribeOrganization', async () => {
      const { DescribeOrganizationCommand } = await loadAwsSdk<typeof import('@aws-sdk/client-organizations')>('organizations');
      const client = await this.client('organizations');
      try {
        return await client.send(new DescribeOrganizationCommand({}), signal ? { abortSignal: signal } : {});
      } catch (error) {
        throw toDemarcError('organizations:DescribeOrganization', error);
      }
    });
  }

  /** Every root of the organization (`organizations:ListRoots`, all pages), asked once per instance; errors converted. */
  listRoots(pageSize?: number): Promise<import('@aws-sdk/client-organizations').Root[]> {
    return this.shared('organizations:ListRoots', async () => {
      const { paginateListRoots } = await loadAwsSdk<typeof import('@aws-sdk/client-organizations')>('organizations');
      const client = await this.client('organizations');
      try {
        const roots = [];
        for await (const page of paginateListRoots({ client, stopOnSameToken: true, ...(pageSize === undefined ? {} : { pageSize }) }, {})) roots.push(...(page.Roots ?? []));
        return roots;
      } catch (error) {
        throw toDemarcError('organizations:ListRoots', error);
      }
    });
  }

  /** Closes every client built so far (their HTTP agents), e.g. at the end of a CLI run. */
  async destroy(): Promise<void> {
    const clients = await Promise.allSettled(this.#clients.values());
    for (const result of clients) if (result.status === 'fulfilled') (result.value as { destroy?: () => void }).destroy?.();
    this.#clients.clear();
  }
}
