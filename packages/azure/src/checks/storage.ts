/**
 * Storage accounts: no anonymous blob access, no shared keys, current TLS.
 * @module
 */
import { AZURE_OPERATIONS, OPERATION_PERMISSIONS, type ResourceGroupData, type ResourceWithProperties } from '../data';
import { defineAzureCheck, resourceSubject, result } from './define';

const STORAGE = 'Microsoft.Storage/storageAccounts';
const PERMISSIONS = [
  ...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourcesWithProperties],
  `${STORAGE}/read`,
  ...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourceGroups],
];
/** The storage accounts with their result subjects (the groups say which ones Azure manages). */
const accounts = async (collect: <T>(op: string, params?: Record<string, unknown>) => Promise<T>) => {
  const groups = await collect<ResourceGroupData[]>(AZURE_OPERATIONS.resourceGroups);
  const list = await collect<ResourceWithProperties[]>(AZURE_OPERATIONS.resourcesWithProperties, { type: STORAGE });
  return list.map((account) => ({ account, subject: resourceSubject(account, groups) }));
};

/** Storage accounts disallow anonymous (public) blob access. */
export const storagePublicBlobAccessCheck = () =>
  defineAzureCheck({
    meta: {
      id: 'azure-storage-public-blob-access', title: 'Storage accounts disallow anonymous blob access', domain: 'service-configuration', severity: 'high',
      description: 'Reads allowBlobPublicAccess of every storage account.',
      rationale: 'With anonymous access allowed, one container set to public exposes its blobs to anyone on the internet; Microsoft stores the data, the customer decides who may read it.',
      remediation: 'az storage account update --name <account> --allow-blob-public-access false',
      references: ['https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent'],
      appliesTo: { resourceTypes: [STORAGE] },
      messages: { disallowed: 'Storage account {{name}} disallows anonymous blob access.', allowed: 'Storage account {{name}} allows anonymous blob access.', unknown: 'Storage account {{name}} does not report allowBlobPublicAccess.' },
    },
    permissions: PERMISSIONS,
    async *run(context) {
      for (const { account, subject } of await accounts(context.collect)) {
        const value = account.properties['allowBlobPublicAccess'];
        const data = { name: account.name };
        if (value === true) yield result({ status: 'fail', ...subject, messageId: 'allowed', data, evidence: { allowBlobPublicAccess: true } });
        else if (value === false) yield result({ status: 'pass', ...subject, messageId: 'disallowed', data });
        else yield result({ status: 'manual', ...subject, messageId: 'unknown', data });
      }
    },
  });

/** Storage accounts disallow Shared Key authorization, so every access goes through Entra ID and RBAC. */
export const storageSharedKeyAccessCheck = () =>
  defineAzureCheck({
    meta: {
      id: 'azure-storage-shared-key-access', title: 'Storage accounts disallow Shared Key authorization', domain: 'accounts-access', severity: 'medium',
      description: 'Reads allowSharedKeyAccess of every storage account; unset means allowed.',
      rationale: 'An account key grants full access to all data, bypasses RBAC and conditional access, and leaves no identity in the logs.',
      remediation: 'Move clients to Microsoft Entra ID, then: az storage account update --name <account> --allow-shared-key-access false',
      references: ['https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent'],
      appliesTo: { resourceTypes: [STORAGE] },
      messages: { disallowed: 'Storage account {{name}} disallows Shared Key authorization.', allowed: 'Storage account {{name}} allows Shared Key authorization ({{value}}).' },
    },
    permissions: PERMISSIONS,
    async *run(context) {
      for (const { account, subject } of await accounts(context.collect)) {
        const value = account.properties['allowSharedKeyAccess'];
        yield value === false
          ? result({ status: 'pass', ...subject, messageId: 'disallowed', data: { name: account.name } })
          : result({ status: 'fail', ...subject, messageId: 'allowed', data: { name: account.name, value: value === undefined || value === null ? 'not set, which allows it' : String(value) } });
      }
    },
  });

/** Storage accounts require TLS 1.2 or later. */
export const storageMinimumTlsCheck = () =>
  defineAzureCheck({
    meta: {
      id: 'azure-storage-minimum-tls', title: 'Storage accounts require TLS 1.2 or later', domain: 'data-protection', severity: 'medium',
      description: 'Reads minimumTlsVersion of every storage account.',
      rationale: 'Older TLS versions have known weaknesses; the minimum version is a setting the customer chooses.',
      remediation: 'az storage account update --name <account> --min-tls-version TLS1_2',
      references: ['https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version'],
      appliesTo: { resourceTypes: [STORAGE] },
      messages: { current: 'Storage account {{name}} requires {{version}}.', outdated: 'Storage account {{name}} accepts {{version}}.' },
    },
    permissions: PERMISSIONS,
    async *run(context) {
      for (const { account, subject } of await accounts(context.collect)) {
        const version = typeof account.properties['minimumTlsVersion'] === 'string' ? (account.properties['minimumTlsVersion'] as string) : 'TLS1_0 (not set)';
        yield ['TLS1_2', 'TLS1_3'].includes(version)
          ? result({ status: 'pass', ...subject, messageId: 'current', data: { name: account.name, version } })
          : result({ status: 'fail', ...subject, messageId: 'outdated', data: { name: account.name, version } });
      }
    },
  });
