/**
 * The typed description of everything the local cloud serves. An estate is plain data: the servers
 * index it once at start and never change it (the local cloud is read-only by design).
 *
 * Ids are realistic but obviously fake (AWS account ids such as `111111111111`, `example.com`
 * domains, GUIDs such as `11111111-1111-1111-1111-111111111111`).
 *
 * @module
 */
import type { AwsEstate } from './types-aws.ts';

export type * from './types-aws.ts';

/** An ISO-8601 timestamp, e.g. `2024-01-31T12:00:00Z`. */
export type IsoTimestamp = string;

/** The complete contents of the local cloud, one optional part per vendor. */
export interface Estate {
  /** AWS: one organization and its member accounts. */
  readonly aws?: AwsEstate;
  /** Google Cloud: organizations, folders and projects (Resource Manager v3). */
  readonly gcp?: GcpEstate;
  /** Azure: one tenant's subscriptions, resource groups and resources (Resource Manager). */
  readonly azure?: AzureEstate;
}

// ---------------------------------------------------------------------------------------------
// Google Cloud
// ---------------------------------------------------------------------------------------------

/** A Google Cloud estate (Resource Manager v3). */
export interface GcpEstate {
  /** Organizations (usually one). */
  readonly organizations: readonly GcpOrganization[];
  /** Folders; the tree is given by each folder's `parent`. */
  readonly folders: readonly GcpFolder[];
  /** Projects. */
  readonly projects: readonly GcpProject[];
}

/** Resource lifecycle state in Resource Manager v3. */
export type GcpState = 'ACTIVE' | 'DELETE_REQUESTED';

/** A Google Cloud organization. */
export interface GcpOrganization {
  /** Numeric id (the resource name is `organizations/{id}`). */
  readonly id: string;
  /** The domain, e.g. `example.com`. */
  readonly displayName: string;
  /** Workspace customer id, e.g. `C0xxxxxxx`. */
  readonly directoryCustomerId: string;
  /** Creation time. */
  readonly createTime: IsoTimestamp;
  /** IAM policy. */
  readonly iamPolicy?: GcpIamPolicy;
}

/** A Google Cloud folder. */
export interface GcpFolder {
  /** Numeric id (`folders/{id}`). */
  readonly id: string;
  /** `organizations/{id}` or `folders/{id}`. */
  readonly parent: string;
  /** Display name. */
  readonly displayName: string;
  /** Default `ACTIVE`. */
  readonly state?: GcpState;
  /** Creation time. */
  readonly createTime: IsoTimestamp;
  /** IAM policy. */
  readonly iamPolicy?: GcpIamPolicy;
}

/** A Google Cloud project. */
export interface GcpProject {
  /** The project id (`my-project-123`). */
  readonly projectId: string;
  /** The project number (the resource name is `projects/{number}`). */
  readonly number: string;
  /** `organizations/{id}` or `folders/{id}`. */
  readonly parent: string;
  /** Display name. */
  readonly displayName: string;
  /** Default `ACTIVE`. */
  readonly state?: GcpState;
  /** Labels. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Creation time. */
  readonly createTime: IsoTimestamp;
  /** IAM policy. */
  readonly iamPolicy?: GcpIamPolicy;
  /** When `true`, every call about this project answers `403 PERMISSION_DENIED`. */
  readonly accessDenied?: boolean;
}

/** An IAM policy, as `getIamPolicy` returns it. */
export interface GcpIamPolicy {
  /** Role bindings. */
  readonly bindings: readonly GcpBinding[];
  /** Data Access audit log configuration. */
  readonly auditConfigs?: readonly GcpAuditConfig[];
}

/** One role binding. */
export interface GcpBinding {
  /** `roles/owner`, `roles/viewer`... */
  readonly role: string;
  /** `user:`, `group:`, `serviceAccount:`, `domain:`, `allUsers`, `deleted:user:...?uid=...`. */
  readonly members: readonly string[];
  /** IAM condition (e.g. an expiry `request.time < timestamp("2024-01-01T00:00:00Z")`). */
  readonly condition?: { readonly title: string; readonly description?: string; readonly expression: string };
}

/** An audit configuration for one service (`allServices` for all). */
export interface GcpAuditConfig {
  /** Service name or `allServices`. */
  readonly service: string;
  /** Log types enabled and their exemptions. */
  readonly auditLogConfigs: readonly {
    readonly logType: 'ADMIN_READ' | 'DATA_WRITE' | 'DATA_READ';
    readonly exemptedMembers?: readonly string[];
  }[];
}

