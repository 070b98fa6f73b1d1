/**
 * Helpers to read IAM principals and policies: who a member is, which domain it belongs to, whether
 * Google manages it, and which roles are basic or privileged.
 * @module
 */
import type { JsonObject } from '@demarc/core';
import type { GcpIamBinding, GcpIamCondition, GcpIamPolicyRecord } from './types';

/** The kind of an IAM principal, from its prefix. */
export type GcpMemberKind =
  | 'user' | 'group' | 'serviceAccount' | 'domain' | 'allUsers' | 'allAuthenticatedUsers'
  | 'deleted' | 'principal' | 'principalSet' | 'convenience' | 'unknown';

/** Reads the kind of `member` (`user:a@example.com` → `user`). */
export function memberKind(member: string): GcpMemberKind {
  if (member === 'allUsers' || member === 'allAuthenticatedUsers') return member;
  const prefix = member.slice(0, member.indexOf(':'));
  switch (prefix) {
    case 'user': case 'group': case 'serviceAccount': case 'domain': case 'deleted': case 'principal': case 'principalSet':
      return prefix;
    case 'projectOwner': case 'projectEditor': case 'projectViewer':
      return 'convenience';
    default:
      return 'unknown';
  }
}

/** Public principals: anyone on the internet, or anyone with a Google account. */
export const PUBLIC_PRINCIPALS: ReadonlySet<string> = new Set(['allUsers', 'allAuthenticatedUsers']);

/** True for principals that stand for people (users, groups, whole domains), as opposed to workloads. */
export const isHumanPrincipal = (member: string): boolean => ['user', 'group', 'domain'].includes(memberKind(member));

/** The email of a `user:`, `group:` or `serviceAccount:` member, without `?uid=` suffixes. */
export function memberEmail(member: string): string | undefined {
  const kind = memberKind(member);
  if (kind !== 'user' && kind !== 'group' && kind !== 'serviceAccount') return undefined;
  return member.slice(member.indexOf(':') + 1).split('?')[0]!.toLowerCase();
}

/** The domain a human member belongs to (`user:a@Example.com` → `example.com`, `domain:example.com` → `example.com`). */
export function memberDomain(member: string): string | undefined {
  if (memberKind(member) === 'domain') return member.slice('domain:'.length).toLowerCase();
  const email = memberEmail(member);
  return email?.slice(email.lastIndexOf('@') + 1);
}

/**
 * Google-managed service agents: `service-{N}@gcp-sa-{service}.iam.gserviceaccount.com` (also the
 * `service-org-` / `service-folder-` forms), the Google APIs Service Agent `{N}@cloudservices.gserviceaccount.com`,
 * and the older agents in Google-owned projects such as `compute-system` and `container-engine-robot`.
 * Google creates them, grants their roles and rotates their keys; the customer cannot own their fate.
 * User-managed and default service accounts (`{N}-compute@developer.gserviceaccount.com`) are not agents.
 */
const SERVICE_AGENT_PATTERNS: readonly RegExp[] = [
  /^service-(?:org-|folder-)?\d+@gcp-sa-[a-z0-9-]+\.iam\.gserviceaccount\.com$/,
  /^\d+@cloudservices\.gserviceaccount\.com$/,
  /^service-\d+@(?:compute-system|container-engine-robot|gs-project-accounts|dataflow-service-producer-prod|cloudcomposer-accounts|serverless-robot-prod|gae-api-prod|cloud-ml\.google\.com|cloud-redis|cloud-filer|containerregistry|dataproc-accounts|firebase-rules|genomics-api|sourcerepo-service-accounts)\.iam\.gserviceaccount\.com$/,
  /^p\d+-\d+@gcp-sa-logging\.iam\.gserviceaccount\.com$/,
];

/** True when `member` is a Google-managed service agent. */
export function isGoogleManagedServiceAgent(member: string): boolean {
  if (memberKind(member) !== 'serviceAccount') return false;
  const email = memberEmail(member)!;
  return SERVICE_AGENT_PATTERNS.some((pattern) => pattern.test(email));
}

/** The reason reported when a failing grant belongs to a Google-managed service agent. */
export const SERVICE_AGENT_REASON = 'Google-managed service agent: Google creates it and grants its roles; the customer cannot own its credentials.';

/** Basic (formerly "primitive") roles: broad, pre-IAM roles Google advises against in production. */
export const BASIC_ROLES: ReadonlySet<string> = new Set(['roles/owner', 'roles/editor', 'roles/viewer']);

/**
 * Privileged roles: they let the holder change access, impersonate workloads or administer the
 * hierarchy. Grants of these to people should be time-bound.
 */
export const PRIVILEGED_ROLES: ReadonlySet<string> = new Set([
  'roles/owner',
  'roles/editor',
  'roles/resourcemanager.organizationAdmin',
  'roles/resourcemanager.folderAdmin',
  'roles/resourcemanager.projectIamAdmin',
  'roles/resourcemanager.folderIamAdmin',
  'roles/iam.securityAdmin',
  'roles/iam.organizationRoleAdmin',
  'roles/iam.serviceAccountAdmin',
  'roles/iam.serviceAccountKeyAdmin',
  'roles/iam.serviceAccountTokenCreator',
  'roles/iam.serviceAccountUser',
  'roles/iam.workloadIdentityPoolAdmin',
  'roles/billing.admin',
  'roles/orgpolicy.policyAdmin',
]);

/** The deadline of a time-bound condition (`request.time < timestamp("…")`), when it is one. */
export function conditionExpiry(condition: GcpIamCondition | undefined): Date | undefined {
  if (!condition) return undefined;
  const match = /request\.time\s*<=?\s*timestamp\(\s*["']([^"']+)["']\s*\)/.exec(condition.expression);
  if (!match) return undefined;
  const date = new Date(match[1]!);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The full resource name of a hierarchy node, e.g. `//cloudresourcemanager.googleapis.com/projects/alpha`. */
export const fullResourceName = (resource: string): string => `//cloudresourcemanager.googleapis.com/${resource}`;

/** The Cloud Asset type of a hierarchy node's resource name. */
export function hierarchyAssetType(resource: string): string {
  if (resource.startsWith('organizations/')) return 'cloudresourcemanager.googleapis.com/Organization';
  if (resource.startsWith('folders/')) return 'cloudresourcemanager.googleapis.com/Folder';
  return 'cloudresourcemanager.googleapis.com/Project';
}

/** One grant (role × member) in a policy, as evidence. */
export function grantEvidence(resource: string, binding: GcpIamBinding, member: string): JsonObject {
  return {
    resource,
    role: binding.role,
    member,
    ...(binding.condition ? { condition: { title: binding.condition.title, expression: binding.condition.expression } } : {}),
  };
}

/** A stable id for one grant, usable in mute rules: `{full resource name}#{role}#{member}`. */
export const grantId = (resource: string, role: string, member: string): string => `${fullResourceName(resource)}#${role}#${member}`;

/** Every (binding, member) pair of a policy. */
export function* grants(policy: GcpIamPolicyRecord): Generator<{ readonly binding: GcpIamBinding; readonly member: string }> {
  for (const binding of policy.bindings) for (const member of binding.members) yield { binding, member };
}
