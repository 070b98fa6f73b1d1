/**
 * What the CLI says about a provider or vendor name it does not know: the nearest built-in vendor id
 * for a typo (`awz` → `aws`), and an `npm install` only for a name that looks like a package (core's
 * `pluginNameKind`: scoped, or with a `/`, `-` or `.`). A bare word (`awz`, `oracle`) reads as a
 * provider id, and advising `npm install <typo>` would install whatever package happens to hold that
 * name on the public registry. A name starting with `.` or `/` is a file.
 * @module
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PluginLoadError, pluginNameKind } from '@demarc/core';
import { CliError } from './errors';
import { VENDOR_IDS, VENDOR_PACKAGES, type VendorId } from './vendors';

/** Names people type for the built-in vendors that are not their ids. */
const VENDOR_ALIASES: Readonly<Record<string, VendorId>> = {
  amazon: 'aws',
  'amazon-web-services': 'aws',
  google: 'gcp',
  'google-cloud': 'gcp',
  gcloud: 'gcp',
  gce: 'gcp',
  microsoft: 'azure',
  'microsoft-azure': 'azure',
  az: 'azure',
};

/**
 * The edit distance of two strings: insertions, deletions, substitutions and swaps of two neighbours
 * (`gpc` → `gcp` is 1), each counting 1. Names are a few characters long, so the full table is cheap.
 */
export function editDistance(a: string, b: string): number {
  const row = (i: number): number[] => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0));
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => row(i));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (swapped) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The built-in vendor `name` most likely means (`awz`, `AWS`, `azrue`, `google`), if any: an alias,
 * or the nearest id within one edit (names of up to three letters) or two.
 */
export function nearestVendor(name: string): VendorId | undefined {
  const word = name.trim().toLowerCase();
  const alias = VENDOR_ALIASES[word];
  if (alias) return alias;
  const limit = word.length <= 3 ? 1 : 2;
  const ranked = VENDOR_IDS.map((id) => ({ id, distance: editDistance(word, id) }));
  ranked.sort((x, y) => x.distance - y.distance);
  const best = ranked[0];
  if (!best || best.distance > limit || best.distance >= word.length) return undefined;
  // A tie (equally near two ids) suggests neither.
  if (ranked[1]?.distance === best.distance) return undefined;
  return best.id;
}

const BUILT_IN = `${VENDOR_IDS.join(', ')} (or ${Object.values(VENDOR_PACKAGES).join(', ')})`;

/** What to do about a vendor id that is not one: the nearest id, then the known ones. */
export function unknownVendorHint(name: string, known: string): string {
  const near = nearestVendor(name);
  return `${near ? `Did you mean '${near}'? ` : ''}${known}`;
}

/** What to do about a provider or check pack that cannot be imported, by the kind of its name. */
export function pluginHint(name: string, what: 'provider' | 'check pack'): string {
  const where = what === 'provider' ? '--provider or the config file' : 'the config file';
  const example = what === 'provider' ? '@acme/demarc-provider' : '@acme/demarc-checks';
  switch (pluginNameKind(name)) {
    case 'path':
      return `Fix the path in ${where}: a relative path is resolved from the config file's directory (or the cwd).`;
    case 'package':
      return `Install it (npm install ${name}) or fix its name in ${where}.`;
    case 'word':
      return `Fix its name in ${where}: give a ${what} package's npm name, e.g. ${example}.`;
  }
}

/**
 * True when the import failed because the plugin itself is missing, not a module it imports: a path
 * that does not exist, or a package Node names as the one it cannot find.
 */
function pluginIsMissing(name: string, dir: string, cause: unknown): boolean {
  const code = (cause as { code?: unknown } | null)?.code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return false;
  if (pluginNameKind(name) === 'path') return !existsSync(resolve(dir, name));
  return String((cause as { message?: unknown }).message).includes(`'${name}'`);
}

/**
 * The CLI error for a provider that is not built in and failed to load (`dir`: where its name
 * resolves from): for a name that cannot be found, which built-in vendor it may mean and, only for a
 * package name, how to install it; any other load failure keeps its own message.
 */
export function providerLoadError(name: string, dir: string, error: unknown): unknown {
  if (!PluginLoadError.isInstance(error)) return error;
  if (!pluginIsMissing(name, dir, error.cause)) {
    return new CliError(error.message, 'Fix the provider as the error says, or its name in --provider or the config.');
  }
  const kind = pluginNameKind(name);
  const scoped = name.startsWith('@demarc/') ? name.slice('@demarc/'.length) : undefined;
  const near = nearestVendor(scoped ?? name);
  if (kind === 'path') return new CliError(`Provider file '${name}' does not exist.`, pluginHint(name, 'provider'));
  if (near && (kind === 'word' || scoped !== undefined)) {
    const suggestion = scoped === undefined ? near : VENDOR_PACKAGES[near];
    const hint = `Did you mean '${suggestion}'? Built-in providers: ${BUILT_IN}.`;
    return new CliError(`Unknown provider '${name}'.`, hint);
  }
  if (scoped !== undefined) {
    return new CliError(`Unknown provider '${name}': demarc has no such package.`, `Built-in providers: ${BUILT_IN}.`);
  }
  if (kind === 'word') {
    return new CliError(
      `Unknown provider '${name}': it is not built in, and no package of that name is installed.`,
      `Use one of ${BUILT_IN}, or a provider package's npm name, e.g. @acme/demarc-provider.`,
    );
  }
  return new CliError(`Provider package '${name}' is not installed.`, pluginHint(name, 'provider'));
}
