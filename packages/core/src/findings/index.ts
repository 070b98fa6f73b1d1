/**
 * Finding helpers: deterministic order and status counts.
 * @module
 */
import { compareStrings } from '../internal/json';
import { FINDING_STATUSES, type Finding, type FindingStatus } from './types';

export * from './types';

/** Orders findings by provider, scope, check id, resource id, status, message: the order of every report. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.resource.provider, b.resource.provider) ||
    compareStrings(a.resource.scope, b.resource.scope) ||
    compareStrings(a.checkId, b.checkId) ||
    compareStrings(a.resource.id, b.resource.id) ||
    compareStrings(a.status, b.status) ||
    compareStrings(a.message, b.message)
  );
}

/** Counts per status, with every status present (zero when none). */
export type StatusCounts = Record<FindingStatus, number>;

/** Returns a zeroed {@link StatusCounts}. */
export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Counts findings per status in one pass. */
export function countStatuses(findings: Iterable<Finding>): StatusCounts {
  const counts = emptyStatusCounts();
  for (const finding of findings) counts[finding.status] += 1;
  return counts;
}
