/**
 * AWS's own framing of the shared responsibility model, as typed data: security **of** the cloud
 * (AWS) and security **in** the cloud (the customer); the three service categories of the 2016
 * whitepaper (infrastructure, container, abstracted) and what the customer manages in each; the IT
 * control classes (inherited, shared, customer-specific); and the rows of AWS's diagram crossed with
 * the categories. Every row and cell cites its source. The translation to and from demarc's normalized
 * model is in `translation.ts`.
 * @module
 */
import type { Citation, DomainId, ServiceVariantId } from '@demarc/core';
import { cite } from './sources';

/** AWS's two sides: `'of-the-cloud'` is AWS's responsibility, `'in-the-cloud'` the customer's. */
export const AWS_RESPONSIBILITY_SIDES = [
  {
    id: 'of-the-cloud',
    name: 'Security of the cloud',
    holder: 'AWS',
    definition: 'AWS protects the infrastructure that runs every AWS service: the hardware, software, networking and facilities.',
    citations: [
      cite('aws-wa-security-srm', 'AWS responsibility "Security of the Cloud" – AWS is responsible for protecting the infrastructure that runs all of the services offered in the AWS Cloud.', 'verbatim'),
      cite('aws-wa-security-srm', 'AWS "operates, manages, and controls the components from the host operating system and virtualization layer down to the physical security of the facilities in which the service operates."', 'verbatim'),
    ],
  },
  {
    id: 'in-the-cloud',
    name: 'Security in the cloud',
    holder: 'Customer',
    definition: 'What the customer must configure and manage is determined by the AWS services it selects, plus its data, its requirements and the laws that apply to it.',
    citations: [
      cite('aws-wa-security-srm', 'Customer responsibility "Security in the Cloud" – Customer responsibility will be determined by the AWS Cloud services that a customer selects.', 'verbatim'),
      cite('aws-ec2-security', '"You are also responsible for other factors including the sensitivity of your data, your company\'s requirements, and applicable laws and regulations."', 'verbatim'),
    ],
  },
] as const satisfies readonly {
  readonly id: string;
  readonly name: string;
  readonly holder: string;
  readonly definition: string;
  readonly citations: readonly [Citation, ...Citation[]];
}[];

/** A side of AWS's model, or both sides for a cell AWS and the customer each carry part of. */
export type AwsSide = (typeof AWS_RESPONSIBILITY_SIDES)[number]['id'] | 'of-and-in';

/** The three service categories of the AWS Security Best Practices whitepaper (2016, archived). */
export const AWS_SERVICE_CATEGORY_IDS = ['infrastructure', 'container', 'abstracted'] as const;

/** An AWS service category: `'infrastructure' | 'container' | 'abstracted'`. */
export type AwsServiceCategory = (typeof AWS_SERVICE_CATEGORY_IDS)[number];

/** One AWS service category: examples AWS names, what each side manages, and core's variant for it. */
export interface AwsServiceCategoryDefinition {
  /** The category id. */
  readonly id: AwsServiceCategory;
  /** AWS's name for it. */
  readonly name: string;
  /** The core service variant that stands for the category (its model is the category's column in the normalized model). */
  readonly variant: Extract<ServiceVariantId, `aws-${string}`>;
  /** Services the whitepaper names as examples (catalog ids in `catalog.ts`). */
  readonly examples: readonly string[];
  /** What AWS manages, in demarc's words. */
  readonly awsManages: string;
  /** What the customer manages, in demarc's words. */
  readonly customerManages: string;
  /** Where AWS says so. */
  readonly citations: readonly [Citation, ...Citation[]];
}

