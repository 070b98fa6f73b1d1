/**
 * Least privilege: the exact IAM actions demarc needs, generated from the checks' metadata plus what
 * discovery calls, never kept by hand. Every action is read-only: a test rejects any action whose verb
 * could change something (Create, Put, Update, Delete, Attach, Set, …).
 * @module
 */
import type { AwsCheckMeta } from './checks/define';

/** What discovery calls: the organization tree, and entering each member account. */
export const DISCOVERY_PERMISSIONS = [
  'organizations:DescribeOrganization',
  'organizations:ListRoots',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListAccountsForParent',
  'sts:GetCallerIdentity',
  'sts:AssumeRole',
] as const;

/**
 * Actions that do not start with a read verb but change nothing in the account. `sts:AssumeRole` only
 * issues temporary credentials for the audit role the user names.
 */
export const READ_ONLY_EXCEPTIONS: readonly string[] = ['sts:AssumeRole'];

/** Verbs of IAM actions that read. */
const READ_VERBS = /^(Get|List|Describe|Search|Lookup)[A-Z]/;

/** Verbs of IAM actions that write, for an explicit second guard. */
export const WRITE_VERBS = /^(Create|Put|Update|Delete|Attach|Detach|Set|Modify|Enable|Disable|Tag|Untag|Add|Remove|Register|Deregister|Start|Stop|Run|Invite|Accept|Decline|Leave|Move|Close|Cancel|Reset|Restore|Revoke|Authorize|Associate|Disassociate|Replace|Import|Upload|Send|Publish|Invoke|Terminate|Reboot|Change|Upgrade|Activate|Deactivate|Generate|Rotate|Encrypt|Decrypt|Pass|Apply|Schedule|Purchase|Allocate|Release|Copy)/;

/** True when an IAM action only reads (or is one of {@link READ_ONLY_EXCEPTIONS}). */
export function isReadOnlyAction(action: string): boolean {
  if (READ_ONLY_EXCEPTIONS.includes(action)) return true;
  const verb = action.split(':')[1] ?? '';
  return READ_VERBS.test(verb) && !WRITE_VERBS.test(verb);
}

/** The permissions demarc needs, and which checks need each. */
export interface RequiredPermissions {
  /** Every action, sorted, without duplicates. */
  readonly actions: readonly string[];
  /** Discovery's actions. */
  readonly discovery: readonly string[];
  /** Each check's actions, by check id. */
  readonly byCheck: Readonly<Record<string, readonly string[]>>;
}

/**
 * Generates the permissions for a set of checks (default: every AWS check).
 *
 * @example
 * ```ts
 * requiredPermissions(AWS_CHECKS.map((c) => c.meta)).actions;
 * // ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'ec2:DescribeSecurityGroups', ...]
 * ```
 */
export function requiredPermissions(checks: readonly Pick<AwsCheckMeta, 'id' | 'permissions'>[]): RequiredPermissions {
  const byCheck = Object.fromEntries(checks.map((meta) => [meta.id, [...new Set(meta.permissions)].sort()]));
  const actions = [...new Set([...DISCOVERY_PERMISSIONS, ...checks.flatMap((meta) => meta.permissions)])].sort();
  return { actions, discovery: [...DISCOVERY_PERMISSIONS], byCheck };
}

/** An IAM policy document, as JSON. */
export interface IamPolicyDocument {
  /** Always `'2012-10-17'`. */
  readonly Version: '2012-10-17';
  /** One statement allowing every action on every resource (read-only actions have no narrower resource in most services). */
  readonly Statement: readonly [{ readonly Sid: string; readonly Effect: 'Allow'; readonly Action: readonly string[]; readonly Resource: '*' }];
}

/**
 * The least-privilege policy for the audit role: exactly {@link requiredPermissions}' actions. Attach
 * it to the role demarc assumes in each account (and to the caller in the management account).
 */
export function leastPrivilegePolicy(checks: readonly Pick<AwsCheckMeta, 'id' | 'permissions'>[]): IamPolicyDocument {
  return { Version: '2012-10-17', Statement: [{ Sid: 'DemarcReadOnlyAudit', Effect: 'Allow', Action: requiredPermissions(checks).actions, Resource: '*' }] };
}
