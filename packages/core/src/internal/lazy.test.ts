import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../__fixtures__/source-files';
import { lazyObject, once, zod } from './lazy';
import { configSchema, parseConfig } from '../config';
import { muteRuleSchema } from '../mutes/index';
import { attestationFileSchema } from '../attestations/index';
import { reportJsonSchema, reportSchema } from '../reports/json';

const src = new URL('..', import.meta.url).pathname;

describe('dependencies loaded on first use', () => {
  it('no source file imports zod, yaml or csv-stringify as a value (types only): importing @demarc/core loads none of them', () => {
    const deferred = /^(zod|yaml|csv-stringify)(\/|$)/;
    const offending = sourceFiles(src)
      .filter((file) => !file.endsWith('internal/lazy.ts'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)]
          .filter((m) => !m[2] && deferred.test(m[3] ?? m[4] ?? ''))
          .map((m) => `${file.slice(src.length)}: ${m[0].trim()}`),
      );
    expect(offending).toEqual([]);
  });

  it('once() makes its value on the first call only', () => {
    let made = 0;
    const get = once(() => ({ n: (made += 1) }));
    expect(made).toBe(0);
    expect(get()).toBe(get());
    expect(made).toBe(1);
  });

  it('lazyObject() makes the object on first touch and behaves as it', () => {
    let made = 0;
    class Thing {
      readonly size = 3;
      twice(): number {
        return this.size * 2;
      }
    }
    const thing = lazyObject(() => ((made += 1), new Thing()));
    expect(made).toBe(0);
    const twice = thing.twice;
    expect(twice()).toBe(6); // methods are bound to the real object
    expect(thing).toBeInstanceOf(Thing);
    expect('size' in thing).toBe(true);
    expect(Object.keys(thing)).toEqual(['size']);
    expect(made).toBe(1);
  });

  it('the exported zod schemas validate, compose and convert like the real ones', () => {
    const { z } = zod();
    expect(muteRuleSchema.safeParse({ check: 'aws-*', reason: 'accepted' }).success).toBe(true);
    expect(muteRuleSchema.safeParse({ check: 'aws-*', reason: ' ' }).success).toBe(false);
    expect(z.array(muteRuleSchema).optional().safeParse([{ check: 'x', reason: 'y' }]).success).toBe(true);
    expect(muteRuleSchema).toBeInstanceOf(z.ZodObject);
    expect(configSchema.parse({}).providers).toEqual([]);
    expect(parseConfig({ mutes: [{ check: 'a', reason: 'b' }] }).mutes).toHaveLength(1);
    expect(attestationFileSchema.safeParse({ version: 1, attestations: [] }).success).toBe(true);
    expect(z.toJSONSchema(reportSchema, { io: 'output' })).toEqual(z.toJSONSchema(zod().z.strictObject(reportSchema.shape), { io: 'output' }));
    expect(reportJsonSchema()).toMatchObject({ type: 'object', required: expect.arrayContaining(['findings']) });
  });
});