/** The three categories. The whitepaper is archived; the current SRM page keeps EC2 (IaaS) and the "abstracted" S3 / DynamoDB examples. */
export const AWS_SERVICE_CATEGORIES: readonly AwsServiceCategoryDefinition[] = [
  {
    id: 'infrastructure',
    name: 'Infrastructure services',
    variant: 'aws-infrastructure',
    examples: ['ec2', 'ebs', 'vpc', 'auto-scaling'],
    awsManages: 'The global infrastructure, the hosts and the virtualization layer the instances run on.',
    customerManages: 'The guest operating system and everything above it: AMIs, applications, data in transit and at rest, credentials, policies, security groups and the identity system of the user layer.',
    citations: [
      cite('aws-security-best-practices-2016', 'Infrastructure services "such as Amazon EC2, Amazon EBS, and Amazon VPC, run on top of the AWS global infrastructure"; "You control the operating system, and you configure and operate any identity management system that provides access to the user layer of the virtualization stack."', 'secondary'),
      cite('aws-srm', '"a service such as Amazon Elastic Compute Cloud (Amazon EC2) is categorized as Infrastructure as a Service (IaaS) and, as such, requires the customer to perform all of the necessary security configuration and management tasks."', 'verbatim'),
    ],
  },
  {
    id: 'container',
    name: 'Container services',
    variant: 'aws-container',
    examples: ['rds', 'emr', 'elastic-beanstalk'],
    awsManages: 'The infrastructure and foundation services, the operating system and the application platform (for RDS for Oracle, up to and including the database platform).',
    customerManages: 'The data, the firewall rules for access to the service, platform-level identity and access management (such as database users), and configuring the backup tools to its BC/DR policy.',
    citations: [
      cite('aws-security-best-practices-2016', 'For container services, "AWS manages the underlying infrastructure and foundation services, the operating system and the application platform."', 'secondary'),
      cite('aws-security-best-practices-2016', '"For AWS Container services, you are responsible for the data and for firewall rules for access to the container service."', 'secondary'),
    ],
  },
  {
    id: 'abstracted',
    name: 'Abstracted services',
    variant: 'aws-abstracted',
    examples: ['s3', 's3-glacier', 'dynamodb', 'sqs', 'ses'],
    awsManages: 'The infrastructure layer, the operating system and the platform behind the service endpoints.',
    customerManages: 'Its data (including encryption options), the classification of its assets and the IAM permissions that grant access.',
    citations: [
      cite('aws-srm', 'For abstracted services such as S3 and DynamoDB, "AWS operates the infrastructure layer, the operating system, and platforms, and customers access the endpoints to store and retrieve data."', 'secondary'),
      cite('aws-srm', 'Customers "are responsible for managing their data (including encryption options), classifying their assets, and using IAM tools to apply the appropriate permissions."', 'secondary'),
    ],
  },
];

/** AWS's IT control classes. */
export const AWS_CONTROL_CLASS_IDS = ['inherited', 'shared', 'customer-specific'] as const;

/** An IT control class: `'inherited' | 'shared' | 'customer-specific'`. */
export type AwsControlClass = (typeof AWS_CONTROL_CLASS_IDS)[number];

/** One IT control class and the examples AWS gives of it. */
export interface AwsControlClassDefinition {
  /** The class id. */
  readonly id: AwsControlClass;
  /** AWS's name for it. */
  readonly name: string;
  /** What it means, in demarc's words. */
  readonly definition: string;
  /** The examples AWS names (row ids of {@link AWS_FRAMING_ROWS}). */
  readonly exampleRows: readonly AwsFramingRowId[];
  /** Where AWS says so. */
  readonly citations: readonly [Citation, ...Citation[]];
}

/**
 * The IT control classes. AWS's "shared" means *parallel*: the same control family run by each party
 * in its own context (AWS for its infrastructure, the customer for what it deploys), never one task
 * split in two.
 */
export const AWS_CONTROL_CLASSES: readonly AwsControlClassDefinition[] = [
  {
    id: 'inherited',
    name: 'Inherited Controls',
    definition: 'Controls the customer takes over from AWS in full.',
    exampleRows: ['physical-environmental-controls'],
    citations: [cite('aws-srm', 'Inherited Controls, "Controls which a customer fully inherits from AWS", e.g. "Physical and Environmental controls".', 'secondary')],
  },
  {
    id: 'shared',
    name: 'Shared Controls',
    definition: 'Controls that apply to AWS\'s infrastructure layer and to the customer\'s layers in completely separate contexts: AWS sets the requirements for its side, the customer implements its own.',
    exampleRows: ['patch-management', 'configuration-management', 'awareness-training'],
    citations: [cite('aws-srm', 'Shared Controls, "Controls which apply to both the infrastructure layer and customer layers, but in completely separate contexts or perspectives."', 'secondary')],
  },
  {
    id: 'customer-specific',
    name: 'Customer Specific',
    definition: 'Controls that are the customer\'s alone, depending on the application it deploys on AWS services.',
    exampleRows: ['service-communications-protection'],
    citations: [cite('aws-srm', 'Customer Specific, "Controls which are solely the responsibility of the customer based on the application they are deploying within AWS services."', 'secondary')],
  },
];

