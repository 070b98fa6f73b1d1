/**
 * The AWS SDK's default credential chain without its metadata links, for `metadataCredentials: false`.
 *
 * Without credentials, the SDK's default chain ends by asking the EC2 instance metadata service at
 * 169.254.169.254 (or the ECS container endpoint when `AWS_CONTAINER_CREDENTIALS_*` is set). Off
 * AWS, that is a connection to a link-local address that hangs or fails depending on the network.
 * The chain below asks the same local sources in the same order (environment, the profile in the
 * shared files with its SSO session or `credential_process`, web identity) and then fails at once
 * with the sources it tried, without touching process-wide settings such as `AWS_EC2_METADATA_DISABLED`.
 * A profile whose `credential_source` is `Ec2InstanceMetadata` still asks the metadata service: the
 * user named it.
 * @module
 */
import type { AwsCredentials } from './clients';
import { AwsCredentialsError, redactCredentials } from './errors';

type Identity = Awaited<ReturnType<Extract<AwsCredentials, (...args: never[]) => unknown>>>;
type IdentityProperties = Parameters<Extract<AwsCredentials, (...args: never[]) => unknown>>[0];
type Link = (properties: IdentityProperties) => Promise<Identity>;

/** Temporary credentials are fetched again this long before they expire, as the SDK does. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** The operation named in the error when no link gave credentials. */
const OPERATION = 'aws:credentials';

/** A link that has nothing to offer says so with `tryNextLink` (the SDK's `CredentialsProviderError`). */
const tryNext = (error: unknown): boolean => (error as { tryNextLink?: unknown } | null)?.tryNextLink !== false;
const messageOf = (error: unknown): string => redactCredentials(error instanceof Error ? error.message : String(error));

/**
 * The default credential chain minus the container and instance metadata links. Credentials are
 * cached until five minutes before they expire; a failure is not cached.
 *
 * @param profile - The profile of the shared files (default: `AWS_PROFILE`, else `default`).
 * @example
 * ```ts
 * const sts = new STSClient({ credentials: credentialChainWithoutMetadata('audit') });
 * ```
 */
export function credentialChainWithoutMetadata(profile?: string): AwsCredentials {
  const named = profile ?? process.env.AWS_PROFILE;
  const links: Link[] = [
    // Like the SDK: a named profile wins over keys in the environment.
    async () => {
      if (named) throw Object.assign(new Error('a profile is named'), { tryNextLink: true });
      return (await import('@aws-sdk/credential-provider-env')).fromEnv()();
    },
    async (properties) => (await import('@aws-sdk/credential-provider-ini')).fromIni(named ? { profile: named } : {})(properties),
    async (properties) => (await import('@aws-sdk/credential-provider-process')).fromProcess(named ? { profile: named } : {})(properties),
    async (properties) => (await import('@aws-sdk/credential-provider-web-identity')).fromTokenFile()(properties),
  ];
  let cached: { readonly identity: Promise<Identity>; expires: number } | undefined;
  const resolve = async (properties: IdentityProperties): Promise<Identity> => {
    for (const link of links) {
      try {
        return await link(properties);
      } catch (error) {
        // A source that exists but cannot give credentials (a broken profile) is reported as it is.
        if (!tryNext(error)) throw new AwsCredentialsError(OPERATION, messageOf(error), false);
      }
    }
    throw new AwsCredentialsError(OPERATION, 'no local source has any', false);
  };
  return (properties?: IdentityProperties) => {
    if (cached && Date.now() < cached.expires) return cached.identity;
    const entry = { identity: resolve(properties), expires: Number.POSITIVE_INFINITY };
    cached = entry;
    entry.identity.then(
      (identity) => (entry.expires = identity.expiration ? identity.expiration.getTime() - REFRESH_MARGIN_MS : Number.POSITIVE_INFINITY),
      () => {
        if (cached === entry) cached = undefined;
      },
    );
    return entry.identity;
  };
}
