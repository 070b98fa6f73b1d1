/**
 * Typed errors of the check contract, the runner and the config loaders. Each class carries a
 * `Symbol.for` marker so `isInstance` works across duplicate installs of `@demarc/core` (a provider
 * package may bring its own copy), where `instanceof` would not.
 * @module
 */

const DEMARC_ERROR = Symbol.for('demarc.error');
const CONFIG_ERROR = Symbol.for('demarc.error.config');
const PLUGIN_LOAD_ERROR = Symbol.for('demarc.error.plugin-load');
const COLLECTOR_ERROR = Symbol.for('demarc.error.collector');
const ACCESS_DENIED_ERROR = Symbol.for('demarc.error.access-denied');
const TIMEOUT_ERROR = Symbol.for('demarc.error.timeout');
const CREDENTIALS_ERROR = Symbol.for('demarc.error.credentials');

function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === 'object' && value !== null && marker in value;
}

/**
 * Base class of every demarc error.
 * @example
 * ```ts
 * if (DemarcError.isInstance(error)) console.error(error.name, error.message);
 * ```
 */
export class DemarcError extends Error {
  /** Marks instances across duplicate installs of the package. */
  readonly [DEMARC_ERROR] = true;
  override name = 'DemarcError';

  /** True for an error from any copy of `@demarc/core`. */
  static isInstance(value: unknown): value is DemarcError {
    return hasMarker(value, DEMARC_ERROR);
  }
}

/** Where in a file a configuration problem is. */
export interface ConfigErrorLocation {
  /** The file (path as given) or a label such as `'<inline config>'`. */
  readonly file: string;
  /** The entry, e.g. `'attestations[2] (security-policy)'`, when the file is a list. */
  readonly entry?: string;
  /** The field path inside the entry, e.g. `'validFor'`. */
  readonly field?: string;
  /** The 1-based line of the offending value (or syntax error), when the file's text was parsed. */
  readonly line?: number;
  /** The 1-based column, with {@link ConfigErrorLocation.line}. */
  readonly column?: number;
}

/** One problem in a config, attestation or mute file: where it is and what is wrong. */
export interface ConfigIssue extends ConfigErrorLocation {
  /** The offending value's path from the document root, e.g. `['mutes', 1, 'expires']`; `[]` is the whole file. */
  readonly path?: readonly (string | number)[];
  /** What is wrong, in a sentence, e.g. `'must be an ISO date (YYYY-MM-DD)'`. */
  readonly problem: string;
}

/** Options of {@link ConfigError}: every problem found, when there are several. */
export interface ConfigErrorOptions extends ErrorOptions {
  /** Every problem in the file, the one the location and problem describe first. */
  readonly issues?: readonly ConfigIssue[];
}

/** A field path as a person writes it: `mutes[1].expires`. */
export function formatConfigPath(path: readonly (string | number)[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index > 0 ? `.${part}` : part)).join('');
}

/**
 * One issue as one line an editor or a CI log links to the spot: `file:line:column: field: problem`
 * (the position and field only when known).
 * @example
 * ```ts
 * const issue = { file: 'demarc.config.json', line: 12, column: 5, path: ['mutes', 1, 'expires'], problem: 'must be an ISO date' };
 * formatConfigIssue(issue);
 * // 'demarc.config.json:12:5: mutes[1].expires: must be an ISO date'
 * ```
 */
export function formatConfigIssue(issue: ConfigIssue): string {
  const column = issue.column === undefined ? '' : `:${issue.column}`;
  const position = issue.line === undefined ? '' : `:${issue.line}${column}`;
  const field = issue.path ? formatConfigPath(issue.path) : [issue.entry, issue.field].filter(Boolean).join('.');
  return `${issue.file}${position}: ${field ? `${field}: ` : ''}${issue.problem}`;
}

const whereOf = (location: ConfigErrorLocation): string =>
  [location.file, location.entry, location.field].filter(Boolean).join(': ');

