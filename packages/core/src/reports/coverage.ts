/**
 * Coverage of the customer's duties: computed from the model, the check set and the findings, never
 * written by hand.
 * @module
 */
import { CLOUD_SERVICE_MODEL_IDS, DOMAINS, type DomainId, type Party, type ServiceModelId } from '../model/ids';
import { ownerOf } from '../model/queries';
import type { CheckMeta } from '../checks/types';
import type { Finding, FindingStatus } from '../findings/types';
import type { ReportInput } from './common';

/** How a customer duty (a domain the customer owns or shares under one service model) stands. */
export type DutyState = 'verified' | 'failing' | 'manual' | 'unverified' | 'not-covered';

/** One customer duty. */
export interface DutyCoverage {
  /** The domain. */
  readonly domain: DomainId;
  /** The service model. */
  readonly model: ServiceModelId;
  /** `customer` or `shared`. */
  readonly party: Party;
  /** Ids of the checks that verify it. */
  readonly checks: readonly string[];
  /** Its state. */
  readonly state: DutyState;
}

/** Per domain: how many of its customer duties are in each state. */
export interface DomainCoverage {
  /** The domain. */
  readonly domain: DomainId;
  /** Duties (one per service model where the customer owns or shares it). */
  readonly duties: number;
  /** Counts per state. */
  readonly counts: Readonly<Record<DutyState, number>>;
}

/** The coverage of a scan. */
export interface Coverage {
  /** The service models considered. */
  readonly models: readonly ServiceModelId[];
  /** Every duty. */
  readonly duties: readonly DutyCoverage[];
  /** Per domain, in model order; domains with no customer duty are left out. */
  readonly domains: readonly DomainCoverage[];
}

/** The service models of a scan: those of its classified findings, or every cloud model when none is known. */
export function modelsInScan(findings: Iterable<Finding>): ServiceModelId[] {
  const seen = new Set<ServiceModelId>();
  for (const f of findings) if (f.serviceModel) seen.add(f.serviceModel);
  const order: readonly ServiceModelId[] = ['on-premises', ...CLOUD_SERVICE_MODEL_IDS];
  return seen.size > 0 ? order.filter((m) => seen.has(m)) : [...CLOUD_SERVICE_MODEL_IDS];
}

const VERIFIED_STATUSES: ReadonlySet<FindingStatus> = new Set(['pass', 'provider-managed', 'muted']);

/**
 * Computes coverage: for each model and each domain the customer owns or shares there, which checks
 * verify it and what their findings say (failing > unverified > manual > verified; no check → not covered).
 */
export function computeCoverage(checks: readonly CheckMeta[], findings: Iterable<Finding>, models?: readonly ServiceModelId[]): Coverage {
  // One pass over the findings (never copied: a million of them may be streamed from a generator):
  // status counts per (domain, model), '*' for findings of no known model, and the models seen.
  const tally = new Map<string, Record<'pass' | 'fail' | 'error' | 'manual', number>>();
  const seen = new Set<ServiceModelId>();
  for (const f of findings) {
    if (f.serviceModel) seen.add(f.serviceModel);
    const key = `${f.domain}|${f.serviceModel ?? '*'}`;
    let t = tally.get(key);
    if (!t) tally.set(key, (t = { pass: 0, fail: 0, error: 0, manual: 0 }));
    if (VERIFIED_STATUSES.has(f.status)) t.pass += 1;
    else if (f.status === 'fail' || f.status === 'error' || f.status === 'manual') t[f.status] += 1;
  }
  const order: readonly ServiceModelId[] = ['on-premises', ...CLOUD_SERVICE_MODEL_IDS];
  const scanModels = models ?? (seen.size > 0 ? order.filter((m) => seen.has(m)) : [...CLOUD_SERVICE_MODEL_IDS]);
  const duties: DutyCoverage[] = [];
  for (const { id: domain } of DOMAINS) {
    for (const model of scanModels) {
      const party = ownerOf(domain, model);
      if (party === 'provider') continue;
      const covering = checks.filter((c) => c.domain === domain && (!c.appliesTo?.serviceModels || c.appliesTo.serviceModels.includes(model))).map((c) => c.id);
      let state: DutyState = 'not-covered';
      if (covering.length > 0) {
        const a = tally.get(`${domain}|${model}`);
        const b = tally.get(`${domain}|*`);
        const n = (k: 'pass' | 'fail' | 'error' | 'manual'): number => (a?.[k] ?? 0) + (b?.[k] ?? 0);
        state = n('fail') > 0 ? 'failing' : n('error') > 0 ? 'unverified' : n('manual') > 0 ? 'manual' : n('pass') > 0 ? 'verified' : 'unverified';
      }
      duties.push({ domain, model, party, checks: covering, state });
    }
  }
  const domains: DomainCoverage[] = [];
  for (const { id: domain } of DOMAINS) {
    const mine = duties.filter((d) => d.domain === domain);
    if (mine.length === 0) continue;
    const counts: Record<DutyState, number> = { verified: 0, failing: 0, manual: 0, unverified: 0, 'not-covered': 0 };
    for (const d of mine) counts[d.state] += 1;
    domains.push({ domain, duties: mine.length, counts });
  }
  return { models: scanModels, duties, domains };
}

/** Coverage of a scan result. */
export function scanCoverage(result: Pick<ReportInput, 'checks' | 'findings'>, models?: readonly ServiceModelId[]): Coverage {
  return computeCoverage(result.checks, result.findings, models);
}
