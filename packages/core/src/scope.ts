/**
 * The unit a scan checks, below both the check and the provider contracts (each names it).
 * @module
 */

/** An account, project or subscription: the unit the runner checks. */
export interface ScopeInfo {
  /** Stable id: AWS account id, Google project id, Azure subscription id. */
  readonly id: string;
  /** Its kind, e.g. `'account'`, `'project'`, `'subscription'`, `'organization'`. */
  readonly kind: string;
  /** Display name. */
  readonly name?: string;
  /** Regions or locations enabled in it, when the provider knows them. */
  readonly regions?: readonly string[];
  /** The organization / tenant it belongs to. */
  readonly organization?: string;
}
