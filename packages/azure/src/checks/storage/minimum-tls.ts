/**
 * Storage accounts: current TLS only.
 * @module
 */
import { STORAGE_ACCOUNT } from '../../operations/storage';
import { defineAzureCheck } from '../kit';
import { result, storageAccountsOf } from '../shared';

const CURRENT = ['TLS1_2', 'TLS1_3'];

/** Storage accounts require TLS 1.2 or later. */
export default defineAzureCheck({
  meta: {
    id: 'azure-storage-minimum-tls', service: 'storage',
    title: 'Storage accounts require TLS 1.2 or later', domain: 'data-protection', severity: 'medium',
    description: 'Reads minimumTlsVersion of every storage account.',
    rationale: 'Older TLS versions have known weaknesses; the minimum version is a setting the customer chooses.',
    remediation: 'az storage account update --name <account> --min-tls-version TLS1_2',
    references: ['https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version'],
    appliesTo: { resourceTypes: [STORAGE_ACCOUNT] },
    messages: {
      current: 'Storage account {{name}} requires {{version}}.',
      outdated: 'Storage account {{name}} accepts {{version}}.',
    },
  },
  operations: ['resourceGroups:list', 'storageAccounts:list'],
  async *run(context) {
    for (const { resource: account, subject } of await storageAccountsOf(context.collect)) {
      const setting = account.properties['minimumTlsVersion'];
      const version = typeof setting === 'string' ? setting : 'TLS1_0 (not set)';
      yield CURRENT.includes(version)
        ? result({ status: 'pass', ...subject, messageId: 'current', data: { name: account.name, version } })
        : result({ status: 'fail', ...subject, messageId: 'outdated', data: { name: account.name, version } });
    }
  },
});
