/**
 * Key Vault (`Microsoft.KeyVault`): key vaults with their properties.
 * @module
 */
import { defineOperations } from '@demarc/core';
import { resourcesOfType } from '../resource-reads';
import type { AzureSession } from '../session';

/** The ARM type of a key vault. */
export const KEY_VAULT = 'Microsoft.KeyVault/vaults';

export default defineOperations<AzureSession>()({
  'vaults:list': resourcesOfType(KEY_VAULT, 'key vault'),
});
