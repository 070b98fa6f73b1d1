/**
 * The Azure service catalog: Azure and Microsoft cloud services with their service model, variant,
 * per-domain differences from the baseline, and the ARM resource types that belong to them; and
 * {@link classify}, which maps an ARM type, a resource id or a resource to its service.
 * @module
 */
import type { Citation, ResponsibilityOverride, ServiceCatalogEntry } from '@demarc/core';
import { cite } from './sources';

/** An Azure catalog entry: a core {@link ServiceCatalogEntry} plus how its model was decided. */
export interface AzureServiceEntry extends ServiceCatalogEntry {
  /** Always `'azure'`. */
  readonly provider: 'azure';
  /**
   * `vendor` when Microsoft itself names the service model for this service (the shared
   * responsibility page's examples, AKS's support policy); `inferred` when demarc places it from
   * what Microsoft says the service does (the citations), which is demarc's reading.
   */
  readonly modelBasis: 'vendor' | 'inferred';
}

const SRM_IAAS = cite('azure-srm-2026', 'IaaS: "You manage virtual machines, operating systems, and applications. Examples include Azure Virtual Machines, Azure Disk Storage, and virtual networks."', 'verbatim');
const SRM_PAAS = cite('azure-srm-2026', 'PaaS: "You deploy applications without managing VMs or operating systems. Examples include Azure App Service, Azure Functions, Azure SQL Database, and Azure Storage."', 'verbatim');
const SRM_SAAS = cite('azure-srm-2026', 'SaaS: "You use ready-made applications. Examples include Microsoft 365, Dynamics 365, and other cloud applications."', 'verbatim');
const APP_SERVICE_PAAS = cite('app-service-patching', '"App Service is a Platform-as-a-Service, which means that the OS and application stack are managed for you by Azure; you only manage your application and its data."', 'verbatim');
const APP_SERVICE_RUNTIME = cite('app-service-patching', 'New major and minor runtime versions are installed side by side and existing apps stay on theirs: "You can manually upgrade your app to the new version."', 'verbatim');
const FUNCTIONS_HOSTING = cite('functions-security', '"Azure App Service provides the hosting infrastructure for your function apps."', 'verbatim');
const AKS_NOT_PAAS = cite('aks-support-policies', '"AKS isn\'t a Platform-as-a-Service (PaaS) solution. Some components, such as agent nodes, have shared responsibility, where you must help maintain the AKS cluster."', 'verbatim');
const AKS_NODE_PATCHING = cite('aks-support-policies', '"Microsoft provides patches and new images for your image nodes weekly, but doesn\'t automatically patch them by default."', 'verbatim');
const AKS_VERSION = cite('aks-support-policies', 'The customer is responsible for keeping the cluster\'s Kubernetes version updated within the supported versions.', 'verbatim');
const LOAD_BALANCING_SUITE = cite('application-gateway-overview', 'Microsoft notes that "Azure provides a suite of fully managed load-balancing solutions": Traffic Manager, Front Door, Load Balancer and Application Gateway.', 'verbatim');
const ARM_OVERVIEW = cite('resource-manager-overview', '"Azure Resource Manager is the deployment and management service for Azure." Customers "use management features like access control, locks, and tags to secure and organize" their resources.', 'verbatim');

const entry = (e: Omit<AzureServiceEntry, 'provider'>): AzureServiceEntry => ({ provider: 'azure', ...e });
const override = (party: ResponsibilityOverride['party'], rationale: string, ...citations: [Citation, ...Citation[]]): ResponsibilityOverride =>
  party === 'shared' ? { party, sharedMode: 'split', rationale, citations } : { party, rationale, citations };

const RUNTIME_VERSION_MOVES = override(
  'shared',
  'Microsoft patches the runtime within a version line, but moving an app to a new major or minor runtime version is the customer\'s job.',
  APP_SERVICE_RUNTIME,
);

/**
 * The Azure and Microsoft cloud services demarc knows, with their model, overrides and ARM types.
 * ARM types are listed in their documented spelling; {@link classify} compares them case-insensitively.
 * A key `Type#kind` (e.g. `Microsoft.Web/sites#functionapp`) matches resources of that type whose
 * comma-separated `kind` contains that token.
 */
