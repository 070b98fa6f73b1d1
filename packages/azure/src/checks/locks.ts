/**
 * Recovery from mistakes: production resource groups cannot be deleted by one slip.
 * @module
 */
import { AZURE_OPERATIONS, OPERATION_PERMISSIONS, lockScope, type LockData, type ResourceGroupData } from '../data';
import { defineAzureCheck, result, groupSubject, withDefaults, type AzureCheckConfig } from './define';

/** Production resource groups (by tag) carry a delete or read-only lock, on themselves or the subscription. */
export const productionDeleteLockCheck = (config?: AzureCheckConfig) => {
  const { productionTag } = withDefaults(config);
  const values = new Set(productionTag.values.map((v) => v.toLowerCase()));
  return defineAzureCheck({
    meta: {
      id: 'azure-production-delete-lock', title: 'Production resource groups are locked against deletion', domain: 'backup-recovery', severity: 'medium',
      description: `Finds resource groups tagged ${productionTag.name} = ${productionTag.values.join(' | ')} and looks for a CanNotDelete or ReadOnly lock on the group or the subscription.`,
      rationale: 'Deleting a resource group deletes everything in it at once; a lock turns an accidental or scripted deletion into an error.',
      remediation: 'az lock create --name no-delete --lock-type CanNotDelete --resource-group <group>',
      references: ['https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources'],
      messages: { locked: 'Production resource group {{name}} is protected by lock {{lock}} ({{level}}).', unlocked: 'Production resource group {{name}} has no delete lock.', none: 'No resource group is tagged as production.' },
    },
    permissions: [...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourceGroups], ...OPERATION_PERMISSIONS[AZURE_OPERATIONS.locks]],
    async *run(context) {
      const groups = await context.collect<ResourceGroupData[]>(AZURE_OPERATIONS.resourceGroups);
      const production = groups.filter((g) => Object.entries(g.tags).some(([k, v]) => k.toLowerCase() === productionTag.name.toLowerCase() && values.has(v.toLowerCase())));
      if (production.length === 0) return yield { status: 'skipped', messageId: 'none' };
      const locks = await context.collect<LockData[]>(AZURE_OPERATIONS.locks);
      const subscriptionScope = `/subscriptions/${context.scope.id}`.toLowerCase();
      for (const group of production) {
        const lock = locks.find((l) => [group.id.toLowerCase(), subscriptionScope].includes(lockScope(l.id).toLowerCase()));
        yield lock
          ? result({ status: 'pass', ...groupSubject(group), messageId: 'locked', data: { name: group.name, lock: lock.name, level: lock.level } })
          : result({ status: 'fail', ...groupSubject(group), messageId: 'unlocked', data: { name: group.name } });
      }
    },
  });
};