/**
 * A config, attestation or mute file is invalid. The message names the file, the entry and the field
 * so the user fixes it in one step; `issues` holds every problem found (with its line and column when
 * the file's text was parsed), so all of them are fixed in one go. The location fields describe the
 * first, and the message has one line per issue.
 */
export class ConfigError extends DemarcError {
  readonly [CONFIG_ERROR] = true;
  override name = 'ConfigError';
  /** The file. */
  readonly file: string;
  /** The entry, if any. */
  readonly entry: string | undefined;
  /** The field path, if any. */
  readonly field: string | undefined;
  /** The 1-based line of the (first) problem, when known. */
  readonly line: number | undefined;
  /** The 1-based column of the (first) problem, when known. */
  readonly column: number | undefined;
  /** Every problem found, at least one: the one `location` and `problem` describe comes first. */
  readonly issues: readonly ConfigIssue[];

  /**
   * @param location - File, entry and field (and line and column when known).
   * @param problem - What is wrong, in a sentence.
   * @param options - The cause, and `issues` when the file has more than this one problem.
   */
  constructor(location: ConfigErrorLocation, problem: string, options?: ConfigErrorOptions) {
    const { issues: more, ...errorOptions } = options ?? {};
    const issues = more && more.length > 0 ? more : [{ ...location, problem }];
    const others = issues.slice(1).map((issue) => `${whereOf(issue)}: ${issue.problem}`);
    const lines = [`${whereOf(location)}: ${problem}`, ...others];
    super(lines.join('\n'), errorOptions);
    this.file = location.file;
    this.entry = location.entry;
    this.field = location.field;
    this.line = location.line;
    this.column = location.column;
    this.issues = issues;
  }

  /**
   * The error for a list of problems (at least one): the first gives the location and message.
   * @example
   * ```ts
   * throw ConfigError.fromIssues([{ file, path: ['mutes', 0, 'reason'], problem: 'a mute needs a reason' }]);
   * ```
   */
  static fromIssues(issues: readonly [ConfigIssue, ...ConfigIssue[]], options?: ErrorOptions): ConfigError {
    return new ConfigError(issues[0], issues[0].problem, { ...options, issues });
  }

  /** True for a `ConfigError` from any copy of `@demarc/core`. */
  static override isInstance(value: unknown): value is ConfigError {
    return hasMarker(value, CONFIG_ERROR);
  }
}

/** A provider or check pack named in the config could not be loaded or does not implement the contract. */
export class PluginLoadError extends DemarcError {
  readonly [PLUGIN_LOAD_ERROR] = true;
  override name = 'PluginLoadError';

  /**
   * @param plugin - The package name or path as written in the config.
   * @param problem - What went wrong.
   */
  constructor(
    readonly plugin: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`Plugin '${plugin}': ${problem}`, options);
  }

  /** True for a `PluginLoadError` from any copy of `@demarc/core`. */
  static override isInstance(value: unknown): value is PluginLoadError {
    return hasMarker(value, PLUGIN_LOAD_ERROR);
  }
}

/**
 * A collector (one cloud API operation) failed. `retryable` tells throttling and transient faults
 * from permanent ones.
 */
export class CollectorError extends DemarcError {
  readonly [COLLECTOR_ERROR] = true;
  override name = 'CollectorError';
  /** True when trying again later may succeed (throttling, 5xx, network). */
  readonly retryable: boolean;

  /**
   * @param operation - The collector operation, e.g. `'iam:ListRoles'`.
   * @param message - What went wrong.
   */
  constructor(
    readonly operation: string,
    message: string,
    options?: ErrorOptions & { retryable?: boolean },
  ) {
    super(message, options);
    this.retryable = options?.retryable ?? false;
  }

  /** True for a `CollectorError` (or subclass) from any copy of `@demarc/core`. */
  static override isInstance(value: unknown): value is CollectorError {
    return hasMarker(value, COLLECTOR_ERROR);
  }
}

/**
 * The credentials may not read what a check needs. A provider converts its vendor's permission error
 * into this at its boundary; the finding becomes `error` (duty unverified), never `pass`.
 */
export class AccessDeniedError extends CollectorError {
  readonly [ACCESS_DENIED_ERROR] = true;
  override name = 'AccessDeniedError';

