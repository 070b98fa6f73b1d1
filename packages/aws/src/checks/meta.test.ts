import { describe, expect, it } from 'vitest';
import { BASELINE_MATRIX, checkLevel, validateCheckMeta } from '@demarc/core';
import { AWS_CHECKS } from './index';

describe('AWS check metadata', () => {
  it('has at least 10 checks over at least 6 domains the customer owns or shares', () => {
    expect(AWS_CHECKS.length).toBeGreaterThanOrEqual(10);
    const domains = new Set(AWS_CHECKS.map((c) => c.meta.domain));
    expect(domains.size).toBeGreaterThanOrEqual(6);
    for (const domain of domains) {
      const parties = Object.entries(BASELINE_MATRIX[domain]).filter(([model]) => model !== 'on-premises').map(([, cell]) => cell.party);
      expect(parties.some((p) => p !== 'provider'), domain).toBe(true);
    }
  });

  it.each(AWS_CHECKS.map((c) => [c.meta.id, c] as const))('%s is complete', (id, check) => {
    const meta = check.meta;
    expect(validateCheckMeta(meta)).toEqual([]);
    expect(id).toMatch(/^aws-[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(meta.provider).toBe('aws');
    expect(meta.references.length).toBeGreaterThan(0);
    for (const url of meta.references) expect(url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(meta.remediation.length).toBeGreaterThan(40);
    expect(meta.rationale.length).toBeGreaterThan(40);
    expect(Object.keys(meta.messages ?? {}).length).toBeGreaterThanOrEqual(2);
    expect(meta.permissions.length).toBeGreaterThan(0);
    expect(['scope', 'organization']).toContain(checkLevel(meta));
    if (checkLevel(meta) === 'organization') expect(meta.permissions.every((p) => p.startsWith('organizations:'))).toBe(true);
  });

  it('is sorted by id with unique ids', () => {
    const ids = AWS_CHECKS.map((c) => c.meta.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });
});
