/**
 * Accounts and access: Owner goes to groups and workload identities, not to individual users.
 * @module
 */
import { BUILT_IN_ROLE_IDS } from '../../data';
import { defineAzureCheck } from '../kit';
import { RBAC_BEST_PRACTICES, result } from '../shared';

/** Owner is granted to groups (or workload identities), not to individual users directly. */
export default defineAzureCheck({
  meta: {
    id: 'azure-authorization-owner-direct-user-assignment',
    service: 'authorization', aliases: ['azure-owner-direct-user-assignment'],
    title: 'Owner is not assigned directly to individual users', domain: 'accounts-access', severity: 'low',
    description: 'Lists Owner role assignments at or below the subscription whose principal type is User.',
    rationale: 'Direct user assignments are missed in access reviews and survive a leaver\'s move; assigning roles to groups keeps the list reviewable.',
    remediation: 'Assign Owner to a group (ideally PIM-eligible) and remove the direct user assignment.',
    references: [RBAC_BEST_PRACTICES],
    messages: {
      group: 'Owner assignment {{assignment}} goes to a {{type}}.',
      user: 'Owner is assigned directly to user {{principal}} at {{scope}}.',
      none: 'No Owner assignment in this subscription.',
    },
  },
  operations: ['roleAssignments:listForSubscription'],
  async *run(context) {
    const assignments = await context.collect('roleAssignments:listForSubscription');
    const owners = assignments.filter((a) => a.roleDefinitionId.toLowerCase() === BUILT_IN_ROLE_IDS.owner);
    if (owners.length === 0) return yield { status: 'pass', messageId: 'none' };
    for (const a of owners) {
      const resource = {
        id: a.id, type: 'Microsoft.Authorization/roleAssignments', name: a.principalId, service: 'resource-manager',
      };
      yield a.principalType === 'User'
        ? result({ status: 'fail', resource, messageId: 'user', data: { principal: a.principalId, scope: a.scope } })
        : result({
            status: 'pass', resource, messageId: 'group',
            data: { assignment: a.principalId, type: a.principalType ?? 'principal' },
          });
    }
  },
});
