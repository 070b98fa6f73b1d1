/**
 * The statements the baseline matrix and the organisational measures rest on, each tied to a source in
 * {@link CORE_SOURCES}. Quotes are kept short; the rest is demarc's paraphrase.
 * @internal
 */
import type { Citation } from './types';
import type { CoreSourceId } from './sources';

const cite = (source: CoreSourceId, says: string, evidence: Citation['evidence']): Citation => ({ source, says, evidence });

/** @internal */
export const CITE = {
  azureOnPremises: cite('azure-srm-legacy', '"In an on-premises datacenter, you own the whole stack. As you move to the cloud some responsibilities transfer to Microsoft."', 'verbatim'),
  nistIaas: cite('nist-sp-800-145', 'IaaS: the consumer "has control over operating systems, storage, and deployed applications; and possibly limited control of select networking components (e.g., host firewalls)."', 'secondary'),
  nistPaas: cite('nist-sp-800-145', 'PaaS: the consumer "does not manage or control the underlying cloud infrastructure including network, servers, operating systems, or storage, but has control over the deployed applications".', 'secondary'),
  nistSaas: cite('nist-sp-800-145', 'SaaS: the consumer does not manage the infrastructure "or even individual application capabilities, with the possible exception of limited user-specific application configuration settings."', 'secondary'),
  awsOfTheCloud: cite('aws-wa-security-srm', 'AWS "operates, manages, and controls the components from the host operating system and virtualization layer down to the physical security of the facilities in which the service operates."', 'verbatim'),
  awsGuestOs: cite('aws-wa-security-srm', 'The customer "assumes responsibility and management of the guest operating system (including updates and security patches), and other associated application software in addition to the configuration of the AWS provided security group firewall."', 'verbatim'),
  awsAbstracted: cite('aws-srm', 'For abstracted services such as S3 and DynamoDB, customers "are responsible for managing their data (including encryption options), classifying their assets, and using IAM tools to apply the appropriate permissions."', 'secondary'),
  awsContainerFirewall: cite('aws-security-best-practices-2016', '"For AWS Container services, you are responsible for the data and for firewall rules for access to the container service."', 'secondary'),
  awsContainerPlatform: cite('aws-security-best-practices-2016', 'For container services, "AWS manages the underlying infrastructure and foundation services, the operating system and the application platform."', 'secondary'),
  awsContainerBcdr: cite('aws-security-best-practices-2016', '"the AWS platform provides data backup and recovery tools; but it is your responsibility to configure and use tools in relation to your business continuity and disaster recovery (BC/DR) policy."', 'secondary'),
  awsPatchManagement: cite('aws-srm', 'Shared control "Patch Management": AWS patches the infrastructure, "customers are responsible for patching their guest OS and applications."', 'secondary'),
  awsConfigurationManagement: cite('aws-srm', 'Shared control "Configuration Management": "a customer is responsible for configuring their own guest operating systems, databases, and applications."', 'secondary'),
  awsTraining: cite('aws-srm', 'Shared control "Awareness & Training": "AWS trains AWS employees, but a customer must train their own employees."', 'secondary'),
  awsInherited: cite('aws-srm', 'Inherited controls, "Controls which a customer fully inherits from AWS", e.g. "Physical and Environmental controls".', 'secondary'),
  awsLawsAndData: cite('aws-ec2-security', 'Security in the cloud: "You are also responsible for other factors including the sensitivity of your data, your company\'s requirements, and applicable laws and regulations."', 'verbatim'),
  gcpInfrastructure: cite('gcp-shared-fate', "Google's diagram marks Hardware, Boot, Hardened Kernel + IPC, Storage + encryption and Network as Google's responsibility in its IaaS, PaaS and SaaS columns.", 'secondary'),
  gcpPaasLayers: cite('gcp-shared-fate', "Google's diagram marks Guest OS, Network security, Operations and Access and authentication as Google's at PaaS and SaaS and the customer's at IaaS.", 'secondary'),
  gcpApplication: cite('gcp-shared-fate', "Google's diagram keeps Web application security and Deployment with the customer through PaaS and gives them to Google at SaaS.", 'secondary'),
  gcpAlwaysCustomer: cite('gcp-shared-fate', "Google's diagram keeps Content, Access policies and Usage with the customer in every column.", 'secondary'),
  gcpAuditLogging: cite('gcp-shared-fate', "Google's diagram marks Audit logging as Google's from IaaS up: the platform writes and protects the audit logs.", 'secondary'),
  gcpCompliance: cite('gcp-shared-fate', 'To choose controls "you must consider the following factors: Your regulatory compliance obligations · Your organization\'s security standards and risk management plan · Security requirements of your customers and your vendors."', 'verbatim'),
  gkeMonitoring: cite('gcp-gke-shared-responsibility', 'Customer: "Monitor the cluster and applications and respond to any alerts and incidents using technologies such as the security posture dashboard and Google Cloud Observability."', 'verbatim'),
  azureTransfers: cite('azure-srm-2026', 'The responsibility matrix marks Physical hosts, Physical network and Physical datacenter "Microsoft" under IaaS, PaaS and SaaS.', 'verbatim'),
  azureOperatingSystem: cite('azure-srm-2026', 'The responsibility matrix marks Operating system "Customer" under IaaS and "Microsoft" under PaaS and SaaS.', 'verbatim'),
  azurePlatformServices: cite('azure-srm-2026', '"Platform services - In PaaS and SaaS, Microsoft manages operating systems, runtime environments, and middleware."', 'verbatim'),
  azureNetworkControls: cite('azure-srm-2026', '"In IaaS, you configure all network security including firewalls and network segmentation. In PaaS, Microsoft provides baseline network security, but you configure application-level network controls. In SaaS, Microsoft manages network security."', 'verbatim'),
  azureApplications: cite('azure-srm-2026', '"In PaaS and SaaS, Microsoft manages parts of the application stack, but you\'re responsible for application configuration, code security, and access controls."', 'verbatim'),
  azureIdentityInfrastructure: cite('azure-srm-legacy', 'The diagram marks "Identity and directory infrastructure" Customer under IaaS and Shared under PaaS and SaaS, in the band "Responsibility varies by type".', 'verbatim'),
  azureData: cite('azure-srm-2026', '"Data - You\'re responsible for your data, including data classification, data protection, encryption decisions, and compliance with data governance requirements."', 'verbatim'),
  azureAccounts: cite('azure-srm-2026', '"Accounts - ... managing user accounts, including creating, managing, and removing user access."', 'verbatim'),
  azureAccessManagement: cite('azure-srm-2026', '"Access management - ... implementing and managing access controls, including role-based access control (RBAC), multifactor authentication, and conditional access policies."', 'verbatim'),
  azureEndpoints: cite('azure-srm-2026', '"Endpoints - ... protecting client devices and endpoints that access your cloud services, including mobile devices, laptops, and desktops."', 'verbatim'),
  azureConfigurations: cite('azure-srm-2026', 'The responsibility matrix marks "Configurations and settings" Customer in every column.', 'verbatim'),
  azureAlwaysRetained: cite('azure-srm-legacy', '"Regardless of the type of deployment, you always retain the following responsibilities: Data · Endpoints · Account · Access management"', 'verbatim'),
  azureReliability: cite('azure-reliability-srm', 'For "Reliability-enhancing capabilities", "it\'s your responsibility to evaluate and configure them."', 'verbatim'),
  ccmIncidentResponse: cite('csa-ccm-v4', 'SEF-03 and SEF-04: establish, test and update a security incident response plan; under the SSRM each party answers for the plan within its own scope.', 'secondary'),
  ccmLogging: cite('csa-ccm-v4', 'LOG-03 and LOG-05: identify and monitor security-related events and review audit logs; the customer owns these for what it deploys and configures.', 'secondary'),
  ccmGovernance: cite('csa-ccm-v4', 'GRC-01, GRC-03 and GRC-06: an information security policy, reviewed periodically, with defined roles and responsibilities, on each side of the SSRM.', 'secondary'),
  ccmAccessReview: cite('csa-ccm-v4', 'IAM-07 and IAM-08: de-provision or modify access of movers and leavers in a timely manner, and review user access periodically.', 'secondary'),
  ccmTraining: cite('csa-ccm-v4', 'HRS-11: a security awareness training programme for all employees of the organisation.', 'secondary'),
  ccmBackup: cite('csa-ccm-v4', 'BCR-08 and BCR-10: back up data periodically and test that it can be restored; exercise the response plan.', 'secondary'),
  ccmConfigReview: cite('csa-ccm-v4', 'CCC-07 and A&A-02: detect baseline deviations and run independent audits periodically.', 'secondary'),
} as const satisfies Record<string, Citation>;