/** The ids of the framing rows, in the order of {@link AWS_FRAMING_ROWS}. */
export const AWS_FRAMING_ROW_IDS = [
  'customer-data',
  'platform',
  'applications',
  'identity-access-management',
  'identity-infrastructure',
  'operating-system',
  'network-firewall-configuration',
  'client-side-encryption',
  'server-side-encryption',
  'network-traffic-protection',
  'foundation-services',
  'foundation-networking',
  'global-infrastructure',
  'physical-environmental-controls',
  'patch-management',
  'configuration-management',
  'awareness-training',
  'service-communications-protection',
  'bc-dr-configuration',
  'laws-and-regulations',
] as const;

/** A framing row id, e.g. `'operating-system'`. */
export type AwsFramingRowId = (typeof AWS_FRAMING_ROW_IDS)[number];

/** Where a row comes from: a box of AWS's diagram, an IT control example, or a duty AWS states in prose. */
export type AwsFramingRowKind = 'diagram-layer' | 'it-control' | 'stated-duty';

/** One cell of the AWS framing: which side AWS puts a row on for a service category. */
export interface AwsFramingCell {
  /** AWS, the customer, or both. */
  readonly side: AwsSide;
  /** For `of-and-in`: whether each side runs the same control in its own context (`parallel`) or one task is divided (`split`). */
  readonly mode?: 'split' | 'parallel';
  /** What AWS does here, in demarc's words (for `of-and-in` cells). */
  readonly awsPart?: string;
  /** What the customer does here, in demarc's words (for `of-and-in` cells). */
  readonly customerPart?: string;
  /** `published` when AWS states the cell; `inferred` when it is demarc's reading of AWS's figures and text (◐ in the research report). */
  readonly reading: 'published' | 'inferred';
  /** One or two sentences in demarc's words. */
  readonly note: string;
  /** At least one citation. */
  readonly citations: readonly [Citation, ...Citation[]];
}

/** One row of the AWS framing, across the service categories AWS speaks to. */
export interface AwsFramingRow {
  /** Stable kebab-case id. */
  readonly id: AwsFramingRowId;
  /** AWS's wording of the row (the diagram box, control name or statement). */
  readonly label: string;
  /** Where the row comes from. */
  readonly kind: AwsFramingRowKind;
  /** For IT controls: the control class. */
  readonly controlClass?: AwsControlClass;
  /** The normalized domain this row is evidence for. */
  readonly domain: DomainId;
  /** Why the row maps to that domain, in demarc's words. */
  readonly mappingRationale: string;
  /** One cell per service category AWS speaks to; a category is absent where AWS says nothing. */
  readonly cells: Readonly<Partial<Record<AwsServiceCategory, AwsFramingCell>>>;
}