// ---------------------------------------------------------------------------------------------
// Azure
// ---------------------------------------------------------------------------------------------

/** An Azure estate: one tenant. */
export interface AzureEstate {
  /** Tenant id (a GUID). */
  readonly tenantId: string;
  /** Management groups (informational: the tree subscriptions sit in). */
  readonly managementGroups?: readonly AzureManagementGroup[];
  /** Subscriptions. */
  readonly subscriptions: readonly AzureSubscription[];
}

/** A management group. */
export interface AzureManagementGroup {
  /** Group name (id segment). */
  readonly name: string;
  /** Display name. */
  readonly displayName: string;
  /** Parent group name; absent for the tenant root group. */
  readonly parent?: string;
}

/** An Azure subscription and everything in it. */
export interface AzureSubscription {
  /** Subscription GUID. */
  readonly id: string;
  /** Display name. */
  readonly displayName: string;
  /** Subscription state. */
  readonly state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  /** Management group the subscription sits in (informational). */
  readonly managementGroup?: string;
  /** Subscription tags. */
  readonly tags?: Readonly<Record<string, string>>;
  /** When `true`, every call under `/subscriptions/{id}/...` answers `403 AuthorizationFailed`. */
  readonly accessDenied?: boolean;
  /** Resource groups. */
  readonly resourceGroups: readonly AzureResourceGroup[];
  /** Role assignments at subscription scope or below. */
  readonly roleAssignments?: readonly AzureRoleAssignment[];
  /** Management locks at subscription scope (resource-group locks sit on the group). */
  readonly locks?: readonly AzureLock[];
  /** Diagnostic settings of the subscription's activity log. */
  readonly activityLogDiagnosticSettings?: readonly AzureDiagnosticSetting[];
}

/** A resource group. */
export interface AzureResourceGroup {
  /** Name. */
  readonly name: string;
  /** Location. */
  readonly location: string;
  /** Tags. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Resource id of the managing resource (e.g. an AKS cluster for its `MC_` group). */
  readonly managedBy?: string;
  /** Resources in the group. */
  readonly resources: readonly AzureResource[];
  /** Locks on the group. */
  readonly locks?: readonly AzureLock[];
}

/** An ARM resource. */
export interface AzureResource {
  /** Name. */
  readonly name: string;
  /** Type, e.g. `Microsoft.Storage/storageAccounts`. */
  readonly type: string;
  /** Location. */
  readonly location: string;
  /** Kind, e.g. `StorageV2`. */
  readonly kind?: string;
  /** Resource id of the managing resource. */
  readonly managedBy?: string;
  /** Tags. */
  readonly tags?: Readonly<Record<string, string>>;
  /** SKU. */
  readonly sku?: { readonly name: string; readonly tier?: string };
  /** Resource-type-specific properties (e.g. `allowBlobPublicAccess`, `enablePurgeProtection`, `securityRules`). */
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** A role assignment. */
export interface AzureRoleAssignment {
  /** Assignment GUID. */
  readonly id: string;
  /** Scope: `/subscriptions/{id}`, a resource group id or a resource id. Default: the subscription. */
  readonly scope?: string;
  /** Role definition GUID (built-ins: Owner `8e3af657-a8ff-443c-a75c-2fe8c4bcb635`, ...). */
  readonly roleDefinitionId: string;
  /** Principal object id. */
  readonly principalId: string;
  /** Principal type. */
  readonly principalType: 'User' | 'Group' | 'ServicePrincipal' | 'ForeignGroup' | 'Device';
  /** Optional ABAC condition. */
  readonly condition?: string;
}

/** A management lock. */
export interface AzureLock {
  /** Lock name. */
  readonly name: string;
  /** Level. */
  readonly level: 'CanNotDelete' | 'ReadOnly';
  /** Notes. */
  readonly notes?: string;
}

/** A diagnostic setting of the activity log. */
export interface AzureDiagnosticSetting {
  /** Setting name. */
  readonly name: string;
  /** Log Analytics workspace resource id. */
  readonly workspaceId?: string;
  /** Storage account resource id. */
  readonly storageAccountId?: string;
  /** Categories and whether each is enabled (Administrative, Security, Policy, ...). */
  readonly logs: readonly { readonly category: string; readonly enabled: boolean }[];
}
