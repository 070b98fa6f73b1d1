/**
 * The vocabulary of the normalized model: service models, parties and responsibility domains.
 * Each list is `as const` data; the id types are derived from it so ids autocomplete.
 * @module
 */

/**
 * The four service models of NIST SP 800-145, plus on-premises as the all-customer reference point.
 * They are the only columns of the baseline matrix; vendor refinements are {@link SERVICE_VARIANTS}.
 */
export const SERVICE_MODELS = [
  {
    id: 'on-premises',
    name: 'On-premises',
    definition: 'The organisation owns and operates the whole stack, from the building to the data.',
  },
  {
    id: 'iaas',
    name: 'Infrastructure as a Service',
    definition:
      'The consumer provisions processing, storage, networks and other fundamental computing resources and can deploy and run arbitrary software, including operating systems; the provider manages the underlying cloud infrastructure.',
  },
  {
    id: 'paas',
    name: 'Platform as a Service',
    definition:
      'The consumer deploys its own or acquired applications onto the cloud infrastructure using languages, libraries, services and tools the provider supports; it controls the applications and possibly the hosting environment settings, not the network, servers, operating systems or storage beneath.',
  },
  {
    id: 'saas',
    name: 'Software as a Service',
    definition:
      "The consumer uses the provider's applications running on a cloud infrastructure; it does not manage the infrastructure or the application's capabilities, apart from limited user-specific configuration settings.",
  },
] as const;

/** A service model id: `'on-premises' | 'iaas' | 'paas' | 'saas'`. */
export type ServiceModelId = (typeof SERVICE_MODELS)[number]['id'];

/** Service model ids in order of how much the provider takes on (on-premises first). */
export const SERVICE_MODEL_IDS: readonly ServiceModelId[] = SERVICE_MODELS.map((m) => m.id);

/** The cloud service models, i.e. every model except on-premises. */
export const CLOUD_SERVICE_MODEL_IDS = ['iaas', 'paas', 'saas'] as const satisfies readonly ServiceModelId[];

/**
 * Refinements of a service model that vendor services carry. A variant never adds a matrix column: a
 * service's differences from the baseline are expressed as per-domain overrides in its catalog entry.
 */
export const SERVICE_VARIANTS = [
  { id: 'aws-infrastructure', name: 'AWS infrastructure service', model: 'iaas', description: 'AWS 2016 whitepaper category: the customer controls the operating system and everything above it (EC2, EBS, VPC).' },
  { id: 'aws-container', name: 'AWS container service', model: 'paas', description: 'AWS 2016 whitepaper category: AWS runs the operating system and platform; the customer manages data, firewall rules, identity and BC/DR configuration (RDS, Elastic Beanstalk, EMR).' },
  { id: 'aws-abstracted', name: 'AWS abstracted service', model: 'saas', description: 'AWS 2016 whitepaper category: the customer uses endpoints and manages data, access and encryption options (S3, DynamoDB, SQS).' },
  { id: 'faas', name: 'Functions as a Service', model: 'paas', description: 'Event-driven functions on a provider-managed runtime (Lambda, Azure Functions, Cloud Run functions).' },
  { id: 'serverless-container', name: 'Serverless containers', model: 'paas', description: 'Customer container images on provider-managed hosts (Fargate, Cloud Run, Azure Container Apps).' },
  { id: 'managed-kubernetes', name: 'Managed Kubernetes', model: 'paas', description: 'A provider-run control plane with nodes the customer still shares responsibility for (EKS, GKE, AKS).' },
  { id: 'dbaas', name: 'Database as a Service', model: 'paas', description: 'A managed database engine; the customer owns schema, access, parameters and backups policy (RDS, Cloud SQL, Azure SQL Database).' },
  { id: 'object-storage', name: 'Object storage', model: 'paas', description: 'Buckets and blobs behind an API. Vendors place it differently (AWS abstracted, Azure PaaS); demarc keeps it at PaaS with overrides.' },
] as const;

