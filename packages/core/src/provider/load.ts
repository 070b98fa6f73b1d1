/**
 * Loading providers and check packs by package name, as a config file names them. Every failure is a
 * {@link PluginLoadError} naming the plugin.
 * @module
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PluginLoadError } from '../errors';
import { validateCheckMeta } from '../checks/define-check';
import type { AnyCheck } from '../checks/types';
import { validateProvider } from './define-provider';
import type { ProviderV1 } from './types';

/** Imports a module by specifier; injectable for tests and bundlers. */
export type ModuleImporter = (specifier: string) => Promise<unknown>;

/** Options of the loaders. */
export interface LoadPluginOptions {
  /** Directory package names resolve from (the config file's); default `process.cwd()`. */
  readonly cwd?: string;
  /** Replaces the default resolve-then-`import()`. */
  readonly importer?: ModuleImporter;
}

function defaultImporter(cwd: string): ModuleImporter {
  return async (specifier) => {
    let target: string;
    if (specifier.startsWith('.') || isAbsolute(specifier)) target = pathToFileURL(resolvePath(cwd, specifier)).href;
    else {
      // Resolve from the config's directory, not from @demarc/core's own location, so a project's
      // own node_modules is searched.
      const require = createRequire(resolvePath(cwd, 'package.json'));
      target = pathToFileURL(require.resolve(specifier)).href;
    }
    return import(target);
  };
}

/** How a plugin name reads: a file path, a package name, or a bare word. */
export type PluginNameKind = 'path' | 'package' | 'word';

/**
 * Classifies a provider or check-pack name: `path` when it starts with `.` or `/` (or a drive letter),
 * `package` when it looks like an npm package name (scoped `@acme/x`, or with a `/`, `-` or `.`, as
 * `demarc-provider-acme`), else `word` (`awz`, `oracle`), which reads as a provider id more than as
 * a package: no one is told to `npm install` it, since that would install whatever package holds the
 * name on the public registry.
 * @example
 * ```ts
 * pluginNameKind('@acme/demarc-provider'); // 'package'
 * pluginNameKind('awz'); // 'word'
 * ```
 */
export function pluginNameKind(name: string): PluginNameKind {
  if (name.startsWith('.') || isAbsolute(name) || /^[A-Za-z]:[\\/]/.test(name)) return 'path';
  if (name.startsWith('@') || /[/.-]/.test(name)) return 'package';
  return 'word';
}

const NOT_FOUND_HINT: Readonly<Record<PluginNameKind, (name: string) => string>> = {
  path: () => ' Check the path.',
  package: (name) => ` Is it installed? Try: npm install ${name}`,
  word: () => ' Check its spelling: it is not an installed package.',
};

/** What to add to a failed import's message: how to find the plugin, or that a module it imports is missing. */
function notFoundHint(name: string, cwd: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return '';
  const kind = pluginNameKind(name);
  // Node names the module it cannot find: the plugin itself, or something the plugin imports.
  const named = String((error as Error).message).includes(`'${name}'`);
  const missing = kind === 'path' ? !existsSync(resolvePath(cwd, name)) : named;
  return missing ? NOT_FOUND_HINT[kind](name) : ' A module it imports is missing: install its dependencies.';
}

async function importPlugin(name: string, options: LoadPluginOptions): Promise<Record<string, unknown>> {
  const cwd = options.cwd ?? process.cwd();
  const importer = options.importer ?? defaultImporter(cwd);
  try {
    const module = await importer(name);
    if (typeof module !== 'object' || module === null) throw new TypeError('the module has no exports');
    return module as Record<string, unknown>;
  } catch (error) {
    const hint = notFoundHint(name, cwd, error);
    throw new PluginLoadError(name, `cannot be imported: ${(error as Error).message}.${hint}`, { cause: error });
  }
}

function isProviderLike(value: unknown): value is ProviderV1 {
  return typeof value === 'object' && value !== null && 'specificationVersion' in value && 'discoverScopes' in value;
}

/**
 * Loads a provider package: its default export, or a named `provider` export, must be a {@link ProviderV1}.
 * @throws {@link PluginLoadError} naming the package and what is wrong.
 */
export async function loadProvider(name: string, options: LoadPluginOptions = {}): Promise<ProviderV1> {
  const module = await importPlugin(name, options);
  const candidate = [module.default, module.provider].find(isProviderLike);
  if (!candidate) {
    throw new PluginLoadError(name, "exports no provider: expected a default export (or an export named 'provider') made with defineProvider()");
  }
  const problems = validateProvider(candidate);
  if (problems.length > 0) throw new PluginLoadError(name, `does not implement the provider contract: ${problems.join('; ')}`);
  return candidate;
}

/**
 * Loads a check pack: an export named `checks` (or a default export) that is an array of checks.
 * @throws {@link PluginLoadError} naming the package and the bad check.
 */
export async function loadCheckPack(name: string, options: LoadPluginOptions = {}): Promise<readonly AnyCheck[]> {
  const module = await importPlugin(name, options);
  const checks = [module.checks, module.default].find(Array.isArray) as unknown[] | undefined;
  if (!checks) throw new PluginLoadError(name, "exports no checks: expected an array exported as 'checks' or as the default export");
  checks.forEach((check, index) => {
    const c = check as Partial<AnyCheck> | null;
    if (typeof c !== 'object' || c === null || c.specificationVersion !== 'v1' || typeof c.run !== 'function' || !c.meta) {
      throw new PluginLoadError(name, `checks[${index}] is not a check made with defineCheck()`);
    }
    const problems = validateCheckMeta(c.meta);
    if (problems.length > 0) throw new PluginLoadError(name, `check '${c.meta.id}' is invalid: ${problems.join('; ')}`);
  });
  return checks as AnyCheck[];
}
