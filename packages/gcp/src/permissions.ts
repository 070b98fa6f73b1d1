/**
 * Least privilege, generated from the checks' metadata: the exact Google Cloud IAM permissions a scan
 * needs (discovery plus every selected check's operations), which predefined roles cover them, and a
 * custom role definition with exactly those permissions. Nothing here is kept by hand.
 * @module
 */
import type { AnyCheck, ProviderPermissionsV1 } from '@demarc/core';
import { GCP_CHECKS } from './checks/index';
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
export function gcpLeastPrivilege(checks: readonly AnyCheck[] = GCP_CHECKS): GcpLeastPrivilege {
  const byCheck = Object.fromEntries(checks.map((check) => [check.meta.id, [...(check.meta.permissions ?? [])]]));
  const needed = checks.flatMap((check) => check.meta.permissions ?? []);
  const permissions = [...new Set([...DISCOVERY_PERMISSIONS, ...needed])].sort();
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

/**
 * What a scan with the given checks needs, in core's provider contract: every permission, per check
 * (and `(discovery)`), how to grant them and the custom role to create. `demarc permissions gcp` and
 * the permissions guide print it.
 */
export function gcpPermissions(checks: readonly AnyCheck[] = GCP_CHECKS): ProviderPermissionsV1 {
  const needs = gcpLeastPrivilege(checks);
  const roles = needs.predefinedRoles.roles.map((role) => `\`${role}\``).join(', ') || '(none)';
  const uncovered = needs.predefinedRoles.uncovered.map((permission) => `\`${permission}\``).join(', ');
  const plus = uncovered ? ` plus a custom role for ${uncovered}` : '';
  return {
    kind: 'IAM permissions',
    all: needs.permissions,
    byCheck: { '(discovery)': [...DISCOVERY_PERMISSIONS].sort(), ...needs.byCheck },
    grant: [
      `Grant at the organization (or folder) the predefined role(s) ${roles}${plus}, or the custom role below alone `
        + '(`gcloud iam roles create demarcScanner --organization=ORG_ID --file=role.json`).',
    ],
    policy: { title: 'Custom role (least privilege)', document: needs.customRole },
  };
}
