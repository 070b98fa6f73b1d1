/**
 * The published builds work for their consumers: a CommonJS tool `require`s the `dist/*.cjs` files and
 * scans (p-limit is ESM-only, so a wrong interop here breaks only CommonJS users), and the ESM builds
 * import. Runs on the built packages; builds them once if a fresh clone has not yet (CI builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '@demarc/core';
import { awsProvider } from '@demarc/aws';
import { demoEstate, startLocalCloud } from '@demarc/local-cloud';
import { REPO_ROOT } from '../packages/cli/src/__helpers__/spawn';

const PACKAGES = ['core', 'local-cloud', 'aws', 'gcp', 'azure'] as const;
const built = (): boolean => PACKAGES.every((p) => existsSync(join(REPO_ROOT, 'packages', p, 'dist/index.cjs')) && existsSync(join(REPO_ROOT, 'packages', p, 'dist/index.js')));
const GUARD = pathToFileURL(join(REPO_ROOT, 'packages/local-cloud/dist/loopback-guard.js')).href;
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

const node = (args: readonly string[]) => spawnSync(process.execPath, ['--import', GUARD, ...args], { cwd: join(REPO_ROOT, 'examples'), env, encoding: 'utf8', timeout: 120_000 });

beforeAll(() => {
  if (built()) return;
  const build = spawnSync('npx', ['-y', 'pnpm@10.34.9', '--filter', './packages/*', '--filter', '!@demarc/cli', 'run', 'build'], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 300_000 });
  if (build.status !== 0) throw new Error(`building the packages failed:\n${build.stdout}\n${build.stderr}`);
}, 300_000);

describe('the built packages', () => {
  it('a CommonJS consumer scans with require() and finds what a scan from the sources finds', async () => {
    const run = node(['commonjs-consumer.cjs']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const cloud = await startLocalCloud({ estate: demoEstate() });
    try {
      const result = await scan({ providers: [awsProvider({ ...cloud.aws.clientConfig(), roleName: 'DemarcAudit', regions: ['us-east-1', 'eu-west-1'] })] });
      const byStatus: Record<string, number> = {};
      for (const f of result.findings) byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
      const counts = Object.entries(byStatus).sort().map(([status, n]) => `${status} ${n}`).join(', ');
      expect(run.stdout.split('\n').slice(0, 2)).toEqual([`scopes ${result.scopes.length}, findings ${result.findings.length}`, counts]);
      expect(byStatus.fail).toBeGreaterThan(0);
    } finally {
      await cloud.stop();
    }
  }, 120_000);

  it('every package loads from both builds with the same exports', () => {
    const script = `
      const { createRequire } = require('node:module');
      const r = createRequire(process.cwd() + '/');
      (async () => {
        const out = {};
        for (const name of ${JSON.stringify(PACKAGES.map((p) => `@demarc/${p}`))}) {
          const cjs = Object.keys(r(name)).sort();
          const esm = Object.keys(await import(name)).sort();
          out[name] = { cjs: cjs.length, same: JSON.stringify(cjs) === JSON.stringify(esm) };
        }
        console.log(JSON.stringify(out));
      })();`;
    const run = node(['-e', script]);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as Record<string, { cjs: number; same: boolean }>;
    for (const name of PACKAGES) {
      expect(out[`@demarc/${name}`], name).toMatchObject({ same: true });
      expect(out[`@demarc/${name}`]!.cjs, name).toBeGreaterThan(3);
    }
  });
});
