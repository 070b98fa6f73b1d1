import { defineConfig } from 'vitest/config';
import projects from './vitest.workspace.ts';

// Tests run on the TypeScript sources: the `@demarc/source` export condition points each workspace
// package at `src/` so no build is needed first.
// The rest are Vite's default server conditions minus `module`: packages such as @aws-sdk/core map
// `module` to bundler-only ESM (`dist-es`, extensionless imports) that Node cannot load, while
// `node` picks the files Node runs.
const conditions = ['@demarc/source', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@demarc/source'] } },
  test: {
    projects,
    // Every test worker refuses connections and DNS look-ups that are not loopback.
    setupFiles: [new URL('./packages/local-cloud/src/loopback-guard.ts', import.meta.url).pathname],
    env: {
      METADATA_SERVER_DETECTION: 'none',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
