/**
 * Missing Azure credentials: a scan's discovery fails with a `CredentialsError` naming the sources
 * tried, and `metadataCredentials: false` never asks managed identity (the instance metadata service).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredentialsError } from '@demarc/core';
import { clearLoopbackRefusals, loopbackRefusals } from '@demarc/local-cloud/loopback-guard';
import { azureProvider } from './provider';

const AZURE_VARIABLES = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH', 'AZURE_FEDERATED_TOKEN_FILE', 'AZURE_USERNAME', 'AZURE_TOKEN_CREDENTIALS', 'IDENTITY_ENDPOINT', 'MSI_ENDPOINT'];

describe('Azure credentials', () => {
  afterEach(() => void vi.unstubAllEnvs());

  it('without credentials, metadataCredentials: false fails discovery at once with a CredentialsError naming the sources, and never asks managed identity', async () => {
    vi.stubEnv('HOME', mkdtempSync(join(tmpdir(), 'demarc-azure-none-')));
    for (const name of AZURE_VARIABLES) vi.stubEnv(name, undefined);
    clearLoopbackRefusals();
    let error: unknown;
    try {
      for await (const scope of azureProvider({ metadataCredentials: false }).discoverScopes({ signal: new AbortController().signal })) void scope;
    } catch (thrown) {
      error = thrown;
    }
    expect(CredentialsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'CredentialsError', operation: 'identity:getToken', message: 'no usable Azure credential: no credential of the chain could get a token' });
    const hint = (error as CredentialsError).hint;
    expect(hint).toMatch(/^Tried DefaultAzureCredential's chain: the environment .*workload identity .*the Azure CLI \(az\)/);
    expect(hint).toContain('managed identity was not asked (metadataCredentials: false)');
    // The loopback guard refuses (and records) a connection to the instance metadata service.
    expect(loopbackRefusals()).toEqual([]);
  });
});
