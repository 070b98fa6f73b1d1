/**
 * Finding and loading the config file (`demarc.config.ts|mts|js|mjs|json`), and the attestation file
 * it names. Validation is core's `parseConfig` (zod), whose errors name the file and the field.
 *
 * A `.json` config is read by the CLI itself, so it works everywhere. `.js` / `.mjs` configs are
 * imported. A `.ts` config is imported too, which works when Node can load TypeScript: Node 23.6+ and
 * 24 strip types by default, and older Nodes need a loader (`node --import tsx`); otherwise the CLI
 * says so and suggests `.json` or `.mjs`.
 * @module
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigError,
  formatConfigIssue,
  loadAttestations,
  parseConfig,
  parseConfigText,
  type AttestationSet,
  type DemarcConfig,
} from '@demarc/core';
import { CliError } from './errors';

/** The config file names looked for in the working directory, in order. */
export const CONFIG_FILE_NAMES = ['demarc.config.ts', 'demarc.config.mts', 'demarc.config.js', 'demarc.config.mjs', 'demarc.config.json'] as const;

/** A loaded config: where it came from and what it says (validated, defaults applied). */
export interface LoadedConfig {
  /** The config file's absolute path, or `undefined` when there is none. */
  readonly file: string | undefined;
  /** The directory relative paths in the config resolve from. */
  readonly dir: string;
  /** The validated config. */
  readonly config: DemarcConfig;
}

/** Finds the config file: the one given, or the first of {@link CONFIG_FILE_NAMES} in `cwd`. */
export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new CliError(`Config file ${explicit} does not exist.`, `Check the path, or drop --config to use ${CONFIG_FILE_NAMES.join(' / ')} from the working directory.`);
    return file;
  }
  return CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).find((file) => existsSync(file));
}

/** Imports a `.js` / `.mjs` / `.ts` config and returns its default export. */
async function importConfigModule(file: string): Promise<unknown> {
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && /\.m?ts$/.test(file)) {
      throw new CliError(
        `${file}: this Node.js cannot load a TypeScript config by itself.`,
        'Use Node.js 22.18+, 23.6+ or 24 (they strip types by default), run with a loader (node --import tsx ...), or write demarc.config.mjs or demarc.config.json instead.',
      );
    }
    throw new CliError(`${file}: cannot be loaded: ${(error as Error).message}`, 'Fix the error above; the config must `export default defineConfig({ ... })`.');
  }
  if (module.default === undefined) throw new CliError(`${file}: has no default export.`, 'Export the config: `export default defineConfig({ ... })`.');
  return module.default;
}

/**
 * Loads and validates the config; no file gives the defaults.
 * @throws core's `ConfigError` naming the file and the field, or a {@link CliError} for an unloadable file.
 * @example
 * ```ts
 * const { file, config } = await loadConfig(process.cwd());
 * config.providers; // e.g. ['@demarc/aws', { package: '@demarc/azure', options: { ... } }]
 * ```
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  const file = findConfigFile(cwd, explicit);
  if (file === undefined) return { file: undefined, dir: cwd, config: parseConfig({}) };
  // A JSON config is parsed from its text, so every problem gets its line and column.
  const dir = dirname(file);
  if (file.endsWith('.json')) return { file, dir, config: parseConfigText(await readFile(file, 'utf8'), file) };
  return { file, dir, config: parseConfig(await importConfigModule(file), file) };
}

/** Loads the attestation file a config names (relative to the config file), if any. */
export async function loadConfigAttestations(loaded: LoadedConfig): Promise<AttestationSet | undefined> {
  const path = loaded.config.attestations;
  if (path === undefined) return undefined;
  return loadAttestations(resolve(loaded.dir, path));
}

const SEE_FORMAT = '(see docs/guide/cli.md for the config format)';

/**
 * Turns a core `ConfigError` into a CLI error with what to do next: one line per problem, each
 * `file:line:column: field: problem` (position when known), so every problem is fixed in one go.
 */
export function configErrorToCli(error: ConfigError): CliError {
  const message = error.issues.map(formatConfigIssue).join('\n');
  if (error.issues.every((issue) => issue.problem.startsWith('cannot be parsed as JSON'))) {
    return new CliError(message, `Fix the syntax of ${error.file} (JSON has no comments or trailing commas).`);
  }
  if (error.issues.length > 1) {
    const files = [...new Set(error.issues.map((issue) => issue.file))].join(', ');
    return new CliError(message, `Fix these ${error.issues.length} problems in ${files} and run again ${SEE_FORMAT}.`);
  }
  const what = error.field ? `the field '${error.field}'${error.entry ? ` of ${error.entry}` : ''}` : error.entry ? error.entry : 'the file';
  return new CliError(message, `Fix ${what} in ${error.file} and run again ${SEE_FORMAT}.`);
}
