import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './__fixtures__/source-files';

// @demarc/core is the spec and engine every provider builds on: it must stay free of vendor SDKs so
// that importing it is cheap and a user scanning one cloud never installs or loads another's client.
const VENDOR_SDK = /^(@aws-sdk\/|@smithy\/|@google-cloud\/|google-gax|google-auth-library|googleapis|@azure\/|@grpc\/)/;
const root = new URL('..', import.meta.url).pathname;

describe('@demarc/core', () => {
  it('declares no vendor SDK among its dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
    const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => VENDOR_SDK.test(name))).toEqual([]);
  });

  it('imports no vendor SDK from any source file', () => {
    const files = sourceFiles(join(root, 'src'));
    expect(files.length).toBeGreaterThan(3);
    const offending = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)]
        .map((match) => match[1]!)
        .filter((specifier) => VENDOR_SDK.test(specifier))
        .map((specifier) => `${file}: ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});
