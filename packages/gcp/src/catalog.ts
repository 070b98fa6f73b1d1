/**
 * The Google Cloud service catalog: each service with its normalized service model, variant, the
 * Cloud Asset Inventory types that belong to it, and its per-domain differences from the baseline.
 * {@link classifyGcpResource} maps an asset type (`compute.googleapis.com/Instance`) or a full
 * resource name (`//compute.googleapis.com/projects/p/zones/z/instances/i`) to its entry.
 * @module
 */
import type { Citation, CoreSourceId, ResponsibilityOverrides, ServiceCatalogEntry, ServiceModelId, ServiceVariantId } from '@demarc/core';
import { cite } from './sources';

const citeCore = (source: CoreSourceId, says: string): Citation => ({ source, says, evidence: 'secondary' });

// Why a service sits in its model. Google's own per-service categories on the shared-fate page were
// not verified when this was compiled, so the model is demarc's classification against NIST's
// definitions, plus Google's per-service shared-responsibility pages where they exist.
const NIST_IAAS = citeCore('nist-sp-800-145', 'IaaS: the consumer "has control over operating systems, storage, and deployed applications" (demarc classifies the service against this definition).');
const NIST_PAAS = citeCore('nist-sp-800-145', 'PaaS: the consumer "does not manage or control the underlying cloud infrastructure including network, servers, operating systems, or storage, but has control over the deployed applications" (demarc classifies the service against this definition).');
const NIST_SAAS = citeCore('nist-sp-800-145', 'SaaS: the consumer uses the provider\'s applications and manages at most "limited user-specific application configuration settings" (demarc classifies the service against this definition).');
const GOOGLE_IAAS = cite('gcp-cdl-course', 'IaaS: "The customer remains responsible for securing the operating system, the software stack required to run applications, and their data."', 'secondary');

const GKE_STANDARD_NODES = cite('gcp-gke-cluster-architecture', '"If you use GKE Standard mode, GKE manages the control plane and system components, and you manage the nodes." Autopilot "manages the entire underlying infrastructure of clusters".', 'verbatim');
const GKE_NODE_OS = cite('gcp-gke-shared-responsibility', 'Google hardens and patches the nodes\' OS images; "If you have auto-upgrade enabled, or are using a release channel, these updates are automatically deployed."', 'verbatim');
const GKE_UPGRADES = cite('gcp-gke-shared-responsibility', 'Customer: "Enroll clusters in auto-upgrade (default) or upgrade clusters to supported versions." Google hardens and patches the node components and the control plane.', 'verbatim');
const CLOUD_SQL = cite('gcp-cloud-sql-shared-responsibility', '"As a Cloud SQL customer, you are responsible for configuring and operating Cloud SQL for your workload needs"; Google will "Install and maintain the database software".', 'verbatim');
const CLOUD_BUILD = cite('gcp-cloud-build-shared-responsibility', 'The customer is "responsible for security in how Cloud Build is used, including your specific builds, configurations, data, and the container images you execute using Cloud Build."', 'verbatim');

const GKE_OVERRIDES: ResponsibilityOverrides = {
  'guest-os': {
    party: 'shared',
    sharedMode: 'split',
    rationale: 'Google builds and patches the node images, but on GKE Standard the customer manages the nodes and must keep auto-upgrade on (or upgrade) for the patches to land. On Autopilot Google manages the nodes entirely.',
    citations: [GKE_STANDARD_NODES, GKE_NODE_OS],
  },
  'runtime-platform': {
    party: 'shared',
    sharedMode: 'split',
    rationale: 'Google patches the control plane and node components, but the customer must keep clusters on supported Kubernetes versions (auto-upgrade is the default).',
    citations: [GKE_UPGRADES],
  },
};

interface EntrySpec {
  readonly id: string;
  readonly name: string;
  readonly model: ServiceModelId;
  readonly variant?: ServiceVariantId;
  readonly vendorCategory?: string;
  readonly resourceTypes: readonly string[];
  readonly overrides?: ResponsibilityOverrides;
  readonly citations?: readonly Citation[];
}

const MODEL_CITATION: Readonly<Record<ServiceModelId, Citation>> = { 'on-premises': NIST_IAAS, iaas: NIST_IAAS, paas: NIST_PAAS, saas: NIST_SAAS };

