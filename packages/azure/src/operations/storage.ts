/**
 * Storage (`Microsoft.Storage`): storage accounts with their properties.
 * @module
 */
import { defineOperations } from '@demarc/core';
import { resourcesOfType } from '../resource-reads';
import type { AzureSession } from '../session';

/** The ARM type of a storage account. */
export const STORAGE_ACCOUNT = 'Microsoft.Storage/storageAccounts';

export default defineOperations<AzureSession>()({
  'storageAccounts:list': resourcesOfType(STORAGE_ACCOUNT, 'storage account'),
});
