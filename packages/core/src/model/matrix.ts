/**
 * The baseline matrix: for every normalized domain and service model, the party that carries it, why,
 * and where that is written down. Built from the three vendors' published matrices (research report
 * `framings.md` §6.4); where vendors diverge, the cell says so in `vendorNuance`.
 * @module
 */
import type { DomainId, ServiceModelId } from './ids';
import type { Citation, ResponsibilityCell } from './types';
import { CITE } from './citations';

/** One row of the baseline matrix: a cell per service model. */
export type BaselineRow = Readonly<Record<ServiceModelId, ResponsibilityCell>>;

const customer = (rationale: string, ...citations: [Citation, ...Citation[]]): ResponsibilityCell => ({ party: 'customer', rationale, citations });
const provider = (rationale: string, ...citations: [Citation, ...Citation[]]): ResponsibilityCell => ({ party: 'provider', rationale, citations });
const shared = (sharedMode: 'split' | 'parallel', rationale: string, ...citations: [Citation, ...Citation[]]): ResponsibilityCell => ({ party: 'shared', sharedMode, rationale, citations });
const withNuance = (cell: ResponsibilityCell, vendorNuance: string): ResponsibilityCell => ({ ...cell, vendorNuance });

/** On-premises, the organisation runs everything: one cell for every domain. */
const ON_PREMISES = customer('On premises the organisation owns the whole stack, from the building to the data.', CITE.azureOnPremises);

/** A row whose cloud columns are all the provider's (the physical layers). */
const physicalRow = (rationale: string, ...citations: [Citation, ...Citation[]]): BaselineRow => {
  const cell = provider(rationale, ...citations);
  return { 'on-premises': ON_PREMISES, iaas: cell, paas: cell, saas: cell };
};

/** A row that stays the customer's in every model. */
const alwaysCustomerRow = (rationale: string, ...citations: [Citation, ...Citation[]]): BaselineRow => {
  const cell = customer(rationale, ...citations);
  return { 'on-premises': ON_PREMISES, iaas: cell, paas: cell, saas: cell };
};

