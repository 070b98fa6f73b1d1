/**
 * `demarc scan --request-timeout <ms>` and the config's `requestTimeoutMs` (issue 14, point 16): validated,
 * resolved per provider (flag, then the provider's own option, then the config's key) and handed to the
 * built-in providers' clients.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@demarc/core';
import type { AwsClients } from '@demarc/aws';
import { CliError } from './errors';
import { parseRequestTimeoutFlag, requestTimeoutOf } from './request-timeout';
import { createVendorProvider } from './vendors';
import { runBin } from './__helpers__/spawn';

const FILE = '/repo/demarc.config.json';

describe('--request-timeout', () => {
  it.each(['0', '-5', '1.5', 'fast', ''])('refuses %j with a usage error that names the fix', (text) => {
    expect(() => parseRequestTimeoutFlag(text)).toThrow(CliError);
    expect(() => parseRequestTimeoutFlag(text))
      .toThrow(`--request-timeout must be a positive whole number of milliseconds, got '${text}'.`);
  });

  it('takes a whole number of milliseconds', () => {
    expect(parseRequestTimeoutFlag('30000')).toBe(30_000);
    expect(parseRequestTimeoutFlag(undefined)).toBeUndefined();
  });

  it.each([
    ['the flag wins over everything', 1_000, { requestTimeoutMs: 2_000 }, 3_000, 1_000],
    ['then the provider\'s own option', undefined, { requestTimeoutMs: 2_000 }, 3_000, 2_000],
    ['then the config\'s key', undefined, {}, 3_000, 3_000],
    ['else the provider\'s default', undefined, undefined, undefined, undefined],
  ] as const)('%s', (_, flag, options, configured, expected) => {
    expect(requestTimeoutOf({ name: 'aws', ...(options ? { options } : {}) }, flag, configured, FILE)).toBe(expected);
  });

  it('names the config file and the provider when its own option is not a whole number of milliseconds', () => {
    const spec = { name: '@demarc/gcp', options: { requestTimeoutMs: '20s' } };
    expect(() => requestTimeoutOf(spec, undefined, undefined, FILE)).toThrow(
      `${FILE}: providers (@demarc/gcp): options.requestTimeoutMs must be a positive whole number of milliseconds, ` +
        'got "20s".',
    );
  });

  it('is a config key of its own, validated like the other limits', () => {
    expect(parseConfig({ requestTimeoutMs: 30_000 }).requestTimeoutMs).toBe(30_000);
    expect(() => parseConfig({ requestTimeoutMs: 0 }, FILE)).toThrow(`${FILE}: requestTimeoutMs: `);
  });

  it('reaches the built-in provider\'s clients, over the provider options', async () => {
    const options = { region: 'eu-west-1', requestTimeoutMs: 5_000 };
    const provider = await createVendorProvider('aws', { kind: 'cloud', options, requestTimeoutMs: 1_234 });
    const { clients } = provider as unknown as { clients: AwsClients };
    expect(clients.clientConfig('iam').requestHandler)
      .toMatchObject({ requestTimeout: 1_234, throwOnRequestTimeout: true });
  });

  it('is refused by the binary before anything starts', async () => {
    const run = await runBin(['scan', '--demo', '--request-timeout', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: --request-timeout must be a positive whole number of milliseconds, got '0'.");
    expect(run.stderr).toContain('For example --request-timeout 30000 (default 20000).');
  }, 60_000);
});
