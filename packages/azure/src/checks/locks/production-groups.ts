/**
 * Recovery from mistakes: production resource groups cannot be deleted by one slip.
 * @module
 */
import { lockScope } from '../../data';
import { defineAzureCheck } from '../kit';
import { groupSubject, result } from '../shared';

/** Production resource groups (by tag) carry a delete or read-only lock, on themselves or the subscription. */
export default defineAzureCheck({
  meta: {
    id: 'azure-locks-production-groups', service: 'locks', aliases: ['azure-production-delete-lock'],
    title: 'Production resource groups are locked against deletion', domain: 'backup-recovery', severity: 'medium',
    description: 'Finds resource groups tagged as production (option productionTag, default env, with one of productionValues, default prod | production) and looks for a CanNotDelete or ReadOnly lock on the group or the subscription.',
    rationale: 'Deleting a resource group deletes everything in it at once; a lock turns an accidental or scripted deletion into an error.',
    remediation: 'az lock create --name no-delete --lock-type CanNotDelete --resource-group <group>',
    references: ['https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources'],
    messages: {
      locked: 'Production resource group {{name}} is protected by lock {{lock}} ({{level}}).',
      unlocked: 'Production resource group {{name}} has no delete lock.',
      none: 'No resource group is tagged as production.',
    },
  },
  operations: ['resourceGroups:list', 'managementLocks:listAtSubscriptionLevel'],
  options: {
    productionTag: {
      type: 'string', default: 'env',
      description: 'The tag that marks production resource groups (any letter case).',
    },
    productionValues: {
      type: 'array', items: { type: 'string' }, default: ['prod', 'production'], minItems: 1,
      description: 'The values of productionTag that mean production (any letter case).',
    },
  },
  async *run(context) {
    const tag = context.options.productionTag.toLowerCase();
    const values = new Set(context.options.productionValues.map((v) => v.toLowerCase()));
    const groups = await context.collect('resourceGroups:list');
    const isProduction = (tags: Readonly<Record<string, string>>): boolean =>
      Object.entries(tags).some(([k, v]) => k.toLowerCase() === tag && values.has(v.toLowerCase()));
    const production = groups.filter((g) => isProduction(g.tags));
    if (production.length === 0) return yield { status: 'skipped', messageId: 'none' };
    const locks = await context.collect('managementLocks:listAtSubscriptionLevel');
    const subscriptionScope = `/subscriptions/${context.scope.id}`.toLowerCase();
    for (const group of production) {
      const scopes = [group.id.toLowerCase(), subscriptionScope];
      const lock = locks.find((l) => scopes.includes(lockScope(l.id).toLowerCase()));
      const subject = groupSubject(group);
      yield lock
        ? result({
            status: 'pass', ...subject, messageId: 'locked',
            data: { name: group.name, lock: lock.name, level: lock.level },
          })
        : result({ status: 'fail', ...subject, messageId: 'unlocked', data: { name: group.name } });
    }
  },
});
