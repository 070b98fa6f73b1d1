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
import { BIN, NODE_FLAGS, REPO_ROOT, childEnv, runBin, type Ran } from './__helpers__/spawn';
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
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
  }
  return (statSync(file).mode & 0o004) !== 0;
}
/** As root, the unprivileged user can only run the binary when the checkout is readable by anyone. */
const canTestPermissions = !isRoot || readableByAnyone(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs'));

/** Runs `demarc <args>` in `cwd`, as the user `uid` (with the same group id) when given. */
function runAsUser(args: readonly string[], cwd: string, uid?: number): Promise<Ran> {
  return new Promise((resolvePromise, reject) => {
    const user = uid === undefined ? {} : { uid, gid: uid };
    const child = spawn(process.execPath, [...NODE_FLAGS, BIN, ...args], {
      cwd,
      env: childEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
      ...user,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout: '', stderr }));
  });
}

const IN_THE_WAY = 'f is a file, not a directory';
const FILE_IN_THE_WAY = `cannot be written: ${IN_THE_WAY}.`;

describe('before the scan: every output path is checked (exit 2, the path and why, nothing scanned)', () => {
  it.concurrent.each([
    { args: ['scan', '--demo', '--format', 'json', '--out', 'f/r.json'], error: `--out f/r.json ${FILE_IN_THE_WAY}` },
    { args: ['scan', '--demo', '--snapshot', 'f/s.json'], error: `--snapshot f/s.json ${FILE_IN_THE_WAY}` },
    { args: ['scan', '--demo', '--out', 'new/r', '--snapshot', 'f/x/s'], error: `--snapshot f/x/s ${FILE_IN_THE_WAY}` },
    { args: ['scan', '--demo', '--out', 'd'], error: '--out d cannot be written: d is a directory.' },
    { args: ['scan', '--demo', '--out', 'd/'], error: "--out 'd/' names a directory, not a file." },
    {
      args: ['scan', '--demo', '--out', 'same', '--snapshot', './same'], 
      error: '--out and --snapshot name the same file, same.',
    },
    { args: ['merge', 'shard-1.json', '--out', 'f/merged.sarif'], error: `--out f/merged.sarif ${FILE_IN_THE_WAY}` },
  ])('demarc $args', async ({ args, error }) => {
    const dir = workspace();
    const run = await runBin(args, { cwd: dir });
    expect(run.code).toBe(2);
    const [first, hint] = run.stderr.trimEnd().split('\n');
    expect(first).toBe(`error: ${error}`);
    expect(hint).toMatch(args[0] === 'merge' ? /; nothing was merged\.$/ : /; nothing was scanned\.$/);
    expect(run.stdout).toBe('');
    // Nothing was created before the check: not the directories --out would have needed either.
    expect(existsSync(join(dir, 'new'))).toBe(false);
    expect(existsSync(join(dir, 'same'))).toBe(false);
  });

  // Root passes permission bits: as root, the binary runs as the unprivileged user 65534.
  it.runIf(canTestPermissions)('a directory the process may not write in', async () => {
    const dir = workspace();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'd'), 0o555);
    const run = await runAsUser(['scan', '--demo', '--out', 'd/sub/r.json'], dir, isRoot ? 65534 : undefined);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'error: --out d/sub/r.json cannot be written: cannot create files in d: permission denied.',
      'Give --out a path that can be written; nothing was scanned.',
    ]);
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
    const io = { stdout: stdout.stream, stderr: stderr.stream, env: {} };
    const env = { io, colours: palette(false), errColours: palette(false), cwd: dir };
    const options = { format: 'json', failOn: undefined, out: 'f/r.json', target: 'nothing', skipped: [], allowUnverified: false } as const;
    const partial = ['the scan was interrupted', 'run it again'] as const;
    const error = await emitReport(result, { ...options, abortedMessage: partial }, env).then(
      () => new Error('expected a CliError'),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(CliError);
    expect(stdout.text()).toContain('demarc scan of nothing');
    expect(error.message).toContain(`Cannot write the json report to f/r.json: ${IN_THE_WAY}. It is kept in `);
    expect(error.message).toMatch(/\/r\.json instead\.$/);
    const kept = /kept in (.+) instead/.exec(error.message)![1]!;
    expect(kept.startsWith(tmpdir())).toBe(true);
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toMatchObject({ schemaVersion: '1.0.0' });
  });

  it('the snapshot: the error on stderr names the temporary file, which holds the snapshot', async () => {
    const dir = workspace();
    const result = await scan({ providers: [], checks: [], record: true });
    const stderr = sink();
    const io = { stdout: sink().stream, stderr: stderr.stream, env: {} };
    const saved = await saveSnapshot(result.snapshot!, 'f/s.json', { io, errColours: palette(false), cwd: dir });
    expect(saved).toBe(false);
    const kept = /It is kept in (\S+) instead\./.exec(stderr.text())?.[1];
    expect(stderr.text()).toContain(`error: Cannot write the snapshot to f/s.json: ${IN_THE_WAY}. It is kept in `);
    expect(JSON.parse(readFileSync(kept!, 'utf8'))).toMatchObject({ kind: 'demarc-snapshot' });
  });

  it('a write that succeeds is just written, with its directories', async () => {
    const dir = workspace();
    expect(await writeOutputFile('a/b/c.txt', 'content', 'report', dir)).toBeUndefined();
    expect(readFileSync(join(dir, 'a/b/c.txt'), 'utf8')).toBe('content');
  });
});
