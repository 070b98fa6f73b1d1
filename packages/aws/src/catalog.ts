/**
 * The AWS service catalog: each service with its normalized model, variant, AWS category, the native
 * resource types that classify to it, per-domain overrides where it differs from the baseline and the
 * customer duties it adds, all cited. {@link classify} maps an ARN or a resource type key to its entry.
 * @module
 */
import type { Citation, DomainId, ResponsibilityOverride, ServiceCatalogEntry } from '@demarc/core';
import type { AwsServiceCategory } from './framing';
import { cite } from './sources';

/** What a service asks of the customer (and of AWS) in one domain, beyond the domain's general scope. */
export interface AwsServiceDuty {
  /** The customer's part, in demarc's words. */
  readonly customer: string;
  /** AWS's part, where the service says. */
  readonly aws?: string;
  /** At least one citation. */
  readonly citations: readonly [Citation, ...Citation[]];
}

/** An AWS catalog entry: core's {@link ServiceCatalogEntry} plus how firmly its placement is backed and its duties. */
export interface AwsServiceCatalogEntry extends ServiceCatalogEntry {
  /** Always `'aws'`. */
  readonly provider: 'aws';
  /** The AWS whitepaper category, where AWS places the service in one. */
  readonly vendorCategory?: AwsServiceCategory;
  /** `vendor` when AWS itself places the service (category, IaaS/PaaS wording); `inference` when the placement is demarc's. */
  readonly placement: 'vendor' | 'inference';
  /** Why the service sits in its model, in demarc's words; says so when it is demarc's inference. */
  readonly placementNote: string;
  /** Service-specific duties per domain (the party is the baseline's or the override's). */
  readonly duties?: Readonly<Partial<Record<DomainId, AwsServiceDuty>>>;
}

