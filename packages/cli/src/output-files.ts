/**
 * The files a command writes (`--out`, `--snapshot`): checked before any work starts, so a path that
 * cannot be written is a usage error (exit 2, naming the path and why) and not a raw EEXIST after a
 * long scan; and if a write still fails at the end (the disk filled up, the directory went away), the
 * content is kept in a fresh temporary directory and the error says where, so no result is lost.
 *
 * The check asks the file system (`stat`, `access(W_OK)`) about the target and its nearest existing
 * ancestor; it creates nothing, so a scan that fails for another reason leaves no empty directory or
 * probe file behind. `access` answers for the user the process runs as (root passes permission bits,
 * as the write itself would), and reports a read-only file system.
 * @module
 */
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { serializeSnapshot, type Snapshot } from '@demarc/core';
import { CliError } from './errors';
import type { Io, Palette } from './output';

const codeOf = (error: unknown): string | undefined => (error as { code?: unknown } | null)?.code as string | undefined;

/** A file-system error code in words. */
function inWords(error: unknown): string {
  const code = codeOf(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** A path as the person knows it: relative to the working directory when inside it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/**
 * Why `file` cannot be written, or `undefined` when it can as far as the file system says now: a
 * directory in its place, a file where a parent directory should be, or no permission to write it or
 * to create it in its nearest existing parent.
 */
export async function whyUnwritable(file: string, cwd: string): Promise<string | undefined> {
  const target = resolve(cwd, file);
  try {
    if ((await stat(target)).isDirectory()) return `${shown(target, cwd)} is a directory`;
    await access(target, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = codeOf(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return `${shown(target, cwd)} cannot be written: ${inWords(error)}`;
  }
  // The file does not exist: it will be created in the nearest existing ancestor (with the directories
  // in between), which must be a directory the process may write in.
  for (let dir = dirname(target); ; dir = dirname(dir)) {
    try {
      if (!(await stat(dir)).isDirectory()) return `${shown(dir, cwd)} is a file, not a directory`;
    } catch (error) {
      const code = codeOf(error);
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(dir) !== dir) continue;
      return `${shown(dir, cwd)} cannot be read: ${inWords(error)}`;
    }
    try {
      await access(dir, constants.W_OK | constants.X_OK);
      return undefined;
    } catch (error) {
      return `cannot create files in ${shown(dir, cwd)}: ${inWords(error)}`;
    }
  }
}

/**
 * Checks every output path a command was given before it starts: each must be writable and they must
 * differ. `outputs` pairs a flag with its value (`undefined` when not given).
 * @throws {@link CliError} naming the flag, the path and why, with `notDone` saying what did not happen.
 */
export async function checkOutputPaths(
  outputs: readonly (readonly [flag: string, path: string | undefined])[],
  cwd: string,
  notDone: string,
): Promise<void> {
  const given = outputs.filter((output): output is readonly [string, string] => output[1] !== undefined);
  for (const [flag, path] of given) {
    if (path === '' || path.endsWith('/') || path.endsWith('\\')) {
      const example = `${flag} ${path}demarc.json`;
      const hint = `Give ${flag} a file name, e.g. ${example}; ${notDone}.`;
      throw new CliError(`${flag} '${path}' names a directory, not a file.`, hint);
    }
    const why = await whyUnwritable(path, cwd);
    if (why !== undefined) {
      const hint = `Give ${flag} a path that can be written; ${notDone}.`;
      throw new CliError(`${flag} ${path} cannot be written: ${why}.`, hint);
    }
  }
  for (const [index, [flag, path]] of given.entries()) {
    const other = given.slice(index + 1).find(([, p]) => resolve(cwd, p) === resolve(cwd, path));
    if (other) {
      throw new CliError(`${flag} and ${other[0]} name the same file, ${path}.`, `Give each its own file; ${notDone}.`);
    }
  }
}

/**
 * Writes `content` to `file` (relative to `cwd`), creating its directories. If that fails, keeps the
 * content in a new directory under the system's temporary directory and returns the error to report
 * (exit 2) once everything else is out; `undefined` when written.
 */
export async function writeOutputFile(
  file: string,
  content: string,
  what: string,
  cwd: string,
): Promise<CliError | undefined> {
  const target = resolve(cwd, file);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content, 'utf8');
    return undefined;
  } catch (error) {
    const why = (await whyUnwritable(file, cwd)) ?? inWords(error);
    let kept: string;
    try {
      kept = join(await mkdtemp(join(tmpdir(), 'demarc-')), basename(target));
      await writeFile(kept, content, 'utf8');
    } catch (keepError) {
      return new CliError(
        `Cannot write the ${what} to ${file}: ${why}.`,
        `Keeping it in a temporary directory failed too (${inWords(keepError)}): run again with a writable path.`,
      );
    }
    return new CliError(
      `Cannot write the ${what} to ${file}: ${why}. It is kept in ${kept} instead.`,
      `Move ${kept} where you need it; give a path that can be written next time.`,
    );
  }
}

/**
 * Writes the scan's `--snapshot` and says so on stderr; a failed write is reported there at once (the
 * snapshot kept in a temporary file) and returns `false`, so the report still follows and the command
 * exits 2.
 */
export async function saveSnapshot(
  snapshot: Snapshot,
  file: string,
  env: { readonly io: Io; readonly errColours: Palette; readonly cwd: string },
): Promise<boolean> {
  const failure = await writeOutputFile(file, serializeSnapshot(snapshot), 'snapshot', env.cwd);
  if (failure) {
    env.io.stderr.write(`${env.errColours.red('error:')} ${failure.message}\n${failure.hint}\n`);
    return false;
  }
  env.io.stderr.write(
    `Snapshot written to ${file} (no credentials are stored). Scan it offline with: demarc scan --replay ${file}\n`,
  );
  return true;
}
