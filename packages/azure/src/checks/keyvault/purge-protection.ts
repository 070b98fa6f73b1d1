/**
 * Key Vault: deleted keys and secrets stay recoverable.
 * @module
 */
import { KEY_VAULT } from '../../operations/keyvault';
import { defineAzureCheck } from '../kit';
import { result, withSubjects } from '../shared';

/** Key vaults have purge protection on. */
export default defineAzureCheck({
  meta: {
    id: 'azure-keyvault-purge-protection', service: 'keyvault', aliases: ['azure-key-vault-purge-protection'],
    title: 'Key vaults have purge protection enabled', domain: 'backup-recovery', severity: 'medium',
    description: 'Reads enablePurgeProtection of every key vault.',
    rationale: 'Without purge protection a deleted vault or key can be purged at once, and data encrypted with it is lost; with it, only the Key Vault service can purge, after the retention period.',
    remediation: 'az keyvault update --name <vault> --enable-purge-protection true (it cannot be turned off again).',
    references: ['https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview'],
    appliesTo: { resourceTypes: [KEY_VAULT] },
    messages: {
      protected: 'Key vault {{name}} has purge protection.',
      unprotected: 'Key vault {{name}} has no purge protection.',
    },
  },
  // Resource groups say which vaults Azure manages.
  operations: ['resourceGroups:list', 'vaults:list'],
  async *run(context) {
    const groups = await context.collect('resourceGroups:list');
    for (const { resource: vault, subject } of withSubjects(await context.collect('vaults:list'), groups)) {
      yield vault.properties['enablePurgeProtection'] === true
        ? result({ status: 'pass', ...subject, messageId: 'protected', data: { name: vault.name } })
        : result({ status: 'fail', ...subject, messageId: 'unprotected', data: { name: vault.name } });
    }
  },
});