const C = {
  srmGeneric: cite('aws-ec2-security', 'Security in the cloud: "Your responsibility is determined by the AWS service that you use."', 'verbatim'),
  ec2Iaas: cite('aws-srm', '"a service such as Amazon Elastic Compute Cloud (Amazon EC2) is categorized as Infrastructure as a Service (IaaS)"', 'verbatim'),
  guestOs: cite('aws-wa-security-srm', 'The customer "assumes responsibility and management of the guest operating system (including updates and security patches), and other associated application software in addition to the configuration of the AWS provided security group firewall."', 'verbatim'),
  ec2Patch: cite('aws-ec2-update-management', '"We recommend that you regularly patch, update, and secure the operating system and applications on your EC2 instances."', 'verbatim'),
  infraList: cite('aws-security-best-practices-2016', 'Infrastructure services "such as Amazon EC2, Amazon EBS, and Amazon VPC, run on top of the AWS global infrastructure"; the category also lists Auto Scaling.', 'secondary'),
  containerList: cite('aws-security-best-practices-2016', 'Container services "such as Amazon RDS and Amazon EMR"; the category also lists AWS Elastic Beanstalk.', 'secondary'),
  containerFirewall: cite('aws-security-best-practices-2016', '"For AWS Container services, you are responsible for the data and for firewall rules for access to the container service."', 'secondary'),
  containerBcdr: cite('aws-security-best-practices-2016', '"the AWS platform provides data backup and recovery tools; but it is your responsibility to configure and use tools in relation to your business continuity and disaster recovery (BC/DR) policy."', 'secondary'),
  abstractedList: cite('aws-security-best-practices-2016', 'Abstracted services: "Amazon Simple Storage Service (Amazon S3), Amazon Glacier, Amazon DynamoDB, Amazon Simple Queuing Service (Amazon SQS), and Amazon Simple Email Service (Amazon SES)".', 'secondary'),
  abstracted: cite('aws-srm', 'For abstracted services such as S3 and DynamoDB, "AWS operates the infrastructure layer, the operating system, and platforms, and customers access the endpoints to store and retrieve data."', 'secondary'),
  abstractedCustomer: cite('aws-srm', 'Customers "are responsible for managing their data (including encryption options), classifying their assets, and using IAM tools to apply the appropriate permissions."', 'secondary'),
  lambdaCode: cite('aws-lambda-security-overview', '"You are responsible only for the code that you provide Lambda, and the configuration of how Lambda runs that code on your behalf."', 'secondary'),
  lambdaRuntime: cite('aws-lambda-runtime-management', '"Responsibility for updating existing functions to use the latest runtime version varies depending on which runtime update mode you use."', 'verbatim'),
  lambdaImages: cite('aws-lambda-runtime-management', 'For functions deployed as container images, Lambda publishes updated base images and the customer rebuilds its image from the latest base image and redeploys it.', 'verbatim'),
  beanstalkUpdates: cite('aws-beanstalk-shared-responsibility', 'Elastic Beanstalk "Releases patch, minor, and major updates of operating system (OS), runtime, application server, and web server components typically within 30 days of their availability".', 'verbatim'),
  beanstalkCustomer: cite('aws-beanstalk-shared-responsibility', 'The customer must "Ensure that your Elastic Beanstalk environments are running on a supported platform version" and "Patch the OS, runtime, application server, and web server yourself if you opted out of Elastic Beanstalk managed updates".', 'verbatim'),
  ecsModel: cite('aws-ecs-shared-model', 'The ECS shared responsibility page repeats that the customer "assumes responsibility and management of the guest operating system (including updates and security patches)" and gives Fargate a model of its own.', 'verbatim'),
  fargate: cite('aws-ecs-shared-model', '"When using Fargate, customers are not responsible for securing the compute infrast[ructure]" (the stored excerpt ends there).', 'verbatim'),
  eks: cite('aws-eks-reliability', 'In EKS, AWS is responsible for the reliability of the Kubernetes control plane; responsibility for the data plane is shared between the customer and AWS, and the more AWS-managed the data plane (Auto Mode, Fargate, managed node groups), the less falls to the customer (translated).', 'verbatim'),
  rdsEngineLogin: cite('aws-rds-security', '"Use the security features of your DB engine to control who can log in to the databases on a DB instance, just as you do if the database was on your local network."', 'verbatim'),
  rdsManaged: cite('aws-rds-security', '"You don\'t have to configure security access for processes that Amazon RDS manages, such as creating backups, replicating data between a master and a Read Replica, or other processes."', 'verbatim'),
  rdsSoftware: cite('aws-rds-getting-started', '"You\'re responsible for your database software and configurations, while AWS handles hardware provisioning, maintenance, and backups."', 'verbatim'),
  auroraNetwork: cite('aws-aurora-security', '"Aurora runs in Amazon VPC, isolating your database in your own virtual network." You "configure firewall settings to control network access to your DB instances."', 'verbatim'),
  s3Encryption: cite('aws-s3-default-encryption-faq', '"Amazon S3 now applies server-side encryption with Amazon S3 managed keys (SSE-S3) as the base level of encryption for every bucket in Amazon S3."', 'verbatim'),
  s3Defaults: cite('aws-s3-april-2023-defaults', 'Since April 2023 S3 enables Block Public Access and disables ACLs for every new bucket (AWS announcement, as reproduced by users).', 'secondary'),
  kmsKeys: cite('aws-kms-concepts', '"Customer managed key – Customers create and control the lifecycle and key policies of customer managed keys." AWS managed keys: "Customers can view access policies and CloudTrail events for AWS managed keys, but cannot manage any aspect of these keys."', 'verbatim'),
  slr: cite('aws-iam-service-linked-role', 'A service-linked role: "The service controls the attached policies and when the role can be deleted."', 'verbatim'),
  managedPolicies: cite('aws-kms-managed-policies', '"You cannot change the permissions defined in AWS managed policies."', 'verbatim'),
  orgTrail: cite('aws-cloudtrail-organization-trail', '"Only the management account for the organization can convert an organization trail to a non-organization trail, or convert a non-organization trail to an organization trail."', 'verbatim'),
  workspaces: cite('aws-workspaces-infrastructure-security', '"As a managed service, Amazon WorkSpaces is protected by AWS global network security."', 'verbatim'),
  workspacesImages: cite('aws-workspaces-updated-image', 'Updating a WorkSpace image with CreateUpdatedWorkspaceImage: "Microsoft Windows updates and other application updates are not included in the update process."', 'secondary'),
  workmail: cite('aws-workmail-api', '"WorkMail is a secure, managed business email and calendaring service"; "You can integrate WorkMail with your existing corporate directory and control both the keys that encrypt your data and the location in which your data is stored."', 'verbatim'),
} as const satisfies Record<string, Citation>;

