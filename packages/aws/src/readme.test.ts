import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AWS_CATALOG } from './catalog';
import { AWS_CHECKS } from './checks/index';
import { leastPrivilegePolicy } from './permissions';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents exactly the generated least-privilege policy', () => {
    const block = /<!-- least-privilege-policy:start -->\n```json\n([\s\S]*?)\n```\n<!-- least-privilege-policy:end -->/.exec(readme)?.[1];
    expect(block).toBeDefined();
    expect(JSON.parse(block!)).toEqual(leastPrivilegePolicy(AWS_CHECKS.map((c) => c.meta)));
  });

  it('lists every check and the catalog size', () => {
    for (const check of AWS_CHECKS) expect(readme).toContain(`| \`${check.meta.id}\` | ${check.meta.title} |`);
    expect(readme).toContain(`holds ${AWS_CATALOG.length} services`);
  });
});
