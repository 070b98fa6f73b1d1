/**
 * Terminal output: plain tables, colour only where the reader is a terminal that wants it.
 * @module
 */

/** Where the CLI writes, so tests and embedders can capture it. */
export interface Io {
  /** Standard output. */
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Standard error. */
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Environment variables (NO_COLOR, FORCE_COLOR, CI). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams and environment. */
export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Whether to colour output on a stream: never with `NO_COLOR` (https://no-color.org), only on a TTY. */
export function wantsColor(stream: { isTTY?: boolean }, env: Io['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;

/** A colour function per style; identity functions when colour is off. */
export type Palette = Readonly<Record<keyof typeof CODES, (text: string) => string>>;

/** Builds a {@link Palette} for a stream. */
export function palette(enabled: boolean): Palette {
  const entries = Object.entries(CODES).map(([name, [open, close]]) => [name, enabled ? (text: string) => `\u001b[${open}m${text}\u001b[${close}m` : (text: string) => text]);
  return Object.fromEntries(entries) as Palette;
}

/** Renders rows as a left-aligned text table with a header rule. Cells are plain strings. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n') + '\n';
}
