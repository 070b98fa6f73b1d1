/**
 * The Azure checks as a set: one file per check, ids after their folder and file, valid metadata,
 * permissions derived from the operations they declare, and every id, former id and option in the
 * package README.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOMAIN_IDS, permissionsOfOperations, validateCheckMeta } from '@demarc/core';
import { AZURE_OPERATIONS } from '../operations/index';
import { AZURE_CHECKS } from './index';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the Azure checks as a set', () => {
  it('has at least 10 checks over at least 5 customer-side domains, with valid metadata and unique ids', () => {
    expect(AZURE_CHECKS.length).toBeGreaterThanOrEqual(10);
    const names = AZURE_CHECKS.flatMap((c) => [c.meta.id, ...(c.meta.aliases ?? [])]);
    expect(new Set(names).size, 'ids and former ids are all distinct').toBe(names.length);
    const domains = new Set(AZURE_CHECKS.map((c) => c.meta.domain));
    expect(domains.size).toBeGreaterThanOrEqual(5);
    for (const d of domains) expect(DOMAIN_IDS).toContain(d);
    for (const check of AZURE_CHECKS) {
      expect(validateCheckMeta(check.meta)).toEqual([]);
      expect(check.meta.provider).toBe('azure');
      expect(check.meta.references.length).toBeGreaterThan(0);
      expect(Object.keys(check.meta.messages ?? {}).length).toBeGreaterThan(0);
    }
  });

  it.each(AZURE_CHECKS.map((check) => [check.meta.id, check] as const))('%s is azure-<folder>-<file>, and meta.file points at it', (id, check) => {
    const match = /^packages\/azure\/src\/checks\/([a-z0-9]+)\/([a-z0-9-]+)\.ts$/.exec(check.meta.file ?? '');
    expect(match, `meta.file ${check.meta.file}`).not.toBeNull();
    const [, service, rule] = match!;
    expect(id).toBe(`azure-${service}-${rule}`);
    expect(check.meta.service).toBe(service);
    expect(existsSync(`${REPO}${check.meta.file}`)).toBe(true);
    expect(existsSync(`${REPO}${check.meta.file!.replace(/\.ts$/, '.test.ts')}`), 'its test sits beside it').toBe(true);
  });

  it('derives each check\'s permissions from the operations it declares, every one a read', () => {
    for (const check of AZURE_CHECKS) {
      expect(check.meta.operations?.length, check.meta.id).toBeGreaterThan(0);
      expect(check.meta.permissions).toEqual(permissionsOfOperations(AZURE_OPERATIONS, check.meta.operations!));
      for (const action of check.meta.permissions!) expect(action, check.meta.id).toMatch(/\/read$/);
    }
  });

  it('the README lists every check with its options, and every former id in the renamed table', () => {
    for (const check of AZURE_CHECKS) {
      expect(README, check.meta.id).toContain(`| \`${check.meta.id}\``);
      for (const option of Object.keys(check.meta.options ?? {})) expect(README, `${check.meta.id} ${option}`).toMatch(new RegExp(`\\| \`${check.meta.id}\` \\|[^\\n]*\`${option}\``));
      for (const alias of check.meta.aliases ?? []) expect(README, alias).toContain(`| \`${alias}\` | \`${check.meta.id}\` |`);
    }
  });

  it('every check file stays short (under 60 lines)', () => {
    for (const check of AZURE_CHECKS) expect(readFileSync(`${REPO}${check.meta.file}`, 'utf8').split('\n').length, check.meta.id).toBeLessThan(60);
  });
});
