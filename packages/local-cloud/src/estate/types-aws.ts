/**
 * The AWS part of an estate: one organization, its OUs, policies and accounts, and what the
 * per-account APIs answer for each. Re-exported by `types.ts`.
 *
 * @module
 */

import type { IsoTimestamp } from './types.ts';

/** An AWS Organizations estate: the organization, its OUs, policies and accounts. */
export interface AwsEstate {
  /** The organization itself. */
  readonly organization: AwsOrganization;
  /** Every organizational unit; the tree is given by each unit's `parentId`. */
  readonly organizationalUnits: readonly AwsOrganizationalUnit[];
  /** Organization policies (service control policies, tag policies...) and what they are attached to. */
  readonly policies: readonly AwsOrgPolicy[];
  /** Every account, the management account included. */
  readonly accounts: readonly AwsAccount[];
}

/** The organization: see `DescribeOrganization` in the Organizations API reference. */
export interface AwsOrganization {
  /** Organization id, `o-` followed by 10–32 lowercase letters or digits. */
  readonly id: string;
  /** The management account (it must be one of {@link AwsEstate.accounts}). */
  readonly managementAccountId: string;
  /** `ALL` or `CONSOLIDATED_BILLING`. */
  readonly featureSet: 'ALL' | 'CONSOLIDATED_BILLING';
  /** The root id, `r-` followed by 4–32 lowercase letters or digits. */
  readonly rootId: string;
  /** Policy types enabled on the root. */
  readonly enabledPolicyTypes: readonly AwsPolicyType[];
  /** Service principals with trusted access (`ListAWSServiceAccessForOrganization`). */
  readonly enabledServicePrincipals: readonly string[];
  /** Delegated administrators (`ListDelegatedAdministrators`). */
  readonly delegatedAdministrators: readonly { readonly accountId: string; readonly servicePrincipal: string }[];
  /**
   * Centralized root access features IAM's `ListOrganizationsFeatures` reports (it also needs
   * `iam.amazonaws.com` in {@link enabledServicePrincipals} and all features). Default: none.
   */
  readonly rootAccessFeatures?: readonly ('RootCredentialsManagement' | 'RootSessions')[];
}

/** The organization policy types. */
export type AwsPolicyType =
  | 'SERVICE_CONTROL_POLICY'
  | 'RESOURCE_CONTROL_POLICY'
  | 'TAG_POLICY'
  | 'BACKUP_POLICY'
  | 'AISERVICES_OPT_OUT_POLICY';

/** An organizational unit. */
export interface AwsOrganizationalUnit {
  /** `ou-` + root suffix + `-` + 8–32 characters. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The root id or another OU's id. */
  readonly parentId: string;
}

/** An organization policy and its attachments. */
export interface AwsOrgPolicy {
  /** `p-` followed by 8–128 characters; AWS-managed ones look like `p-FullAWSAccess`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Free text. */
  readonly description: string;
  /** Policy type. */
  readonly type: AwsPolicyType;
  /** Whether AWS manages it (e.g. `FullAWSAccess`). */
  readonly awsManaged: boolean;
  /** The policy document (JSON text, as AWS stores it). */
  readonly content: string;
  /** Root, OU or account ids the policy is attached to. */
  readonly targets: readonly string[];
}

/** One AWS account and what the per-account APIs (STS, IAM, S3 Control, EC2, CloudTrail) answer for it. */
export interface AwsAccount {
  /** 12-digit account id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Root user email. */
  readonly email: string;
  /** `ACTIVE`, `SUSPENDED` or `PENDING_CLOSURE` (as in `ListAccounts`). */
  readonly status: 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';
  /** The root id or the OU the account sits in. */
  readonly parentId: string;
  /** How the account joined. */
  readonly joinedMethod: 'INVITED' | 'CREATED';
  /** When it joined. */
  readonly joinedTimestamp: IsoTimestamp;
  /**
   * Whether `sts:AssumeRole` into this account succeeds. `false` answers `AccessDenied`, as when the
   * audit role is missing or its trust policy does not name the caller. Default `true`; a suspended
   * account is never assumable.
   */
  readonly roleAssumable?: boolean;
  /** IAM contents. Default: no users, no roles, root without MFA. */
  readonly iam?: AwsIam;
  /** The account-level S3 Block Public Access settings; absent answers `NoSuchPublicAccessBlockConfiguration`. */
  readonly s3PublicAccessBlock?: AwsPublicAccessBlock;
  /** Per-region EC2 data, keyed by region name (`us-east-1`). Regions not listed are empty, encryption off. */
  readonly regions?: Readonly<Record<string, AwsRegionalEstate>>;
  /** CloudTrail trails visible from this account (organization trails included). */
  readonly trails?: readonly AwsTrail[];
}

