/**
 * Output paths (`--out`, `--snapshot`) are checked before a scan or merge starts: one that cannot be
 * written is exit 2 with the path and why, and nothing is scanned or created. A write that still fails
 * at the end keeps the content in a temporary file and says where. Real temporary directories; as root
 * (permission bits do not bind root) the read-only directory case runs the binary as an unprivileged user.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { scan } from '@demarc/core';
import { BIN, NODE_FLAGS, REPO_ROOT, childEnv, runBin } from './__helpers__/spawn';
import { CliError } from './errors';
import { saveSnapshot, whyUnwritable, writeOutputFile } from './output-files';
import { palette } from './output';
import { emitReport } from './report-output';

// Spawned processes share two cores with the rest of the suite: allow them time.
vi.setConfig({ testTimeout: 60_000 });

/** A fresh directory with a file `f` in it (a file where a directory is expected) and a directory `d`. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-out-'));
  writeFileSync(join(dir, 'f'), '');
  mkdirSync(join(dir, 'd'));
  return dir;
}

const sink = () => {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
};

const isRoot = process.getuid?.() === 0;

/** True when any user can read `file` (every directory above it searchable, the file readable). */
function readableByAnyone(file: string): boolean {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) if ((statSync(dir).mode & 0o001) === 0) return false;
  return (statSync(file).mode & 0o004) !== 0;
}
/** As root, the unprivileged user can only run the binary when the checkout is readable by anyone. */
const canTestPermissions = !isRoot || readableByAnyone(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs'));

/** Runs `demarc <args>` in `cwd`, as the user `uid` (with the same group id) when given. */
function runAsUser(args: readonly string[], cwd: string, uid: number | undefined): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, BIN, ...args], { cwd, env: childEnv(), stdio: ['ignore', 'ignore', 'pipe'], ...(uid === undefined ? {} : { uid, gid: uid }) });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stderr }));
  });
}

describe('before the scan: every output path is checked (exit 2, the path and why, nothing scanned)', () => {
  it.concurrent.each([
    { args: ['scan', '--demo', '--format', 'json', '--out', 'f/r.json'], error: 'error: --out f/r.json cannot be written: f is a file, not a directory.' },
    { args: ['scan', '--demo', '--snapshot', 'f/s.json'], error: 'error: --snapshot f/s.json cannot be written: f is a file, not a directory.' },
    { args: ['scan', '--demo', '--out', 'new/deeper/r.json', '--snapshot', 'f/x/s.json'], error: 'error: --snapshot f/x/s.json cannot be written: f is a file, not a directory.' },
    { args: ['scan', '--demo', '--out', 'd'], error: 'error: --out d cannot be written: d is a directory.' },
    { args: ['scan', '--demo', '--out', 'd/'], error: "error: --out 'd/' names a directory, not a file." },
    { args: ['scan', '--demo', '--out', 'same.json', '--snapshot', './same.json'], error: 'error: --out and --snapshot name the same file, same.json.' },
    { args: ['merge', 'shard-1.json', '--out', 'f/merged.sarif'], error: 'error: --out f/merged.sarif cannot be written: f is a file, not a directory.' },
  ])('demarc $args', async ({ args, error }) => {
    const dir = workspace();
    const run = await runBin(args, { cwd: dir });
    expect(run.code).toBe(2);
    const [first, hint] = run.stderr.trimEnd().split('\n');
    expect(first).toBe(error);
    expect(hint).toMatch(args[0] === 'merge' ? /; nothing was merged\.$/ : /; nothing was scanned\.$/);
    expect(run.stdout).toBe('');
    // Nothing was created before the check: not the directories --out would have needed either.
    expect(existsSync(join(dir, 'new'))).toBe(false);
    expect(existsSync(join(dir, 'same.json'))).toBe(false);
  });

  it.runIf(canTestPermissions)('a directory the process may not write in (as root, run as the unprivileged user 65534: root passes permission bits)', async () => {
    const dir = workspace();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'd'), 0o555);
    const run = await runAsUser(['scan', '--demo', '--out', 'd/sub/r.json'], dir, isRoot ? 65534 : undefined);
    expect(run.stderr.trimEnd().split('\n')).toEqual(['error: --out d/sub/r.json cannot be written: cannot create files in d: permission denied.', 'Give --out a path that can be written; nothing was scanned.']);
    expect(run.code).toBe(2);
  });

  it.each([
    ['r.json', undefined],
    ['new/deeper/r.json', undefined],
    ['f', undefined],
    ['f/r.json', 'f is a file, not a directory'],
    ['f/x/y/r.json', 'f is a file, not a directory'],
    ['d', 'd is a directory'],
  ])('%s: %s', async (path, why) => {
    expect(await whyUnwritable(path, workspace())).toBe(why);
  });
});

describe('after the scan: a write that still fails keeps the content in a temporary file', () => {
  it('the report: the summary is printed, the report kept, the error says where (exit 2)', async () => {
    const dir = workspace();
    const result = await scan({ providers: [], checks: [], now: new Date('2026-03-01T00:00:00Z') });
    const [stdout, stderr] = [sink(), sink()];
    const env = { io: { stdout: stdout.stream, stderr: stderr.stream, env: {} }, colours: palette(false), errColours: palette(false), cwd: dir };
    const options = { format: 'json', failOn: undefined, out: 'f/r.json', target: 'nothing', skipped: [], abortedMessage: ['a', 'b'] } as const;
    const error = (await emitReport(result, options, env).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(CliError);
    expect(stdout.text()).toContain('demarc scan of nothing');
    expect(error.message).toMatch(/^Cannot write the json report to f\/r\.json: f is a file, not a directory\. It is kept in (.+\/r\.json) instead\.$/);
    const kept = /kept in (.+) instead/.exec(error.message)![1]!;
    expect(kept.startsWith(tmpdir())).toBe(true);
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toMatchObject({ schemaVersion: '1.0.0' });
  });

  it('the snapshot: the error on stderr names the temporary file, which holds the snapshot', async () => {
    const dir = workspace();
    const result = await scan({ providers: [], checks: [], record: true });
    const stderr = sink();
    const saved = await saveSnapshot(result.snapshot!, 'f/s.json', { io: { stdout: sink().stream, stderr: stderr.stream, env: {} }, errColours: palette(false), cwd: dir });
    expect(saved).toBe(false);
    const kept = /It is kept in (\S+) instead\./.exec(stderr.text())?.[1];
    expect(stderr.text()).toMatch(/^error: Cannot write the snapshot to f\/s\.json: f is a file, not a directory\. It is kept in /);
    expect(JSON.parse(readFileSync(kept!, 'utf8'))).toMatchObject({ kind: 'demarc-snapshot' });
  });

  it('a write that succeeds is just written, with its directories', async () => {
    const dir = workspace();
    expect(await writeOutputFile('a/b/c.txt', 'content', 'report', dir)).toBeUndefined();
    expect(readFileSync(join(dir, 'a/b/c.txt'), 'utf8')).toBe('content');
  });
});
