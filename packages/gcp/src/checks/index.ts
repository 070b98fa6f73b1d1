/**
 * The Google Cloud checks. Every check reads collected data only; none writes.
 * @module
 */
import type { GcpCheck } from './define';
import { auditLogExemptions } from './audit-exemptions';
import { basicRolesForPeople } from './basic-roles';
import { dataAccessAuditLogs } from './data-access-logs';
import { deletedPrincipals } from './deleted-principals';
import { externalMembers } from './external-members';
import { inheritedBroadGrants } from './inherited-grants';
import { kmsSeparationOfDuties } from './kms-separation';
import { privilegedGrantsExpire } from './privileged-expiry';
import { projectOwnerLabel } from './project-owner-label';
import { projectPendingDeletion } from './project-pending-deletion';
import { publicPrincipals } from './public-principals';
import { projectWideImpersonation } from './service-account-impersonation';
import { serviceAccountOwnerEditor } from './service-account-privileged';

export { defineGcpCheck, permissionsOf, grantResource, nodeResource, type GcpCheck, type GcpCheckRequirements } from './define';
export {
  auditLogExemptions, basicRolesForPeople, dataAccessAuditLogs, deletedPrincipals, externalMembers, inheritedBroadGrants,
  kmsSeparationOfDuties, privilegedGrantsExpire, projectOwnerLabel, projectPendingDeletion, publicPrincipals,
  projectWideImpersonation, serviceAccountOwnerEditor,
};

/** Every Google Cloud check, in id order. */
export const GCP_CHECKS: readonly GcpCheck[] = [
  basicRolesForPeople, deletedPrincipals, externalMembers, inheritedBroadGrants, privilegedGrantsExpire, projectWideImpersonation,
  publicPrincipals, serviceAccountOwnerEditor, kmsSeparationOfDuties, auditLogExemptions, dataAccessAuditLogs, projectOwnerLabel,
  projectPendingDeletion,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
