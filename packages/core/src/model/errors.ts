const UNKNOWN_ID_MARKER = Symbol.for('demarc.error.unknown-id');

/**
 * Thrown when a caller passes an id the model does not know. The message lists the valid ids, so a
 * typo on the command line or in a config file is fixed in one step.
 *
 * @example
 * ```ts
 * try { ownerOf('acounts-access' as DomainId, 'saas'); }
 * catch (error) { if (UnknownIdError.isInstance(error)) console.error(error.validIds); }
 * ```
 */
export class UnknownIdError extends Error {
  /** Marks instances across duplicate installs of the package. */
  readonly [UNKNOWN_ID_MARKER] = true;
  override readonly name = 'UnknownIdError';

  /**
   * @param kind - What kind of id was expected (`'domain'`, `'service model'`, ...).
   * @param id - The id that was given.
   * @param validIds - Every id that would have been accepted.
   */
  constructor(
    readonly kind: string,
    readonly id: string,
    readonly validIds: readonly string[],
  ) {
    super(`Unknown ${kind} '${id}'. Valid ${kind} ids: ${validIds.join(', ')}.`);
  }

  /** True for an `UnknownIdError` from any copy of `@demarc/core`. */
  static isInstance(value: unknown): value is UnknownIdError {
    return typeof value === 'object' && value !== null && UNKNOWN_ID_MARKER in value;
  }
}