  /** True for an `AccessDeniedError` from any copy of `@demarc/core`. */
  static override isInstance(value: unknown): value is AccessDeniedError {
    return hasMarker(value, ACCESS_DENIED_ERROR);
  }
}

/**
 * No credentials were found, so nothing could be asked of the cloud. A provider converts its SDK's
 * "no credentials" failure into this at its boundary; `hint` names the credential sources that were
 * tried and how to provide one, so the user fixes it in one step. Never carries a credential.
 */
export class CredentialsError extends CollectorError {
  readonly [CREDENTIALS_ERROR] = true;
  override name = 'CredentialsError';

  /**
   * @param operation - The call that needed the credentials, e.g. `'sts:GetCallerIdentity'`.
   * @param message - What went wrong.
   * @param hint - The credential sources tried and how to provide one.
   */
  constructor(
    operation: string,
    message: string,
    readonly hint: string,
    options?: ErrorOptions,
  ) {
    super(operation, message, { ...options, retryable: false });
  }

  /** True for a `CredentialsError` (or subclass) from any copy of `@demarc/core`. */
  static override isInstance(value: unknown): value is CredentialsError {
    return hasMarker(value, CREDENTIALS_ERROR);
  }
}

/** A check or collector did not finish within its time limit. */
export class TimeoutError extends DemarcError {
  readonly [TIMEOUT_ERROR] = true;
  override name = 'TimeoutError';

  /**
   * @param what - What timed out, e.g. `"check 'aws-s3-public' in scope 123456789012"`.
   * @param timeoutMs - The limit in milliseconds.
   */
  constructor(
    what: string,
    readonly timeoutMs: number,
  ) {
    super(`${what} timed out after ${timeoutMs} ms`);
  }

  /** True for a `TimeoutError` from any copy of `@demarc/core`. */
  static override isInstance(value: unknown): value is TimeoutError {
    return hasMarker(value, TIMEOUT_ERROR);
  }
}

/** The summary of an error that findings, snapshots and reports carry: plain data, no stack. */
export interface ErrorSummary {
  /** The error class name, e.g. `'AccessDeniedError'`. */
  readonly name: string;
  /** Its message. */
  readonly message: string;
  /** For collector errors: whether a retry may succeed. */
  readonly retryable?: boolean;
  /** For collector errors: the operation. */
  readonly operation?: string;
  /** For a {@link CredentialsError}: the credential sources tried and how to provide one. */
  readonly hint?: string;
}

/** Reduces any thrown value to an {@link ErrorSummary}, following `cause` for the message of wrapped errors. */
export function summarizeError(error: unknown): ErrorSummary {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const e = error as Error & { retryable?: unknown; operation?: unknown };
    const causeMessage = e.cause instanceof Error && !String(e.message).includes(e.cause.message) ? ` (cause: ${e.cause.message})` : '';
    return {
      name: typeof e.name === 'string' ? e.name : 'Error',
      message: `${String(e.message)}${causeMessage}`,
      ...(typeof e.retryable === 'boolean' ? { retryable: e.retryable } : {}),
      ...(typeof e.operation === 'string' ? { operation: e.operation } : {}),
      ...(CredentialsError.isInstance(error) ? { hint: error.hint } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

/** Rebuilds a throwable error from a summary (used when replaying a snapshot that recorded a failure). */
export function errorFromSummary(summary: ErrorSummary): Error {
  const options = summary.retryable === undefined ? {} : { retryable: summary.retryable };
  let error: Error;
  if (summary.name === 'CredentialsError') error = new CredentialsError(summary.operation ?? 'unknown', summary.message, summary.hint ?? '');
  else if (summary.name === 'AccessDeniedError') error = new AccessDeniedError(summary.operation ?? 'unknown', summary.message, options);
  else if (summary.name === 'CollectorError') error = new CollectorError(summary.operation ?? 'unknown', summary.message, options);
  else {
    error = new DemarcError(summary.message);
    error.name = summary.name;
  }
  return error;
}