/** The baseline matrix, domain × service model → cell. Complete: every domain has every model. */
export const BASELINE_MATRIX: Readonly<Record<DomainId, BaselineRow>> = {
  'physical-facilities': physicalRow(
    'Every cloud provider secures its own datacenters; customers inherit these physical and environmental controls.',
    CITE.awsInherited, CITE.azureTransfers, CITE.gcpInfrastructure,
  ),
  'physical-network': physicalRow(
    'The backbone, routers and cabling under every cloud service are the provider\'s.',
    CITE.azureTransfers, CITE.gcpInfrastructure, CITE.awsOfTheCloud,
  ),
  'host-infrastructure': physicalRow(
    'From the host operating system and hypervisor down to the hardware, the provider operates the hosts.',
    CITE.awsOfTheCloud, CITE.azureTransfers, CITE.gcpInfrastructure,
  ),
  'guest-os': {
    'on-premises': ON_PREMISES,
    iaas: customer('On IaaS the customer installs, hardens and patches the guest operating system.', CITE.awsGuestOs, CITE.azureOperatingSystem, CITE.awsPatchManagement),
    paas: provider('On PaaS the provider runs and patches the operating system under the platform.', CITE.azureOperatingSystem, CITE.awsContainerPlatform, CITE.gcpPaasLayers),
    saas: provider('On SaaS the operating system is entirely the provider\'s.', CITE.azureOperatingSystem, CITE.gcpPaasLayers),
  },
  'network-controls': {
    'on-premises': ON_PREMISES,
    iaas: customer('On IaaS the customer designs the virtual network and configures firewalls, security groups and segmentation.', CITE.azureNetworkControls, CITE.awsGuestOs, CITE.nistIaas),
    paas: withNuance(
      shared('split', 'On PaaS the provider secures the platform network while the customer decides who may reach its endpoints (application-level network controls).', CITE.azureNetworkControls, CITE.awsContainerFirewall),
      'Google\'s diagram puts network security with Google at PaaS; Azure and AWS leave endpoint exposure with the customer.',
    ),
    saas: provider('On SaaS the provider manages network security; tenant access settings belong to service configuration.', CITE.azureNetworkControls, CITE.gcpPaasLayers),
  },
  'runtime-platform': {
    'on-premises': ON_PREMISES,
    iaas: customer('On IaaS the customer installs and maintains runtimes, middleware and database engines on its VMs.', CITE.awsConfigurationManagement, CITE.nistIaas),
    paas: provider('On PaaS the provider runs the runtime, middleware and managed engines.', CITE.azurePlatformServices, CITE.awsContainerPlatform, CITE.gcpPaasLayers),
    saas: provider('On SaaS the whole platform is the provider\'s.', CITE.azurePlatformServices),
  },
  application: {
    'on-premises': ON_PREMISES,
    iaas: customer('On IaaS the customer deploys and secures its applications.', CITE.awsGuestOs, CITE.azureApplications, CITE.gcpApplication),
    paas: withNuance(
      customer('On PaaS the customer still writes, deploys and secures its application code and dependencies; the platform beneath is a separate domain.', CITE.gcpApplication, CITE.nistPaas, CITE.azureApplications),
      'Azure marks Applications "Shared" at PaaS because it folds the platform into that row; demarc keeps the platform in runtime-platform.',
    ),
    saas: withNuance(
      provider('On SaaS the application itself is the provider\'s; what the customer sets in it is service configuration.', CITE.gcpApplication, CITE.nistSaas),
      'Azure\'s 2026 table marks Applications "Shared" at SaaS (it was "Microsoft" in the earlier diagram): the customer configures the application and its access.',
    ),
  },
  'identity-infrastructure': {
    'on-premises': ON_PREMISES,
    iaas: customer('On IaaS the customer runs the identity systems that reach its VMs and workloads.', CITE.azureIdentityInfrastructure, CITE.awsGuestOs),
    paas: withNuance(
      shared('split', 'On PaaS the provider operates the identity service while the customer configures federation, authentication methods and directory settings.', CITE.azureIdentityInfrastructure),
      'Google\'s diagram puts access and authentication with Google from PaaS up.',
    ),
    saas: withNuance(
      shared('split', 'On SaaS the provider operates the identity service while the customer configures federation, authentication methods and directory settings.', CITE.azureIdentityInfrastructure),
      'Google\'s diagram puts access and authentication with Google from PaaS up.',
    ),
  },
  'accounts-access': alwaysCustomerRow(
    'Whoever provides the service, the customer creates, reviews and removes its own accounts and grants their access.',
    CITE.azureAccounts, CITE.azureAccessManagement, CITE.gcpAlwaysCustomer, CITE.awsAbstracted,
  ),
  'data-protection': alwaysCustomerRow(
    'The customer owns its data: classification, protection, encryption decisions and keys. Provider default encryption is an aid, not a transfer.',
    CITE.azureData, CITE.gcpAlwaysCustomer, CITE.awsAbstracted,
  ),
  'service-configuration': alwaysCustomerRow(
    'What the customer can configure in a service, it must configure securely: sharing, policies, tenant settings.',
    CITE.azureConfigurations, CITE.gcpAlwaysCustomer, CITE.awsConfigurationManagement,
  ),
  'client-endpoints': {
    'on-premises': ON_PREMISES,
    iaas: customer('The devices that reach the cloud are the customer\'s to protect.', CITE.azureEndpoints, CITE.azureAlwaysRetained),
    paas: customer('The devices that reach the cloud are the customer\'s to protect.', CITE.azureEndpoints, CITE.azureAlwaysRetained),
    saas: withNuance(
      customer('The devices that reach the cloud are the customer\'s to protect, even when a SaaS vendor offers device management.', CITE.azureEndpoints, CITE.azureAlwaysRetained),
      'Azure\'s 2026 table marks Client devices "Shared" at SaaS: Microsoft "may provide some device management capabilities".',
    ),
  },
  'logging-monitoring': {
    'on-premises': ON_PREMISES,
    iaas: shared('split', 'The provider writes and protects platform audit logs; the customer enables the logs it needs, keeps them, watches them and answers alerts.', CITE.gcpAuditLogging, CITE.ccmLogging, CITE.gkeMonitoring),
    paas: shared('split', 'The provider writes and protects platform audit logs; the customer enables the logs it needs, keeps them, watches them and answers alerts.', CITE.gcpAuditLogging, CITE.ccmLogging, CITE.gkeMonitoring),
    saas: shared('split', 'The provider writes and protects the service\'s audit logs; the customer turns on and reviews what its tenant records.', CITE.gcpAuditLogging, CITE.ccmLogging),
  },
  'backup-recovery': {
    'on-premises': ON_PREMISES,
    iaas: customer('On IaaS the customer backs up its volumes and databases and plans recovery.', CITE.awsContainerBcdr, CITE.azureReliability),
    paas: shared('split', 'Managed services provide backup and replication tools; the customer configures them to its recovery objectives and tests restores.', CITE.awsContainerBcdr, CITE.azureReliability),
    saas: shared('split', 'The provider keeps the service available; the customer decides retention and tests that its data can be restored.', CITE.azureReliability, CITE.ccmBackup),
  },
  'incident-response': {
    'on-premises': ON_PREMISES,
    iaas: shared('parallel', 'Each party answers incidents in its own scope: the provider in its infrastructure, the customer in what it deploys, with its own plan and drills.', CITE.ccmIncidentResponse, CITE.gkeMonitoring),
    paas: shared('parallel', 'Each party answers incidents in its own scope: the provider in its platform, the customer in its applications, data and accounts.', CITE.ccmIncidentResponse, CITE.gkeMonitoring),
    saas: shared('parallel', 'Each party answers incidents in its own scope: the provider in its service, the customer in its tenant, data and accounts.', CITE.ccmIncidentResponse),
  },
  governance: alwaysCustomerRow(
    'Compliance obligations, security policy, named owners and staff training remain the customer\'s; the provider governs only its own side.',
    CITE.gcpCompliance, CITE.awsLawsAndData, CITE.awsTraining, CITE.ccmGovernance,
  ),
};