export const AZURE_CATALOG: readonly AzureServiceEntry[] = [
  // --- IaaS ------------------------------------------------------------------------------------
  entry({
    id: 'virtual-machines', name: 'Azure Virtual Machines', model: 'iaas', vendorCategory: 'IaaS', modelBasis: 'vendor',
    resourceTypes: ['Microsoft.Compute/virtualMachines', 'Microsoft.Compute/availabilitySets', 'Microsoft.Compute/sshPublicKeys'],
    citations: [SRM_IAAS],
  }),
  entry({
    id: 'vm-scale-sets', name: 'Azure Virtual Machine Scale Sets', model: 'iaas', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.Compute/virtualMachineScaleSets'],
    citations: [cite('azure-srm-2026', 'For virtual machines, which a scale set runs as a group, Microsoft says: "You manage virtual machines, operating systems, and applications."', 'verbatim')],
  }),
  entry({
    id: 'managed-disks', name: 'Azure Disk Storage', model: 'iaas', vendorCategory: 'IaaS', modelBasis: 'vendor',
    resourceTypes: ['Microsoft.Compute/disks', 'Microsoft.Compute/snapshots', 'Microsoft.Compute/images', 'Microsoft.Compute/diskEncryptionSets'],
    citations: [SRM_IAAS],
  }),
  entry({
    id: 'virtual-network', name: 'Azure Virtual Network (with NSGs, NICs and public IPs)', model: 'iaas', vendorCategory: 'IaaS', modelBasis: 'vendor',
    resourceTypes: [
      'Microsoft.Network/virtualNetworks', 'Microsoft.Network/networkSecurityGroups', 'Microsoft.Network/networkInterfaces',
      'Microsoft.Network/publicIPAddresses', 'Microsoft.Network/routeTables', 'Microsoft.Network/natGateways',
      'Microsoft.Network/privateEndpoints', 'Microsoft.Network/applicationSecurityGroups', 'Microsoft.Network/networkWatchers',
    ],
    citations: [SRM_IAAS, cite('azure-srm-2026', '"In IaaS, you configure all network security including firewalls and network segmentation."', 'verbatim')],
  }),
  // --- Networking services ---------------------------------------------------------------------
  entry({
    id: 'load-balancer', name: 'Azure Load Balancer', model: 'paas', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.Network/loadBalancers'], citations: [LOAD_BALANCING_SUITE],
  }),
  entry({
    id: 'application-gateway', name: 'Azure Application Gateway (and its WAF policies)', model: 'paas', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.Network/applicationGateways', 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies'],
    citations: [cite('application-gateway-overview', '"Azure Application Gateway is a web traffic load balancer that helps you manage traffic to your web applications."', 'verbatim'), LOAD_BALANCING_SUITE],
  }),
  entry({
    id: 'front-door', name: 'Azure Front Door (and CDN profiles)', model: 'paas', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.Cdn/profiles', 'Microsoft.Network/frontDoors', 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies'],
    citations: [LOAD_BALANCING_SUITE],
  }),
  entry({
    id: 'traffic-manager', name: 'Azure Traffic Manager', model: 'paas', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.Network/trafficManagerProfiles'], citations: [LOAD_BALANCING_SUITE],
  }),
  entry({
    id: 'azure-firewall', name: 'Azure Firewall', model: 'paas', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.Network/azureFirewalls', 'Microsoft.Network/firewallPolicies'],
    citations: [cite('firewall-rest-api', 'Azure Firewall is a managed, cloud-based network security service that protects Azure Virtual Network resources: a fully stateful firewall as a service.', 'verbatim')],
    overrides: {
      'network-controls': override('customer', 'Azure Firewall is a network control the customer deploys into its own virtual network; Microsoft runs the service, but every rule and route through it is the customer\'s.',
        cite('firewall-rest-api', 'Customers create, enforce and log application and network connectivity policies centrally across subscriptions and virtual networks.', 'verbatim')),
    },
  }),
  // --- Containers ------------------------------------------------------------------------------
  entry({
    id: 'aks', name: 'Azure Kubernetes Service (AKS)', model: 'paas', variant: 'managed-kubernetes', modelBasis: 'vendor',
    vendorCategory: 'not PaaS (Microsoft: shared responsibility for agent nodes)',
    resourceTypes: ['Microsoft.ContainerService/managedClusters'],
    citations: [AKS_NOT_PAAS],
    overrides: {
      'guest-os': override('shared', 'Microsoft publishes node image patches weekly, but the customer schedules or automates node image upgrades; nodes are not patched by default.', AKS_NODE_PATCHING, AKS_NOT_PAAS),
      'runtime-platform': override('shared', 'Microsoft runs the control plane, but the customer keeps the cluster on a supported Kubernetes version.', AKS_VERSION),
    },
  }),
  entry({
    id: 'container-apps', name: 'Azure Container Apps', model: 'paas', variant: 'serverless-container', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.App/containerApps', 'Microsoft.App/managedEnvironments', 'Microsoft.App/jobs'],
    citations: [cite('container-apps-overview', '"Azure Container Apps is a serverless platform for running containerized applications without managing the underlying infrastructure."', 'verbatim')],
  }),
  entry({
    id: 'container-instances', name: 'Azure Container Instances', model: 'paas', variant: 'serverless-container', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.ContainerInstance/containerGroups'],
    citations: [cite('container-instances-overview', 'Container Instances runs a container in Azure "without having to manage any virtual machines and without having to adopt a higher-level service."', 'verbatim')],
  }),
  entry({
    id: 'container-registry', name: 'Azure Container Registry', model: 'paas', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.ContainerRegistry/registries'],
    citations: [cite('container-registry-js-overview', '"Azure Container Registry is a managed Docker registry service based on the open-source Docker Registry 2.0."', 'verbatim')],
  }),
  // --- App platform ----------------------------------------------------------------------------
  entry({
    id: 'app-service', name: 'Azure App Service', model: 'paas', vendorCategory: 'PaaS', modelBasis: 'vendor',
    resourceTypes: ['Microsoft.Web/sites', 'Microsoft.Web/serverFarms', 'Microsoft.Web/certificates'],
    citations: [SRM_PAAS, APP_SERVICE_PAAS],
    overrides: { 'runtime-platform': RUNTIME_VERSION_MOVES },
  }),
  entry({
    id: 'functions', name: 'Azure Functions', model: 'paas', variant: 'faas', vendorCategory: 'PaaS', modelBasis: 'vendor',
    resourceTypes: ['Microsoft.Web/sites#functionapp'],
    citations: [SRM_PAAS, FUNCTIONS_HOSTING],
    overrides: {
      'runtime-platform': override('shared', 'Function apps are hosted on App Service, where moving to a new major or minor runtime version is the customer\'s job.', FUNCTIONS_HOSTING, APP_SERVICE_RUNTIME),
    },
  }),
  entry({
    id: 'logic-apps', name: 'Azure Logic Apps', model: 'paas', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.Logic/workflows', 'Microsoft.Logic/integrationAccounts', 'Microsoft.Web/connections', 'Microsoft.Web/sites#workflowapp'],
    citations: [
      cite('logic-apps-overview', '"Azure Logic Apps is a cloud service and platform for automating enterprise business process workflows and integrating services, systems, apps, and data"', 'verbatim'),
      cite('logic-apps-js-overview', '"Logic Apps is a fully managed iPaaS (integration Platform as a Service)"', 'verbatim'),
    ],
  }),
  // --- Data ------------------------------------------------------------------------------------
  entry({
    id: 'sql-database', name: 'Azure SQL Database', model: 'paas', variant: 'dbaas', vendorCategory: 'PaaS', modelBasis: 'vendor',
    resourceTypes: ['Microsoft.Sql/servers', 'Microsoft.Sql/servers/databases', 'Microsoft.Sql/servers/elasticPools'],
    citations: [SRM_PAAS, cite('sql-database-paas', 'A "fully managed platform as a service (PaaS) database engine that handles most of the database management functions such as upgrading, patching, backups, and monitoring without user involvement"', 'secondary')],
  }),
  entry({
    id: 'sql-managed-instance', name: 'Azure SQL Managed Instance', model: 'paas', variant: 'dbaas', modelBasis: 'vendor',
    resourceTypes: ['Microsoft.Sql/managedInstances'],
    citations: [cite('sql-mi-connectivity', 'SQL Managed Instance is a single-tenant platform as a service offering; each instance is placed in a subnet of an Azure virtual network dedicated to it.', 'verbatim')],
    overrides: {
      'network-controls': override('customer', 'The instance\'s data plane sits in a dedicated subnet of the customer\'s own virtual network, so the subnet\'s NSG, routes and peering are the customer\'s to configure.',
        cite('sql-mi-connectivity', 'Some service components are deployed in the customer\'s virtual network subnet; others run in a Microsoft-managed network environment.', 'verbatim')),
    },
  }),
  entry({
    id: 'cosmos-db', name: 'Azure Cosmos DB', model: 'paas', variant: 'dbaas', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.DocumentDB/databaseAccounts'],
    citations: [cite('cosmos-db-overview-show', '"Azure Cosmos DB is a Microsoft\'s globally distributed multi-model database-as-a-service."', 'verbatim')],
  }),
  entry({
    id: 'blob-storage', name: 'Azure Blob Storage (Azure Storage accounts)', model: 'paas', variant: 'object-storage', vendorCategory: 'PaaS', modelBasis: 'vendor',
    resourceTypes: ['Microsoft.Storage/storageAccounts'],
    citations: [SRM_PAAS],
  }),
  entry({
    id: 'key-vault', name: 'Azure Key Vault', model: 'paas', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.KeyVault/vaults', 'Microsoft.KeyVault/managedHSMs'],
    citations: [
      cite('key-vault-purge-protection', 'With purge protection on, "only the Key Vault service may initiate a hard, irrecoverable deletion" of the vault and its content.', 'verbatim'),
      cite('key-vault-soft-delete', 'Deleted vaults and vault objects stay recoverable for a configurable 7 to 90 days.', 'verbatim'),
    ],
  }),
  // --- Operations and control plane ------------------------------------------------------------
  entry({
    id: 'monitor', name: 'Azure Monitor (Log Analytics, Application Insights, alerts)', model: 'paas', modelBasis: 'inferred',
    resourceTypes: [
      'Microsoft.Insights/components', 'Microsoft.Insights/actionGroups', 'Microsoft.Insights/activityLogAlerts', 'Microsoft.Insights/metricAlerts',
      'Microsoft.Insights/scheduledQueryRules', 'Microsoft.Insights/diagnosticSettings', 'Microsoft.Insights/dataCollectionRules',
      'Microsoft.OperationalInsights/workspaces',
    ],
    citations: [cite('monitor-query-readme', 'Azure Monitor "delivers a comprehensive solution for collecting, analyzing, and acting on telemetry from your cloud and on-premises environments."', 'secondary')],
  }),
  entry({
    id: 'resource-manager', name: 'Azure Resource Manager (subscriptions, resource groups, RBAC, locks)', model: 'saas', modelBasis: 'inferred',
    resourceTypes: [
      'Microsoft.Resources/subscriptions', 'Microsoft.Resources/resourceGroups', 'Microsoft.Resources/deployments',
      'Microsoft.Authorization/roleAssignments', 'Microsoft.Authorization/roleDefinitions', 'Microsoft.Authorization/locks',
      'Microsoft.Authorization/policyAssignments', 'Microsoft.Authorization/policyDefinitions', 'Microsoft.Management/managementGroups',
    ],
    citations: [ARM_OVERVIEW],
  }),
  // --- Identity and SaaS -----------------------------------------------------------------------
  entry({
    id: 'entra-id', name: 'Microsoft Entra ID (and managed identities)', model: 'saas', modelBasis: 'inferred',
    resourceTypes: ['Microsoft.ManagedIdentity/userAssignedIdentities', 'Microsoft.AzureActiveDirectory/b2cDirectories', 'Microsoft.AAD/domainServices'],
    citations: [
      cite('azure-srm-diagram', 'The diagram colours "Identity and directory infrastructure" Shared under SaaS and PaaS and Customer under IaaS.', 'verbatim'),
      cite('azure-srm-2026', '"Access management - ... implementing and managing access controls, including role-based access control (RBAC), multifactor authentication, and conditional access policies."', 'verbatim'),
    ],
  }),
  entry({
    id: 'microsoft-365', name: 'Microsoft 365', model: 'saas', vendorCategory: 'SaaS', modelBasis: 'vendor',
    resourceTypes: [], citations: [SRM_SAAS],
  }),
  entry({
    id: 'dynamics-365', name: 'Dynamics 365', model: 'saas', vendorCategory: 'SaaS', modelBasis: 'vendor',
    resourceTypes: [], citations: [SRM_SAAS],
  }),
];

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

