/**
 * Plain-data shapes of what the Google Cloud operations return: JSON-serializable, so a snapshot can
 * store them and a replay rebuilds the same findings.
 * @module
 */

/** A resource-hierarchy node's lifecycle state. */
export type GcpLifecycleState = 'ACTIVE' | 'DELETE_REQUESTED' | 'STATE_UNSPECIFIED';

/** A project as the collectors return it. */
export interface GcpProjectRecord {
  /** The project id, e.g. `'alpha-prod'`. */
  readonly projectId: string;
  /** The resource name, `projects/{number}`. */
  readonly name: string;
  /** The project number. */
  readonly number: string;
  /** `organizations/{id}`, `folders/{id}`, or `''` for a project without an organization. */
  readonly parent: string;
  /** Display name. */
  readonly displayName: string;
  /** Lifecycle state. */
  readonly state: GcpLifecycleState;
  /** Labels. */
  readonly labels: Readonly<Record<string, string>>;
  /** Creation time (ISO), when known. */
  readonly createTime?: string;
  /** When deletion was requested (ISO), for `DELETE_REQUESTED` projects. */
  readonly deleteTime?: string;
}

/** A folder as discovery returns it. */
export interface GcpFolderRecord {
  /** `folders/{id}`. */
  readonly name: string;
  /** `organizations/{id}` or `folders/{id}`. */
  readonly parent: string;
  /** Display name. */
  readonly displayName: string;
  /** Lifecycle state. */
  readonly state: GcpLifecycleState;
}

/** An organization as discovery returns it. */
export interface GcpOrganizationRecord {
  /** `organizations/{id}`. */
  readonly name: string;
  /** The primary domain, e.g. `'example.com'`. */
  readonly displayName: string;
  /** The Workspace / Cloud Identity customer id. */
  readonly directoryCustomerId?: string;
}

/** An IAM condition on a binding. */
export interface GcpIamCondition {
  /** Title. */
  readonly title: string;
  /** CEL expression, e.g. `request.time < timestamp("2026-01-01T00:00:00Z")`. */
  readonly expression: string;
  /** Description. */
  readonly description?: string;
}

/** One role binding. */
export interface GcpIamBinding {
  /** `roles/owner`, `roles/viewer`, `organizations/1/roles/custom`... */
  readonly role: string;
  /** Principals: `user:`, `group:`, `serviceAccount:`, `domain:`, `allUsers`, `deleted:user:...`. */
  readonly members: readonly string[];
  /** The condition, if the binding is conditional. */
  readonly condition?: GcpIamCondition;
}

/** Data Access audit logging for one service. */
export interface GcpAuditConfig {
  /** A service (`storage.googleapis.com`) or `allServices`. */
  readonly service: string;
  /** The log types enabled and who is exempted. */
  readonly auditLogConfigs: readonly {
    /** `ADMIN_READ`, `DATA_READ` or `DATA_WRITE`. */
    readonly logType: string;
    /** Principals whose operations of this type are not logged. */
    readonly exemptedMembers: readonly string[];
  }[];
}

/** An IAM allow policy as the collectors return it (version 3, so conditions are kept). */
export interface GcpIamPolicyRecord {
  /** The resource it is attached to: `projects/{id}`, `folders/{id}`, `organizations/{id}`. */
  readonly resource: string;
  /** Policy version. */
  readonly version: number;
  /** Role bindings. */
  readonly bindings: readonly GcpIamBinding[];
  /** Data Access audit log configuration. */
  readonly auditConfigs: readonly GcpAuditConfig[];
}

/** An ancestor's policy, as inherited by a project. */
export interface GcpAncestorPolicy {
  /** `folders/{id}` or `organizations/{id}`. */
  readonly resource: string;
  /** The ancestor's display name. */
  readonly displayName: string;
  /** Its policy. */
  readonly policy: GcpIamPolicyRecord;
}

/** The hierarchy discovery saw, with every folder's and organization's policy. */
export interface GcpHierarchyRecord {
  /** Organizations. */
  readonly organizations: readonly (GcpOrganizationRecord & { readonly policy: GcpIamPolicyRecord })[];
  /** Folders, parents before children. */
  readonly folders: readonly (GcpFolderRecord & { readonly policy: GcpIamPolicyRecord })[];
}