const C = {
  diagramIn: cite('aws-srm-diagram', 'The diagram\'s customer box, "Responsibility for security \'in\' the cloud": Customer Data; Platform, Applications, Identity & Access Management; Operating System, Network & Firewall Configuration; Client-Side Data Encryption & Data Integrity Authentication; Server-Side Encryption (File System and/or Data); Networking Traffic Protection (Encryption, Integrity, Identity).', 'secondary'),
  diagramOf: cite('aws-srm-diagram', 'The diagram\'s AWS box, "Responsibility for security \'of\' the cloud": Software (Compute, Storage, Database, Networking); Hardware/AWS Global Infrastructure (Regions, Availability Zones, Edge Locations).', 'secondary'),
  ofTheCloud: cite('aws-wa-security-srm', 'AWS "operates, manages, and controls the components from the host operating system and virtualization layer down to the physical security of the facilities in which the service operates."', 'verbatim'),
  guestOs: cite('aws-wa-security-srm', 'The customer "assumes responsibility and management of the guest operating system (including updates and security patches), and other associated application software in addition to the configuration of the AWS provided security group firewall."', 'verbatim'),
  ec2Customer: cite('aws-security-best-practices-2016', 'For EC2 the customer is responsible for "AMIs, operating systems, applications, data in transit, data at rest, data stores, credentials, policies and configuration".', 'secondary'),
  infraIdentity: cite('aws-security-best-practices-2016', '"You control the operating system, and you configure and operate any identity management system that provides access to the user layer of the virtualization stack."', 'secondary'),
  containerPlatform: cite('aws-security-best-practices-2016', 'For container services, "AWS manages the underlying infrastructure and foundation services, the operating system and the application platform."', 'secondary'),
  containerFirewall: cite('aws-security-best-practices-2016', '"For AWS Container services, you are responsible for the data and for firewall rules for access to the container service."', 'secondary'),
  containerIdentity: cite('aws-security-best-practices-2016', 'Container services: "you are responsible for setting up and managing network controls, such as firewall rules, and for managing platform-level identity and access management separately from IAM."', 'secondary'),
  containerBcdr: cite('aws-security-best-practices-2016', '"the AWS platform provides data backup and recovery tools; but it is your responsibility to configure and use tools in relation to your business continuity and disaster recovery (BC/DR) policy."', 'secondary'),
  abstractedPlatform: cite('aws-srm', 'For abstracted services, "AWS operates the infrastructure layer, the operating system, and platforms, and customers access the endpoints to store and retrieve data."', 'secondary'),
  abstractedCustomer: cite('aws-srm', 'Customers "are responsible for managing their data (including encryption options), classifying their assets, and using IAM tools to apply the appropriate permissions."', 'secondary'),
  abstractedEncryption: cite('aws-security-best-practices-2016', 'For abstracted services such as S3 "you can also use platform-provided encryption of data at rest, or platform-provided HTTPS encapsulation for your payloads for protecting your data in transit".', 'secondary'),
  iamFigures: cite('aws-security-best-practices-2016', 'The whitepaper\'s three figures put "AWS IAM" and "AWS Endpoints" on the AWS side and "Customer IAM" on the customer side (figures rebuilt from notes).', 'secondary'),
  beanstalkApp: cite('aws-beanstalk-shared-responsibility', 'The customer must "Update all the components that you control … This includes ensuring the security of your application, your data, and any components that your application requires and that you downloaded."', 'verbatim'),
  inherited: cite('aws-srm', 'Inherited Controls, "Controls which a customer fully inherits from AWS", e.g. "Physical and Environmental controls".', 'secondary'),
  patch: cite('aws-srm', '"Patch Management – AWS is responsible for patching and fixing flaws within the infrastructure, but customers are responsible for patching their guest OS and applications."', 'secondary'),
  configuration: cite('aws-srm', '"Configuration Management – AWS maintains the configuration of its infrastructure devices, but a customer is responsible for configuring their own guest operating systems, databases, and applications."', 'secondary'),
  training: cite('aws-srm', '"Awareness & Training - AWS trains AWS employees, but a customer must train their own employees."', 'secondary'),
  zoneSecurity: cite('aws-srm', 'Customer Specific examples: "Service and Communications Protection or Zone Security which may require a customer to route or zone data within specific security environments."', 'secondary'),
  laws: cite('aws-ec2-security', 'Security in the cloud: "You are also responsible for other factors including the sensitivity of your data, your company\'s requirements, and applicable laws and regulations."', 'verbatim'),
} as const satisfies Record<string, Citation>;