type Override = ResponsibilityOverride;
const split = (rationale: string, ...citations: [Citation, ...Citation[]]): Override => ({ party: 'shared', sharedMode: 'split', rationale, citations });
const toProvider = (rationale: string, ...citations: [Citation, ...Citation[]]): Override => ({ party: 'provider', rationale, citations });
const inference = (note: string): string => `demarc's inference: ${note}`;

/** The AWS service catalog. Ids are kebab-case and stable. */
export const AWS_CATALOG: readonly AwsServiceCatalogEntry[] = [
  {
    id: 'ec2', provider: 'aws', name: 'Amazon EC2', model: 'iaas', variant: 'aws-infrastructure', vendorCategory: 'infrastructure', placement: 'vendor',
    placementNote: 'AWS calls EC2 IaaS: the customer manages the guest OS, the software on it and the security groups.',
    resourceTypes: ['ec2', 'ec2:instance', 'ec2:image', 'ec2:key-pair', 'ec2:launch-template', 'ec2:dedicated-host'],
    duties: { 'guest-os': { customer: 'Patch, update and harden the operating system of every instance (e.g. with Systems Manager Patch Manager).', aws: 'Patches the hosts and hypervisor.', citations: [C.ec2Patch, C.guestOs] } },
    citations: [C.ec2Iaas, C.guestOs],
  },
  {
    id: 'ebs', provider: 'aws', name: 'Amazon EBS', model: 'iaas', variant: 'aws-infrastructure', vendorCategory: 'infrastructure', placement: 'vendor',
    placementNote: 'The 2016 whitepaper lists EBS among the infrastructure services.',
    resourceTypes: ['ec2:volume', 'ec2:snapshot'],
    duties: { 'data-protection': { customer: 'Turn on encryption of volumes and snapshots (EBS encryption by default per region) and choose the keys.', citations: [C.abstractedCustomer] } },
    citations: [C.infraList],
  },
  {
    id: 'vpc', provider: 'aws', name: 'Amazon VPC', model: 'iaas', variant: 'aws-infrastructure', vendorCategory: 'infrastructure', placement: 'vendor',
    placementNote: 'The 2016 whitepaper lists VPC among the infrastructure services; security groups are the customer\'s firewall.',
    resourceTypes: ['ec2:vpc', 'ec2:subnet', 'ec2:security-group', 'ec2:security-group-rule', 'ec2:network-acl', 'ec2:route-table', 'ec2:internet-gateway', 'ec2:natgateway', 'ec2:vpc-endpoint', 'ec2:network-interface', 'ec2:elastic-ip', 'ec2:vpc-peering-connection', 'ec2:transit-gateway', 'ec2:vpc-flow-log'],
    duties: { 'network-controls': { customer: 'Design subnets and routes, and keep security groups and network ACLs closed to the internet except where intended.', citations: [C.guestOs] } },
    citations: [C.infraList, C.guestOs],
  },
  {
    id: 'auto-scaling', provider: 'aws', name: 'Amazon EC2 Auto Scaling', model: 'iaas', variant: 'aws-infrastructure', vendorCategory: 'infrastructure', placement: 'vendor',
    placementNote: 'The 2016 whitepaper lists Auto Scaling among the infrastructure services: it launches EC2 instances the customer manages.',
    resourceTypes: ['autoscaling'],
    citations: [C.infraList],
  },
  {
    id: 'lambda', provider: 'aws', name: 'AWS Lambda', model: 'paas', variant: 'faas', placement: 'vendor',
    placementNote: 'AWS runs the infrastructure, OS and managed runtimes; the customer owns its code and the function\'s configuration. The 2016 whitepaper does not place Lambda; AWS training calls it PaaS.',
    resourceTypes: ['lambda', 'lambda:function', 'lambda:layer', 'lambda:event-source-mapping'],
    overrides: {
      'runtime-platform': split('Lambda publishes runtime and base-image updates, but whether a function receives them depends on its runtime update mode, and container-image functions must be rebuilt and redeployed by the customer.', C.lambdaRuntime, C.lambdaImages),
    },
    duties: { application: { customer: 'All code in functions and layers, and how Lambda is configured to run it (execution role, environment, triggers).', citations: [C.lambdaCode] } },
    citations: [C.lambdaCode, C.lambdaRuntime],
  },
  {
    id: 'ecs', provider: 'aws', name: 'Amazon ECS (EC2 launch type)', model: 'paas', placement: 'inference',
    placementNote: inference('AWS runs the ECS control plane (PaaS), but with the EC2 launch type the container instances are EC2 instances whose guest OS is the customer\'s, hence the guest-os override.'),
    resourceTypes: ['ecs', 'ecs:cluster', 'ecs:service', 'ecs:task', 'ecs:task-definition', 'ecs:container-instance'],
    overrides: { 'guest-os': split('With the EC2 launch type the customer patches the container instances\' operating system; AWS provides the ECS-optimized AMIs.', C.ecsModel) },
    citations: [C.ecsModel],
  },
  {
    id: 'fargate', provider: 'aws', name: 'AWS Fargate', model: 'paas', variant: 'serverless-container', placement: 'vendor',
    placementNote: 'AWS documents a separate model for Fargate: the customer does not secure the compute infrastructure; it keeps its images, task definitions, roles and network settings.',
    // Fargate has no ARN prefix of its own: its tasks are ECS tasks whose launch type is FARGATE.
    resourceTypes: ['ecs:task/fargate'],
    citations: [C.fargate],
  },
  {
    id: 'eks', provider: 'aws', name: 'Amazon EKS', model: 'paas', variant: 'managed-kubernetes', placement: 'vendor',
    placementNote: 'AWS runs the Kubernetes control plane; the data plane is shared and depends on the node option (self-managed, managed node groups, Fargate, Auto Mode).',
    resourceTypes: ['eks', 'eks:cluster', 'eks:nodegroup', 'eks:addon', 'eks:fargateprofile'],
    overrides: {
      'guest-os': split('Worker nodes are EC2 instances: with self-managed or managed node groups the customer keeps node AMIs up to date; only Fargate and Auto Mode take this over.', C.eks),
      'runtime-platform': split('AWS runs the control plane; the customer chooses and upgrades the Kubernetes version and the add-ons it installs.', C.eks),
    },
    citations: [C.eks],
  },
  {
    id: 'elastic-beanstalk', provider: 'aws', name: 'AWS Elastic Beanstalk', model: 'paas', variant: 'aws-container', vendorCategory: 'container', placement: 'vendor',
    placementNote: 'The 2016 whitepaper lists Elastic Beanstalk among the container services; its own shared responsibility page divides platform maintenance.',
    resourceTypes: ['elasticbeanstalk', 'elasticbeanstalk:application', 'elasticbeanstalk:environment'],
    overrides: {
      'runtime-platform': split('Elastic Beanstalk releases platform updates, but the customer must stay on a supported platform version and resolve failed managed updates.', C.beanstalkUpdates, C.beanstalkCustomer),
      'guest-os': split('Elastic Beanstalk releases OS updates; if managed updates are turned off, the customer patches the OS itself.', C.beanstalkUpdates, C.beanstalkCustomer),
    },
    citations: [C.containerList, C.beanstalkUpdates],
  },
  {
    id: 'rds', provider: 'aws', name: 'Amazon RDS', model: 'paas', variant: 'dbaas', vendorCategory: 'container', placement: 'vendor',
    placementNote: 'The 2016 whitepaper lists RDS among the container services: AWS manages the OS and the database platform.',
    resourceTypes: ['rds', 'rds:db', 'rds:cluster', 'rds:snapshot', 'rds:cluster-snapshot', 'rds:pg', 'rds:cluster-pg', 'rds:og', 'rds:subgrp', 'rds:secgrp'],
    overrides: {
      'runtime-platform': split('AWS patches the engine\'s hosts and OS, but the customer chooses the engine version, schedules major upgrades and owns the parameter and option groups.', C.rdsSoftware),
    },
    duties: {
      'network-controls': { customer: 'Decide who reaches the endpoint: VPC security groups, public accessibility.', citations: [C.containerFirewall] },
      'accounts-access': { customer: 'Database users and their privileges, with the engine\'s own security features.', citations: [C.rdsEngineLogin] },
      'backup-recovery': { customer: 'Backup retention, snapshots and restore tests to meet its BC/DR policy.', aws: 'Takes the automated backups and replicates data.', citations: [C.containerBcdr, C.rdsManaged] },
    },
    citations: [C.containerList, C.rdsSoftware],
  },
  {
    id: 'aurora', provider: 'aws', name: 'Amazon Aurora', model: 'paas', variant: 'dbaas', placement: 'inference',
    placementNote: inference('Aurora is an RDS engine family and is placed like RDS (a container service); the whitepaper predates it.'),
    // Aurora clusters are `rds:cluster` ARNs; the engine (aurora-mysql, aurora-postgresql) tells them apart.
    resourceTypes: ['rds:cluster/aurora'],
    overrides: {
      'runtime-platform': split('AWS runs the engine and its storage; the customer chooses versions, upgrades and cluster parameter groups.', C.rdsSoftware),
    },
    duties: { 'network-controls': { customer: 'Firewall settings (VPC security groups) for who reaches the cluster.', citations: [C.auroraNetwork] } },
    citations: [C.auroraNetwork, C.rdsSoftware],
  },
  {
    id: 'emr', provider: 'aws', name: 'Amazon EMR', model: 'paas', variant: 'aws-container', vendorCategory: 'container', placement: 'vendor',
    placementNote: 'The 2016 whitepaper lists EMR among the container services; the customer manages firewall rules through EC2 security groups.',
    resourceTypes: ['elasticmapreduce'],
    citations: [C.containerList, C.containerFirewall],
  },
  {
    id: 'dynamodb', provider: 'aws', name: 'Amazon DynamoDB', model: 'paas', variant: 'dbaas', vendorCategory: 'abstracted', placement: 'vendor',
    placementNote: 'AWS calls DynamoDB an abstracted service; demarc keeps managed databases at PaaS (dbaas) with the endpoint network as the provider\'s.',
    resourceTypes: ['dynamodb', 'dynamodb:table'],
    overrides: { 'network-controls': toProvider('DynamoDB is reached through AWS\'s endpoints; who may read or write is IAM (accounts-access), not a network the customer runs.', C.abstracted) },
    citations: [C.abstracted, C.abstractedCustomer],
  },
  {
    id: 's3', provider: 'aws', name: 'Amazon S3', model: 'paas', variant: 'object-storage', vendorCategory: 'abstracted', placement: 'vendor',
    placementNote: 'AWS calls S3 an abstracted service; demarc keeps object storage at PaaS with the endpoint network as the provider\'s and exposure under service configuration.',
    resourceTypes: ['s3', 's3:bucket', 's3:accesspoint', 's3:storage-lens'],
    overrides: { 'network-controls': toProvider('S3 is reached through AWS\'s endpoints; exposure is decided by bucket policies, ACLs and Block Public Access (service-configuration).', C.abstracted) },
    duties: {
      'data-protection': { customer: 'Classify data and choose encryption options and keys; SSE-S3 is only the default.', aws: 'Encrypts new objects with SSE-S3 by default.', citations: [C.abstractedCustomer, C.s3Encryption] },
      'service-configuration': { customer: 'Keep Block Public Access on (account and bucket level) unless a bucket is meant to be public; the new-bucket default can be turned off.', citations: [C.s3Defaults, C.abstractedCustomer] },
    },
    citations: [C.abstracted, C.abstractedCustomer],
  },
  {
    id: 's3-glacier', provider: 'aws', name: 'Amazon S3 Glacier', model: 'saas', variant: 'aws-abstracted', vendorCategory: 'abstracted', placement: 'vendor',
    placementNote: 'The 2016 whitepaper lists Glacier among the abstracted services.',
    resourceTypes: ['glacier'],
    citations: [C.abstractedList, C.abstractedCustomer],
  },
  {
    id: 'sqs', provider: 'aws', name: 'Amazon SQS', model: 'saas', variant: 'aws-abstracted', vendorCategory: 'abstracted', placement: 'vendor',
    placementNote: 'The 2016 whitepaper lists SQS among the abstracted services.',
    resourceTypes: ['sqs'],
    citations: [C.abstractedList, C.abstractedCustomer],
  },
  {
    id: 'ses', provider: 'aws', name: 'Amazon SES', model: 'saas', variant: 'aws-abstracted', vendorCategory: 'abstracted', placement: 'vendor',
    placementNote: 'The 2016 whitepaper lists SES among the abstracted services.',
    resourceTypes: ['ses'],
    citations: [C.abstractedList, C.abstractedCustomer],
  },
  {
    id: 'sns', provider: 'aws', name: 'Amazon SNS', model: 'saas', variant: 'aws-abstracted', placement: 'inference',
    placementNote: inference('SNS is a messaging endpoint like SQS and is placed with the abstracted services; AWS\'s whitepaper does not list it.'),
    resourceTypes: ['sns'],
    citations: [C.srmGeneric, C.abstractedCustomer],
  },
  {
    id: 'cloudfront', provider: 'aws', name: 'Amazon CloudFront', model: 'saas', placement: 'inference',
    placementNote: inference('CloudFront is used through its API and distributions without any OS or runtime of the customer\'s; the customer configures origins, TLS policies and access.'),
    resourceTypes: ['cloudfront', 'cloudfront:distribution'],
    citations: [C.srmGeneric],
  },
  {
    id: 'api-gateway', provider: 'aws', name: 'Amazon API Gateway', model: 'paas', placement: 'inference',
    placementNote: inference('API Gateway hosts the customer\'s API definitions on an AWS-run platform; the customer owns authorizers, resource policies and stage settings.'),
    resourceTypes: ['apigateway', 'execute-api'],
    citations: [C.srmGeneric],
  },
  {
    id: 'elastic-load-balancing', provider: 'aws', name: 'Elastic Load Balancing', model: 'paas', placement: 'inference',
    placementNote: inference('AWS runs the load balancers; the customer configures listeners, TLS policies and their security groups.'),
    resourceTypes: ['elasticloadbalancing', 'elasticloadbalancing:loadbalancer', 'elasticloadbalancing:targetgroup'],
    citations: [C.srmGeneric, C.containerFirewall],
  },
  {
    id: 'cognito', provider: 'aws', name: 'Amazon Cognito', model: 'saas', placement: 'inference',
    placementNote: inference('Cognito is an identity service AWS operates; the customer configures user pools, MFA and federation.'),
    resourceTypes: ['cognito-idp', 'cognito-identity'],
    citations: [C.srmGeneric],
  },
  {
    id: 'kms', provider: 'aws', name: 'AWS Key Management Service', model: 'saas', placement: 'inference',
    placementNote: inference('KMS is used through its API only; AWS runs the key infrastructure, the customer controls customer managed keys.'),
    resourceTypes: ['kms', 'kms:key', 'kms:alias'],
    duties: { 'data-protection': { customer: 'Key policies, rotation and deletion of customer managed keys.', aws: 'Controls AWS managed keys entirely.', citations: [C.kmsKeys] } },
    citations: [C.kmsKeys],
  },
  {
    id: 'iam', provider: 'aws', name: 'AWS Identity and Access Management', model: 'saas', placement: 'inference',
    placementNote: inference('IAM is the identity service AWS operates (identity infrastructure shared); users, roles and policies are the customer\'s (accounts-access).'),
    resourceTypes: ['iam', 'iam:user', 'iam:role', 'iam:policy', 'iam:group', 'iam:instance-profile', 'iam:mfa', 'iam:saml-provider', 'iam:oidc-provider', 'sts'],
    duties: {
      'accounts-access': { customer: 'Users, roles, MFA, access keys and their removal when people leave; not the service-linked roles and AWS managed policies, which AWS controls.', aws: 'Controls the policies of service-linked roles and AWS managed policies.', citations: [C.abstractedCustomer, C.slr, C.managedPolicies] },
    },
    citations: [C.abstractedCustomer, C.slr],
  },
  {
    id: 'organizations', provider: 'aws', name: 'AWS Organizations', model: 'saas', placement: 'inference',
    placementNote: inference('Organizations is an AWS-run governance service; the customer owns the account structure and its policies (SCPs, tag, backup and AI opt-out policies).'),
    resourceTypes: ['organizations', 'organizations:account', 'organizations:ou', 'organizations:policy', 'organizations:root'],
    citations: [C.srmGeneric],
  },
  {
    id: 'cloudtrail', provider: 'aws', name: 'AWS CloudTrail', model: 'saas', placement: 'inference',
    placementNote: inference('CloudTrail records API activity on AWS\'s side; turning on trails, keeping and reviewing them is the customer\'s (logging-monitoring is shared). An organization trail belongs to the management account.'),
    resourceTypes: ['cloudtrail', 'cloudtrail:trail'],
    duties: { 'logging-monitoring': { customer: 'A multi-region trail that logs, with log file validation, retained and reviewed.', citations: [C.orgTrail] } },
    citations: [C.srmGeneric, C.orgTrail],
  },
  {
    id: 'guardduty', provider: 'aws', name: 'Amazon GuardDuty', model: 'saas', placement: 'inference',
    placementNote: inference('GuardDuty is a detection service AWS runs; enabling it in every account and answering its findings is the customer\'s.'),
    resourceTypes: ['guardduty'],
    citations: [C.srmGeneric],
  },
  {
    id: 'workspaces', provider: 'aws', name: 'Amazon WorkSpaces', model: 'saas', placement: 'inference',
    placementNote: inference('WorkSpaces is a managed desktop service protected by AWS\'s network, but the Windows inside a WorkSpace keeps customer duties (updates of its images, endpoint protection).'),
    resourceTypes: ['workspaces'],
    overrides: {
      'guest-os': split('demarc\'s inference from AWS\'s image-update documentation: AWS updates the WorkSpaces components, while Windows and application updates of the customer\'s images are not included and remain the customer\'s.', C.workspacesImages, C.workspaces),
    },
    citations: [C.workspaces],
  },
  {
    id: 'workmail', provider: 'aws', name: 'Amazon WorkMail', model: 'saas', placement: 'vendor',
    placementNote: 'AWS describes WorkMail as a managed business email service; the customer manages users, directory integration, keys and data location.',
    resourceTypes: ['workmail'],
    duties: { 'data-protection': { customer: 'Choose the keys that encrypt mailbox data and where it is stored.', citations: [C.workmail] } },
    citations: [C.workmail],
  },
];