/** A service variant id, e.g. `'faas'` or `'aws-container'`. */
export type ServiceVariantId = (typeof SERVICE_VARIANTS)[number]['id'];

/**
 * Who carries a responsibility: the cloud provider, the customer, or both (see {@link SharedMode}).
 */
export const PARTIES = ['provider', 'customer', 'shared'] as const;

/** A party id: `'provider' | 'customer' | 'shared'`. */
export type Party = (typeof PARTIES)[number];

/**
 * What "shared" means in a cell: `split` divides one control between the parties (Azure "Applications"
 * in PaaS); `parallel` has each party run the same control in its own context (AWS shared controls,
 * incident response). "Shared" never means 50/50.
 */
export type SharedMode = 'split' | 'parallel';

/** How much of the burden each party carries, for ordering: customer > shared > provider. */
export const CUSTOMER_BURDEN: Readonly<Record<Party, number>> = { customer: 2, shared: 1, provider: 0 };

/**
 * The sixteen normalized responsibility domains. Ids are stable kebab-case and never reused.
 * Derived from the vendor rows mapped in the research report (`framings.md` §6.3).
 */
export const DOMAINS = [
  { id: 'physical-facilities', name: 'Physical facilities', scope: 'Datacenter buildings, physical and environmental controls, media disposal.' },
  { id: 'physical-network', name: 'Physical network', scope: 'Provider backbone, routers, switches and cabling.' },
  { id: 'host-infrastructure', name: 'Hosts and virtualization', scope: 'Physical servers, firmware and boot, host operating system, hypervisor, storage hardware.' },
  { id: 'guest-os', name: 'Guest operating system', scope: 'Operating systems of VMs and nodes the customer can reach: hardening and patching.' },
  { id: 'network-controls', name: 'Virtual network controls', scope: 'VPC/VNet design, firewalls, security groups and NSGs, segmentation, endpoint exposure.' },
  { id: 'runtime-platform', name: 'Runtime and middleware', scope: 'Language runtimes, application servers, database engines, managed control planes.' },
  { id: 'application', name: 'Application', scope: 'Code, dependencies, container images, application-level security, deployment.' },
  { id: 'identity-infrastructure', name: 'Identity infrastructure', scope: 'Directory / identity provider and authentication mechanisms: the IAM service itself, federation plumbing.' },
  { id: 'accounts-access', name: 'Accounts and access', scope: 'Identity lifecycle (joiners, movers, leavers), roles, least privilege, MFA enforcement, access reviews.' },
  { id: 'data-protection', name: 'Data', scope: 'Ownership, classification, encryption decisions and keys, retention and deletion.' },
  { id: 'service-configuration', name: 'Configuration and settings', scope: 'Security settings of consumed services (public sharing, bucket policies, tenant settings), baselines, drift.' },
  { id: 'client-endpoints', name: 'Client endpoints', scope: 'PCs and mobile devices that reach the cloud: protection and compliance.' },
  { id: 'logging-monitoring', name: 'Logging and monitoring', scope: 'Enabling, collecting and protecting logs; monitoring, alerting and review.' },
  { id: 'backup-recovery', name: 'Backup and recovery', scope: 'Backups, replication, disaster-recovery plans and restore tests.' },
  { id: 'incident-response', name: 'Incident response', scope: 'Incident-response plan, roles, drills and notification.' },
  { id: 'governance', name: 'Governance', scope: 'Policy, named owner, risk and compliance obligations, training, periodic audit.' },
] as const;

/** A normalized domain id, e.g. `'accounts-access'`. */
export type DomainId = (typeof DOMAINS)[number]['id'];

/** All domain ids, in the order of {@link DOMAINS} (bottom of the stack first). */
export const DOMAIN_IDS: readonly DomainId[] = DOMAINS.map((d) => d.id);
