/**
 * The credential demarc uses when none is given: `DefaultAzureCredential`, or its chain without
 * `ManagedIdentityCredential` (`metadataCredentials: false`), wrapped so that "no credential could
 * sign in" becomes an {@link AzureCredentialsError} naming the sources tried.
 *
 * Without credentials, `DefaultAzureCredential`'s managed identity link probes the instance metadata
 * service (IMDS) at 169.254.169.254. Off Azure that is a connection to a link-local address that
 * hangs or fails depending on the network. The chain without it keeps the other links in the same
 * order, built the way `DefaultAzureCredential` builds them, and changes nothing process-wide (the
 * SDK's own `AZURE_TOKEN_CREDENTIALS` variable can only name one credential or a whole group).
 * @module
 */
import { CredentialsError } from '@demarc/core';
import type { TokenCredential } from '@azure/core-auth';
import { redactSecrets } from './clients';

type Identity = typeof import('@azure/identity');

/**
 * The sources `DefaultAzureCredential` tries, in its order, and how to provide one: the hint of an
 * {@link AzureCredentialsError}. With `metadata` false managed identity (IMDS) was not asked.
 */
export function azureCredentialsHint(metadata: boolean): string {
  const managed = metadata ? 'managed identity (the instance metadata service at 169.254.169.254), ' : '';
  const skipped = metadata ? '' : '; managed identity was not asked (metadataCredentials: false)';
  return (
    'Tried DefaultAzureCredential\'s chain: the environment (AZURE_TENANT_ID, AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or ' +
    `AZURE_CLIENT_CERTIFICATE_PATH), workload identity (AZURE_FEDERATED_TOKEN_FILE), ${managed}the Azure CLI (az), ` +
    `Azure PowerShell and the Azure Developer CLI (azd)${skipped}. ` +
    'Fix: run `az login`, set the AZURE_* variables of a service principal, or use workload identity federation in CI.'
  );
}

/** No Azure credential could get a token: nothing can be scanned. */
export class AzureCredentialsError extends CredentialsError {
  /** `'CredentialsError'`, as core's class, so summaries and snapshot replays keep the hint. */
  override name = 'CredentialsError';

  /**
   * @param message - What `@azure/identity` said, already redacted.
   * @param metadata - Whether managed identity was asked too (see {@link azureCredentialsHint}).
   */
  constructor(message: string, metadata: boolean) {
    super('identity:getToken', `no usable Azure credential: ${message}`, azureCredentialsHint(metadata));
  }
}

/** What `@azure/identity` throws when no credential of a chain could get a token. */
const NO_CREDENTIAL = new Set(['CredentialUnavailableError', 'AggregateAuthenticationError']);

/** `DefaultAzureCredential`'s links without managed identity, each built as it builds them. */
function chainWithoutManagedIdentity(identity: Identity, tenantId: string | undefined): TokenCredential {
  const tenant = tenantId ? { tenantId } : {};
  const links: (() => TokenCredential)[] = [
    () => new identity.EnvironmentCredential(),
    () => {
      const clientId = process.env.AZURE_CLIENT_ID;
      const tokenFilePath = process.env.AZURE_FEDERATED_TOKEN_FILE;
      const workloadTenant = tenantId ?? process.env.AZURE_TENANT_ID;
      return new identity.WorkloadIdentityCredential(
        clientId && tokenFilePath && workloadTenant ? { tenantId: workloadTenant, clientId, tokenFilePath } : tenant,
      );
    },
    () => new identity.AzureCliCredential(tenant),
    () => new identity.AzurePowerShellCredential(tenant),
    () => new identity.AzureDeveloperCliCredential(tenant),
  ];
  const credentials = links.flatMap((build) => {
    try {
      return [build()];
    } catch {
      // Like DefaultAzureCredential: a link that cannot be built (its variables are missing) is skipped.
      return [];
    }
  });
  return new identity.ChainedTokenCredential(...credentials);
}

/**
 * The default credential: `DefaultAzureCredential` (`metadata` true) or its chain without managed
 * identity, reporting "no credential could sign in" as an {@link AzureCredentialsError}.
 */
export class AzureDefaultCredential implements TokenCredential {
  /** The chain asked for tokens: a `DefaultAzureCredential`, or a `ChainedTokenCredential` without managed identity. */
  readonly chain: TokenCredential;

  /**
   * @param identity - The `@azure/identity` module.
   * @param tenantId - The tenant to sign in to, if given.
   * @param metadata - Whether managed identity (the instance metadata service) may be asked.
   */
  constructor(
    identity: Identity,
    tenantId: string | undefined,
    readonly metadata: boolean,
  ) {
    this.chain = metadata ? new identity.DefaultAzureCredential(tenantId ? { tenantId } : {}) : chainWithoutManagedIdentity(identity, tenantId);
  }

  /** Asks the chain for a token; "no credential of the chain could" becomes an {@link AzureCredentialsError}. */
  async getToken(...args: Parameters<TokenCredential['getToken']>): ReturnType<TokenCredential['getToken']> {
    try {
      return await this.chain.getToken(...args);
    } catch (error) {
      const e = error as { name?: unknown; message?: unknown };
      if (typeof e.name !== 'string' || !NO_CREDENTIAL.has(e.name)) throw error;
      // The chain's message lists every link's failure on its own line; the hint names them shorter.
      const said = e.name === 'AggregateAuthenticationError' ? 'no credential of the chain could get a token' : String(e.message).split('\n')[0]!;
      throw new AzureCredentialsError(redactSecrets(said.slice(0, 300)), this.metadata);
    }
  }
}