type CellCitations = [Citation, ...Citation[]];
const aws = (note: string, ...citations: CellCitations): AwsFramingCell => ({ side: 'of-the-cloud', reading: 'published', note, citations });
const customer = (note: string, ...citations: CellCitations): AwsFramingCell => ({ side: 'in-the-cloud', reading: 'published', note, citations });
const inferred = (cell: AwsFramingCell): AwsFramingCell => ({ ...cell, reading: 'inferred' });
const both = (mode: 'split' | 'parallel', parts: { aws: string; customer: string }, note: string, ...citations: CellCitations): AwsFramingCell => ({
  side: 'of-and-in',
  mode,
  awsPart: parts.aws,
  customerPart: parts.customer,
  reading: 'published',
  note,
  citations,
});
const everyCategory = (cell: AwsFramingCell): Readonly<Record<AwsServiceCategory, AwsFramingCell>> => ({ infrastructure: cell, container: cell, abstracted: cell });

/**
 * The AWS framing: AWS's diagram boxes (a box that spans several normalized domains is split into one
 * row per domain, keeping AWS's wording in `label`), its IT control examples and the duties it states
 * in prose, across the three service categories. Research report §1.2–§1.6.
 */
export const AWS_FRAMING_ROWS: readonly AwsFramingRow[] = [
  {
    id: 'customer-data',
    label: 'Customer Data',
    kind: 'diagram-layer',
    domain: 'data-protection',
    mappingRationale: 'The data the customer stores is the core of the data domain.',
    cells: everyCategory(customer('The customer owns and protects its data whatever the service.', C.diagramIn, C.abstractedCustomer)),
  },
  {
    id: 'platform',
    label: 'Platform, Applications, Identity & Access Management (the platform part)',
    kind: 'diagram-layer',
    domain: 'runtime-platform',
    mappingRationale: 'The platform part of the box is the runtime, middleware or database engine.',
    cells: {
      infrastructure: customer('On infrastructure services the customer installs and runs its own platform on the instances.', C.diagramIn, C.ec2Customer),
      container: aws('On container services AWS manages the application platform, e.g. the database platform of RDS for Oracle.', C.containerPlatform),
      abstracted: aws('On abstracted services AWS operates the platform behind the endpoints.', C.abstractedPlatform),
    },
  },
  {
    id: 'applications',
    label: 'Platform, Applications, Identity & Access Management (the applications part)',
    kind: 'diagram-layer',
    domain: 'application',
    mappingRationale: 'The applications part of the box is the customer\'s code and what it deploys.',
    cells: {
      infrastructure: customer('The customer secures the applications it installs on its instances.', C.diagramIn, C.guestOs),
      container: customer('The customer secures the application it deploys on a container service such as Elastic Beanstalk.', C.diagramIn, C.beanstalkApp),
      abstracted: inferred(aws('An abstracted service is itself AWS\'s application; the customer only calls its endpoints (demarc\'s reading: AWS lists no application layer for the customer here).', C.abstractedPlatform)),
    },
  },
  {
    id: 'identity-access-management',
    label: 'Platform, Applications, Identity & Access Management (the identity and access part)',
    kind: 'diagram-layer',
    domain: 'accounts-access',
    mappingRationale: 'Who may do what: users, roles and the permissions granted to them.',
    cells: {
      infrastructure: customer('The customer manages the identities and permissions of its instances and accounts.', C.diagramIn, C.ec2Customer),
      container: customer('The customer manages platform-level identities (e.g. database users) separately from IAM.', C.containerIdentity),
      abstracted: customer('The customer uses IAM tools to grant the appropriate permissions.', C.abstractedCustomer),
    },
  },
  {
    id: 'identity-infrastructure',
    label: '"AWS IAM" / "Customer IAM" (whitepaper figures)',
    kind: 'diagram-layer',
    domain: 'identity-infrastructure',
    mappingRationale: 'The identity systems themselves: AWS IAM operated by AWS, and any identity system the customer runs.',
    cells: {
      infrastructure: customer('On infrastructure services the customer operates the identity system of the user layer of its instances.', C.infraIdentity),
      container: both('split', { aws: 'operates AWS IAM and the service endpoints', customer: 'configures its IAM and the platform-level identity system' }, 'AWS runs the identity service; the customer configures how its people and platform authenticate.', C.iamFigures, C.containerIdentity),
      abstracted: both('split', { aws: 'operates AWS IAM and the service endpoints', customer: 'configures its IAM' }, 'AWS runs the identity service; the customer configures it.', C.iamFigures),
    },
  },
  {
    id: 'operating-system',
    label: 'Operating System, Network & Firewall Configuration (the operating system part)',
    kind: 'diagram-layer',
    domain: 'guest-os',
    mappingRationale: 'The operating system the workload runs on.',
    cells: {
      infrastructure: customer('The customer manages the guest operating system, updates and security patches included.', C.guestOs),
      container: aws('On container services AWS manages the operating system.', C.containerPlatform),
      abstracted: aws('On abstracted services AWS operates the operating system.', C.abstractedPlatform),
    },
  },
  {
    id: 'network-firewall-configuration',
    label: 'Operating System, Network & Firewall Configuration (the network and firewall part)',
    kind: 'diagram-layer',
    domain: 'network-controls',
    mappingRationale: 'Virtual network design and the firewall rules in front of the workload.',
    cells: {
      infrastructure: customer('The customer configures the security groups in front of its instances.', C.guestOs),
      container: both('split', { aws: 'configures the host and platform network', customer: 'sets the firewall rules that decide who reaches the service (e.g. RDS security groups)' }, 'AWS runs the platform network; the customer decides who may reach the endpoint.', C.containerFirewall, C.containerPlatform),
      abstracted: inferred(aws('AWS operates the endpoint network; who may reach the data is set through IAM and resource policies (service configuration). demarc\'s reading of the abstracted-services text.', C.abstractedPlatform)),
    },
  },
  {
    id: 'client-side-encryption',
    label: 'Client-Side Data Encryption & Data Integrity Authentication',
    kind: 'diagram-layer',
    domain: 'data-protection',
    mappingRationale: 'Encryption before data leaves the customer is a data-protection decision.',
    cells: everyCategory(customer('The customer encrypts and authenticates data on its side.', C.diagramIn)),
  },
  {
    id: 'server-side-encryption',
    label: 'Server-Side Encryption (File System and/or Data)',
    kind: 'diagram-layer',
    domain: 'data-protection',
    mappingRationale: 'Encryption at rest, its options and keys, are data-protection decisions.',
    cells: {
      infrastructure: customer('The customer encrypts its volumes and file systems.', C.diagramIn, C.ec2Customer),
      container: inferred(customer('The customer chooses or enables the platform\'s encryption at rest (demarc\'s reading: the diagram lists it on the customer side for every service).', C.diagramIn)),
      abstracted: customer('The customer chooses the platform-provided encryption at rest and its keys.', C.abstractedEncryption, C.abstractedCustomer),
    },
  },
  {
    id: 'network-traffic-protection',
    label: 'Networking Traffic Protection (Encryption, Integrity, Identity)',
    kind: 'diagram-layer',
    domain: 'data-protection',
    mappingRationale: 'Protecting data in transit is part of protecting the data.',
    cells: {
      infrastructure: customer('The customer protects traffic to and from its instances.', C.diagramIn, C.ec2Customer),
      container: inferred(customer('The customer uses encrypted connections to the service (demarc\'s reading: the diagram lists it on the customer side for every service).', C.diagramIn)),
      abstracted: customer('The customer uses the platform-provided HTTPS encapsulation.', C.abstractedEncryption),
    },
  },
  {
    id: 'foundation-services',
    label: 'Software: Compute, Storage, Database',
    kind: 'diagram-layer',
    domain: 'host-infrastructure',
    mappingRationale: 'The compute, storage and database foundation under every service: hosts, hypervisor, storage hardware.',
    cells: everyCategory(aws('AWS runs the foundation services under every category.', C.diagramOf, C.ofTheCloud)),
  },
  {
    id: 'foundation-networking',
    label: 'Software: Networking',
    kind: 'diagram-layer',
    domain: 'physical-network',
    mappingRationale: 'AWS\'s networking foundation is the provider network under the customer\'s virtual networks.',
    cells: everyCategory(aws('AWS runs the networking foundation under every category.', C.diagramOf)),
  },
  {
    id: 'global-infrastructure',
    label: 'Hardware/AWS Global Infrastructure: Regions, Availability Zones, Edge Locations',
    kind: 'diagram-layer',
    domain: 'physical-facilities',
    mappingRationale: 'Regions, zones and edge locations are the facilities and hardware.',
    cells: everyCategory(aws('AWS builds and runs the global infrastructure.', C.diagramOf, C.ofTheCloud)),
  },
  {
    id: 'physical-environmental-controls',
    label: 'Physical and Environmental controls',
    kind: 'it-control',
    controlClass: 'inherited',
    domain: 'physical-facilities',
    mappingRationale: 'Physical and environmental protection of the datacenters.',
    cells: everyCategory(aws('The customer inherits these controls from AWS in full.', C.inherited)),
  },
  {
    id: 'patch-management',
    label: 'Patch Management',
    kind: 'it-control',
    controlClass: 'shared',
    domain: 'guest-os',
    mappingRationale: 'The customer\'s side of patch management is patching guest operating systems (and applications).',
    cells: everyCategory(both('parallel', { aws: 'patches and fixes flaws in the infrastructure', customer: 'patches its guest operating systems and applications' }, 'Each side patches what it runs.', C.patch)),
  },
  {
    id: 'configuration-management',
    label: 'Configuration Management',
    kind: 'it-control',
    controlClass: 'shared',
    domain: 'service-configuration',
    mappingRationale: 'The customer\'s side of configuration management is configuring its operating systems, databases and applications.',
    cells: everyCategory(both('parallel', { aws: 'maintains the configuration of its infrastructure devices', customer: 'configures its guest operating systems, databases and applications' }, 'Each side configures what it runs.', C.configuration)),
  },
  {
    id: 'awareness-training',
    label: 'Awareness & Training',
    kind: 'it-control',
    controlClass: 'shared',
    domain: 'governance',
    mappingRationale: 'Staff training is a governance measure.',
    cells: everyCategory(both('parallel', { aws: 'trains AWS employees', customer: 'trains its own employees' }, 'Each side trains its own people.', C.training)),
  },
  {
    id: 'service-communications-protection',
    label: 'Service and Communications Protection or Zone Security',
    kind: 'it-control',
    controlClass: 'customer-specific',
    domain: 'network-controls',
    mappingRationale: 'Routing and zoning data into specific security environments is network segmentation.',
    cells: everyCategory(customer('The customer routes or zones its data into the security environments it requires.', C.zoneSecurity)),
  },
  {
    id: 'bc-dr-configuration',
    label: 'Configure and use the backup and recovery tools for the BC/DR policy',
    kind: 'stated-duty',
    domain: 'backup-recovery',
    mappingRationale: 'Backups and disaster recovery.',
    cells: {
      infrastructure: inferred(customer('On infrastructure services the customer backs up its volumes and plans recovery (demarc\'s reading: the whitepaper makes the customer responsible for "data stores" and data at rest).', C.ec2Customer)),
      container: both('split', { aws: 'provides the backup and recovery tools', customer: 'configures and uses them to meet its BC/DR policy' }, 'AWS provides the tools; configuring them to the recovery objectives is the customer\'s.', C.containerBcdr),
    },
  },
  {
    id: 'laws-and-regulations',
    label: 'Sensitivity of your data, your company\'s requirements, and applicable laws and regulations',
    kind: 'stated-duty',
    domain: 'governance',
    mappingRationale: 'Compliance obligations and company requirements are governance.',
    cells: everyCategory(customer('Whatever the service, the customer answers for its own requirements and the laws that apply to it.', C.laws)),
  },
];

/** The framing as one value: what `fromNormalized` rebuilds and what a provider exposes as `framing`. */
export interface AwsFraming {
  /** The diagram, control and stated-duty rows across the service categories. */
  readonly rows: readonly AwsFramingRow[];
}

/** AWS's framing of the shared responsibility model. */
export const AWS_FRAMING: AwsFraming = { rows: AWS_FRAMING_ROWS };
