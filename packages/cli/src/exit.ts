/**
 * The exit code of `demarc scan` and `demarc merge` once they hold a result, and the sentence that
 * explains it. One function decides both, so the report's closing line always states the exit code
 * the process really returns.
 * @module
 */
import { SEVERITIES, type Finding, type ScanResult, type Severity } from '@demarc/core';
import { EXIT } from './errors';
import { isVendorId } from './vendors';

/** What the `--fail-on` gate is told. */
export interface Gate {
  /** `--fail-on`: findings at or above it fail the run; `undefined` never gates. */
  readonly failOn: Severity | undefined;
  /** `--allow-unverified` / `allowUnverified`: `error` findings do not fail the gate. */
  readonly allowUnverified: boolean;
}

/** The exit code and why. */
export interface ExitDecision {
  /** 0 ok, 1 the gate failed, 2 partial (interrupted) or a provider could not be scanned at all. */
  readonly code: (typeof EXIT)[keyof typeof EXIT];
  /** One sentence for the report's closing line; it ends with the exit code. */
  readonly line: string;
}

const rank = (severity: Severity): number => SEVERITIES.indexOf(severity);
const atOrAbove = (findings: readonly Finding[], status: Finding['status'], threshold: Severity): number =>
  findings.filter((f) => f.status === status && rank(f.severity) <= rank(threshold)).length;

/** True when the check ran and came to a verdict: passed, failed, or failed and then triaged or muted. */
const isVerified = (f: Finding): boolean =>
  f.status === 'pass' || f.status === 'fail' || f.status === 'provider-managed' || (f.status === 'muted' && f.originalStatus === 'fail');

/**
 * Decides the exit code of a finished scan or merge:
 * - 2 when the result is partial (interrupted) or a provider's discovery failed outright (nothing of
 *   it was scanned), with or without `--fail-on`;
 * - with `--fail-on`: 1 when a finding fails at or above it, or an `error` finding (an unverified
 *   duty) is at or above it unless `allowUnverified`, or nothing at all was verified; else 0;
 * - without `--fail-on`: 0.
 *
 * @example
 * ```ts
 * decideExit(result, { failOn: 'high', allowUnverified: false }); // { code: 1, line: '2 failing ... exit code 1.' }
 * ```
 */
export function decideExit(result: ScanResult, gate: Gate): ExitDecision {
  if (result.aborted) return { code: EXIT.error, line: 'The scan was interrupted and the results are partial: exit code 2.' };
  const failedDiscovery = Object.keys(result.discoveryErrors ?? {});
  if (failedDiscovery.length > 0) {
    return { code: EXIT.error, line: `Nothing was scanned for ${failedDiscovery.join(', ')}: discovery failed (see the error below): exit code 2.` };
  }
  const { failOn, allowUnverified } = gate;
  if (!failOn) {
    const failing = atOrAbove(result.findings, 'fail', 'high');
    const unverified = allowUnverified ? 0 : atOrAbove(result.findings, 'error', 'high');
    const would = failing > 0 ? ` With --fail-on high this scan would exit 1 (${failing} failing finding(s) at high or above).` : '';
    const also = unverified === 0 ? '' : failing > 0 ? ` ${unverified} unverified (error) finding(s) at high or above would fail it too.` : ` With --fail-on high this scan would exit 1 (${unverified} unverified (error) finding(s) at high or above).`;
    return { code: EXIT.ok, line: `Exit code 0: no --fail-on given.${would}${also}` };
  }
  if (!result.findings.some(isVerified)) {
    return { code: EXIT.findings, line: `Nothing was verified (no finding passed or failed), so the --fail-on ${failOn} gate cannot pass: exit code 1.` };
  }
  const failing = atOrAbove(result.findings, 'fail', failOn);
  const errors = atOrAbove(result.findings, 'error', failOn);
  const unverified = allowUnverified ? 0 : errors;
  if (failing > 0 && unverified > 0) return { code: EXIT.findings, line: `${failing} failing and ${unverified} unverified (error) finding(s) at or above ${failOn}: exit code 1.` };
  if (failing > 0) return { code: EXIT.findings, line: `${failing} failing finding(s) at or above ${failOn}: exit code 1.` };
  if (unverified > 0) {
    return { code: EXIT.findings, line: `${unverified} unverified (error) finding(s) at or above ${failOn}: those duties were not checked (--allow-unverified lets them pass): exit code 1.` };
  }
  const allowed = errors > 0 ? ` (${errors} unverified (error) finding(s) let through by --allow-unverified)` : '';
  return { code: EXIT.ok, line: `No failing finding at or above ${failOn}${allowed}: exit code 0.` };
}

/** What core puts in front of a failed discovery's cause. */
const DISCOVERY_PREFIX = /^Provider '[^']*' could not discover scopes: /;

/**
 * One line per provider whose discovery failed outright: the provider, the cause, and how to fix it.
 * A vendor's missing credentials carry their own hint (the credential sources it tried); any other
 * failure points at the permissions a scan needs.
 *
 * @example
 * ```ts
 * discoveryFailureLines(result); // ["gcp: nothing was scanned: no Google Cloud credentials found. Tried ..."]
 * ```
 */
export function discoveryFailureLines(result: ScanResult): string[] {
  return Object.entries(result.discoveryErrors ?? {}).map(([id, error]) => {
    const cause = error.message.replace(DISCOVERY_PREFIX, '').replace(/[.\s]+$/, '');
    const fix =
      error.hint ||
      (isVendorId(id)
        ? `Check that the credentials may list ${id}'s scopes: \`demarc permissions ${id}\` lists the read-only permissions a scan needs.`
        : "Check the provider's credentials and its options in the config file.");
    return `${id}: nothing was scanned: ${cause}. ${fix}`;
  });
}
