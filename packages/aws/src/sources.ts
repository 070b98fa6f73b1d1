/**
 * The public documents the AWS framing, the service catalog, the provider-managed marks and the
 * checks cite. Every {@link Citation} in this package names one of these ids.
 *
 * Evidence follows the research report (`framings.md`): `verbatim` where the wording was read on an
 * AWS page (or AWS's own translation of it), `secondary` where it comes from independent
 * transcriptions of an AWS document. Claims no source backs are not cited: where the package relies
 * on one, the rationale says it is demarc's inference.
 * @module
 */
import { CORE_SOURCES, defineSources, type Citation, type Source } from '@demarc/core';


/**
 * Sources cited by `@demarc/aws`, keyed by id. Pass it to core's `explain()` / `resolveCitation()` as
 * the extra sources so AWS citations resolve to their addresses. The four ids core also cites
 * (`aws-srm`, `aws-wa-security-srm`, `aws-security-best-practices-2016`, `aws-ec2-security`) are
 * core's own entries.
 *
 * @example
 * ```ts
 * import { explain } from '@demarc/core';
 * import { AWS_SOURCES, awsService } from '@demarc/aws';
 * explain('runtime-platform', awsService('rds')!, AWS_SOURCES);
 * ```
 */
export const AWS_SOURCES = defineSources({
  'aws-srm': CORE_SOURCES['aws-srm'],
  'aws-wa-security-srm': CORE_SOURCES['aws-wa-security-srm'],
  'aws-security-best-practices-2016': CORE_SOURCES['aws-security-best-practices-2016'],
  'aws-ec2-security': CORE_SOURCES['aws-ec2-security'],
  'aws-srm-diagram': {
    title: 'Shared Responsibility Model diagram ("security of / in the cloud"), as transcribed',
    url: 'https://aws.amazon.com/compliance/shared-responsibility-model/',
    publisher: 'AWS',
  },
  'aws-ec2-update-management': {
    title: 'Amazon EC2 User Guide: Update management in Amazon EC2',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/update-management.html',
    publisher: 'AWS',
  },
  'aws-lambda-security-overview': {
    title: 'Security Overview of AWS Lambda (whitepaper): Lambda functions and layers',
    url: 'https://docs.aws.amazon.com/whitepapers/latest/security-overview-aws-lambda/lambda-functions-and-layers.html',
    publisher: 'AWS',
  },
  'aws-lambda-runtime-management': {
    title: 'AWS Lambda Developer Guide: Understanding the shared responsibility model for Lambda runtime management',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html',
    publisher: 'AWS',
  },
  'aws-beanstalk-shared-responsibility': {
    title: 'AWS Elastic Beanstalk Developer Guide: Shared responsibility model for Elastic Beanstalk platform maintenance',
    url: 'https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/platforms-shared-responsibility.html',
    publisher: 'AWS',
  },
  'aws-ecs-shared-model': {
    title: 'Amazon ECS Developer Guide: AWS shared responsibility model for Amazon ECS',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html',
    publisher: 'AWS',
  },
  'aws-eks-reliability': {
    title: 'Amazon EKS Best Practices Guide: Best Practices for Reliability (Japanese edition quoted where the English excerpt ends)',
    url: 'https://docs.aws.amazon.com/ja_jp/eks/latest/best-practices/reliability.html',
    publisher: 'AWS',
  },
  'aws-rds-security': {
    title: 'Amazon RDS User Guide: Security in Amazon RDS',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.html',
    publisher: 'AWS',
  },
  'aws-rds-getting-started': {
    title: 'Amazon RDS Getting Started Guide: concepts',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/gettingstartedguide/concepts.html',
    publisher: 'AWS',
  },
  'aws-aurora-security': {
    title: 'Amazon Aurora: Security features',
    url: 'https://docs.aws.amazon.com/rds/latest/auroraextendedcontent/aurora-features-security.html',
    publisher: 'AWS',
  },
  'aws-s3-default-encryption-faq': {
    title: 'Amazon S3 User Guide: Default encryption FAQ',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
    publisher: 'AWS',
  },
  'aws-s3-april-2023-defaults': {
    title: 'Heads-Up: Amazon S3 Security Changes Are Coming in April of 2023 (AWS News Blog)',
    url: 'https://aws.amazon.com/blogs/aws/heads-up-amazon-s3-security-changes-are-coming-in-april-of-2023/',
    publisher: 'AWS',
    asOf: '2022-12-13',
  },
  'aws-kms-concepts': {
    title: 'AWS KMS Cryptographic Details: Basic concepts',
    url: 'https://docs.aws.amazon.com/kms/latest/cryptographic-details/basic-concepts',
    publisher: 'AWS',
  },
  'aws-kms-managed-policies': {
    title: 'AWS KMS Developer Guide: AWS managed policies for AWS Key Management Service',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/security-iam-awsmanpol.html',
    publisher: 'AWS',
  },
  'aws-iam-service-linked-role': {
    title: 'IAM API Reference: CreateServiceLinkedRole',
    url: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html',
    publisher: 'AWS',
  },
  'aws-cloudtrail-organization-trail': {
    title: 'CloudTrail API (AWS SDK for Kotlin reference): UpdateTrailRequest.isOrganizationTrail',
    url: 'https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/cloudtrail/aws.sdk.kotlin.services.cloudtrail.model/-update-trail-request/is-organization-trail.html',
    publisher: 'AWS',
  },
  'aws-workspaces-infrastructure-security': {
    title: 'Amazon WorkSpaces Administration Guide: Infrastructure security in Amazon WorkSpaces',
    url: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/infrastructure-security.html',
    publisher: 'AWS',
  },
  'aws-workspaces-updated-image': {
    title: 'Amazon WorkSpaces API Reference: CreateUpdatedWorkspaceImage (wording as in AWS Tools for PowerShell help)',
    url: 'https://docs.aws.amazon.com/workspaces/latest/api/API_CreateUpdatedWorkspaceImage.html',
    publisher: 'AWS',
  },
  'aws-workmail-api': {
    title: 'Amazon WorkMail API Reference: Welcome',
    url: 'https://docs.aws.amazon.com/workmail/latest/APIReference/Welcome.html',
    publisher: 'AWS',
  },
});

/** An AWS source id, e.g. `'aws-srm'`. */
export type AwsSourceId = keyof typeof AWS_SOURCES;

/** Builds a {@link Citation} whose source id is checked against {@link AWS_SOURCES} at compile time. @internal */
export const cite = (source: AwsSourceId, says: string, evidence: Citation['evidence']): Citation => ({ source, says, evidence });
