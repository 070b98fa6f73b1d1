/**
 * Parsing the text of a config, attestation or mute file so that every problem names its line and
 * column: every syntax error at once (jsonc-parser in strict mode for JSON, since Node 20's
 * `JSON.parse` gives no position for most errors; yaml's own errors for YAML), and the position of any
 * value by its path for the schema's errors. {@link configIssues} turns zod's issues, all of them,
 * into one {@link ConfigError}.
 * @internal
 * @module
 */
import type { ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors';
import { jsonc, yaml } from './lazy';

/** A 1-based line and column. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * The position of the value at `path`, or of the key `key` of the object there (an unknown key);
 * for a path that is not in the document (a missing field), the nearest enclosing value's.
 */
export type Locate = (path: readonly (string | number)[], key?: string) => SourcePosition | undefined;

/** A parsed document and where its values are. */
export interface ParsedSource {
  readonly data: unknown;
  readonly locate: Locate;
}

/** Line and column (1-based) of `offset` in `text`. */
function positionAt(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** jsonc-parser's error codes, as a person fixing the file reads them. */
function jsonSyntaxProblem(code: string, text: string, offset: number): string {
  // `[1,]` or `{"a": 1,}`: a closing bracket right after a comma.
  const closing = (text[offset] === ']' || text[offset] === '}') && text.slice(0, offset).trimEnd().endsWith(',');
  const problems: Readonly<Record<string, string>> = {
    ValueExpected: closing ? 'a value is expected here (JSON allows no trailing comma)' : 'a value is expected here',
    PropertyNameExpected: closing
      ? 'a property name is expected here (JSON allows no trailing comma)'
      : 'a property name in double quotes is expected here',
    CommaExpected: "a ',' is expected here, between two values",
    ColonExpected: "a ':' is expected after the property name",
    CloseBraceExpected: "a '}' is expected to close the object",
    CloseBracketExpected: "a ']' is expected to close the array",
    EndOfFileExpected: 'the file should end after the first value',
    InvalidCommentToken: 'JSON allows no comments',
    InvalidSymbol: 'this is not a JSON value (strings need double quotes; the bare words are true, false and null)',
    InvalidNumberFormat: 'this is not a valid number',
    InvalidUnicode: 'this is not a valid \\u escape',
    InvalidEscapeCharacter: 'this is not a valid escape character',
    InvalidCharacter: 'a control character (a tab or a line break) must be escaped inside a string',
    UnexpectedEndOfComment: 'a comment is not closed',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfNumber: 'a number is not finished',
  };
  return problems[code] ?? code;
}

/**
 * Parses JSON text strictly (no comments, no trailing commas) with the position of every value.
 * @throws {@link ConfigError} with every syntax error, each with its line and column.
 */
export function parseJsonText(text: string, file: string): ParsedSource {
  const parser = jsonc();
  let data: unknown;
  try {
    // JSON.parse decides what is valid JSON; jsonc-parser only says where the problems are.
    data = JSON.parse(text) as unknown;
  } catch (error) {
    const errors: ParseError[] = [];
    parser.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const seen = new Set<number>();
    const issues: ConfigIssue[] = errors
      .filter((e) => !seen.has(e.offset) && seen.add(e.offset))
      .map((e) => {
        const problem = jsonSyntaxProblem(parser.printParseErrorCode(e.error), text, e.offset);
        return { file, ...positionAt(text, e.offset), problem: `cannot be parsed as JSON: ${problem}` };
      });
    // jsonc-parser accepts a few things JSON.parse does not: then JSON.parse's own words, without a position.
    const fallback = { file, problem: `cannot be parsed as JSON: ${(error as Error).message}` };
    const [first, ...rest] = issues.length > 0 ? issues : [fallback];
    throw ConfigError.fromIssues([first!, ...rest], { cause: error });
  }
  const root = parser.parseTree(text);
  const locate: Locate = (path, key) => {
    if (!root) return undefined;
    if (key !== undefined) {
      const property = parser.findNodeAtLocation(root, [...path, key])?.parent;
      if (property?.type === 'property' && property.children?.[0]) return positionAt(text, property.children[0].offset);
    }
    for (let depth = path.length; depth >= 0; depth--) {
      const node = parser.findNodeAtLocation(root, path.slice(0, depth));
      if (node) return positionAt(text, node.offset);
    }
    return undefined;
  };
  return { data, locate };
}

/**
 * Parses YAML text with the position of every value.
 * @throws {@link ConfigError} with every syntax error, each with its line and column.
 */
export function parseYamlText(text: string, file: string): ParsedSource {
  const { parseDocument, LineCounter, isMap } = yaml();
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const [first, ...rest] = document.errors.map(
    (e): ConfigIssue => ({ file, ...at(e.pos[0]), problem: `cannot be parsed as YAML: ${e.message}` }),
  );
  if (first) throw ConfigError.fromIssues([first, ...rest], { cause: document.errors[0] });
  const locate: Locate = (path, key) => {
    if (key !== undefined) {
      const map = document.getIn(path, true);
      const keyOf = (item: { key: unknown }): unknown => (item.key as { value?: unknown } | null)?.value;
      const pair = isMap(map) ? map.items.find((item) => keyOf(item) === key) : undefined;
      const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
      if (range) return at(range[0]);
    }
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return at(range[0]);
    }
    return undefined;
  };
  return { data: document.toJS() as unknown, locate };
}

/** How a file's entries are named: the entry and the field of an issue's path. */
export type DescribePath = (path: readonly (string | number)[]) => { readonly entry?: string; readonly field?: string };

/** The default naming: the entry up to the first list index (`mutes[0]`), the rest as the field. */
export const describeByFirstIndex: DescribePath = (path) => {
  const parts = path.map(String);
  const indexAt = path.findIndex((p) => typeof p === 'number');
  if (indexAt < 0) return parts.length ? { field: parts.join('.') } : {};
  const entry = `${parts.slice(0, indexAt).join('.')}[${parts[indexAt]}]`;
  return { entry, ...(parts.length > indexAt + 1 ? { field: parts.slice(indexAt + 1).join('.') } : {}) };
};

/**
 * Every zod issue as one {@link ConfigError}: each with the file, the entry and field, the path and,
 * when `locate` is given, the line and column of the offending value (of the key, for an unknown key).
 */
export function configIssues(
  error: z.ZodError,
  file: string,
  options: { readonly locate?: Locate; readonly describe?: DescribePath } = {},
): ConfigError {
  const describe = options.describe ?? describeByFirstIndex;
  const issues = error.issues.flatMap((issue): ConfigIssue[] => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    // An unknown key is one issue per key, at the key.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const position = options.locate?.(path, key);
      const problem = key !== undefined && keys.length > 1 ? `Unrecognized key: "${key}"` : issue.message;
      return { file, ...describe(path), ...(position ?? {}), path, problem };
    });
  });
  const [first, ...rest] = issues;
  return ConfigError.fromIssues([first ?? { file, problem: error.message }, ...rest], { cause: error });
}