const entry = (spec: EntrySpec): ServiceCatalogEntry => ({
  id: spec.id,
  provider: 'gcp',
  name: spec.name,
  model: spec.model,
  ...(spec.variant ? { variant: spec.variant } : {}),
  ...(spec.vendorCategory ? { vendorCategory: spec.vendorCategory } : {}),
  resourceTypes: spec.resourceTypes,
  ...(spec.overrides ? { overrides: spec.overrides } : {}),
  citations: [MODEL_CITATION[spec.model], ...(spec.citations ?? [])],
});

/**
 * Google Cloud and Google Workspace services. Resource types are Cloud Asset Inventory asset types.
 *
 * @example
 * ```ts
 * import { ownerOf } from '@demarc/core';
 * import { gcpCatalogEntry } from '@demarc/gcp';
 * ownerOf('guest-os', gcpCatalogEntry('gke')!); // 'shared' (GKE Standard nodes)
 * ```
 */
export const GCP_CATALOG: readonly ServiceCatalogEntry[] = [
  // Compute
  entry({ id: 'compute-engine', name: 'Compute Engine', model: 'iaas', vendorCategory: 'Compute', citations: [GOOGLE_IAAS],
    resourceTypes: ['compute.googleapis.com/Instance', 'compute.googleapis.com/Disk', 'compute.googleapis.com/Image', 'compute.googleapis.com/Snapshot', 'compute.googleapis.com/InstanceTemplate', 'compute.googleapis.com/InstanceGroup', 'compute.googleapis.com/InstanceGroupManager'] }),
  entry({ id: 'gke', name: 'Google Kubernetes Engine (GKE)', model: 'paas', variant: 'managed-kubernetes', vendorCategory: 'Containers', overrides: GKE_OVERRIDES, citations: [GKE_STANDARD_NODES],
    resourceTypes: ['container.googleapis.com/Cluster', 'container.googleapis.com/NodePool', 'k8s.io/Node', 'k8s.io/Pod', 'k8s.io/Namespace'] }),
  entry({ id: 'cloud-run', name: 'Cloud Run', model: 'paas', variant: 'serverless-container', vendorCategory: 'Serverless',
    resourceTypes: ['run.googleapis.com/Service', 'run.googleapis.com/Revision', 'run.googleapis.com/Job', 'run.googleapis.com/Execution'] }),
  entry({ id: 'cloud-functions', name: 'Cloud Run functions (Cloud Functions)', model: 'paas', variant: 'faas', vendorCategory: 'Serverless',
    resourceTypes: ['cloudfunctions.googleapis.com/CloudFunction', 'cloudfunctions.googleapis.com/Function'] }),
  entry({ id: 'app-engine', name: 'App Engine', model: 'paas', vendorCategory: 'Serverless',
    resourceTypes: ['appengine.googleapis.com/Application', 'appengine.googleapis.com/Service', 'appengine.googleapis.com/Version'] }),
  // Databases
  entry({ id: 'cloud-sql', name: 'Cloud SQL', model: 'paas', variant: 'dbaas', vendorCategory: 'Databases', citations: [CLOUD_SQL],
    resourceTypes: ['sqladmin.googleapis.com/Instance'] }),
  entry({ id: 'spanner', name: 'Spanner', model: 'paas', variant: 'dbaas', vendorCategory: 'Databases',
    resourceTypes: ['spanner.googleapis.com/Instance', 'spanner.googleapis.com/Database', 'spanner.googleapis.com/Backup'] }),
  entry({ id: 'firestore', name: 'Firestore', model: 'paas', variant: 'dbaas', vendorCategory: 'Databases',
    resourceTypes: ['firestore.googleapis.com/Database'] }),
  entry({ id: 'bigtable', name: 'Bigtable', model: 'paas', variant: 'dbaas', vendorCategory: 'Databases',
    resourceTypes: ['bigtableadmin.googleapis.com/Instance', 'bigtableadmin.googleapis.com/Cluster', 'bigtableadmin.googleapis.com/Table', 'bigtableadmin.googleapis.com/Backup'] }),
  entry({ id: 'memorystore', name: 'Memorystore for Redis', model: 'paas', variant: 'dbaas', vendorCategory: 'Databases',
    resourceTypes: ['redis.googleapis.com/Instance'] }),
  // Data and analytics
  entry({ id: 'bigquery', name: 'BigQuery', model: 'paas', vendorCategory: 'Data analytics',
    resourceTypes: ['bigquery.googleapis.com/Dataset', 'bigquery.googleapis.com/Table', 'bigquery.googleapis.com/Model'] }),
  entry({ id: 'pubsub', name: 'Pub/Sub', model: 'paas', vendorCategory: 'Data analytics',
    resourceTypes: ['pubsub.googleapis.com/Topic', 'pubsub.googleapis.com/Subscription', 'pubsub.googleapis.com/Snapshot'] }),
  entry({ id: 'dataflow', name: 'Dataflow', model: 'paas', vendorCategory: 'Data analytics',
    resourceTypes: ['dataflow.googleapis.com/Job'] }),
  entry({ id: 'vertex-ai', name: 'Vertex AI', model: 'paas', vendorCategory: 'AI and machine learning',
    resourceTypes: ['aiplatform.googleapis.com/Endpoint', 'aiplatform.googleapis.com/Model', 'aiplatform.googleapis.com/Dataset', 'aiplatform.googleapis.com/NotebookRuntime'] }),
  // Storage
  entry({ id: 'cloud-storage', name: 'Cloud Storage', model: 'paas', variant: 'object-storage', vendorCategory: 'Storage',
    resourceTypes: ['storage.googleapis.com/Bucket'] }),
  entry({ id: 'filestore', name: 'Filestore', model: 'paas', vendorCategory: 'Storage',
    resourceTypes: ['file.googleapis.com/Instance', 'file.googleapis.com/Backup'] }),
  // Networking
  entry({ id: 'vpc', name: 'Virtual Private Cloud (VPC) and firewall rules', model: 'iaas', vendorCategory: 'Networking',
    resourceTypes: ['compute.googleapis.com/Network', 'compute.googleapis.com/Subnetwork', 'compute.googleapis.com/Firewall', 'compute.googleapis.com/FirewallPolicy', 'compute.googleapis.com/Route', 'compute.googleapis.com/Router', 'compute.googleapis.com/Address'] }),
  entry({ id: 'cloud-vpn', name: 'Cloud VPN', model: 'iaas', vendorCategory: 'Networking',
    resourceTypes: ['compute.googleapis.com/VpnGateway', 'compute.googleapis.com/VpnTunnel', 'compute.googleapis.com/TargetVpnGateway'] }),
  entry({ id: 'cloud-load-balancing', name: 'Cloud Load Balancing', model: 'paas', vendorCategory: 'Networking',
    resourceTypes: ['compute.googleapis.com/ForwardingRule', 'compute.googleapis.com/GlobalForwardingRule', 'compute.googleapis.com/BackendService', 'compute.googleapis.com/BackendBucket', 'compute.googleapis.com/UrlMap', 'compute.googleapis.com/TargetHttpsProxy', 'compute.googleapis.com/TargetHttpProxy', 'compute.googleapis.com/SslCertificate', 'compute.googleapis.com/SslPolicy', 'compute.googleapis.com/HealthCheck'] }),
  entry({ id: 'cloud-dns', name: 'Cloud DNS', model: 'paas', vendorCategory: 'Networking',
    resourceTypes: ['dns.googleapis.com/ManagedZone', 'dns.googleapis.com/Policy'] }),
  entry({ id: 'cloud-armor', name: 'Google Cloud Armor', model: 'paas', vendorCategory: 'Security',
    citations: [cite('gcp-cloud-armor', 'Cloud Armor filters traffic "through user-configurable security policies at the edge of Google\'s network".', 'verbatim')],
    resourceTypes: ['compute.googleapis.com/SecurityPolicy'] }),
  // Security and identity
  entry({ id: 'cloud-kms', name: 'Cloud Key Management Service (Cloud KMS)', model: 'paas', vendorCategory: 'Security',
    citations: [cite('gcp-assured-workloads-encryption', 'With Cloud KMS customers "generate, use, rotate, and destroy encryption keys according to their own policies".', 'verbatim')],
    resourceTypes: ['cloudkms.googleapis.com/KeyRing', 'cloudkms.googleapis.com/CryptoKey', 'cloudkms.googleapis.com/CryptoKeyVersion', 'cloudkms.googleapis.com/ImportJob'] }),
  entry({ id: 'secret-manager', name: 'Secret Manager', model: 'paas', vendorCategory: 'Security',
    resourceTypes: ['secretmanager.googleapis.com/Secret', 'secretmanager.googleapis.com/SecretVersion'] }),
  entry({ id: 'iam', name: 'Identity and Access Management (IAM)', model: 'saas', vendorCategory: 'Security',
    citations: [cite('gcp-service-account-types', 'Service accounts are either user-managed ("which you create and manage yourself") or service agents ("which Google Cloud creates and manages").', 'verbatim')],
    resourceTypes: ['iam.googleapis.com/ServiceAccount', 'iam.googleapis.com/ServiceAccountKey', 'iam.googleapis.com/Role', 'iam.googleapis.com/WorkloadIdentityPool', 'iam.googleapis.com/WorkforcePool'] }),
  entry({ id: 'resource-manager', name: 'Resource Manager (organization, folders, projects)', model: 'saas', vendorCategory: 'Management tools',
    resourceTypes: ['cloudresourcemanager.googleapis.com/Organization', 'cloudresourcemanager.googleapis.com/Folder', 'cloudresourcemanager.googleapis.com/Project', 'cloudresourcemanager.googleapis.com/TagKey', 'cloudresourcemanager.googleapis.com/TagValue'] }),
  entry({ id: 'security-command-center', name: 'Security Command Center', model: 'saas', vendorCategory: 'Security',
    citations: [cite('gcp-scc-api', 'Security Command Center helps "prevent, detect, and respond to threats" from "a centralized dashboard".', 'verbatim')],
    resourceTypes: ['securitycenter.googleapis.com/Source', 'securitycenter.googleapis.com/Finding'] }),
  // Operations and developer tools
  entry({ id: 'cloud-logging', name: 'Cloud Logging', model: 'paas', vendorCategory: 'Observability',
    citations: [cite('gcp-audit-logs-data-access', '"Data Access audit logs are disabled by default for all services except some BigQuery services."', 'verbatim')],
    resourceTypes: ['logging.googleapis.com/LogSink', 'logging.googleapis.com/LogBucket', 'logging.googleapis.com/LogMetric'] }),
  entry({ id: 'cloud-monitoring', name: 'Cloud Monitoring', model: 'paas', vendorCategory: 'Observability',
    resourceTypes: ['monitoring.googleapis.com/AlertPolicy', 'monitoring.googleapis.com/NotificationChannel', 'monitoring.googleapis.com/UptimeCheckConfig'] }),
  entry({ id: 'cloud-build', name: 'Cloud Build', model: 'paas', vendorCategory: 'Developer tools', citations: [CLOUD_BUILD],
    resourceTypes: ['cloudbuild.googleapis.com/Build', 'cloudbuild.googleapis.com/BuildTrigger', 'cloudbuild.googleapis.com/WorkerPool'] }),
  entry({ id: 'artifact-registry', name: 'Artifact Registry', model: 'paas', vendorCategory: 'Developer tools',
    resourceTypes: ['artifactregistry.googleapis.com/Repository', 'artifactregistry.googleapis.com/DockerImage'] }),
  // Workspace
  entry({ id: 'google-workspace', name: 'Google Workspace', model: 'saas', vendorCategory: 'Productivity and collaboration',
    citations: [cite('gcp-cdl-course', '"if you configure or store it, you\'re responsible for securing it."', 'secondary')],
    // Workspace tenants are not Cloud Asset Inventory resources; demarc names its objects by Admin SDK kind.
    resourceTypes: ['admin#directory#user', 'admin#directory#group', 'admin#directory#customer'] }),
];

