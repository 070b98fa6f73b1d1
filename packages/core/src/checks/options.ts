/**
 * Check options: each check declares its settings as a small JSON Schema per option (type, bounds,
 * `default`, `description`), as ESLint rules declare `schema` and `defaultOptions`. The declaration is
 * data: the docs and `demarc checks --json` print it, the config is validated against it, and the
 * check's `run` gets the values typed and with defaults filled in.
 * @module
 */

/** An integer option, e.g. a number of days. */
export interface IntegerOptionSchema {
  /** JSON Schema type. */
  readonly type: 'integer';
  /** What the option changes, for the docs. */
  readonly description: string;
  /** The value when the config gives none. */
  readonly default: number;
  /** Smallest allowed value. */
  readonly minimum?: number;
  /** Largest allowed value. */
  readonly maximum?: number;
}

/** A string option, optionally one of a fixed list. */
export interface StringOptionSchema {
  /** JSON Schema type. */
  readonly type: 'string';
  /** What the option changes, for the docs. */
  readonly description: string;
  /** The value when the config gives none. */
  readonly default: string;
  /** The allowed values, when the option is a choice. */
  readonly enum?: readonly string[];
}

/** A boolean option. */
export interface BooleanOptionSchema {
  /** JSON Schema type. */
  readonly type: 'boolean';
  /** What the option changes, for the docs. */
  readonly description: string;
  /** The value when the config gives none. */
  readonly default: boolean;
}

/** A list of integers (ports) or strings (tags, regions). */
export interface ArrayOptionSchema<Item extends 'integer' | 'string' = 'integer' | 'string'> {
  /** JSON Schema type. */
  readonly type: 'array';
  /** What the option changes, for the docs. */
  readonly description: string;
  /** The item type. */
  readonly items: { readonly type: Item };
  /** The value when the config gives none. */
  readonly default: readonly (Item extends 'integer' ? number : string)[];
  /** The fewest items allowed. */
  readonly minItems?: number;
}

/** The schema of one check option. */
export type CheckOptionSchema = IntegerOptionSchema | StringOptionSchema | BooleanOptionSchema | ArrayOptionSchema;

/** A check's options by name. */
export type CheckOptionSchemas = Readonly<Record<string, CheckOptionSchema>>;

/** The value type an option schema describes. */
export type CheckOptionValue<S extends CheckOptionSchema> = S extends IntegerOptionSchema
  ? number
  : S extends StringOptionSchema
    ? string
    : S extends BooleanOptionSchema
      ? boolean
      : S extends ArrayOptionSchema<infer Item>
        ? readonly (Item extends 'integer' ? number : string)[]
        : never;

/** The option values a check's `run` gets, typed from its schemas. */
export type CheckOptionValues<S extends CheckOptionSchemas> = { readonly [K in keyof S]: CheckOptionValue<S[K]> };

/** Option values as a config gives them: any subset, not yet validated. */
export type CheckOptionsInput = Readonly<Record<string, unknown>>;

const typeName = (value: unknown): string => (Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`);

/** What is wrong with one value for one schema; undefined when it is valid. */
function optionProblem(schema: CheckOptionSchema, value: unknown): string | undefined {
  switch (schema.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number, got ${typeName(value)}`;
      if (schema.minimum !== undefined && value < schema.minimum) return `must be at least ${schema.minimum}, got ${value}`;
      if (schema.maximum !== undefined && value > schema.maximum) return `must be at most ${schema.maximum}, got ${value}`;
      return undefined;
    case 'string':
      if (typeof value !== 'string') return `must be a string, got ${typeName(value)}`;
      if (schema.enum && !schema.enum.includes(value)) return `must be one of ${schema.enum.join(', ')}, got '${value}'`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false, got ${typeName(value)}`;
    case 'array': {
      if (!Array.isArray(value)) return `must be a list, got ${typeName(value)}`;
      if (schema.minItems !== undefined && value.length < schema.minItems) return `must have at least ${schema.minItems} item(s)`;
      const item: CheckOptionSchema =
        schema.items.type === 'integer' ? { type: 'integer', description: '', default: 0 } : { type: 'string', description: '', default: '' };
      const index = value.findIndex((v) => optionProblem(item, v) !== undefined);
      return index < 0 ? undefined : `item ${index} ${optionProblem(item, value[index])!}`;
    }
  }
}

/**
 * Lists what is wrong with option values given for a check: unknown names and invalid values, each as
 * `{ option, message }`. Empty when the values are valid.
 */
export function checkOptionProblems(
  schemas: CheckOptionSchemas,
  input: CheckOptionsInput,
): { readonly option: string; readonly message: string }[] {
  const problems: { option: string; message: string }[] = [];
  for (const [name, value] of Object.entries(input)) {
    const schema = schemas[name];
    if (!schema) {
      const known = Object.keys(schemas);
      problems.push({ option: name, message: `is not an option of this check${known.length ? ` (options: ${known.join(', ')})` : ' (it has none)'}` });
      continue;
    }
    const problem = optionProblem(schema, value);
    if (problem) problems.push({ option: name, message: problem });
  }
  return problems;
}

/** The values a check runs with: its defaults, overridden by the (already validated) input. */
export function resolveCheckOptions<S extends CheckOptionSchemas>(schemas: S, input: CheckOptionsInput = {}): CheckOptionValues<S> {
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(schemas)) values[name] = name in input ? input[name] : schema.default;
  return values as CheckOptionValues<S>;
}

/** Lists what is wrong with the schemas themselves (a default that its own schema refuses). */
export function checkOptionSchemaProblems(schemas: CheckOptionSchemas): string[] {
  return Object.entries(schemas).flatMap(([name, schema]) => {
    const problem = optionProblem(schema, schema.default);
    return problem ? [`options.${name}.default ${problem}`] : [];
  });
}