/** IAM contents of one account. */
export interface AwsIam {
  /** Whether the root user has MFA (`GetAccountSummary` `AccountMFAEnabled`). */
  readonly rootMfaEnabled: boolean;
  /** Whether the root user has access keys (`AccountAccessKeysPresent`). */
  readonly rootAccessKeysPresent: boolean;
  /**
   * Whether the root user has a password (`AccountPasswordPresent`). Default `true`; `false` once the
   * root credentials were removed, e.g. through centralized root access.
   */
  readonly rootPasswordPresent?: boolean;
  /** IAM users. */
  readonly users: readonly AwsIamUser[];
  /** IAM roles. */
  readonly roles: readonly AwsIamRole[];
}

/** An IAM user. */
export interface AwsIamUser {
  /** User name. */
  readonly name: string;
  /** Path, default `/`. */
  readonly path?: string;
  /** Creation time. */
  readonly createDate: IsoTimestamp;
  /** The console password (`GetLoginProfile`), when the user has one; absent: no console sign-in. */
  readonly loginProfile?: { readonly createDate: IsoTimestamp };
  /** Last console sign-in, if any. */
  readonly passwordLastUsed?: IsoTimestamp;
  /** Serial numbers (ARNs) of MFA devices. */
  readonly mfaDevices: readonly string[];
  /** Access keys. */
  readonly accessKeys: readonly AwsAccessKey[];
}

/** An IAM access key (the id only: there is never a secret in an estate). */
export interface AwsAccessKey {
  /** `AKIA...`, obviously fake. */
  readonly id: string;
  /** `Active` or `Inactive`. */
  readonly status: 'Active' | 'Inactive';
  /** Creation time. */
  readonly createDate: IsoTimestamp;
  /** Last use, absent when never used. */
  readonly lastUsed?: { readonly date: IsoTimestamp; readonly service: string; readonly region: string };
}

/** An IAM role. */
export interface AwsIamRole {
  /** Role name. */
  readonly name: string;
  /** Path, e.g. `/` or `/aws-service-role/ec2.amazonaws.com/`. */
  readonly path: string;
  /** Creation time. */
  readonly createDate: IsoTimestamp;
  /** Trust policy (a JSON document). */
  readonly assumeRolePolicyDocument: string;
  /** Description. */
  readonly description?: string;
}

/** Account-level S3 Block Public Access. */
export interface AwsPublicAccessBlock {
  /** BlockPublicAcls. */
  readonly blockPublicAcls: boolean;
  /** IgnorePublicAcls. */
  readonly ignorePublicAcls: boolean;
  /** BlockPublicPolicy. */
  readonly blockPublicPolicy: boolean;
  /** RestrictPublicBuckets. */
  readonly restrictPublicBuckets: boolean;
}

/** EC2 data of one region of one account. */
export interface AwsRegionalEstate {
  /** `GetEbsEncryptionByDefault`. */
  readonly ebsEncryptionByDefault: boolean;
  /** Security groups. */
  readonly securityGroups: readonly AwsSecurityGroup[];
}

/** An EC2 security group. */
export interface AwsSecurityGroup {
  /** `sg-` + hex. */
  readonly id: string;
  /** Group name. */
  readonly name: string;
  /** Description. */
  readonly description: string;
  /** VPC id. */
  readonly vpcId: string;
  /** Inbound rules. */
  readonly ingress: readonly AwsIpPermission[];
  /** Outbound rules; default: all traffic to 0.0.0.0/0. */
  readonly egress?: readonly AwsIpPermission[];
}

/** One security group rule. */
export interface AwsIpPermission {
  /** `tcp`, `udp`, `icmp` or `-1` (all). */
  readonly protocol: string;
  /** First port (absent for `-1`). */
  readonly fromPort?: number;
  /** Last port. */
  readonly toPort?: number;
  /** IPv4 CIDRs. */
  readonly cidrs?: readonly string[];
  /** IPv6 CIDRs. */
  readonly ipv6Cidrs?: readonly string[];
}

/** A CloudTrail trail. */
export interface AwsTrail {
  /** Trail name. */
  readonly name: string;
  /** Region the trail lives in. */
  readonly homeRegion: string;
  /** Destination bucket. */
  readonly s3BucketName: string;
  /** IsMultiRegionTrail. */
  readonly multiRegion: boolean;
  /** IsOrganizationTrail. */
  readonly organizationTrail: boolean;
  /** IncludeGlobalServiceEvents. */
  readonly includeGlobalServiceEvents: boolean;
  /** LogFileValidationEnabled. */
  readonly logFileValidation: boolean;
  /** KMS key ARN, if encrypted with a CMK. */
  readonly kmsKeyId?: string;
  /** `GetTrailStatus` `IsLogging`. */
  readonly isLogging: boolean;
}
