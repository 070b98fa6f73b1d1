/**
 * Storage accounts: every access goes through Microsoft Entra ID, none through account keys.
 * @module
 */
import { STORAGE_ACCOUNT } from '../../operations/storage';
import { defineAzureCheck } from '../kit';
import { result, storageAccountsOf } from '../shared';

/** Storage accounts disallow Shared Key authorization, so every access goes through Entra ID and RBAC. */
export default defineAzureCheck({
  meta: {
    id: 'azure-storage-shared-key-access', service: 'storage',
    title: 'Storage accounts disallow Shared Key authorization', domain: 'accounts-access', severity: 'medium',
    description: 'Reads allowSharedKeyAccess of every storage account; unset means allowed.',
    rationale: 'An account key grants full access to all data, bypasses RBAC and conditional access, and leaves no identity in the logs.',
    remediation: 'Move clients to Microsoft Entra ID, then: az storage account update --name <account> --allow-shared-key-access false',
    references: ['https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent'],
    appliesTo: { resourceTypes: [STORAGE_ACCOUNT] },
    messages: {
      disallowed: 'Storage account {{name}} disallows Shared Key authorization.',
      allowed: 'Storage account {{name}} allows Shared Key authorization ({{value}}).',
    },
  },
  operations: ['resourceGroups:list', 'storageAccounts:list'],
  async *run(context) {
    for (const { resource: account, subject } of await storageAccountsOf(context.collect)) {
      const value = account.properties['allowSharedKeyAccess'];
      const shown = value === undefined || value === null ? 'not set, which allows it' : String(value);
      yield value === false
        ? result({ status: 'pass', ...subject, messageId: 'disallowed', data: { name: account.name } })
        : result({ status: 'fail', ...subject, messageId: 'allowed', data: { name: account.name, value: shown } });
    }
  },
});
