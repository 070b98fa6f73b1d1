/**
 * Key Vault: deleted keys and secrets stay recoverable.
 * @module
 */
import { AZURE_OPERATIONS, OPERATION_PERMISSIONS, type ResourceWithProperties } from '../data';
import { defineAzureCheck, resourceRef, result } from './define';

const VAULTS = 'Microsoft.KeyVault/vaults';

/** Key vaults have purge protection on. */
export const keyVaultPurgeProtectionCheck = () =>
  defineAzureCheck({
    meta: {
      id: 'azure-key-vault-purge-protection', title: 'Key vaults have purge protection enabled', domain: 'backup-recovery', severity: 'medium',
      description: 'Reads enablePurgeProtection of every key vault.',
      rationale: 'Without purge protection a deleted vault or key can be purged at once, and data encrypted with it is lost; with it, only the Key Vault service can purge, after the retention period.',
      remediation: 'az keyvault update --name <vault> --enable-purge-protection true (it cannot be turned off again).',
      references: ['https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview'],
      appliesTo: { resourceTypes: [VAULTS] },
      messages: { protected: 'Key vault {{name}} has purge protection.', unprotected: 'Key vault {{name}} has no purge protection.' },
    },
    permissions: [...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourcesWithProperties], `${VAULTS}/read`],
    async *run(context) {
      for (const vault of await context.collect<ResourceWithProperties[]>(AZURE_OPERATIONS.resourcesWithProperties, { type: VAULTS })) {
        yield vault.properties['enablePurgeProtection'] === true
          ? result({ status: 'pass', resource: resourceRef(vault), messageId: 'protected', data: { name: vault.name } })
          : result({ status: 'fail', resource: resourceRef(vault), messageId: 'unprotected', data: { name: vault.name } });
      }
    },
  });