/** Catalog entries by id. */
const BY_ID: ReadonlyMap<string, AwsServiceCatalogEntry> = new Map(AWS_CATALOG.map((entry) => [entry.id, entry]));

/** Catalog entries by resource type key. */
const BY_TYPE: ReadonlyMap<string, AwsServiceCatalogEntry> = new Map(AWS_CATALOG.flatMap((entry) => entry.resourceTypes.map((type) => [type, entry] as const)));

/**
 * The catalog entry with this id, e.g. `awsService('rds')`.
 * @returns `undefined` for an unknown id.
 */
export function awsService(id: string): AwsServiceCatalogEntry | undefined {
  return BY_ID.get(id);
}

/** The parts of an ARN: `arn:partition:service:region:account-id:resource`. */
export interface ParsedArn {
  /** `aws`, `aws-cn`, `aws-us-gov`. */
  readonly partition: string;
  /** The service prefix, e.g. `ec2`. */
  readonly service: string;
  /** The region; empty for global resources. */
  readonly region: string;
  /** The account id; empty for S3 buckets, `aws` for AWS managed policies. */
  readonly account: string;
  /** The resource part. */
  readonly resource: string;
  /** The resource type (before the first `/` or `:` of the resource part), when there is one. */
  readonly resourceType?: string;
  /** The resource id (after the type), or the whole resource part when it has no type. */
  readonly resourceId: string;
}

