/**
 * The demarc config file: providers and check packs by package name, the attestation file, mutes,
 * concurrency. `defineConfig` gives types in a `demarc.config.ts`; `parseConfig` validates any source.
 * @module
 */
import type { z } from 'zod';
import { ConfigError } from './errors';
import { lazyObject, once, zod } from './internal/lazy';
import { muteRuleSchema } from './mutes/index';

/** The config file's schema, built on first use (zod loads then, see `internal/lazy`). */
const buildConfigSchema = once(() => {
  const { z } = zod();
  const limit = z.number().int().positive();
  return z.strictObject({
    /** Provider packages, e.g. `'@demarc/aws'`, or `{ package, options }` passed to its factory. */
    providers: z
      .array(z.union([z.string().min(1), z.strictObject({ package: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() })]))
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
 * Validates a config. Errors name the file, the entry (e.g. `mutes[1]`) and the field.
 * @throws {@link ConfigError}
 */
export function parseConfig(data: unknown, file = '<inline config>'): DemarcConfig {
  const parsed = buildConfigSchema().safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String);
  const indexAt = issue.path.findIndex((p) => typeof p === 'number');
  const location =
    indexAt >= 0
      ? { file, entry: `${path.slice(0, indexAt).join('.')}[${path[indexAt]}]`, ...(path.length > indexAt + 1 ? { field: path.slice(indexAt + 1).join('.') } : {}) }
      : { file, ...(path.length ? { field: path.join('.') } : {}) };
  throw new ConfigError(location, issue.message, { cause: parsed.error });
}
