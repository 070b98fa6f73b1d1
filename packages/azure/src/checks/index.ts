/**
 * The Azure checks. {@link azureChecks} builds them with the organisation's settings.
 * @module
 */
import type { AzureCheck, AzureCheckConfig } from './define';
import { resourceGroupTagsCheck, resourceTagsCheck } from './tags';
import { allowedLocationsCheck } from './locations';
import { productionDeleteLockCheck } from './locks';
import { storageMinimumTlsCheck, storagePublicBlobAccessCheck, storageSharedKeyAccessCheck } from './storage';
import { keyVaultPurgeProtectionCheck } from './key-vault';
import { nsgAdminPortsCheck, vmPublicIpCheck } from './network';
import { ownerAssignedToUserCheck, subscriptionOwnerCountCheck } from './rbac';
import { activityLogExportCheck } from './logging';

export {
  defineAzureCheck, groupSubject, providerManaged, resourceRef, resourceSubject,
  type AzureCheck, type AzureCheckConfig, type AzureCheckDefinition, type AzureSubject,
} from './define';
export { openAdminPorts, publicIpsOf, rangeCovers, type NsgSecurityRule } from './network';
export {
  resourceGroupTagsCheck, resourceTagsCheck, allowedLocationsCheck, productionDeleteLockCheck, storagePublicBlobAccessCheck,
  storageSharedKeyAccessCheck, storageMinimumTlsCheck, keyVaultPurgeProtectionCheck, nsgAdminPortsCheck, vmPublicIpCheck, subscriptionOwnerCountCheck,
  ownerAssignedToUserCheck, activityLogExportCheck,
};

/** Every Azure check, configured. */
export function azureChecks(config: AzureCheckConfig = {}): readonly AzureCheck[] {
  return [
    resourceGroupTagsCheck(config),
    resourceTagsCheck(config),
    allowedLocationsCheck(config),
    productionDeleteLockCheck(config),
    storagePublicBlobAccessCheck(),
    storageSharedKeyAccessCheck(),
    storageMinimumTlsCheck(),
    keyVaultPurgeProtectionCheck(),
    nsgAdminPortsCheck(),
    vmPublicIpCheck(),
    subscriptionOwnerCountCheck(config),
    ownerAssignedToUserCheck(),
    activityLogExportCheck(),
  ];
}

/** Every Azure check with default settings (the residency check is skipped until `allowedLocations` is set). */
export const AZURE_CHECKS: readonly AzureCheck[] = azureChecks();
