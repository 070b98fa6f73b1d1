/**
 * The data the Azure operations return and the checks read: plain JSON (a snapshot stores it), one
 * shape per operation (`operations/<service>.ts` declares which operation returns which).
 * @module
 */

/**
 * The API version demarc reads each resource type's properties with (`resources.getById`). A type
 * must be listed here before an operation can read its properties (`resourcesOfType`).
 */
export const ARM_API_VERSIONS: Readonly<Record<string, string>> = {
  'microsoft.storage/storageaccounts': '2023-05-01',
  'microsoft.keyvault/vaults': '2023-07-01',
  'microsoft.network/networksecuritygroups': '2023-11-01',
  'microsoft.compute/virtualmachines': '2024-03-01',
  'microsoft.network/networkinterfaces': '2023-11-01',
  'microsoft.sql/servers': '2021-11-01',
};

/** Tags as ARM returns them. */
export type AzureTags = Readonly<Record<string, string>>;

/** A resource group, as `resourceGroups:list` returns it. */
export interface ResourceGroupData {
  /** ARM id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Location. */
  readonly location: string;
  /** Tags (empty when none). */
  readonly tags: AzureTags;
  /** The resource that manages this group (an AKS cluster for its node resource group, a managed application, ...). */
  readonly managedBy?: string;
}

/** A resource, as `resources:list` returns it. */
export interface ResourceData {
  /** ARM id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** ARM type, as ARM spells it. */
  readonly type: string;
  /** Kind (`functionapp`, `StorageV2`, ...). */
  readonly kind?: string;
  /** Location. */
  readonly location: string;
  /** Resource group name. */
  readonly resourceGroup: string;
  /** Tags (empty when none). */
  readonly tags: AzureTags;
  /** The resource that manages this one, when Azure manages it. */
  readonly managedBy?: string;
}

/** A resource with its type-specific properties, as the per-type operations (`storageAccounts:list`, ...) return it. */
export interface ResourceWithProperties extends ResourceData {
  /** The type's properties (JSON). */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A role assignment, as `roleAssignments:listForSubscription` returns it. */
export interface RoleAssignmentData {
  /** ARM id. */
  readonly id: string;
  /** The scope it applies to. */
  readonly scope: string;
  /** The role definition GUID (the last segment of the role definition id). */
  readonly roleDefinitionId: string;
  /** Principal object id. */
  readonly principalId: string;
  /** Principal type (`User`, `Group`, `ServicePrincipal`, ...). */
  readonly principalType?: string;
}

/** A management lock, as `managementLocks:listAtSubscriptionLevel` returns it. */
export interface LockData {
  /** ARM id (its scope is the part before `/providers/Microsoft.Authorization/locks/`). */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** `CanNotDelete` or `ReadOnly`. */
  readonly level: string;
}

/** A diagnostic setting of the activity log, as `diagnosticSettings:listForSubscription` returns it. */
export interface ActivityLogSettingData {
  /** ARM id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Log Analytics workspace destination. */
  readonly workspaceId?: string;
  /** Storage account destination. */
  readonly storageAccountId?: string;
  /** Event hub destination. */
  readonly eventHubAuthorizationRuleId?: string;
  /** Categories and whether each is exported. */
  readonly logs: readonly { readonly category: string; readonly enabled: boolean }[];
}

/** Built-in role definition GUIDs (the same in every tenant). */
export const BUILT_IN_ROLE_IDS = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  userAccessAdministrator: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  securityReader: '39bc4728-0917-49c7-9d2c-d95423bc2eb4',
} as const;

/** The scope part of a lock id: everything before `/providers/Microsoft.Authorization/locks/`. */
export function lockScope(lockId: string): string {
  const index = lockId.toLowerCase().lastIndexOf('/providers/microsoft.authorization/locks/');
  return index < 0 ? lockId : lockId.slice(0, index);
}
