/** A file the generators own, whole, with the content it must have. */
export interface GeneratedFile {
  /** Absolute path. */
  readonly file: string;
  /** The complete content. */
  readonly content: string;
}
