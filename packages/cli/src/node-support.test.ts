/**
 * On a Node 20 demarc supports (20.19+), a real AWS scan (not `--demo`) prints no AWS SDK warning
 * about its future Node 22 requirement: the `demarc` executable turns it off where demarc's own
 * support statement covers the Node it runs on, and a value the user set wins.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoEstate, startLocalCloud, type LocalCloud } from '@demarc/local-cloud';
import { REPO_ROOT, runBin } from './__helpers__/spawn';
import {
  AWS_SDK_NODE_WARNING_VARIABLE as VARIABLE,
  SUPPORTED_NODE_RANGE,
  isSupportedNode20,
  silenceAwsSdkNodeWarning,
} from './node-support';

// Spawned scans share two cores with the rest of the suite: allow them time.
vi.setConfig({ testTimeout: 120_000 });

/** The AWS SDK's warning (`process.emitWarning`), as Node prints it on stderr. */
const AWS_NODE_WARNING = /NodeVersionSupportWarning|will require node >=22/;

let cloud: LocalCloud;
let dir: string;

beforeAll(async () => {
  cloud = await startLocalCloud({ estate: demoEstate() });
  dir = mkdtempSync(join(tmpdir(), 'demarc-node-support-'));
  // A scan of "your cloud" as a user configures it, pointed at the local cloud: the management
  // account's keys and the demo estate's audit role (`localhost`: the accounts' `*.localhost` names).
  const options = {
    endpoint: cloud.aws.endpoint.replace('127.0.0.1', 'localhost'),
    region: 'us-east-1',
    credentials: cloud.aws.credentials(),
    roleName: 'DemarcAudit',
    maxAttempts: 1,
  };
  writeFileSync(join(dir, 'demarc.config.json'), JSON.stringify({ providers: [{ package: '@demarc/aws', options }] }));
}, 60_000);

afterAll(() => cloud.stop());

describe('the AWS SDK warning about Node 22', () => {
  it.concurrent('is not printed by a real AWS scan when the variable is not set', async () => {
    const run = await runBin(['scan', '--json'], { cwd: dir, env: { [VARIABLE]: undefined, CI: 'true' } });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { scopes: { provider: string }[] };
    expect(report.scopes.length).toBeGreaterThan(1);
    expect(report.scopes.every((scope) => scope.provider === 'aws')).toBe(true);
    expect(run.stderr).not.toMatch(AWS_NODE_WARNING);
  });

  // Only a Node below 22 gets the warning at all.
  it.runIf(isSupportedNode20(process.version)).concurrent('is printed when the user sets it to false', async () => {
    const run = await runBin(['scan', '--json'], { cwd: dir, env: { [VARIABLE]: 'false', CI: 'true' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(AWS_NODE_WARNING);
  });
});

describe('the support statement', () => {
  it('is the engines range of every package', () => {
    for (const manifest of ['package.json', ...['cli', 'aws', 'core'].map((name) => `packages/${name}/package.json`)]) {
      const { engines } = JSON.parse(readFileSync(join(REPO_ROOT, manifest), 'utf8')) as { engines: { node: string } };
      expect(engines.node, manifest).toBe(SUPPORTED_NODE_RANGE);
    }
  });

  it.each([
    ['v20.19.0', true],
    ['v20.20.2', true],
    ['v20.18.3', false],
    ['v22.12.0', false],
    ['v24.1.0', false],
    ['v18.20.0', false],
  ])('Node %s: warning turned off? %s', (version, silenced) => {
    const env: Record<string, string | undefined> = {};
    expect(silenceAwsSdkNodeWarning(env, version)).toBe(silenced);
    expect(env[VARIABLE]).toBe(silenced ? 'true' : undefined);
  });

  it('keeps a value the user set', () => {
    const env: Record<string, string | undefined> = { [VARIABLE]: 'false' };
    expect(silenceAwsSdkNodeWarning(env, 'v20.19.0')).toBe(false);
    expect(env[VARIABLE]).toBe('false');
  });
});
