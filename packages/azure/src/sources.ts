/**
 * The public documents the Azure framing, the service catalog and the checks cite. Every
 * {@link Citation} in this package names one of these ids; `explain(..., AZURE_SOURCES)` in
 * `@demarc/core` resolves them. The two shared-responsibility page versions carry the same ids and
 * data as in `@demarc/core` (a test keeps them equal).
 * @module
 */
import { CORE_SOURCES, defineSources, type Citation, type Source } from '@demarc/core';


/** Sources cited by `@demarc/azure`, keyed by id. */
export const AZURE_SOURCES = defineSources({
  'azure-srm-2026': CORE_SOURCES['azure-srm-2026'],
  'azure-srm-legacy': CORE_SOURCES['azure-srm-legacy'],
  'azure-srm-diagram': {
    title: 'Shared responsibility diagram (shared-responsibility.svg), still shown on the page in 2026',
    url: 'https://github.com/MicrosoftDocs/azure-docs/blob/23ae9d382f4f/articles/security/fundamentals/media/shared-responsibility/shared-responsibility.svg',
    publisher: 'Microsoft',
  },
  'az900-transcription': {
    title: 'AZ-900 study notes transcribing the Microsoft Learn unit "Describe the shared responsibility model"',
    url: 'https://bashangbasir.notion.site/AZ-900-Microsoft-Azure-Fundamentals-20704f71650580dc87f5e59838fd612f',
    publisher: 'Independent transcription of Microsoft Learn',
  },
  'azure-reliability-srm': CORE_SOURCES['azure-reliability-srm'],
  'aks-support-policies': {
    title: 'Support policies for Azure Kubernetes Service (AKS)',
    url: 'https://learn.microsoft.com/azure/aks/support-policies',
    publisher: 'Microsoft',
  },
  'app-service-patching': {
    title: 'OS and runtime patching in Azure App Service',
    url: 'https://learn.microsoft.com/azure/app-service/overview-patch-os-runtime',
    publisher: 'Microsoft',
  },
  'functions-security': {
    title: 'Securing Azure Functions',
    url: 'https://learn.microsoft.com/azure/azure-functions/security-concepts',
    publisher: 'Microsoft',
  },
  'sql-database-paas': {
    title: 'What is Azure SQL Database? (PaaS overview)',
    url: 'https://learn.microsoft.com/azure/azure-sql/database/sql-database-paas-overview',
    publisher: 'Microsoft',
  },
  'sql-mi-connectivity': {
    title: 'Connectivity architecture for Azure SQL Managed Instance',
    url: 'https://learn.microsoft.com/azure/azure-sql/managed-instance/connectivity-architecture-overview',
    publisher: 'Microsoft',
  },
  'container-apps-overview': {
    title: 'Azure Container Apps overview',
    url: 'https://learn.microsoft.com/azure/container-apps/overview',
    publisher: 'Microsoft',
  },
  'container-instances-overview': {
    title: 'What is Azure Container Instances?',
    url: 'https://learn.microsoft.com/azure/container-instances/container-instances-overview',
    publisher: 'Microsoft',
  },
  'container-registry-js-overview': {
    title: 'Azure Container Registry libraries for JavaScript (overview)',
    url: 'https://learn.microsoft.com/javascript/api/overview/azure/container-registry',
    publisher: 'Microsoft',
  },
  'logic-apps-overview': {
    title: 'What is Azure Logic Apps?',
    url: 'https://learn.microsoft.com/azure/logic-apps/logic-apps-overview',
    publisher: 'Microsoft',
  },
  'logic-apps-js-overview': {
    title: 'Azure Logic Apps libraries for JavaScript (overview)',
    url: 'https://learn.microsoft.com/javascript/api/overview/azure/logic-apps',
    publisher: 'Microsoft',
  },
  'cosmos-db-overview-show': {
    title: 'Azure Cosmos DB: Comprehensive Overview (Level Up episode)',
    url: 'https://learn.microsoft.com/shows/level-up/azure-cosmos-db-comprehensive-overview',
    publisher: 'Microsoft',
  },
  'application-gateway-overview': {
    title: 'What is Azure Application Gateway?',
    url: 'https://learn.microsoft.com/azure/application-gateway/overview',
    publisher: 'Microsoft',
  },
  'firewall-rest-api': {
    title: 'Azure Firewall REST API',
    url: 'https://learn.microsoft.com/rest/api/firewall/',
    publisher: 'Microsoft',
  },
  'resource-manager-overview': {
    title: 'What is Azure Resource Manager?',
    url: 'https://learn.microsoft.com/azure/azure-resource-manager/management/overview',
    publisher: 'Microsoft',
  },
  'key-vault-purge-protection': {
    title: 'KeyVaultProperties.EnablePurgeProtection (Azure SDK for .NET reference)',
    url: 'https://learn.microsoft.com/dotnet/api/azure.resourcemanager.keyvault.models.keyvaultproperties.enablepurgeprotection',
    publisher: 'Microsoft',
  },
  'key-vault-soft-delete': {
    title: 'Azure Key Vault soft-delete overview (previous-versions copy)',
    url: 'https://learn.microsoft.com/previous-versions/azure/key-vault/general/soft-delete-overview',
    publisher: 'Microsoft',
  },
  'monitor-query-readme': {
    title: 'Azure Monitor Query client library description (as packaged by openSUSE)',
    url: 'https://software.opensuse.org/package/python-azure-monitor-query',
    publisher: 'openSUSE (reproducing Microsoft\'s package description)',
  },
});

/** An Azure source id, e.g. `'azure-srm-2026'`. */
export type AzureSourceId = keyof typeof AZURE_SOURCES;

/** Builds a citation whose source id is checked at compile time. @internal */
export const cite = (source: AzureSourceId, says: string, evidence: Citation['evidence']): Citation => ({ source, says, evidence });
