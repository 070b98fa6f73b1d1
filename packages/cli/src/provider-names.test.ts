/**
 * An unknown provider or vendor name gets the nearest built-in vendor id, and an `npm install` only
 * when it looks like a package name: `demarc scan --provider awz` must not advise `npm install awz`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { pluginNameKind } from '@demarc/core';
import { runBin } from './__helpers__/spawn';
import { runCli } from './main';
import { editDistance, nearestVendor } from './provider-names';

// Spawned processes share two cores with the rest of the suite: allow them time.
vi.setConfig({ testTimeout: 60_000 });

/** Runs `demarc <argv>` in this process; returns the exit code and stderr. */
async function cli(argv: readonly string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const sink = (collect: boolean) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (collect) stderr += chunk.toString();
        done();
      },
    });
  const code = await runCli(argv, { stdout: sink(false), stderr: sink(true), env: {} });
  return { code, stderr };
}

describe('names', () => {
  it.each([
    ['awz', 'aws'],
    ['AWS', 'aws'],
    ['gpc', 'gcp'],
    ['azrue', 'azure'],
    ['azur', 'azure'],
    ['google', 'gcp'],
    ['amazon', 'aws'],
    ['oracle', undefined],
    ['a', undefined],
    ['ibm', undefined],
  ])('the vendor %s most likely means: %s', (name, expected) => {
    expect(nearestVendor(name)).toBe(expected);
  });

  it('edit distance counts a swap of neighbours as one edit', () => {
    const pairs = [['awz', 'aws'], ['gpc', 'gcp'], ['', 'aws'], ['azure', 'azure']] as const;
    expect(pairs.map(([a, b]) => editDistance(a, b))).toEqual([1, 1, 3, 0]);
  });

  it.each([
    ['@acme/demarc-provider', 'package'],
    ['demarc-provider-acme', 'package'],
    ['acme/provider', 'package'],
    ['awz', 'word'],
    ['./providers/acme.mjs', 'path'],
    ['/opt/acme.mjs', 'path'],
  ] as const)('%s reads as a %s', (name, kind) => {
    expect(pluginNameKind(name)).toBe(kind);
  });
});

/** The built-in providers, as the hints list them. */
const BUILT_IN = 'aws, gcp, azure (or @demarc/aws, @demarc/gcp, @demarc/azure)';

describe('demarc scan --provider <unknown>', () => {
  it.concurrent.each([
    {
      provider: 'awz',
      stderr: [
        "error: Unknown provider 'awz'.",
        `Did you mean 'aws'? Built-in providers: ${BUILT_IN}.`,
      ],
    },
    {
      provider: 'oracle',
      stderr: [
        "error: Unknown provider 'oracle': it is not built in, and no package of that name is installed.",
        `Use one of ${BUILT_IN}, or a provider package's npm name, e.g. @acme/demarc-provider.`,
      ],
    },
    {
      provider: '@demarc/azrue',
      stderr: [
        "error: Unknown provider '@demarc/azrue'.",
        `Did you mean '@demarc/azure'? Built-in providers: ${BUILT_IN}.`,
      ],
    },
    {
      provider: '@acme/demarc-provider',
      stderr: [
        "error: Provider package '@acme/demarc-provider' is not installed.",
        'Install it (npm install @acme/demarc-provider) or fix its name in --provider or the config file.',
      ],
    },
  ])('--provider $provider', async ({ provider, stderr }) => {
    const empty = mkdtempSync(join(tmpdir(), 'demarc-provider-'));
    const run = await runBin(['scan', '--provider', provider], { cwd: empty });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual(stderr);
    expect(run.stderr).not.toMatch(/npm install (awz|oracle|@demarc)/);
  });

  it('a provider file that imports a missing module is not called missing itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarc-provider-'));
    writeFileSync(join(dir, 'acme.mjs'), "import 'demarc-test-no-such-dependency';\nexport default {};\n");
    const { code, stderr } = await cli(['scan', '--provider', join(dir, 'acme.mjs')]);
    expect(code).toBe(2);
    expect(stderr).toContain("Cannot find package 'demarc-test-no-such-dependency'");
    expect(stderr).toContain('A module it imports is missing: install its dependencies.');
    expect(stderr).not.toContain('does not exist');
  });
});

const MATRIX_VENDORS = 'Use one of: aws, gcp, azure (or no vendor for the normalized model).';

describe('a vendor argument', () => {
  it.each([
    [['matrix', 'awz'], "Unknown vendor 'awz'.", `Did you mean 'aws'? ${MATRIX_VENDORS}`],
    [
      ['permissions', 'azrue'],
      "Unknown vendor 'azrue'.",
      "Did you mean 'azure'? Use one of: aws, gcp, azure (or none for all three).",
    ],
    [['explain', 'gpc:gke'], "Unknown vendor 'gpc' in 'gpc:gke'.", "Did you mean 'gcp:gke'? Vendors: aws, gcp, azure."],
    [['matrix', 'oracle'], "Unknown vendor 'oracle'.", MATRIX_VENDORS],
  ])('demarc %j', async (argv, error, hint) => {
    expect(await cli(argv)).toEqual({ code: 2, stderr: `error: ${error}\n${hint}\n` });
  });
});
