/**
 * Missing Google credentials: a scan's discovery fails with a `CredentialsError` naming the sources
 * tried (no promise escapes unhandled), and `metadataCredentials: false` never asks the metadata
 * server; an ADC file is still read.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredentialsError, scan } from '@demarc/core';
import { clearLoopbackRefusals, loopbackRefusals } from '@demarc/local-cloud/loopback-guard';
import { gcpProvider } from './provider';
import { createGcpClients } from './clients';

/** No credentials anywhere: an empty HOME and no GOOGLE_APPLICATION_CREDENTIALS. */
const stubNoCredentials = (): string => {
  const home = mkdtempSync(join(tmpdir(), 'demarc-gcp-none-'));
  vi.stubEnv('HOME', home);
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', undefined);
  return home;
};

const discover = async (options: Parameters<typeof gcpProvider>[0]): Promise<unknown> => {
  try {
    for await (const scope of gcpProvider(options).discoverScopes({ signal: new AbortController().signal })) return scope;
    return undefined;
  } catch (error) {
    return error;
  }
};

describe('Google credentials', () => {
  afterEach(() => void vi.unstubAllEnvs());

  it.each([
    ['grpc', undefined],
    ['rest', undefined],
    ['grpc', false],
  ] as const)('without credentials (%s transport, metadataCredentials %s), discovery fails with a CredentialsError, nothing unhandled', async (transport, metadataCredentials) => {
    stubNoCredentials();
    // The metadata server is off for this test in any case (vitest sets METADATA_SERVER_DETECTION=none).
    const error = await discover({ transport, ...(metadataCredentials === undefined ? {} : { metadataCredentials }) });
    expect(CredentialsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'CredentialsError', operation: 'google-auth:getClient', retryable: false });
    const hint = (error as CredentialsError).hint;
    expect(hint).toMatch(/^Tried: GOOGLE_APPLICATION_CREDENTIALS, gcloud's application default credentials file/);
    expect(hint).toContain(metadataCredentials === false ? 'the metadata server was not asked (metadataCredentials: false)' : 'then the metadata server');
  });

  it('metadataCredentials: false never asks the metadata server, even with its detection switched on', async () => {
    stubNoCredentials();
    vi.stubEnv('METADATA_SERVER_DETECTION', undefined);
    clearLoopbackRefusals();
    const error = await discover({ metadataCredentials: false });
    expect(error).toMatchObject({ name: 'CredentialsError', message: 'no usable Google Cloud credentials: no application default credentials file' });
    // The loopback guard refuses (and records) a DNS look-up of metadata.google.internal or a connection to 169.254.169.254.
    expect(loopbackRefusals()).toEqual([]);
  });

  it.each([
    ['GOOGLE_APPLICATION_CREDENTIALS', (home: string) => vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', join(home, 'key.json'))],
    ["gcloud's ADC file", (home: string) => void home],
  ])('metadataCredentials: false reads %s', async (_, point) => {
    const home = stubNoCredentials();
    const adc = JSON.stringify({ type: 'authorized_user', client_id: 'demarc-test', client_secret: 'not-a-secret', refresh_token: 'not-a-token' });
    writeFileSync(join(home, 'key.json'), adc);
    mkdirSync(join(home, '.config', 'gcloud'), { recursive: true });
    writeFileSync(join(home, '.config', 'gcloud', 'application_default_credentials.json'), adc);
    point(home);
    const clients = await createGcpClients({ transport: 'rest', metadataCredentials: false });
    await clients.close();
  });
});
