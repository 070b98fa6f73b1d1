/**
 * The `--fail-on` gate and the exit code, spawned as a user runs them, against a small provider
 * package loaded from a config (no cloud): unverified (`error`) findings at or above the gate fail it
 * unless `--allow-unverified` / `allowUnverified`, a scan that verified nothing never passes it, a
 * provider whose discovery failed exits 2 with one line saying why and what to do, `demarc merge`
 * gates the same way, and the closing line always states the exit code the process returns (Ctrl-C
 * included).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BIN, NODE_FLAGS, childEnv, runBin, type Ran } from './__helpers__/spawn';

// Spawned processes share two cores with the rest of the suite: allow them time.
vi.setConfig({ testTimeout: 60_000 });

/**
 * A provider without any import (it loads from a directory with no node_modules): one account, a
 * `low` check that passes, and a `high` check whose collector fails (an unverified duty); `mode`
 * breaks it further.
 */
const PROVIDER = `export function createProvider({ mode, marker }) {
  const meta = (id, severity) => ({ id, title: id, description: 'd', domain: 'data-protection', severity, rationale: 'r', remediation: 'm', references: [], kind: 'automated', provider: 'acme' });
  const check = (id, severity, run) => ({ specificationVersion: 'v1', meta: meta(id, severity), run });
  return {
    specificationVersion: 'v1', id: 'acme', name: 'Acme Cloud', catalog: [], classify: () => undefined,
    async *discoverScopes() {
      if (mode === 'no-credentials') throw new Error('no Acme credentials found in ACME_TOKEN');
      yield { id: 'a1', kind: 'account' };
    },
    collectors: {
      'store:List': async () => {
        if (mode === 'hang') { (await import('node:fs')).writeFileSync(marker, 'started'); await new Promise(() => {}); }
        throw new Error('store:List failed: throttled');
      },
    },
    checks: [
      check('acme-bucket-private', 'high', async function* (context) { await context.collect('store:List'); }),
      check('acme-owner-tag', 'low', async function* () { if (mode === 'all-errors') throw new Error('tags unreadable'); yield { status: 'pass', message: 'tagged' }; }),
    ],
  };
}
`;

/** A directory with the provider and a config naming it with `options`, plus `extra` config keys. */
function project(options: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-gate-'));
  writeFileSync(join(dir, 'acme-provider.mjs'), PROVIDER);
  writeFileSync(join(dir, 'demarc.config.json'), JSON.stringify({ providers: [{ package: './acme-provider.mjs', options }], ...extra }));
  return dir;
}

const lastLine = (text: string): string => text.trimEnd().split('\n').pop() ?? '';
const scanIn = (dir: string, ...args: string[]): Promise<Ran> => runBin(['scan', ...args], { cwd: dir });

describe('the --fail-on gate counts unverified duties', () => {
  const dir = project({ mode: 'errors' });

  it.concurrent.each([
    [['--fail-on', 'high'], 1, '1 unverified (error) finding(s) at or above high: those duties were not checked (--allow-unverified lets them pass): exit code 1.'],
    [['--fail-on', 'high', '--allow-unverified'], 0, 'No failing finding at or above high (1 unverified (error) finding(s) let through by --allow-unverified): exit code 0.'],
    [['--fail-on', 'critical'], 0, 'No failing finding at or above critical: exit code 0.'],
    [[], 0, 'Exit code 0: no --fail-on given. With --fail-on high this scan would exit 1 (1 unverified (error) finding(s) at high or above).'],
  ])('scan %j exits %i and says so', async (args, code, line) => {
    const run = await scanIn(dir, ...args);
    expect(run.stderr).toBe('');
    expect(lastLine(run.stdout)).toBe(line);
    expect(run.code).toBe(code);
  });

  it.concurrent('allowUnverified: true in the config opts out like the flag', async () => {
    const run = await scanIn(project({ mode: 'errors' }, { allowUnverified: true }), '--fail-on', 'high', '--json');
    expect(run.code).toBe(0);
    // A machine format on stdout: the note about the unverified duties goes to stderr.
    expect(run.stderr).toContain('note: 1 finding(s) are errors');
  });

  it.concurrent('a scan that verified nothing never passes a gate', async () => {
    const run = await scanIn(project({ mode: 'all-errors' }), '--fail-on', 'critical');
    expect(lastLine(run.stdout)).toBe('Nothing was verified (no finding passed or failed), so the --fail-on critical gate cannot pass: exit code 1.');
    expect(run.code).toBe(1);
  });

  it.concurrent('demarc merge gates the shards the same way', async () => {
    const shards = await Promise.all([1, 2].map((i) => scanIn(dir, '--shard', `${i}/2`, '--format', 'json', '--out', `shard-${i}.json`).then((run) => (expect(run.code).toBe(0), join(dir, `shard-${i}.json`)))));
    const [gated, allowed] = await Promise.all([
      runBin(['merge', ...shards, '--fail-on', 'high'], { cwd: dir }),
      runBin(['merge', ...shards, '--fail-on', 'high', '--allow-unverified'], { cwd: dir }),
    ]);
    expect(gated.code).toBe(1);
    expect(lastLine(gated.stdout)).toMatch(/^1 unverified \(error\) finding\(s\) at or above high: .*exit code 1\.$/);
    expect(allowed.code).toBe(0);
  });
});

describe('a provider that could not be scanned at all', () => {
  it.concurrent('exits 2 with the cause and what to do, after the report, whatever the gate', async () => {
    const run = await scanIn(project({ mode: 'no-credentials' }), '--allow-unverified', '--fail-on', 'low');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Findings by provider');
    expect(lastLine(run.stdout)).toBe('Nothing was scanned for acme: discovery failed (see the error below): exit code 2.');
    expect(run.stderr).toBe("error: acme: nothing was scanned: no Acme credentials found in ACME_TOKEN. Check the provider's credentials and its options in the config file.\n");
  });

  it.concurrent('exits 2 without --fail-on too, and the JSON report names it', async () => {
    const run = await scanIn(project({ mode: 'no-credentials' }), '--json');
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { discoveryErrors?: Record<string, { message: string }> };
    expect(report.discoveryErrors).toEqual({ acme: { name: 'DemarcError', message: "Provider 'acme' could not discover scopes: no Acme credentials found in ACME_TOKEN" } });
  });
});

describe('Ctrl-C', () => {
  it('the closing line states the exit code the process returns: 2', async () => {
    const marker = join(tmpdir(), `demarc-gate-${process.pid}-started`);
    const dir = project({ mode: 'hang', marker });
    const child = spawn(process.execPath, [...NODE_FLAGS, BIN, 'scan'], { cwd: dir, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.resume();
    // Interrupt once a check is in flight (the provider's collector writes the marker, then waits forever).
    await vi.waitFor(() => expect(existsSync(marker)).toBe(true), { timeout: 30_000, interval: 50 });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(lastLine(stdout)).toBe('The scan was interrupted and the results are partial: exit code 2.');
    expect(code).toBe(2);
  });
});