/** Looks up a catalog entry by id, e.g. `gcpCatalogEntry('cloud-run')`. */
export function gcpCatalogEntry(id: string): ServiceCatalogEntry | undefined {
  return GCP_CATALOG.find((e) => e.id === id);
}

const BY_ASSET_TYPE: ReadonlyMap<string, ServiceCatalogEntry> = new Map(GCP_CATALOG.flatMap((e) => e.resourceTypes.map((type) => [type, e] as const)));

/** Asset types whose full resource names do not follow the `collection/id` pattern. */
const IRREGULAR_NAMES: readonly { readonly pattern: RegExp; readonly assetType: string }[] = [
  // `//storage.googleapis.com/my-bucket`: a bucket's name has no collection segment.
  { pattern: /^\/\/storage\.googleapis\.com\/[^/]+$/, assetType: 'storage.googleapis.com/Bucket' },
  // Global forwarding rules live under `global/forwardingRules`; regional ones under `regions/r/forwardingRules`.
  { pattern: /^\/\/compute\.googleapis\.com\/projects\/[^/]+\/global\/forwardingRules\/[^/]+$/, assetType: 'compute.googleapis.com/GlobalForwardingRule' },
];

/** Hosts of full resource names that differ from the asset type's service. */
const HOST_ALIASES: Readonly<Record<string, string>> = {
  'cloudsql.googleapis.com': 'sqladmin.googleapis.com',
  'bigtable.googleapis.com': 'bigtableadmin.googleapis.com',
};

