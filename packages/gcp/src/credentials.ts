/**
 * Application Default Credentials, with or without the metadata server, and a start of the clients
 * that reports missing credentials as an error instead of a crash.
 *
 * Without credentials, google-auth-library asks the GCE metadata server (a DNS look-up of
 * metadata.google.internal and a connection to 169.254.169.254) whether it runs on Google Cloud. With
 * `metadataCredentials: false` demarc looks for the two ADC files itself, in the library's order, and
 * hands the one it finds to `GoogleAuth` as `keyFilename`: the library then reads that file and never
 * asks the metadata server, not even for a project id. Nothing process-wide (such as
 * `METADATA_SERVER_DETECTION`) is changed.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GoogleAuth } from 'google-auth-library';
import { GcpCredentialsError, redactSecrets } from './errors';

/** The scope demarc asks for: read-only access to Google Cloud. */
export const CLOUD_PLATFORM_READ_ONLY_SCOPE = 'https://www.googleapis.com/auth/cloud-platform.read-only';

/** gcloud's ADC file where google-auth-library looks for it: `%APPDATA%` on Windows, `~/.config` elsewhere. */
function wellKnownAdcFile(): string | undefined {
  const base = process.platform === 'win32' ? process.env.APPDATA : process.env.HOME ? join(process.env.HOME, '.config') : undefined;
  const file = base === undefined ? undefined : join(base, 'gcloud', 'application_default_credentials.json');
  return file !== undefined && existsSync(file) ? file : undefined;
}

/**
 * The `GoogleAuth` demarc uses when no `authClient` is given: Application Default Credentials with
 * the read-only scope. With `metadata` false, only the two ADC files are looked at.
 * @throws {@link GcpCredentialsError} when `metadata` is false and neither file exists.
 */
export async function defaultGoogleAuth(metadata: boolean): Promise<GoogleAuth> {
  const { GoogleAuth: GoogleAuthClass } = await import('google-auth-library');
  if (metadata) return new GoogleAuthClass({ scopes: [CLOUD_PLATFORM_READ_ONLY_SCOPE] });
  const keyFilename = process.env.GOOGLE_APPLICATION_CREDENTIALS || wellKnownAdcFile();
  if (!keyFilename) throw new GcpCredentialsError('no application default credentials file', false);
  return new GoogleAuthClass({ keyFilename, scopes: [CLOUD_PLATFORM_READ_ONLY_SCOPE] });
}

/** A generated Google client: `initialize()` creates its stub, authenticating on the way. */
export interface InitializableGoogleClient {
  /** Creates the client's stub (once); rejects when the client cannot authenticate. */
  initialize(): Promise<unknown>;
}

/**
 * Starts the clients' stubs now, so a failure to authenticate reaches the caller. The generated
 * clients otherwise start their stub on the first call as `this.initialize().catch((err) => { throw
 * err; })`, a promise nobody handles: without credentials, google-auth-library's "Could not load the
 * default credentials" escaped as an unhandled rejection and killed the process after the report.
 * @throws {@link GcpCredentialsError} with what the auth library said.
 */
export async function initializeGoogleClients(clients: readonly InitializableGoogleClient[], metadata: boolean): Promise<void> {
  try {
    await Promise.all(clients.map((client) => client.initialize()));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GcpCredentialsError(redactSecrets(message.split('\n')[0]!.replace(/\s*Browse to https:\S+ for more information\.?$/, '').slice(0, 300)), metadata);
  }
}
