/**
 * Credentials against the local cloud: the SDK's default chain reading a named profile from the shared
 * files (as on a workstation), explicit credentials, and assumed-role credentials cached per account;
 * the same chain without its metadata links (`metadataCredentials: false`), and no credentials at all.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CredentialsError } from '@demarc/core';
import { startLocalCloud, type LocalCloud } from '@demarc/local-cloud';
import { clearLoopbackRefusals, loopbackRefusals } from '@demarc/local-cloud/loopback-guard';
import { AwsClients } from '../clients';
import { WELL_RUN } from './estates';

let cloud: LocalCloud;
let dir: string;
const saved = { credentials: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE, profile: process.env.AWS_PROFILE };
beforeAll(async () => {
  cloud = await startLocalCloud({ estate: WELL_RUN });
  dir = mkdtempSync(join(tmpdir(), 'demarc-aws-profile-'));
  const member = cloud.aws.credentials('444444444444');
  writeFileSync(join(dir, 'credentials'), `[default]\naws_access_key_id = ${cloud.aws.credentials().accessKeyId}\naws_secret_access_key = ${cloud.aws.credentials().secretAccessKey}\n\n[dev-audit]\naws_access_key_id = ${member.accessKeyId}\naws_secret_access_key = ${member.secretAccessKey}\n`);
  writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\n\n[profile dev-audit]\nregion = eu-west-1\n');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  delete process.env.AWS_PROFILE;
});
afterAll(async () => {
  for (const [key, value] of [['AWS_SHARED_CREDENTIALS_FILE', saved.credentials], ['AWS_CONFIG_FILE', saved.config], ['AWS_PROFILE', saved.profile]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dir, { recursive: true, force: true });
  await cloud?.stop();
});

const reach = () => {
  const { endpoint, requestHandler } = cloud.aws.clientConfig();
  return { endpoint, requestHandler, region: 'us-east-1', maxAttempts: 1 };
};

describe('AWS credentials', () => {
  it('uses the default chain (shared credentials file) when no credentials are given', async () => {
    expect((await new AwsClients(reach()).caller()).account).toBe('111111111111');
  });

  it('uses a named profile of the shared files', async () => {
    expect((await new AwsClients({ ...reach(), profile: 'dev-audit' }).caller()).account).toBe('444444444444');
  });

  it('prefers explicit credentials over the chain', async () => {
    expect((await new AwsClients({ ...reach(), credentials: cloud.aws.credentials('222222222222') }).caller()).account).toBe('222222222222');
  });

  it('assumes the audit role once per account and reuses the credentials until they near expiry', async () => {
    cloud.counters.reset();
    const clients = new AwsClients({ ...reach(), credentials: cloud.aws.credentials() }, { roleName: 'DemarcAudit' });
    const first = await clients.credentialsFor('333333333333');
    const again = await clients.credentialsFor('333333333333');
    expect(again).toBe(first);
    expect(first.expiration?.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    const sts = await clients.client('sts', '333333333333');
    const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('333333333333');
    expect(cloud.counters.count('aws', 'sts:AssumeRole')).toBe(1);
    // The caller's own account is reached with the base credentials, without AssumeRole.
    await clients.client('iam', '111111111111');
    expect(cloud.counters.count('aws', 'sts:AssumeRole')).toBe(1);
  });

  it('turns a refused AssumeRole into an AccessDeniedError for that account', async () => {
    const clients = new AwsClients({ ...reach(), credentials: cloud.aws.credentials() }, { roleName: 'DemarcAudit' });
    await expect(clients.credentialsFor('666666666666')).rejects.toMatchObject({ name: 'AccessDeniedError', operation: 'sts:AssumeRole', status: 403, code: 'AccessDenied' });
  });
});

describe('AWS credentials without the metadata endpoints (metadataCredentials: false)', () => {
  afterEach(() => void vi.unstubAllEnvs());
  /** No credentials anywhere: empty shared files, no keys, and the SDK's own IMDS switch unset. */
  const stubNoCredentials = (): void => {
    const empty = mkdtempSync(join(tmpdir(), 'demarc-aws-none-'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(empty, 'credentials'));
    vi.stubEnv('AWS_CONFIG_FILE', join(empty, 'config'));
    for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_EC2_METADATA_DISABLED']) vi.stubEnv(key, undefined);
  };

  it.each([
    ['the shared credentials file', {}, '111111111111'],
    ['a named profile', { profile: 'dev-audit' }, '444444444444'],
  ])('reads the same local sources as the default chain: %s', async (_, options, account) => {
    expect((await new AwsClients({ ...reach(), ...options, metadataCredentials: false }).caller()).account).toBe(account);
  });

  it('reads keys from the environment', async () => {
    stubNoCredentials();
    const keys = cloud.aws.credentials('222222222222');
    vi.stubEnv('AWS_ACCESS_KEY_ID', keys.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', keys.secretAccessKey);
    expect((await new AwsClients({ ...reach(), metadataCredentials: false }).caller()).account).toBe('222222222222');
  });

  it('with no credentials anywhere, fails at once naming the sources tried, and never asks the metadata endpoints', async () => {
    stubNoCredentials();
    clearLoopbackRefusals();
    const error: unknown = await new AwsClients({ ...reach(), metadataCredentials: false }).caller().catch((e: unknown) => e);
    expect(CredentialsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'CredentialsError', operation: 'aws:credentials', message: 'no AWS credentials: no local source has any' });
    expect((error as CredentialsError).hint).toMatch(/^Tried: the environment .*~\/\.aws\/config.*web identity.*the instance metadata endpoints were not asked \(metadataCredentials: false\)\. Fix: /);
    // The loopback guard refuses (and records) any connection to 169.254.169.254 or 169.254.170.2.
    expect(loopbackRefusals()).toEqual([]);
  });

  it('the default chain without credentials is a CredentialsError too, whose hint names the metadata endpoints', async () => {
    stubNoCredentials();
    // The SDK's own switch keeps this test off the metadata address.
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    const error: unknown = await new AwsClients(reach()).caller().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CredentialsError', operation: 'sts:GetCallerIdentity', retryable: false });
    expect((error as CredentialsError).hint).toContain('then the ECS container and EC2 instance metadata endpoints (169.254.170.2, 169.254.169.254)');
  });
});
