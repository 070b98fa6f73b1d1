import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // p-limit is ESM-only: bundled, the CommonJS build gets a working default export on Node 20
  // (through require(esm) its namespace would be wrapped as the default). It is a few hundred bytes.
  noExternal: ['p-limit', 'yocto-queue'],
});
