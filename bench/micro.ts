/**
 * Micro-figures, each measured in fresh processes so nothing earlier in the benchmark warms or
 * inflates them:
 *
 * - import time of `@demarc/core` and of each provider package as users get them (the built ESM in
 *   `dist/`), median of several processes, against the import of an empty module; and the vendor SDK
 *   packages each import loaded (none: the SDKs load when a scan needs them);
 * - time and peak RSS to write 1,000,000 findings as the JSON and the Markdown report
 *   (see `report-child.ts`).
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One package's import cost. */
export interface ImportFigure {
  /** Package name. */
  readonly name: string;
  /** Median import time, ms. */
  readonly ms: number;
  /** Vendor SDK packages loaded by the import (must be empty). */
  readonly vendorSdks: readonly string[];
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Whether the packages are built (`pnpm run build`). */
export const PACKAGES = ['core', 'aws', 'gcp', 'azure'] as const;
export const isBuilt = (): boolean => PACKAGES.every((p) => existsSync(join(root, 'packages', p, 'dist', 'index.js')));

/**
 * Median wall time of `await import(dist)` in `runs` fresh Node processes, and the vendor SDKs the CommonJS
 * build loads (require.cache lists every module an import loaded; the ESM loader has no such list).
 */
export function importFigures(runs = 11): { baselineMs: number; packages: ImportFigure[] } {
  const empty = join(mkdtempSync(join(tmpdir(), 'demarc-bench-')), 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  const timeImport = (target: string): number => {
    const script = `const t = performance.now(); await import(${JSON.stringify(target)}); process.stdout.write(String(performance.now() - t));`;
    return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  };
  const baselineMs = median(Array.from({ length: runs }, () => timeImport(empty)));
  const packages = PACKAGES.map((p) => {
    const dist = join(root, 'packages', p, 'dist', 'index.js');
    const cjs = join(root, 'packages', p, 'dist', 'index.cjs');
    const ms = median(Array.from({ length: runs }, () => timeImport(dist)));
    const loaded = JSON.parse(
      execFileSync(process.execPath, ['-e', `require(${JSON.stringify(cjs)}); console.log(JSON.stringify(Object.keys(require.cache)))`], { encoding: 'utf8' }),
    ) as string[];
    const names = [...new Set(loaded.map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file.split('.pnpm/').pop() ?? '')?.[1]).filter((n): n is string => n !== undefined))];
    const vendorSdks = names.filter((n) => /^(@aws-sdk|@smithy|@google-cloud|google-gax|google-auth-library|googleapis|@azure|@grpc)/.test(n)).sort();
    return { name: `@demarc/${p}`, ms, vendorSdks };
  });
  return { baselineMs, packages };
}

/** Time and memory of writing a million findings. */
export interface ReportFigure {
  /** `json` or `markdown`. */
  readonly format: string;
  /** How findings were held: `array` (a ScanResult in memory) or `iterable` (generated lazily). */
  readonly source: string;
  /** Findings written. */
  readonly findings: number;
  /** Time to write the report (the findings already exist for `array`), ms. */
  readonly ms: number;
  /** Bytes written. */
  readonly bytes: number;
  /** Peak RSS of the process, bytes (process-wide `maxRSS`). */
  readonly peakRssBytes: number;
  /** RSS before writing, bytes. */
  readonly rssBeforeBytes: number;
}

/** Measures one report in a fresh process (so its peak RSS is its own). */
export function reportFigure(format: 'json' | 'markdown', source: 'array' | 'iterable', findings = 1_000_000): ReportFigure {
  const child = fileURLToPath(new URL('./report-child.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=@demarc/source', child, format, source, String(findings)], {
    encoding: 'utf8',
    cwd: root,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as ReportFigure;
}
