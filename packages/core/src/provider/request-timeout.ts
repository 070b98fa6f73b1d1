/**
 * The time limit of one request to a cloud API, shared by the built-in providers (`requestTimeoutMs`).
 * @module
 */

/**
 * How long one HTTP request to a cloud API may stay unanswered before the vendor client abandons it and
 * retries it as a transient failure: the default `requestTimeoutMs` of the AWS, Google Cloud and Azure
 * providers (`demarc scan --request-timeout <ms>`, config key `requestTimeoutMs`).
 *
 * Why 20 s. The reads a scan makes are single pages of list calls and gets, which answer in tens to
 * hundreds of milliseconds; the vendors' own front ends give up on a request after 60 s (Azure Resource
 * Manager proxies each request to the resource provider with a 60 s timeout and answers 504 after it;
 * Google's client configuration gives each Resource Manager call 60 s), so an answer slower than a few
 * seconds is already exceptional. The bound that matters is the runner's 300 s check timeout: a request
 * that never answers costs every attempt's timeout plus the back-off between attempts before the call
 * fails, and that must end before the check does, so the finding names the hung operation rather than
 * the check. With 20 s:
 *
 * - AWS, 10 attempts: 10 × 20 s + at most 25.6 s of back-off (50 ms doubling) = 225.6 s;
 * - Google Cloud, 6 attempts: 6 × 20 s + at most 15.5 s (500 ms doubling) = 135.5 s;
 * - Azure, 6 attempts: 6 × 20 s + at most 24.8 s (800 ms doubling) = 144.8 s.
 *
 * 30 s would already take AWS to 325.6 s, past the check timeout. A request that hangs once (a dropped
 * connection, a lost packet) ends after one timeout and a back-off of at most a few hundred
 * milliseconds, and its retry usually succeeds: well within twice the timeout.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/**
 * Validates a `requestTimeoutMs` option: `undefined` (use the default) or a positive whole number of
 * milliseconds.
 * @param value - The option as given.
 * @param where - Who received it, for the message (e.g. `'awsProvider'`).
 * @returns The timeout in milliseconds.
 * @throws RangeError naming the option and the value.
 */
export function requestTimeoutOption(value: unknown, where: string): number {
  if (value === undefined) return DEFAULT_REQUEST_TIMEOUT_MS;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  const shown = JSON.stringify(value) ?? String(value);
  throw new RangeError(`${where}: requestTimeoutMs must be a positive whole number of milliseconds, got ${shown}`);
}
