/**
 * JSON value types and canonical serialization, shared by the runner, snapshots and reports.
 * @module
 */

/** A JSON primitive. */
export type JsonPrimitive = string | number | boolean | null;
/** Any JSON value: what collectors return, evidence holds and snapshots store. */
export type JsonValue = JsonPrimitive | readonly JsonValue[] | { readonly [key: string]: JsonValue };
/** A JSON object. */
export type JsonObject = { readonly [key: string]: JsonValue };

/**
 * Returns a deep copy of `value` whose object keys are sorted, so `JSON.stringify` of the result is
 * the same for equal data whatever order keys were inserted in. `undefined` members are dropped.
 */
export function canonicalize(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonicalize(item)));
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, JsonValue> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined && typeof member !== 'function') out[key] = canonicalize(member);
    }
    return out;
  }
  return null;
}

/** `JSON.stringify` of the canonical form: equal data gives equal strings (used as cache keys). */
export function stableStringify(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

/** Compares strings by UTF-16 code units: locale-independent, so sort order is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
