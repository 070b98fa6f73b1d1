/**
 * The AWS estate, indexed once at start, and the per-request context every AWS service handler gets.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { AwsAccount, AwsEstate, AwsOrganizationalUnit, AwsOrgPolicy } from '../estate/types.ts';
import type { WireRequest } from '../http.ts';

/** Lookup tables over an {@link AwsEstate}. @internal */
export class AwsIndex {
  readonly estate: AwsEstate;
  readonly accounts = new Map<string, AwsAccount>();
  readonly ous = new Map<string, AwsOrganizationalUnit>();
  readonly policies = new Map<string, AwsOrgPolicy>();
  readonly accountsByParent = new Map<string, AwsAccount[]>();
  readonly ousByParent = new Map<string, AwsOrganizationalUnit[]>();
  readonly policiesByTarget = new Map<string, AwsOrgPolicy[]>();

  constructor(estate: AwsEstate) {
    this.estate = estate;
    const push = <T>(m: Map<string, T[]>, k: string, v: T): void => {
      const list = m.get(k);
      if (list) list.push(v);
      else m.set(k, [v]);
    };
    for (const a of estate.accounts) {
      this.accounts.set(a.id, a);
      push(this.accountsByParent, a.parentId, a);
    }
    for (const ou of estate.organizationalUnits) {
      this.ous.set(ou.id, ou);
      push(this.ousByParent, ou.parentId, ou);
    }
    for (const p of estate.policies) {
      this.policies.set(p.id, p);
      for (const t of p.targets) push(this.policiesByTarget, t, p);
    }
    if (!this.accounts.has(estate.organization.managementAccountId)) {
      throw new Error(`AWS estate: management account ${estate.organization.managementAccountId} is not among the accounts`);
    }
  }

  get managementAccountId(): string {
    return this.estate.organization.managementAccountId;
  }
}

/** What every AWS handler needs. @internal */
export interface AwsContext {
  readonly req: WireRequest;
  readonly index: AwsIndex;
  /** The calling account (from the access key id; the management account by default). */
  readonly accountId: string;
  /** The region of the SigV4 credential scope. */
  readonly region: string;
  /** The largest page the server returns. */
  readonly maxPageSize: number | undefined;
}

/** A stable fake id derived from text, e.g. IAM `UserId`s (`AIDA` + 17 characters). @internal */
export const stableId = (prefix: string, text: string, length = 17): string =>
  prefix +
  createHash('sha256')
    .update(text)
    .digest('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .slice(0, length);

/** The page size for a request: what the client asked, capped by the API's maximum and the server's. @internal */
export const pageSize = (ctx: AwsContext, requested: number | undefined, apiDefault: number, apiMax: number): number => {
  const n = Math.min(requested && requested > 0 ? requested : apiDefault, apiMax);
  return Math.max(1, Math.min(n, ctx.maxPageSize ?? n));
};

/** Read operations by name: everything else an AWS API offers is a write and refused. @internal */
export const isAwsRead = (operation: string): boolean =>
  /^(Describe|List|Get|Search|Lookup)/.test(operation) || ['AssumeRole', 'GetCallerIdentity'].includes(operation);