/**
 * Parses an ARN.
 * @returns `undefined` when `value` is not an ARN.
 * @example
 * ```ts
 * parseArn('arn:aws:ec2:eu-west-1:111111111111:volume/vol-0abc')?.resourceType; // 'volume'
 * ```
 */
export function parseArn(value: string): ParsedArn | undefined {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || !parts[1] || !parts[2]) return undefined;
  const [, partition, service, region = '', account = ''] = parts as [string, string, string, string?, string?];
  const resource = parts.slice(5).join(':');
  // S3 bucket ARNs have no type (`arn:aws:s3:::bucket`); S3 object ARNs are `bucket/key`.
  const match = service === 's3' ? undefined : /^([A-Za-z0-9_.-]+)[/:](.*)$/.exec(resource);
  return {
    partition,
    service,
    region,
    account,
    resource,
    ...(match ? { resourceType: match[1]!.toLowerCase(), resourceId: match[2]! } : { resourceId: resource }),
  };
}

/** What else is known about a resource that its ARN does not say. */
export interface ClassifyHints {
  /** The RDS engine (`aurora-mysql`, `aurora-postgresql`, `postgres`, ...). */
  readonly engine?: string;
  /** The ECS launch type (`FARGATE`, `EC2`, `EXTERNAL`). */
  readonly launchType?: string;
}

