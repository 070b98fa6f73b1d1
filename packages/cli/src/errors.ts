/**
 * CLI errors and exit codes.
 * @module
 */

/** Exit codes of the `demarc` command. */
export const EXIT = {
  /** Success, and no finding at or above `--fail-on`. */
  ok: 0,
  /** Findings at or above `--fail-on`. */
  findings: 1,
  /** Usage error or runtime error. */
  error: 2,
} as const;

/**
 * An error the CLI reports in one line, with what to do next, and exits 2. A message of several lines
 * (several problems at once, e.g. a config file's) is printed as one `error:` line each.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  /**
   * @param message - What went wrong.
   * @param hint - What to do next.
   */
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
