/**
 * Least privilege, generated from the checks: the exact Resource Manager actions a scan needs (each
 * check's `meta.permissions`, derived from the operations it declares), which built-in roles cover
 * them, and a custom role definition with nothing else.
 * @module
 */
import type { ProviderPermissionsV1 } from '@demarc/core';
import { AZURE_CHECKS } from './checks/index';

/** What subscription discovery needs, whatever the checks. */
export const DISCOVERY_PERMISSIONS: readonly string[] = ['Microsoft.Resources/subscriptions/read'];

/** What the generator reads of a check: its id and the actions it needs (derived by the check kit). */
export interface PermissionDeclaringCheck {
  /** The check's id and the Resource Manager actions it needs. */
  readonly meta: { readonly id: string; readonly permissions?: readonly string[] };
}

/** A built-in role and the actions it grants, as Microsoft publishes them. */
export interface BuiltInRole {
  /** Role name. */
  readonly name: string;
  /** Role definition GUID (the same in every tenant). */
  readonly id: string;
  /** Its `actions` (wildcards as published). */
  readonly actions: readonly string[];
  /** Where the list is published. */
  readonly source: string;
}

/**
 * The read-only built-in roles demarc knows. Reader grants every read action; Security Reader grants
 * Authorization, resource group, deployment, workspace and Defender reads only (and a few IoT
 * download actions, which demarc never needs).
 */
export const BUILT_IN_READ_ROLES: readonly BuiltInRole[] = [
  { name: 'Reader', id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', actions: ['*/read'], source: 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/general#reader' },
  {
    name: 'Security Reader',
    id: '39bc4728-0917-49c7-9d2c-d95423bc2eb4',
    actions: [
      'Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/read', 'Microsoft.operationalInsights/workspaces/*/read',
      'Microsoft.Resources/deployments/*/read', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Security/*/read',
      'Microsoft.IoTSecurity/*/read', 'Microsoft.Support/*/read', 'Microsoft.Management/managementGroups/read',
    ],
    source: 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security#security-reader',
  },
];

/** Whether an action pattern (with `*` wildcards, case-insensitive as in Azure RBAC) grants an action. */
export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`, 'i');
  return regex.test(action);
}

/**
 * Whether an action only reads. Resource Manager names reads `.../read`; writes, deletes and
 * POST actions (`listKeys/action`, which returns secrets) end otherwise.
 */
export function isReadOnlyAction(action: string): boolean {
  return /^[A-Za-z0-9.]+\/[A-Za-z0-9./]+\/read$/.test(action) && !/(^|\/)(write|delete|action)(\/|$)/i.test(action.replace(/\/read$/, ''));
}

/** What a scan with the given checks needs. */
export interface AzureLeastPrivilege {
  /** Every action, sorted, including subscription discovery. */
  readonly actions: readonly string[];
  /** The actions each check needs, by check id. */
  readonly byCheck: Readonly<Record<string, readonly string[]>>;
  /** Each known built-in read role, with the checks it fully covers and the actions it lacks. */
  readonly builtInRoles: readonly { readonly name: string; readonly id: string; readonly coversAll: boolean; readonly checksCovered: readonly string[]; readonly missing: readonly string[] }[];
  /** A custom role definition granting exactly {@link AzureLeastPrivilege.actions}, for `az role definition create`. */
  readonly customRole: {
    readonly Name: string;
    readonly IsCustom: true;
    readonly Description: string;
    readonly Actions: readonly string[];
    readonly NotActions: readonly string[];
    readonly DataActions: readonly string[];
    readonly NotDataActions: readonly string[];
    readonly AssignableScopes: readonly string[];
  };
}

/**
 * Generates the least-privilege permissions for a set of checks (default: every Azure check) from what each declares.
 *
 * @example
 * ```ts
 * const needs = azureLeastPrivilege();
 * needs.builtInRoles.find((r) => r.coversAll)?.name; // 'Reader'
 * ```
 */
export function azureLeastPrivilege(
  checks: readonly PermissionDeclaringCheck[] = AZURE_CHECKS,
  assignableScopes: readonly string[] = ['/subscriptions/<subscription-id>'],
): AzureLeastPrivilege {
  const byCheck = Object.fromEntries(
    checks.map((check) => [check.meta.id, [...new Set(check.meta.permissions ?? [])].sort()]),
  );
  const actions = [...new Set([...DISCOVERY_PERMISSIONS, ...Object.values(byCheck).flat()])].sort();
  const grants = (role: BuiltInRole, action: string) => role.actions.some((pattern) => actionMatches(pattern, action));
  return {
    actions,
    byCheck,
    builtInRoles: BUILT_IN_READ_ROLES.map((role) => {
      const missing = actions.filter((action) => !grants(role, action));
      return {
        name: role.name,
        id: role.id,
        coversAll: missing.length === 0,
        checksCovered: Object.entries(byCheck).filter(([, needs]) => needs.every((action) => grants(role, action))).map(([id]) => id),
        missing,
      };
    }),
    customRole: {
      Name: 'demarc reader',
      IsCustom: true,
      Description: 'Read-only access for demarc scans: exactly the actions its checks declare.',
      Actions: actions,
      NotActions: [],
      DataActions: [],
      NotDataActions: [],
      AssignableScopes: assignableScopes,
    },
  };
}

/**
 * The Azure RBAC actions a scan with these checks needs, as the provider contract publishes them:
 * per check and for discovery, how to grant them, and the custom role definition.
 */
export function azurePermissions(checks: readonly PermissionDeclaringCheck[] = AZURE_CHECKS): ProviderPermissionsV1 {
  const needs = azureLeastPrivilege(checks);
  const covering = needs.builtInRoles.filter((role) => role.coversAll).map((role) => `\`${role.name}\``);
  return {
    kind: 'Azure RBAC actions',
    all: needs.actions,
    byCheck: { '(discovery)': DISCOVERY_PERMISSIONS, ...needs.byCheck },
    grant: [
      `Assign the built-in role ${covering.join(' or ') || '(none covers every action)'} at the root management group or ` +
        'each subscription, or create the custom role below (`az role definition create --role-definition role.json`).',
    ],
    policy: { title: 'Custom role definition (least privilege)', document: needs.customRole },
  };
}
