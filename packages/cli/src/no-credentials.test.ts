/**
 * Every vendor scanned with no credentials at all, as in a fresh CI job: an empty HOME, no credential
 * variables, in a network namespace with no interfaces (`unshare -n`), so no request can leave the
 * machine whatever an SDK tries. Each run prints its report, then ends with one line naming the
 * provider, the cause and the credential sources tried, and exits 2: no stack trace, no uncaught
 * error. With `--no-metadata-credentials` (under the loopback guard) no SDK even tries the instance
 * metadata address.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BIN, NODE_FLAGS, REPO_ROOT, type Ran } from './__helpers__/spawn';

vi.setConfig({ testTimeout: 90_000 });

/** `unshare -n` needs root or user namespaces; without them this file cannot make its network-less sandbox. */
const netnsAvailable = spawnSync('unshare', ['-n', 'true']).status === 0;

/** Variables that would hand an SDK credentials or steer its metadata probe; none may reach the child. */
const CREDENTIAL_VARIABLES = /^(AWS_|AZURE_|GOOGLE_|GCLOUD_|CLOUDSDK_|GCE_METADATA|METADATA_SERVER_DETECTION$|IDENTITY_ENDPOINT$|IDENTITY_HEADER$|MSI_|IMDS_)/;

/** Runs `demarc <args>` in a new network namespace with an empty HOME and no credential variables. */
function runWithoutNetwork(args: readonly string[], guarded: boolean): Promise<Ran> {
  const env: NodeJS.ProcessEnv = { HOME: mkdtempSync(join(tmpdir(), 'demarc-no-credentials-')) };
  for (const [key, value] of Object.entries(process.env)) if (!CREDENTIAL_VARIABLES.test(key) && key !== 'HOME' && !/COLOR$/.test(key)) env[key] = value;
  // The loopback guard writes each refusal with its stack: a run without it shows what users see.
  const flags = guarded ? NODE_FLAGS : NODE_FLAGS.slice(0, 3);
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-n', process.execPath, ...flags, BIN, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lastLine = (text: string): string => text.trimEnd().split('\n').pop() ?? '';

describe.skipIf(!netnsAvailable)('no credentials, no network (skipped where `unshare -n true` fails: no network namespace can be made)', () => {
  it.concurrent.each([
    ['aws', 'the SDK default chain', false],
    ['gcp', 'the SDK default chain', false],
    ['azure', 'the SDK default chain', false],
    ['aws', '--no-metadata-credentials', true],
    ['gcp', '--no-metadata-credentials', true],
    ['azure', '--no-metadata-credentials', true],
  ] as const)('%s with %s: the report, then one clear line, exit 2', async (vendor, _, switchedOff) => {
    const run = await runWithoutNetwork(['scan', '--provider', vendor, '--fail-on', 'high', ...(switchedOff ? ['--no-metadata-credentials'] : [])], switchedOff);
    expect(run.stdout).toContain('Findings by provider');
    expect(lastLine(run.stdout)).toBe(`Nothing was scanned for ${vendor}: discovery failed (see the error below): exit code 2.`);
    const last = lastLine(run.stderr);
    expect(last).toMatch(new RegExp(`^error: ${vendor}: nothing was scanned: no (usable )?[A-Za-z ]+credentials?\\b.*\\. Tried.*\\. Fix: .+$`));
    expect(last).toContain(switchedOff ? '(metadataCredentials: false)' : '169.254.169.254');
    // Nothing escaped: no stack frame, no uncaught error, no last-resort line.
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/^\w*Error\b|Uncaught|unexpected failure/m);
    // Switched off, no SDK asked the metadata address: the loopback guard refused nothing.
    if (switchedOff) expect(run.stderr).not.toContain('LOOPBACK GUARD');
    expect(run.code).toBe(2);
  });
});
