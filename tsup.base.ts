/**
 * The one build recipe of every package: ESM + CommonJS + `.d.ts` for Node 20.19+, with source maps.
 * Each package's `tsup.config.ts` names only its entry points.
 */
import { defineConfig } from 'tsup';

/** The tsup config of a package with these entry points (paths relative to the package). */
export const packageBuild = (entry: string[]) =>
  defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    // p-limit is ESM-only: bundled, the CommonJS build gets a working default export on Node 20
    // (through require(esm) its namespace would be wrapped as the default). It is a few hundred bytes.
    noExternal: ['p-limit', 'yocto-queue'],
    // `import.meta.url` in the CommonJS build (core loads some dependencies on first use with
    // `createRequire(import.meta.url)`): tsup puts the file's URL in its place.
    shims: true,
  });
