/**
 * CLI errors and exit codes.
 * @module
 */

/** Exit codes of the `demarc` command. */
export const EXIT = {
  /** Success, and no finding at or above `--fail-on`. */
  ok: 0,
  /** Failing or unverified (`error`) findings at or above `--fail-on`, or nothing verified at all. */
  findings: 1,
  /** Usage or runtime error, an interrupted scan, or a provider that could not be scanned at all. */
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
