/**
 * Least privilege, generated from the checks' metadata: the exact Google Cloud IAM permissions a scan
 * needs (discovery plus every selected check's operations), which predefined roles cover them, and a
 * custom role definition with exactly those permissions. Nothing here is kept by hand.
 * @module
 */
import { GCP_CHECKS, type GcpCheck } from './checks/index';
import { DISCOVERY_PERMISSIONS } from './discovery';

/**
 * Predefined roles whose permission lists demarc verified on Google's role reference (only the
 * Resource Manager permissions are listed).
 */
export const VERIFIED_PREDEFINED_ROLES: Readonly<Record<string, { readonly source: string; readonly permissions: readonly string[] }>> = {
  'roles/browser': {
    source: 'https://cloud.google.com/iam/docs/roles-permissions/browser',
    permissions: [
      'resourcemanager.folders.get', 'resourcemanager.folders.list', 'resourcemanager.organizations.get',
      'resourcemanager.projects.get', 'resourcemanager.projects.getIamPolicy', 'resourcemanager.projects.list',
    ],
  },
};

/** Verbs a read-only permission may end in. */
const READ_ONLY_VERBS = /\.(get|list|getIamPolicy|search\w*|testIamPermissions)$/;

/** True when a permission only reads (`….get`, `….list`, `….getIamPolicy`, ...). */
export const isReadOnlyPermission = (permission: string): boolean => READ_ONLY_VERBS.test(permission);

/** What a scan with the given checks needs. */
export interface GcpLeastPrivilege {
  /** Every permission, sorted. */
  readonly permissions: readonly string[];
  /** Per check id, the permissions it needs. */
  readonly byCheck: Readonly<Record<string, readonly string[]>>;
  /** Predefined roles that together cover the permissions, and what they leave uncovered. */
  readonly predefinedRoles: {
    /** Verified predefined roles that cover part of the permissions. */
    readonly roles: readonly string[];
    /** Permissions those roles leave out (grant them with a custom role). */
    readonly uncovered: readonly string[];
  };
  /** A custom role with exactly the permissions (for `gcloud iam roles create --file`). */
  readonly customRole: {
    /** Role title. */
    readonly title: string;
    /** Role description. */
    readonly description: string;
    /** Launch stage. */
    readonly stage: 'GA';
    /** Exactly the permissions needed. */
    readonly includedPermissions: readonly string[];
  };
}

/**
 * Generates the least-privilege grant for a scan from the checks' metadata.
 *
 * @example
 * ```ts
 * const { customRole, predefinedRoles } = gcpLeastPrivilege();
 * // predefinedRoles: { roles: ['roles/browser'], uncovered: ['resourcemanager.folders.getIamPolicy', 'resourcemanager.organizations.getIamPolicy'] }
 * ```
 */
export function gcpLeastPrivilege(checks: readonly GcpCheck[] = GCP_CHECKS): GcpLeastPrivilege {
  const byCheck = Object.fromEntries(checks.map((check) => [check.meta.id, [...check.gcp.permissions]]));
  const permissions = [...new Set([...DISCOVERY_PERMISSIONS, ...checks.flatMap((check) => check.gcp.permissions)])].sort();
  const roles = Object.entries(VERIFIED_PREDEFINED_ROLES)
    .filter(([, role]) => role.permissions.some((p) => permissions.includes(p)))
    .map(([name]) => name);
  const covered = new Set(roles.flatMap((name) => VERIFIED_PREDEFINED_ROLES[name]!.permissions));
  return {
    permissions,
    byCheck,
    predefinedRoles: { roles, uncovered: permissions.filter((p) => !covered.has(p)) },
    customRole: {
      title: 'demarc scanner (read-only)',
      description: 'Reads the resource hierarchy and IAM policies for demarc checks. Generated from the checks\' metadata.',
      stage: 'GA',
      includedPermissions: permissions,
    },
  };
}
