/**
 * Dependencies loaded on first use. zod, yaml and csv-stringify take about 65 ms to import together on
 * a 2-core machine, several times the rest of `@demarc/core`; they serve config and attestation files,
 * the JSON result's schema and the CSV report (jsonc-parser, which finds positions in JSON files, too).
 * They are loaded (synchronously, with `require`) the first time one of those is used, so
 * `import '@demarc/core'` to read the model or run a scan stays cheap (the scale benchmark in `bench/`
 * measures it).
 * @internal
 * @module
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** `make()` once, then the same value. */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/** zod, on first use. */
export const zod = once(() => load('zod') as typeof import('zod'));
/** yaml, on first use. */
export const yaml = once(() => load('yaml') as typeof import('yaml'));
/** jsonc-parser (positions of JSON syntax errors and values), on first use. */
export const jsonc = once(() => load('jsonc-parser') as typeof import('jsonc-parser'));
/** csv-stringify's synchronous API, on first use. */
export const csvStringify = once(() => load('csv-stringify/sync') as typeof import('csv-stringify/sync'));

/**
 * An object made on first use, for exported values (the zod schemas) that must not load their
 * dependency until something touches them. Every operation goes to the real object, and methods are
 * bound to it, so identity-keyed registries (zod's metadata) see the real object.
 */
export function lazyObject<T extends object>(make: () => T): T {
  const real = once(make);
  return new Proxy({} as T, {
    get: (_, key) => {
      const target = real();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // The proxy's own target is an empty object: a property it lacks may not be reported as fixed.
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
