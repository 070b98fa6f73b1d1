/**
 * Storage accounts: no anonymous blob access.
 * @module
 */
import { STORAGE_ACCOUNT } from '../../operations/storage';
import { defineAzureCheck } from '../kit';
import { result, storageAccountsOf } from '../shared';

/** Storage accounts disallow anonymous (public) blob access. */
export default defineAzureCheck({
  meta: {
    id: 'azure-storage-public-blob-access', service: 'storage',
    title: 'Storage accounts disallow anonymous blob access', domain: 'service-configuration', severity: 'high',
    description: 'Reads allowBlobPublicAccess of every storage account.',
    rationale: 'With anonymous access allowed, one container set to public exposes its blobs to anyone on the internet; Microsoft stores the data, the customer decides who may read it.',
    remediation: 'az storage account update --name <account> --allow-blob-public-access false',
    references: ['https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent'],
    appliesTo: { resourceTypes: [STORAGE_ACCOUNT] },
    messages: {
      disallowed: 'Storage account {{name}} disallows anonymous blob access.',
      allowed: 'Storage account {{name}} allows anonymous blob access.',
      unknown: 'Storage account {{name}} does not report allowBlobPublicAccess.',
    },
  },
  operations: ['resourceGroups:list', 'storageAccounts:list'],
  async *run(context) {
    for (const { resource: account, subject } of await storageAccountsOf(context.collect)) {
      const value = account.properties['allowBlobPublicAccess'];
      const data = { name: account.name };
      const evidence = { allowBlobPublicAccess: true };
      if (value === true) yield result({ status: 'fail', ...subject, messageId: 'allowed', data, evidence });
      else if (value === false) yield result({ status: 'pass', ...subject, messageId: 'disallowed', data });
      else yield result({ status: 'manual', ...subject, messageId: 'unknown', data });
    }
  },
});