/** The parts of an ARM resource id. */
export interface ParsedResourceId {
  /** Subscription GUID. */
  readonly subscriptionId: string;
  /** Resource group name, when the id is inside one. */
  readonly resourceGroup?: string;
  /** The full resource type, e.g. `Microsoft.Sql/servers/databases`, or `Microsoft.Resources/resourceGroups`. */
  readonly type: string;
  /** The last name segment. */
  readonly name: string;
}

/**
 * Parses an ARM resource id. Nested types join their segments (`.../servers/s1/databases/d1` →
 * `Microsoft.Sql/servers/databases`); for extension resources (`.../providers/X/.../providers/Y/...`)
 * the last provider wins. Subscription and resource-group ids parse as `Microsoft.Resources/...`.
 * Returns `undefined` for anything that is not an ARM id.
 */
export function parseResourceId(id: string): ParsedResourceId | undefined {
  const parts = id.split('/').filter((part) => part !== '');
  if (parts.length < 2 || parts[0]!.toLowerCase() !== 'subscriptions') return undefined;
  const subscriptionId = parts[1]!;
  const lastProvider = parts.map((p) => p.toLowerCase()).lastIndexOf('providers');
  const rgIndex = parts.findIndex((p, i) => i >= 2 && p.toLowerCase() === 'resourcegroups');
  const resourceGroup = rgIndex >= 0 && rgIndex < parts.length - 1 ? parts[rgIndex + 1] : undefined;
  if (lastProvider < 0) {
    if (parts.length === 2) return { subscriptionId, type: 'Microsoft.Resources/subscriptions', name: subscriptionId };
    if (resourceGroup && parts.length === 4) return { subscriptionId, resourceGroup, type: 'Microsoft.Resources/resourceGroups', name: resourceGroup };
    return undefined;
  }
  const namespace = parts[lastProvider + 1];
  const rest = parts.slice(lastProvider + 2);
  if (!namespace || rest.length < 2 || rest.length % 2 !== 0) return undefined;
  const typeSegments = rest.filter((_, i) => i % 2 === 0);
  return { subscriptionId, ...(resourceGroup ? { resourceGroup } : {}), type: `${namespace}/${typeSegments.join('/')}`, name: rest[rest.length - 1]! };
}

