import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GCP_CHECKS } from './checks/index';
import { GCP_OPERATIONS } from './operations/index';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const block = (name: string): string => new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme)?.[1] ?? '';
const rows = (text: string): string[][] =>
  text.split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split(' | ').map((cell) => cell.replace(/^\| ?|`/g, '').trim()));

describe('README', () => {
  it('lists every check, in id order, with its domain and its options', () => {
    const table = rows(block('checks'));
    expect(table.map((row) => row[0])).toEqual(GCP_CHECKS.map((check) => check.meta.id));
    for (const check of GCP_CHECKS) {
      const row = table.find((cells) => cells[0] === check.meta.id)!;
      expect(row[1], check.meta.id).toBe(check.meta.domain);
      const options = Object.keys(check.meta.options ?? {});
      for (const option of options) expect(row[3], check.meta.id).toContain(option);
      if (options.length === 0) expect(row[3]?.replace(/\|$/, '').trim(), check.meta.id).toBe('');
    }
  });

  it('lists every renamed check: former id → id', () => {
    const renames = GCP_CHECKS.flatMap((check) => (check.meta.aliases ?? []).map((alias) => [alias, check.meta.id]));
    expect(rows(block('renamed')).map(([former, id]) => [former, id?.replace(/ \|$/, '')])).toEqual(renames.sort());
  });

  it('lists every operation with its permissions', () => {
    for (const [name, operation] of Object.entries(GCP_OPERATIONS)) {
      expect(readme).toContain(`| \`${name}\` |`);
      const line = readme.split('\n').find((l) => l.startsWith(`| \`${name}\` |`))!;
      for (const permission of operation.permissions) expect(line, name).toContain(`\`${permission}\``);
    }
  });
});
