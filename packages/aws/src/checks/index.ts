/**
 * Every AWS check, in id order.
 * @module
 */
import type { AwsCheck } from './define';
import { cloudTrailLogFileValidation, cloudTrailMultiRegion } from './cloudtrail';
import { iamRootAccessKeys, iamRootMfa, iamUnusedCredentials, iamUnusedRoles, iamUserMfa } from './iam';
import { ec2AdminPortsOpen, ec2EbsDefaultEncryption, s3AccountPublicAccessBlock } from './network-storage';
import { orgAllFeatures, orgInactiveAccounts, orgScpGuardrails, orgSecurityServicesAccess } from './organization';
import { orgAiOptOutPolicy, orgBackupPolicy, orgOwnerTagPolicy } from './organization-policies';

export * from './define';
export { cloudTrailLogFileValidation, cloudTrailMultiRegion } from './cloudtrail';
export {
  iamRootAccessKeys, iamRootMfa, iamUnusedCredentials, iamUnusedRoles, iamUserMfa, UNUSED_CREDENTIAL_DAYS, UNUSED_ROLE_DAYS,
} from './iam';
export { CENTRAL_ROOT_ACCESS_DOC } from './iam-root';
export { ec2AdminPortsOpen, ec2EbsDefaultEncryption, s3AccountPublicAccessBlock, ADMIN_PORTS } from './network-storage';
export { orgAllFeatures, orgInactiveAccounts, orgScpGuardrails, orgSecurityServicesAccess } from './organization';
export { orgAiOptOutPolicy, orgBackupPolicy, orgOwnerTagPolicy } from './organization-policies';

/** Every check of `@demarc/aws`, sorted by id. */
export const AWS_CHECKS: readonly AwsCheck[] = [
  cloudTrailLogFileValidation, cloudTrailMultiRegion, ec2AdminPortsOpen, ec2EbsDefaultEncryption,
  iamRootAccessKeys, iamRootMfa, iamUnusedCredentials, iamUnusedRoles, iamUserMfa,
  orgAiOptOutPolicy, orgAllFeatures, orgBackupPolicy, orgInactiveAccounts, orgOwnerTagPolicy, orgScpGuardrails, orgSecurityServicesAccess,
  s3AccountPublicAccessBlock,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