/** Collections whose asset kind is not the singular of the collection name. */
const KIND_OVERRIDES: Readonly<Record<string, string>> = {
  'appengine.googleapis.com/apps': 'Application',
  'iam.googleapis.com/keys': 'ServiceAccountKey',
  'secretmanager.googleapis.com/versions': 'SecretVersion',
  'logging.googleapis.com/sinks': 'LogSink',
  'logging.googleapis.com/buckets': 'LogBucket',
  'logging.googleapis.com/metrics': 'LogMetric',
  'cloudbuild.googleapis.com/triggers': 'BuildTrigger',
};

/** `keyRings` → `KeyRing`, `policies` → `Policy`, `addresses` → `Address`. */
const kindOfCollection = (collection: string): string => {
  const singular = collection.endsWith('ies')
    ? `${collection.slice(0, -3)}y`
    : collection.endsWith('sses')
      ? collection.slice(0, -2)
      : collection.endsWith('s')
        ? collection.slice(0, -1)
        : collection;
  return singular.charAt(0).toUpperCase() + singular.slice(1);
};

/**
 * The Cloud Asset type of a full resource name, e.g.
 * `//compute.googleapis.com/projects/p/zones/z/instances/i` → `compute.googleapis.com/Instance`.
 * Returns `undefined` for anything that is not a full resource name.
 */
