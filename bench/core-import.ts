/**
 * Import cost of @demarc/core as users get it (the built package), in fresh processes: median wall
 * time of `import('@demarc/core')`, against a baseline import of an empty module measured in the same
 * run, and the list of packages the import loaded (it must contain no vendor SDK).
 *
 * Run: `pnpm build && pnpm bench:core-import` (or `tsx bench/core-import.ts`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = 15;
const coreDist = fileURLToPath(new URL('../packages/core/dist/index.js', import.meta.url));
const coreCjs = fileURLToPath(new URL('../packages/core/dist/index.cjs', import.meta.url));
if (!existsSync(coreDist)) {
  console.error('packages/core/dist is missing: run `pnpm build` first.');
  process.exit(2);
}
const empty = join(mkdtempSync(join(tmpdir(), 'demarc-bench-')), 'empty.mjs');
writeFileSync(empty, 'export {};\n');

const timeImport = (target: string): number => {
  const script = `const t = performance.now(); await import(${JSON.stringify(target)}); process.stdout.write(String(performance.now() - t));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
};
const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const baseline = median(Array.from({ length: RUNS }, () => timeImport(empty)));
const core = median(Array.from({ length: RUNS }, () => timeImport(coreDist)));

// The CommonJS build shows every module the import loads through require.cache.
const loaded = JSON.parse(
  execFileSync(process.execPath, ['-e', `require(${JSON.stringify(coreCjs)}); console.log(JSON.stringify(Object.keys(require.cache)))`], { encoding: 'utf8' }),
) as string[];
const packages = [...new Set(loaded.map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file.split('.pnpm/').pop() ?? '')?.[1]).filter(Boolean))].sort();
const vendor = packages.filter((name) => /^(@aws-sdk|@smithy|@google-cloud|google-|@azure|@grpc)/.test(name!));

console.log('| figure | value |');
console.log('| --- | --- |');
console.log(`| import('@demarc/core'), median of ${RUNS} fresh processes | ${core.toFixed(1)} ms |`);
console.log(`| baseline: import of an empty module | ${baseline.toFixed(1)} ms |`);
console.log(`| ratio core / baseline | ${(core / baseline).toFixed(1)}x |`);
console.log(`| packages loaded by require('@demarc/core') | ${packages.join(', ') || '(none)'} |`);
console.log(`| vendor SDKs loaded | ${vendor.length === 0 ? 'none' : vendor.join(', ')} |`);
if (vendor.length > 0) process.exitCode = 1;
