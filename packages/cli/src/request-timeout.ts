/**
 * `demarc scan --request-timeout <ms>` and the config's `requestTimeoutMs`: the time limit of one cloud
 * API request, handed to each built-in provider as its `requestTimeoutMs`.
 * @module
 */
import { DEFAULT_REQUEST_TIMEOUT_MS } from '@demarc/core';
import { CliError } from './errors';

const isPositiveWholeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

/** Validates `--request-timeout` (a usage error names the fix); `undefined` when the flag is absent. */
export function parseRequestTimeoutFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
  if (!isPositiveWholeNumber(ms)) {
    throw new CliError(
      `--request-timeout must be a positive whole number of milliseconds, got '${text}'.`,
      `For example --request-timeout 30000 (default ${DEFAULT_REQUEST_TIMEOUT_MS}).`,
    );
  }
  return ms;
}

/**
 * The request timeout of one built-in provider: `--request-timeout`, else the provider's own
 * `options.requestTimeoutMs` in the config, else the config's top-level `requestTimeoutMs`; `undefined`
 * leaves the provider's default ({@link DEFAULT_REQUEST_TIMEOUT_MS}).
 * @param spec - The provider as the config or a flag names it, with its options.
 * @param flag - `--request-timeout`, parsed.
 * @param configured - The config's `requestTimeoutMs`.
 * @param file - The config file, for the error.
 */
export function requestTimeoutOf(
  spec: { readonly name: string; readonly options?: Readonly<Record<string, unknown>> },
  flag: number | undefined,
  configured: number | undefined,
  file: string | undefined,
): number | undefined {
  const own = spec.options?.requestTimeoutMs;
  if (own !== undefined && !isPositiveWholeNumber(own)) {
    throw new CliError(
      `${file ?? 'The config'}: providers (${spec.name}): options.requestTimeoutMs must be a positive whole number ` +
        `of milliseconds, got ${JSON.stringify(own)}.`,
      `Fix it, for example "requestTimeoutMs": 30000 (default ${DEFAULT_REQUEST_TIMEOUT_MS}), or drop it.`,
    );
  }
  return flag ?? own ?? configured;
}
