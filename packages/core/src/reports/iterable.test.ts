/** Reports read findings from any re-iterable source, so a million of them need not be in memory. */
import { describe, expect, it } from 'vitest';
import { scan } from '../runner/scan';
import type { Finding } from '../findings/types';
import { encryptedCheck, fakeProvider, loggingCheck, publicCheck } from '../runner/__fixtures__/fake-provider';
import { renderJsonReport } from './json';
import { renderMarkdownReport } from './markdown';
import { computeCoverage } from './coverage';
import { findingToJson, findingToJsonText } from './common';

describe('reports over an iterable of findings', () => {
  it('write the same bytes as over the array', async () => {
    const result = await scan({ providers: [fakeProvider({ scopes: 12 })], checks: [publicCheck, encryptedCheck, loggingCheck], now: new Date('2025-06-01T12:00:00Z') });
    const { findings } = result;
    let passes = 0;
    const lazy: Iterable<Finding> = {
      *[Symbol.iterator]() {
        passes += 1;
        yield* findings;
      },
    };
    expect(renderJsonReport({ ...result, findings: lazy })).toBe(renderJsonReport(result));
    expect(renderMarkdownReport({ ...result, findings: lazy })).toBe(renderMarkdownReport(result));
    expect(computeCoverage(result.checks, lazy)).toEqual(computeCoverage(result.checks, findings));
    expect(passes).toBeGreaterThan(0);
  });
});

describe('findingToJsonText fast path', () => {
  it('writes the bytes JSON.stringify writes, escapes and surrogates included', () => {
    const texts = ['plain', '', 'a"b', 'a\\b', 'x\u0001y', 'tab\there', 'nl\n', '\ud83d\ude00 paired', 'lone \ud800 high', 'lone \udc00 low', '\u2028 separator', '\u007f del', 'é ü ß'];
    for (const t of texts) {
      const f: Finding = { checkId: t, status: 'fail', severity: 'low', domain: 'governance', resource: { provider: t, scope: t, region: t, id: t, type: t, service: t, name: t }, message: t, messageId: t };
      expect(findingToJsonText(f)).toBe(JSON.stringify(findingToJson(f)));
    }
  });
});
