/**
 * What the collectors return: plain JSON (dates as ISO strings) that a snapshot can store and the
 * checks read.
 * @module
 */

/** The organization as `organizations:DescribeOrganization` returns it; `null` when the account is in none. */
export interface AwsOrganizationData {
  /** Organization id (`o-...`). */
  readonly id: string;
  /** Organization ARN. */
  readonly arn: string;
  /** `ALL` or `CONSOLIDATED_BILLING`. */
  readonly featureSet: string;
  /** The management account id. */
  readonly managementAccountId: string;
}

/** A root of the organization with its policy types. */
export interface AwsRootData {
  /** Root id (`r-...`). */
  readonly id: string;
  /** Root ARN. */
  readonly arn: string;
  /** Root name. */
  readonly name: string;
  /** Policy types and their status on this root. */
  readonly policyTypes: readonly { readonly type: string; readonly status: string }[];
}

/** A member account as `organizations:ListAccounts` returns it. */
export interface AwsAccountData {
  /** 12-digit account id. */
  readonly id: string;
  /** Account ARN. */
  readonly arn: string;
  /** Account name. */
  readonly name: string;
  /** Root user e-mail. */
  readonly email: string;
  /** `ACTIVE`, `SUSPENDED` or `PENDING_CLOSURE`. */
  readonly status: string;
  /** `INVITED` or `CREATED`. */
  readonly joinedMethod?: string;
  /** When it joined (ISO). */
  readonly joinedTimestamp?: string;
}

/** An organization policy summary. */
export interface AwsPolicySummaryData {
  /** Policy id (`p-...`). */
  readonly id: string;
  /** Policy ARN. */
  readonly arn: string;
  /** Policy name. */
  readonly name: string;
  /** Policy type, e.g. `SERVICE_CONTROL_POLICY`. */
  readonly type: string;
  /** True for AWS-managed policies such as FullAWSAccess. */
  readonly awsManaged: boolean;
}

/** An organization policy with its content. */
export interface AwsPolicyData extends AwsPolicySummaryData {
  /** The policy document, as stored (JSON text). */
  readonly content: string;
}

/** A target a policy is attached to. */
export interface AwsPolicyTargetData {
  /** Root, OU or account id. */
  readonly targetId: string;
  /** `ROOT`, `ORGANIZATIONAL_UNIT` or `ACCOUNT`. */
  readonly type: string;
  /** Target name. */
  readonly name: string;
}

/** An IAM user. */
export interface AwsIamUserData {
  /** User name. */
  readonly userName: string;
  /** User ARN. */
  readonly arn: string;
  /** User path. */
  readonly path: string;
  /** Creation time (ISO). */
  readonly createDate?: string;
  /** Last console sign-in (ISO), if any. */
  readonly passwordLastUsed?: string;
}

/** An IAM access key (id and state only; a secret is never read). */
export interface AwsAccessKeyData {
  /** The access key id (named `keyId`: core strips fields called `accessKeyId` from collected data as credentials). */
  readonly keyId: string;
  /** `Active` or `Inactive`. */
  readonly status: string;
  /** Creation time (ISO). */
  readonly createDate?: string;
}

/** When an access key was last used. */
export interface AwsAccessKeyLastUsedData {
  /** Last use (ISO); absent if never used. */
  readonly lastUsedDate?: string;
  /** Service of the last use. */
  readonly serviceName?: string;
  /** Region of the last use. */
  readonly region?: string;
}

/** An IAM role. */
export interface AwsIamRoleData {
  /** Role name. */
  readonly roleName: string;
  /** Role ARN. */
  readonly arn: string;
  /** Role path (`/aws-service-role/...` for service-linked roles). */
  readonly path: string;
  /** Creation time (ISO). */
  readonly createDate?: string;
  /** The trust policy, decoded JSON text. */
  readonly assumeRolePolicyDocument?: string;
}

/** What `iam:GetRole` adds to a role: when it was last used. */
export interface AwsRoleLastUsedData {
  /** Last use (ISO); absent when IAM has no record (never used, or not within its tracking period). */
  readonly lastUsedDate?: string;
  /** Region of the last use. */
  readonly region?: string;
}

/** Account-level S3 Block Public Access; `null` when none is configured. */
export interface AwsPublicAccessBlockData {
  /** BlockPublicAcls. */
  readonly blockPublicAcls: boolean;
  /** IgnorePublicAcls. */
  readonly ignorePublicAcls: boolean;
  /** BlockPublicPolicy. */
  readonly blockPublicPolicy: boolean;
  /** RestrictPublicBuckets. */
  readonly restrictPublicBuckets: boolean;
}

/** One inbound or outbound rule of a security group. */
export interface AwsIpPermissionData {
  /** `tcp`, `udp`, `icmp` or `-1` (all). */
  readonly protocol: string;
  /** First port. */
  readonly fromPort?: number;
  /** Last port. */
  readonly toPort?: number;
  /** IPv4 ranges. */
  readonly cidrs: readonly string[];
  /** IPv6 ranges. */
  readonly ipv6Cidrs: readonly string[];
}

/** A security group. */
export interface AwsSecurityGroupData {
  /** Group id (`sg-...`). */
  readonly groupId: string;
  /** Group name. */
  readonly groupName: string;
  /** VPC id. */
  readonly vpcId?: string;
  /** Owning account. */
  readonly ownerId?: string;
  /** Inbound rules. */
  readonly ingress: readonly AwsIpPermissionData[];
}

/** A CloudTrail trail as seen from the account (organization trails included). */
export interface AwsTrailData {
  /** Trail name. */
  readonly name: string;
  /** Trail ARN. */
  readonly arn: string;
  /** Region the trail lives in. */
  readonly homeRegion: string;
  /** IsMultiRegionTrail. */
  readonly multiRegion: boolean;
  /** IsOrganizationTrail. */
  readonly organizationTrail: boolean;
  /** LogFileValidationEnabled. */
  readonly logFileValidation: boolean;
  /** IncludeGlobalServiceEvents. */
  readonly includeGlobalServiceEvents: boolean;
  /** Destination bucket. */
  readonly s3BucketName?: string;
  /** KMS key, if encrypted with one. */
  readonly kmsKeyId?: string;
}

/** A user's console password as `iam:GetLoginProfile` returns it; the collector answers `null` when there is none. */
export interface AwsLoginProfileData {
  /** When the password was created (ISO). */
  readonly createDate?: string;
  /** Whether the user must set a new password at the next sign-in. */
  readonly passwordResetRequired: boolean;
}

/**
 * The organization's centralized root access features (`iam:ListOrganizationsFeatures`, asked of the
 * management account or IAM's delegated administrator).
 */
export interface AwsOrganizationsFeaturesData {
  /** The organization id, when IAM answered with one. */
  readonly organizationId?: string;
  /** `RootCredentialsManagement`, `RootSessions`: empty when none is on. */
  readonly enabledFeatures: readonly string[];
  /**
   * Why IAM has no features to report, when it said so instead of answering: the organization lacks
   * all features (`OrganizationNotInAllFeaturesMode`), IAM's trusted access is off
   * (`ServiceAccessNotEnabled`), or there is no organization (`OrganizationNotFound`).
   */
  readonly unavailable?: string;
}
