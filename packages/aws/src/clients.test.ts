import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '@demarc/core';
import { AWS_DEFAULT_MAX_ATTEMPTS, AwsClients } from './clients';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs a script in a fresh Node process on the TypeScript sources and returns its stdout. */
const runFresh = (script: string): string =>
  execFileSync(process.execPath, ['--conditions=@demarc/source', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: packageDir,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('lazy loading of the AWS SDK', () => {
  it('importing @demarc/aws and building a provider loads no AWS SDK module', () => {
    const out = runFresh(`
      import { createRequire } from 'node:module';
      const aws = await import('@demarc/aws');
      const provider = aws.awsProvider({ region: 'eu-west-1', roleName: 'Audit' });
      aws.classify('arn:aws:s3:::bucket'); aws.toNormalized(aws.AWS_FRAMING);
      const loaded = Object.keys(createRequire(import.meta.url).cache ?? {}).filter((p) => /@aws-sdk|@smithy/.test(p));
      console.log(JSON.stringify({ loaded, checks: provider.checks.length }));
    `);
    const result = JSON.parse(out.trim().split('\\n').pop()!) as { loaded: string[]; checks: number };
    expect(result.checks).toBeGreaterThanOrEqual(10);
    expect(result.loaded).toEqual([]);
  });

  it('loads the SDK package only when a client is asked for', () => {
    const out = runFresh(`
      import { createRequire } from 'node:module';
      const { AwsClients } = await import('@demarc/aws');
      const count = () => Object.keys(createRequire(import.meta.url).cache ?? {}).filter((p) => p.includes('client-iam')).length;
      const before = count();
      const clients = new AwsClients({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' } });
      await clients.client('iam');
      console.log(JSON.stringify({ before, after: count() }));
    `);
    const result = JSON.parse(out.trim().split('\\n').pop()!) as { before: number; after: number };
    expect(result.before).toBe(0);
    expect(result.after).toBeGreaterThan(0);
  });
});

describe('AwsClients', () => {
  const credentials = { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'fake' };
  /** The Node handler's options every client gets by default: the request timeout, thrown as an error. */
  const TIMEOUTS = {
    requestTimeout: DEFAULT_REQUEST_TIMEOUT_MS, socketTimeout: DEFAULT_REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true,
  };

  it('uses the default chain unless credentials are given, and passes endpoint, region, profile and retries', () => {
    const retryStrategy = new ConfiguredRetryStrategy(4, () => 5);
    const clients = new AwsClients({ region: 'eu-west-1', profile: 'audit', endpoint: 'http://127.0.0.1:4566', endpoints: { iam: 'http://127.0.0.1:4567' }, retryStrategy });
    const endpoint = 'http://127.0.0.1:4566';
    const expected = { region: 'eu-west-1', profile: 'audit', endpoint, retryStrategy, requestHandler: TIMEOUTS };
    expect(clients.clientConfig('ec2')).toEqual(expected);
    expect(clients.clientConfig('iam', 'us-east-1')).toMatchObject({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4567' });
    expect(new AwsClients({ maxAttempts: 7, retryMode: 'adaptive' }).clientConfig('sts')).toMatchObject({ maxAttempts: 7, retryMode: 'adaptive' });
    expect(new AwsClients({ maxAttempts: 2, retryMode: 'standard' }).clientConfig('organizations')).toMatchObject({ maxAttempts: 2, retryMode: 'standard' });
    // A factory gives every client its own strategy (and retry quota).
    const perClient = new AwsClients({ retryStrategy: () => new ConfiguredRetryStrategy(4, () => 5) });
    expect(perClient.clientConfig('iam').retryStrategy).toBeInstanceOf(ConfiguredRetryStrategy);
    expect(perClient.clientConfig('iam').retryStrategy).not.toBe(perClient.clientConfig('ec2').retryStrategy);
    expect(JSON.stringify(clients.clientConfig('sts'))).not.toContain('credentials');
  });

  it('makes 10 attempts by default, Organizations in adaptive mode (paced after its first throttling answer)', () => {
    const clients = new AwsClients({ region: 'eu-west-1' });
    const defaults = { region: 'eu-west-1', maxAttempts: AWS_DEFAULT_MAX_ATTEMPTS, requestHandler: TIMEOUTS };
    expect(clients.clientConfig('ec2')).toEqual(defaults);
    expect(clients.clientConfig('organizations')).toEqual({ ...defaults, retryMode: 'adaptive' });
    expect(AWS_DEFAULT_MAX_ATTEMPTS).toBe(10);
    // A strategy of the caller's replaces every default.
    expect(new AwsClients({ retryStrategy: new ConfiguredRetryStrategy(2) }).clientConfig('organizations')).not.toHaveProperty('maxAttempts');
  });

  it('builds one client per (service, region, account) and reuses it', async () => {
    const clients = new AwsClients({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9', credentials });
    const a = await clients.client('ec2', undefined, 'eu-west-1');
    expect(await clients.client('ec2', undefined, 'eu-west-1')).toBe(a);
    expect(await clients.client('ec2', undefined, 'us-east-1')).not.toBe(a);
    expect(await clients.client('iam')).not.toBe(a);
    const config = await a.config.region();
    expect(config).toBe('eu-west-1');
    const identity = await (a.config.credentials as () => Promise<{ accessKeyId: string }>)();
    expect(identity.accessKeyId).toBe(credentials.accessKeyId);
    await clients.destroy();
  });

  it('refuses to assume a role it was not given', async () => {
    await expect(new AwsClients({ credentials }).credentialsFor('222222222222')).rejects.toThrow(/no role/);
  });
});
