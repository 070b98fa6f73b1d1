/**
 * Key Vault: deleted keys and secrets stay recoverable.
 * @module
 */
import { AZURE_OPERATIONS, OPERATION_PERMISSIONS, type ResourceGroupData, type ResourceWithProperties } from '../data';
import { defineAzureCheck, resourceSubject, result } from './define';

const VAULTS = 'Microsoft.KeyVault/vaults';
/** Read to mark vaults in a group Azure manages. */
const GROUPS_READ = OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourceGroups];

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
    permissions: [...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourcesWithProperties], `${VAULTS}/read`, ...GROUPS_READ],
    async *run(context) {
      const groups = await context.collect<ResourceGroupData[]>(AZURE_OPERATIONS.resourceGroups);
      for (const vault of await context.collect<ResourceWithProperties[]>(AZURE_OPERATIONS.resourcesWithProperties, { type: VAULTS })) {
        const subject = resourceSubject(vault, groups);
        yield vault.properties['enablePurgeProtection'] === true
          ? result({ status: 'pass', ...subject, messageId: 'protected', data: { name: vault.name } })
          : result({ status: 'fail', ...subject, messageId: 'unprotected', data: { name: vault.name } });
      }
    },
  });
