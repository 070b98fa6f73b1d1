/**
 * Test-only helpers for `@google-cloud/resource-manager` (never imported by the server; excluded
 * from the build because only tests import it).
 *
 * @internal
 * @module
 */
import { type gaxios, OAuth2Client } from 'google-auth-library';

/**
 * An `OAuth2Client` with a fixed fake access token, so the client never looks for credentials
 * (which would probe the GCE metadata server).
 *
 * With `decodeErrors`, non-2xx answers reach gax undecoded, which works around
 * googleapis/gax-nodejs#1803 (on REST, errors arrive as GaxiosError with the HTTP status as `code`,
 * so retry codes never match): gax then decodes the `google.rpc.Status` body itself, 429 becomes
 * code 8 (RESOURCE_EXHAUSTED) and 403 code 7 (PERMISSION_DENIED), and `retry.retryCodes` works.
 */
export class FakeTokenClient extends OAuth2Client {
  readonly #decodeErrors: boolean;

  constructor(options: { decodeErrors?: boolean } = {}) {
    super();
    this.#decodeErrors = options.decodeErrors ?? false;
    this.setCredentials({ access_token: 'local-cloud-fake-token', expiry_date: Date.now() + 3_600_000 });
  }

  override fetch<T>(...args: Parameters<OAuth2Client['fetch']>): gaxios.GaxiosPromise<T> {
    if (!this.#decodeErrors) return super.fetch<T>(...args);
    const accept = { validateStatus: () => true };
    // Two call shapes: fetch(input, init) as gax's REST transport uses, and fetch(gaxiosOptions).
    if (args.length >= 2 || typeof args[0] === 'string' || args[0] instanceof URL) {
      const [input, init] = args as [string | URL, RequestInit | undefined];
      return super.fetch<T>(input, { ...init, ...accept } as RequestInit);
    }
    const [opts] = args as [gaxios.GaxiosOptions | undefined];
    return super.fetch<T>({ ...opts, ...accept });
  }
}
