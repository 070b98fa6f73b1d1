/** In-process unit tests of the CLI's small decisions: formats, gating, progress, table rendering. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@demarc/core';
import { findingsAtOrAbove, parseFormat } from './formats';
import { createProgress, wantsProgress } from './progress';
import { renderTable, wantsColor, type Io } from './output';

const sink = (isTTY: boolean) => {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => chunks.join('') };
};

const io = (stderrTTY: boolean, env: Record<string, string | undefined> = {}) => {
  const err = sink(stderrTTY);
  return { io: { stdout: sink(false).stream, stderr: err.stream, env } satisfies Io, text: err.text };
};

const finding = (status: Finding['status'], severity: Finding['severity']): Finding => ({
  checkId: 'c',
  status,
  severity,
  domain: 'accounts-access',
  resource: { provider: 'p', scope: 's', id: 'r' },
  message: 'm',
});

describe('formats', () => {
  it('accepts the documented names and aliases, nothing else', () => {
    expect(['text', 'json', 'md', 'markdown', 'sarif', 'ocsf', 'ndjson', 'junit', 'xml', 'csv', 'JSON'].map(parseFormat)).toEqual([
      'text', 'json', 'md', 'md', 'sarif', 'ocsf', 'ocsf', 'junit', 'junit', 'csv', 'json',
    ]);
    expect(parseFormat('pdf')).toBeUndefined();
  });

  it('--fail-on counts failing findings at or above the severity, never errors or muted ones', () => {
    const findings = [finding('fail', 'critical'), finding('fail', 'medium'), finding('error', 'critical'), finding('muted', 'high'), finding('pass', 'high')];
    expect(findingsAtOrAbove(findings, 'critical')).toHaveLength(1);
    expect(findingsAtOrAbove(findings, 'high')).toHaveLength(1);
    expect(findingsAtOrAbove(findings, 'medium')).toHaveLength(2);
    expect(findingsAtOrAbove(findings, 'informational')).toHaveLength(2);
  });
});

describe('progress bar', () => {
  it('is drawn only on a TTY stderr without CI', () => {
    expect(wantsProgress(io(true).io)).toBe(true);
    expect(wantsProgress(io(false).io)).toBe(false);
    expect(wantsProgress(io(true, { CI: 'true' }).io)).toBe(false);
    expect(wantsProgress(io(true, { CI: '1' }).io)).toBe(false);
    expect(wantsProgress(io(true, { CI: 'false' }).io)).toBe(true);
  });

  it('draws the bar and clears it at the end', () => {
    const { io: tty, text } = io(true);
    const progress = createProgress(tty, 10);
    progress.onEvent({ type: 'scan-planned', tasks: 2 });
    progress.onEvent({ type: 'check-finished', provider: 'aws', scope: '1', checkId: 'c', findings: 0, outcome: 'ok', done: 2, total: 2 });
    progress.done();
    expect(text()).toContain('██████████ 2/2 checks aws/1');
    expect(text().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('writes nothing when not wanted', () => {
    const { io: piped, text } = io(false);
    const progress = createProgress(piped);
    progress.onEvent({ type: 'scan-planned', tasks: 2 });
    progress.done();
    expect(text()).toBe('');
  });
});

describe('output', () => {
  it('colour: NO_COLOR wins, FORCE_COLOR forces, else only a TTY', () => {
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(wantsColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColor({ isTTY: true }, {})).toBe(true);
    expect(wantsColor({ isTTY: false }, {})).toBe(false);
    // An empty NO_COLOR does not count (no-color.org).
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
  });

  it('renders aligned tables', () => {
    expect(renderTable(['a', 'bb'], [['xxx', 'y'], ['z', '']])).toBe('a    bb\n---  --\nxxx  y\nz\n');
  });
});