/** What {@link classify} accepts: an ARM type, a `Type#kind` key, a resource id, or a resource with `type` / `id` and `kind`. */
export type ClassifyInput = string | { readonly type?: string; readonly id?: string; readonly kind?: string };

/** A classifier over a catalog; {@link classify} is the one over {@link AZURE_CATALOG}. */
export type AzureClassifier = (input: ClassifyInput) => AzureServiceEntry | undefined;

/**
 * Builds a classifier over a catalog (the default one, or a catalog extended by the user).
 * Lookup is case-insensitive. A kinded key (`Type#kind`) wins over the plain type when the resource's
 * comma-separated kind contains its token; `workflowapp` (Logic Apps Standard, whose kind is
 * `functionapp,workflowapp`) is tried before `functionapp`.
 * Child types without an entry fall back to their parent (`Microsoft.Compute/virtualMachines/extensions`
 * → Virtual Machines).
 */
export function createClassifier(catalog: readonly AzureServiceEntry[]): AzureClassifier {
  const byKey = new Map<string, AzureServiceEntry>();
  const kindTokens: string[] = [];
  for (const service of catalog) {
    for (const key of service.resourceTypes) {
      byKey.set(key.toLowerCase(), service);
      const token = key.split('#')[1]?.toLowerCase();
      if (token && !kindTokens.includes(token)) kindTokens.push(token);
    }
  }
  // More specific kinds first: a kind token that always appears together with another (workflowapp
  // with functionapp) must be tried before it.
  kindTokens.sort((a, b) => (a === 'workflowapp' ? -1 : b === 'workflowapp' ? 1 : 0));
  const lookupType = (type: string, kind: string | undefined): AzureServiceEntry | undefined => {
    const [plain, keyKind] = type.toLowerCase().split('#') as [string, string | undefined];
    const tokens = new Set([...(kind ?? '').toLowerCase().split(',').map((t) => t.trim()), ...(keyKind ? [keyKind] : [])]);
    let segments = plain.split('/');
    while (segments.length >= 2) {
      const candidate = segments.join('/');
      for (const token of kindTokens) {
        const found = tokens.has(token) ? byKey.get(`${candidate}#${token}`) : undefined;
        if (found) return found;
      }
      const found = byKey.get(candidate);
      if (found) return found;
      segments = segments.slice(0, -1);
    }
    return undefined;
  };
  return (input) => {
    if (typeof input === 'string') {
      if (input.startsWith('/')) {
        const parsed = parseResourceId(input);
        return parsed ? lookupType(parsed.type, undefined) : undefined;
      }
      return lookupType(input, undefined);
    }
    const type = input.type ?? (input.id ? parseResourceId(input.id)?.type : undefined);
    return type ? lookupType(type, input.kind) : undefined;
  };
}

/**
 * Maps an ARM resource type, a resource id or a resource (with `kind`) to its catalog service.
 *
 * @example
 * ```ts
 * classify('microsoft.web/SITES')?.id; // 'app-service'
 * classify({ type: 'Microsoft.Web/sites', kind: 'functionapp,linux' })?.id; // 'functions'
 * classify('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/a/databases/b')?.id; // 'sql-database'
 * ```
 */
export const classify: AzureClassifier = createClassifier(AZURE_CATALOG);

/** Finds a catalog entry by its id. */
export function azureService(id: string): AzureServiceEntry | undefined {
  return AZURE_CATALOG.find((service) => service.id === id);
}