export function assetTypeOfResourceName(fullResourceName: string): string | undefined {
  for (const irregular of IRREGULAR_NAMES) if (irregular.pattern.test(fullResourceName)) return irregular.assetType;
  const match = /^\/\/([a-z0-9.-]+\.googleapis\.com)\/(.+)$/.exec(fullResourceName);
  if (!match) return undefined;
  const host = match[1]!;
  const service = HOST_ALIASES[host] ?? host;
  const segments = match[2]!.split('/');
  // Paths alternate collection/id; Compute's `global` stands where a collection would and has no id.
  let collection: string | undefined;
  for (let i = 0; i < segments.length; ) {
    if (segments[i] === 'global') { i += 1; continue; }
    if (!segments[i] || !segments[i + 1]) return undefined;
    collection = segments[i];
    i += 2;
  }
  if (collection === undefined) return undefined;
  return `${service}/${KIND_OVERRIDES[`${service}/${collection}`] ?? kindOfCollection(collection)}`;
}

/**
 * Maps a native Google Cloud resource to its catalog entry: a Cloud Asset type
 * (`storage.googleapis.com/Bucket`) or a full resource name (`//storage.googleapis.com/my-bucket`).
 *
 * @example
 * ```ts
 * classifyGcpResource('//container.googleapis.com/projects/p/locations/europe-west1/clusters/c')?.id; // 'gke'
 * classifyGcpResource('sqladmin.googleapis.com/Instance')?.id; // 'cloud-sql'
 * ```
 */
export function classifyGcpResource(nativeTypeOrName: string): ServiceCatalogEntry | undefined {
  const direct = BY_ASSET_TYPE.get(nativeTypeOrName);
  if (direct) return direct;
  const assetType = assetTypeOfResourceName(nativeTypeOrName);
  return assetType === undefined ? undefined : BY_ASSET_TYPE.get(assetType);
}
