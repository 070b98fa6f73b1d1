/** Test helper: the package's source files, for tests that read what the sources import. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.ts` file below `dir` that is not a test, as absolute paths. */
export const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
