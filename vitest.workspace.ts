/**
 * The one list of test projects. Vitest 4 no longer reads this file by itself (it would silently
 * find no tests and exit 0), so `vitest.config.ts` imports it into `test.projects`, and
 * `scripts/run-tests.mjs` fails a run in which no test executed.
 */
import type { TestProjectInlineConfiguration } from 'vitest/config';

const packageProject = (name: string): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    root: `packages/${name}`,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});

export default [
  packageProject('core'),
  packageProject('local-cloud'),
  packageProject('aws'),
  packageProject('gcp'),
  packageProject('azure'),
  packageProject('cli'),
  {
    extends: true,
    test: { name: 'examples', root: 'examples', include: ['**/*.test.ts'], exclude: ['node_modules/**'] },
  },
  {
    extends: true,
    test: { name: 'bench', root: 'bench', include: ['**/*.test.ts'], exclude: ['node_modules/**'] },
  },
  {
    extends: true,
    test: { name: 'docs', root: 'docs', include: ['**/*.test.ts'], exclude: ['site/**', 'node_modules/**'] },
  },
] satisfies TestProjectInlineConfiguration[];
