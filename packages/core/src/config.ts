/**
 * The demarc config file: providers and check packs by package name, the attestation file, mutes,
 * concurrency. `defineConfig` gives types in a `demarc.config.ts`; `parseConfig` validates any source.
 * @module
 */
import type { z } from 'zod';
import { lazyObject, once, zod } from './internal/lazy';
import { configIssues, parseJsonText, type Locate } from './internal/source-text';
import { muteRuleSchema } from './mutes/index';

/** The config file's schema, built on first use (zod loads then, see `internal/lazy`). */
const buildConfigSchema = once(() => {
  const { z } = zod();
  const limit = z.number().int().positive();
  return z.strictObject({
    /** Provider packages, e.g. `'@demarc/aws'`, or `{ package, options }` passed to its factory. */
    providers: z
      .array(
        z.union(
          [
            z.string().min(1),
            z.strictObject({ package: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() }),
          ],
          { error: 'must be a provider package name, or { "package": name, "options": { ... } }' },
        ),
      )
      .default([]),
    /** Check pack packages. */
    checks: z.array(z.string().min(1)).default([]),
    /** Path of the attestation file (YAML or JSON), relative to the config file. */
    attestations: z.string().min(1).optional(),
    /** Mute rules, inline. */
    mutes: z.array(muteRuleSchema).default([]),
    /** Scope ids to restrict the scan to. */
    scopes: z.array(z.string().min(1)).optional(),
    /** Concurrency limits. */
    concurrency: z
      .strictObject({ global: limit.optional(), perScope: limit.optional(), perOperation: limit.optional(), operations: z.record(z.string(), limit).optional() })
      .optional(),
    /** Per-check time limit in ms. */
    checkTimeoutMs: limit.optional(),
    /** Let `error` findings (unverified duties) pass the `--fail-on` gate; default false: they fail it like failures. */
    allowUnverified: z.boolean().optional(),
    /** Let the vendor SDKs look for credentials at the instance metadata address (default true); false fails fast without credentials. */
    metadataCredentials: z.boolean().optional(),
    /** Time limit of one request to a cloud API in ms, for every built-in provider (default 20,000). */
    requestTimeoutMs: limit.optional(),
  });
});

/** The zod schema of the config file. zod is loaded the first time it is used. */
export const configSchema = lazyObject(buildConfigSchema);

/** A config as written (defaults not yet applied). */
export type DemarcConfigInput = z.input<typeof configSchema>;
/** A validated config, with defaults applied. */
export type DemarcConfig = z.output<typeof configSchema>;

/**
 * Types a config in `demarc.config.ts`.
 * @example
 * ```ts
 * export default defineConfig({
 *   providers: ['@demarc/aws'],
 *   attestations: './attestations.yaml',
 *   mutes: [{ check: 'aws-s3-*', resource: 'arn:aws:s3:::public-site', reason: 'static website', expires: '2026-06-30' }],
 *   concurrency: { perOperation: 2 },
 * });
 * ```
 */
export function defineConfig(config: DemarcConfigInput): DemarcConfigInput {
  return config;
}

/**
 * Validates a config. Every problem is reported at once, each naming the file, the entry (e.g.
 * `mutes[1]`) and the field.
 * @throws {@link ConfigError} with every problem in `issues`.
 */
export function parseConfig(data: unknown, file = '<inline config>'): DemarcConfig {
  return validateConfig(data, file);
}

/**
 * Parses and validates the text of a JSON config file. Every problem is reported at once, each with its
 * line and column: every syntax error, or every invalid value (at the value; an unknown key at the key).
 * @throws {@link ConfigError} with every problem in `issues`.
 * @example
 * ```ts
 * const config = parseConfigText(await readFile('demarc.config.json', 'utf8'), 'demarc.config.json');
 * ```
 */
export function parseConfigText(text: string, file: string): DemarcConfig {
  const { data, locate } = parseJsonText(text, file);
  return validateConfig(data, file, locate);
}

function validateConfig(data: unknown, file: string, locate?: Locate): DemarcConfig {
  const parsed = buildConfigSchema().safeParse(data);
  if (parsed.success) return parsed.data;
  throw configIssues(parsed.error, file, locate ? { locate } : {});
}
