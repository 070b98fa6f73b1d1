/**
 * Muting rules: silence a known, accepted `fail` or `manual` with a reason and an expiry. An expired
 * rule stops muting and says so on the finding.
 * @module
 */
import { lazyObject, once, zod } from '../internal/lazy';
import { configIssues } from '../internal/source-text';
import type { Finding, MuteNote } from '../findings/types';

/** A mute rule. */
export interface MuteRule {
  /** Check id, or a pattern with `*` wildcards. */
  readonly check: string;
  /** Resource id pattern with `*` wildcards (matched against the native id); default `*`. */
  readonly resource?: string;
  /** Why the finding is accepted. Required: a mute without a reason is a hidden failure. */
  readonly reason: string;
  /** ISO date from which the rule no longer mutes. */
  readonly expires?: string;
}

/** The mute rule schema, built on first use (zod loads then, see `internal/lazy`). */
const buildMuteRuleSchema = once(() => {
  const { z } = zod();
  return z.strictObject({
    check: z.string().min(1),
    resource: z.string().min(1).optional(),
    reason: z.string().trim().min(1, 'a mute needs a reason'),
    expires: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)')
      .optional(),
  });
});

/** The zod schema of a mute rule, used by the config file. zod is loaded the first time it is used. */
export const muteRuleSchema = lazyObject(buildMuteRuleSchema);

/** Validates mute rules; every problem is reported at once, each naming the file, the rule and the field. */
export function parseMuteRules(data: unknown, file: string): MuteRule[] {
  const parsed = zod().z.array(buildMuteRuleSchema()).safeParse(data);
  if (!parsed.success) {
    throw configIssues(parsed.error, file, {
      describe: ([index, ...field]) => ({
        ...(typeof index === 'number' ? { entry: `mutes[${index}]` } : {}),
        ...(field.length ? { field: field.map(String).join('.') } : {}),
      }),
    });
  }
  return parsed.data;
}

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** The statuses a mute can silence: an accepted failure or an accepted manual duty, never an error or a pass. */
const MUTABLE = new Set(['fail', 'manual']);

/** Compiled mute rules: `apply` returns the finding muted, annotated (expired rule) or unchanged. */
export interface MuteMatcher {
  /**
   * Applies the first matching rule. A rule naming a check's former id (one of `aliases`) matches
   * it as well, so a rename does not unmute anything.
   */
  apply(finding: Finding, aliases?: readonly string[]): Finding;
}

/**
 * Compiles mute rules for a scan at `now`.
 * @example
 * ```ts
 * const mutes = compileMutes([{ check: 'aws-s3-*', resource: 'arn:aws:s3:::public-website', reason: 'static site', expires: '2026-01-01' }], now);
 * ```
 */
export function compileMutes(rules: readonly MuteRule[], now: Date): MuteMatcher {
  const today = now.toISOString().slice(0, 10);
  const compiled = rules.map((rule) => ({ rule, check: wildcard(rule.check), resource: wildcard(rule.resource ?? '*') }));
  return {
    apply(finding, aliases = []) {
      if (compiled.length === 0 || !MUTABLE.has(finding.status)) return finding;
      const names = [finding.checkId, ...aliases];
      const match = compiled.find((c) => names.some((name) => c.check.test(name)) && c.resource.test(finding.resource.id));
      if (!match) return finding;
      const expired = match.rule.expires !== undefined && today >= match.rule.expires;
      const mute: MuteNote = { reason: match.rule.reason, ...(match.rule.expires ? { expires: match.rule.expires } : {}), expired };
      if (expired) return { ...finding, mute, message: `${finding.message} (mute expired on ${match.rule.expires}: ${match.rule.reason})` };
      return { ...finding, status: 'muted', originalStatus: finding.status as 'fail' | 'manual', mute };
    },
  };
}