/** The qualifier a hint adds to a resource type key (`rds:cluster` + engine `aurora-mysql` → `aurora`). */
const qualifierOf = (hints: ClassifyHints | undefined): string | undefined => {
  if (hints?.engine?.toLowerCase().startsWith('aurora')) return 'aurora';
  if (hints?.launchType?.toUpperCase() === 'FARGATE') return 'fargate';
  return undefined;
};

/**
 * Maps a native resource to its catalog service. Accepts an ARN
 * (`arn:aws:ec2:…:volume/vol-1` → EBS) or a resource type key (`ec2:volume`, `rds:cluster/aurora`,
 * `s3`). The most specific key wins: `service:type/qualifier`, then `service:type`, then the bare
 * service prefix, so every resource of a known service prefix is classified.
 *
 * @param hints - Facts the ARN does not carry: an RDS cluster's engine (Aurora or not), an ECS task's launch type (Fargate or not).
 * @example
 * ```ts
 * classify('arn:aws:rds:eu-west-1:111111111111:cluster:orders', { engine: 'aurora-postgresql' })?.id; // 'aurora'
 * classify('ec2:security-group')?.id; // 'vpc'
 * ```
 */
export function classify(arnOrType: string, hints?: ClassifyHints): AwsServiceCatalogEntry | undefined {
  let service: string;
  let type: string | undefined;
  let qualifier = qualifierOf(hints);
  const arn = parseArn(arnOrType);
  if (arn) {
    service = arn.service;
    type = arn.resourceType;
  } else {
    const match = /^([a-z0-9-]+)(?::([a-z0-9-]+)(?:\/([a-z0-9-]+))?)?$/.exec(arnOrType.trim().toLowerCase());
    if (!match) return undefined;
    service = match[1]!;
    type = match[2];
    qualifier = match[3] ?? qualifier;
  }
  const keys = [type && qualifier ? `${service}:${type}/${qualifier}` : undefined, type ? `${service}:${type}` : undefined, service];
  for (const key of keys) {
    const entry = key === undefined ? undefined : BY_TYPE.get(key);
    if (entry) return entry;
  }
  return undefined;
}
