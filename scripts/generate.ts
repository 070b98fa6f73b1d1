/**
 * `pnpm run generate`: writes every file derived from the code (each vendor's operation and check
 * registries, API reports; more generators join the table below). `pnpm run generate --check` writes nothing and exits 1 naming each stale file: CI runs it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiReports } from './generate/api-report';
import { vendorRegistries } from './generate/registries';
import type { GeneratedFile } from './generate/types';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['core', 'aws', 'gcp', 'azure', 'local-cloud', 'cli'] as const;

/** Every generator, by what it writes. */
const GENERATORS: readonly { readonly name: string; readonly run: () => GeneratedFile[] | Promise<GeneratedFile[]> }[] = [
  // Registries first: the API reports read the code they generate.
  {
    name: 'vendor registries',
    run: () =>
      vendorRegistries(root, [
        { dir: 'aws', constant: 'AWS', type: 'Aws' },
        { dir: 'gcp', constant: 'GCP', type: 'Gcp' },
        { dir: 'azure', constant: 'AZURE', type: 'Azure' },
      ]),
  },
  { name: 'API reports', run: () => apiReports(root, PACKAGES) },
];

const check = process.argv.includes('--check');
const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

const stale: string[] = [];
for (const generator of GENERATORS) {
  for (const { file, content } of await generator.run()) {
    if (read(file) === content) continue;
    stale.push(relative(root, file));
    if (!check) writeFileSync(file, content);
  }
}
if (check && stale.length > 0) {
  console.error(`generate: ${stale.length} generated file(s) are stale: ${stale.join(', ')}. Run pnpm run generate and commit.`);
  process.exit(1);
}
console.log(stale.length === 0 ? 'generate: every generated file is up to date.' : `generate: wrote ${stale.join(', ')}.`);
