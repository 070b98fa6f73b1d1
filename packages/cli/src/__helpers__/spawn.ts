/**
 * Test helper: runs the real `demarc` binary in a child process, build-free (Node + tsx on the
 * sources, the `@demarc/source` condition), under the loopback guard like every test worker.
 * @internal
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The `demarc` entry point. */
export const BIN = join(REPO_ROOT, 'packages/cli/src/bin.ts');

/**
 * Node flags that load TypeScript sources (tsx, by absolute URL so any working directory works),
 * resolve workspace packages to their sources, and refuse non-loopback connections.
 */
export const NODE_FLAGS = [
  '--import',
  pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  '--conditions=@demarc/source',
  '--import',
  pathToFileURL(join(REPO_ROOT, 'packages/local-cloud/src/loopback-guard.ts')).href,
];

/** What a finished child process left. */
export interface Ran {
  /** Exit code. */
  readonly code: number | null;
  /** Everything written to stdout. */
  readonly stdout: string;
  /** Everything written to stderr. */
  readonly stderr: string;
}

/** Options of {@link runBin}. */
export interface RunOptions {
  /** Working directory (default the repository root). */
  readonly cwd?: string;
  /** Environment overrides; `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The test environment without colour forcing or CI markers, plus `overrides`. */
export function childEnv(overrides: RunOptions['env'] = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Vitest and CI runners set these; each test states what it wants.
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs any script with the same flags as the binary. */
export function runNode(script: string, args: readonly string[], options: RunOptions = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, script, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: childEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `demarc <args>`. */
export const runBin = (args: readonly string[], options: RunOptions = {}): Promise<Ran> => runNode(BIN, args, options);
