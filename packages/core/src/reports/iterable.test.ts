/** Reports read findings from any re-iterable source, so a million of them need not be in memory. */
import { describe, expect, it } from 'vitest';
import { scan } from '../runner/scan';
import type { Finding } from '../findings/types';
import { encryptedCheck, fakeProvider, loggingCheck, publicCheck } from '../runner/__fixtures__/fake-provider';
import { renderJsonReport } from './json';
import { renderMarkdownReport } from './markdown';
import { computeCoverage } from './coverage';

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
