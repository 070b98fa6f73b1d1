/**
 * What `demarc scan` and `demarc merge` share once they hold a result: the output options
 * (`--format`, `--json`, `--fail-on`), writing the report to stdout or `--out`, and the exit code.
 * @module
 */
import { SEVERITIES, type ScanResult, type Severity } from '@demarc/core';
import { CliError } from './errors';
import { decideExit, discoveryFailureLines } from './exit';
import { FORMATS, configArtifactUri, parseFormat, renderReport, renderText, type Format, type SkippedProvider } from './formats';
import { writeOutputFile } from './output-files';
import { palette, type Io, type Palette } from './output';

/** The `--fail-on` values: every severity, and `none`. */
export const FAIL_ON = [...SEVERITIES, 'none'] as const;

/** The output flags as commander parses them. */
export interface OutputFlags {
  /** `--format <format>`. */
  readonly format?: string;
  /** `--json`: the same as `--format json`. */
  readonly json?: boolean;
  /** `--fail-on <severity>`. */
  readonly failOn?: string;
}

/** The output flags, validated. */
export interface OutputOptions {
  /** The report format. */
  readonly format: Format;
  /** The gate: exit 1 when a finding fails at or above it; `undefined` never gates. */
  readonly failOn: Severity | undefined;
}

/**
 * Validates `--format`, `--json` and `--fail-on`.
 * @throws {@link CliError} for an unknown format or severity, or `--json` with another format.
 * @example
 * ```ts
 * parseOutputFlags({ format: 'markdown', failOn: 'HIGH' }); // { format: 'md', failOn: 'high' }
 * ```
 */
export function parseOutputFlags(options: OutputFlags): OutputOptions {
  const formatName = options.json ? 'json' : (options.format ?? 'text');
  const format = parseFormat(formatName);
  if (!format) throw new CliError(`Unknown format '${formatName}'.`, `Use one of: ${FORMATS.join(', ')} (md is Markdown, ocsf is OCSF NDJSON, junit is JUnit XML).`);
  if (options.json && options.format !== undefined && parseFormat(options.format) !== 'json') {
    throw new CliError(`--json and --format ${options.format} contradict each other.`, 'Give one of them: --json is short for --format json.');
  }
  let failOn: Severity | undefined;
  if (options.failOn !== undefined) {
    const value = options.failOn.toLowerCase();
    if (!(FAIL_ON as readonly string[]).includes(value)) throw new CliError(`Unknown severity '${options.failOn}' for --fail-on.`, `Use one of: ${FAIL_ON.join(', ')}.`);
    failOn = value === 'none' ? undefined : (value as Severity);
  }
  return { format, failOn };
}

/** Where and how {@link emitReport} writes. */
export interface EmitOptions extends OutputOptions {
  /** `--out <file>`, relative to `cwd`; without it the report goes to stdout. */
  readonly out?: string;
  /** What was scanned, for the first line of the text summary. */
  readonly target: string;
  /** Providers that were asked for and not scanned. */
  readonly skipped: readonly SkippedProvider[];
  /** The two lines (error, what to do) printed when the result is partial. */
  readonly abortedMessage: readonly [string, string];
  /** The config file the scan used (absolute path), which SARIF results point at; none without one. */
  readonly configFile?: string;
  /** `--allow-unverified`: `error` findings (unverified duties) do not fail the `--fail-on` gate. */
  readonly allowUnverified: boolean;
}

/** What {@link emitReport} needs from the command. */
export interface EmitEnvironment {
  /** Where output goes. */
  readonly io: Io;
  /** Colours for stdout. */
  readonly colours: Palette;
  /** Colours for stderr. */
  readonly errColours: Palette;
  /** The working directory `--out` is relative to. */
  readonly cwd: string;
}

/**
 * Writes the report of `result` (stdout, or `--out` with the text summary on stdout), notes the
 * unverified findings on stderr, and returns the exit code {@link decideExit} gives: 2 for a partial
 * result or a provider whose discovery failed (one line each on stderr: the cause and how to fix it),
 * 1 when the `--fail-on` gate fails, else 0.
 * @throws {@link CliError} after the summary when `--out` cannot be written; the report is then kept in a
 * temporary file the error names.
 */
export async function emitReport(result: ScanResult, options: EmitOptions, env: EmitEnvironment): Promise<number> {
  const { io, colours, errColours, cwd } = env;
  const { format, failOn } = options;
  const exit = decideExit(result, { failOn, allowUnverified: options.allowUnverified });
  const text = (colouring: Palette): string => renderText(result, { target: options.target, skipped: options.skipped, failOn, exit }, colouring);
  const rendering = options.configFile === undefined ? {} : { configUri: configArtifactUri(options.configFile, cwd) };
  if (options.out !== undefined) {
    // A file never gets colour codes.
    const report = format === 'text' ? text(palette(false)) : renderReport(format, result, rendering);
    const failure = await writeOutputFile(options.out, report, `${format} report`, cwd);
    // The person (or CI log) still sees the summary; the report is in the file (or kept, exit 2).
    io.stdout.write(text(colours));
    if (failure) throw failure;
    io.stdout.write(`${format} report written to ${options.out}\n`);
  } else {
    io.stdout.write(format === 'text' ? text(colours) : renderReport(format, result, rendering));
  }
  if (format === 'sarif' && options.configFile === undefined) {
    // GitHub code scanning drops results without a file location: say so where the upload would fail.
    io.stderr.write(
      `${errColours.yellow('note:')} no config file, so the SARIF results name no file, and GitHub code scanning ` +
        'shows only results that do. Use a config file (demarc.config.json, or --config <file>) to upload them.\n',
    );
  }

  if (result.aborted) {
    io.stderr.write(`${errColours.red('error:')} ${options.abortedMessage[0]}\n${options.abortedMessage[1]}\n`);
    return exit.code;
  }
  const errors = result.findings.filter((f) => f.status === 'error').length;
  if (errors > 0 && format !== 'text') io.stderr.write(`${errColours.yellow('note:')} ${errors} finding(s) are errors: those duties are unverified, not passed (access denied, throttling or a failed call).\n`);
  for (const line of discoveryFailureLines(result)) io.stderr.write(`${errColours.red('error:')} ${line}\n`);
  return exit.code;
}
