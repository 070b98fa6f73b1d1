/** Meta-tests over every Google Cloud check: ids, files, metadata and derived permissions. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOMAIN_IDS, validateCheckMeta } from '@demarc/core';
import { GCP_OPERATIONS } from '../operations/index';
import { GCP_CHECKS } from './index';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('the Google Cloud checks', () => {
  it('has at least ten valid checks over at least five domains, ids unique', () => {
    expect(GCP_CHECKS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(GCP_CHECKS.map((c) => c.meta.domain)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(GCP_CHECKS.map((c) => c.meta.id)).size).toBe(GCP_CHECKS.length);
    for (const check of GCP_CHECKS) {
      expect(validateCheckMeta(check.meta), check.meta.id).toEqual([]);
      expect(check.meta.provider).toBe('gcp');
      expect(DOMAIN_IDS).toContain(check.meta.domain);
      expect(check.meta.references.length).toBeGreaterThan(0);
      for (const url of check.meta.references) expect(url).toMatch(/^https:\/\/cloud\.google\.com\//);
    }
  });

  it('names each check gcp-<folder>-<file> after its file checks/<service>/<rule>.ts, with a test beside it', () => {
    for (const check of GCP_CHECKS) {
      const match = /^packages\/gcp\/src\/checks\/([a-z0-9]+)\/([a-z0-9-]+)\.ts$/.exec(check.meta.file ?? '');
      expect(match, `${check.meta.id}: ${check.meta.file}`).not.toBeNull();
      const [, service, rule] = match!;
      expect(check.meta.id).toBe(`gcp-${service}-${rule}`);
      expect(check.meta.service).toBe(service);
      expect(existsSync(join(REPO_ROOT, check.meta.file!)), check.meta.file).toBe(true);
      expect(existsSync(join(REPO_ROOT, check.meta.file!.replace(/\.ts$/, '.test.ts'))), `${check.meta.file} has no test`).toBe(true);
    }
  });

  it('keeps former ids as aliases that no current check uses', () => {
    const ids = new Set(GCP_CHECKS.map((c) => c.meta.id));
    const aliases = GCP_CHECKS.flatMap((c) => c.meta.aliases ?? []);
    expect(aliases.sort()).toEqual(['gcp-project-owner-label', 'gcp-project-pending-deletion']);
    for (const alias of aliases) expect(ids.has(alias), alias).toBe(false);
  });

  it('derives each check\'s permissions from the operations it declares', () => {
    for (const check of GCP_CHECKS) {
      const operations = check.meta.operations ?? [];
      expect(operations.length, check.meta.id).toBeGreaterThan(0);
      const expected = [...new Set(operations.flatMap((name) => GCP_OPERATIONS[name as keyof typeof GCP_OPERATIONS].permissions))].sort();
      expect(check.meta.permissions).toEqual(expected);
    }
  });

  it('keeps every check file short', () => {
    for (const check of GCP_CHECKS) {
      const lines = readFileSync(join(REPO_ROOT, check.meta.file!), 'utf8').split('\n').length;
      expect(lines, check.meta.file).toBeLessThanOrEqual(64);
    }
  });
});
