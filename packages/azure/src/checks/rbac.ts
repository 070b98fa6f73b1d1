/**
 * Accounts and access: few standing Owners, and none assigned to individual users directly.
 * @module
 */
import { AZURE_OPERATIONS, BUILT_IN_ROLE_IDS, OPERATION_PERMISSIONS, type RoleAssignmentData } from '../data';
import { defineAzureCheck, result, withDefaults, type AzureCheckConfig } from './define';

const RBAC_BEST_PRACTICES = 'https://learn.microsoft.com/azure/role-based-access-control/best-practices';
const isOwner = (a: RoleAssignmentData) => a.roleDefinitionId.toLowerCase() === BUILT_IN_ROLE_IDS.owner;
const assignments = (collect: <T>(op: string) => Promise<T>) => collect<RoleAssignmentData[]>(AZURE_OPERATIONS.roleAssignments);

/** A subscription has at most N Owner assignments at subscription scope (default 3). */
export const subscriptionOwnerCountCheck = (config?: AzureCheckConfig) => {
  const { maxSubscriptionOwners } = withDefaults(config);
  return defineAzureCheck({
    meta: {
      id: 'azure-subscription-owner-count', title: `Subscriptions have at most ${maxSubscriptionOwners} Owner assignments`, domain: 'accounts-access', severity: 'medium',
      description: 'Counts Owner role assignments whose scope is the subscription itself.',
      rationale: 'Every Owner can change and grant anything. Microsoft: "You should have a maximum of 3 subscription owners to reduce the potential for breach by a compromised owner."',
      remediation: 'Remove standing Owner assignments; use Contributor plus PIM-eligible Owner for the few who need it.',
      references: [RBAC_BEST_PRACTICES],
      messages: { few: 'Subscription {{subscription}} has {{count}} Owner assignment(s).', many: 'Subscription {{subscription}} has {{count}} Owner assignments (at most {{max}} allowed).' },
    },
    permissions: OPERATION_PERMISSIONS[AZURE_OPERATIONS.roleAssignments],
    async *run(context) {
      const scope = `/subscriptions/${context.scope.id}`.toLowerCase();
      const owners = (await assignments(context.collect)).filter((a) => isOwner(a) && a.scope.toLowerCase() === scope);
      const data = { subscription: context.scope.name ?? context.scope.id, count: owners.length, max: maxSubscriptionOwners };
      yield owners.length <= maxSubscriptionOwners
        ? result({ status: 'pass', messageId: 'few', data })
        : result({ status: 'fail', messageId: 'many', data, evidence: { principals: owners.map((o) => o.principalId) } });
    },
  });
};

/** Owner is granted to groups (or workload identities), not to individual users directly. */
export const ownerAssignedToUserCheck = () =>
  defineAzureCheck({
    meta: {
      id: 'azure-owner-direct-user-assignment', title: 'Owner is not assigned directly to individual users', domain: 'accounts-access', severity: 'low',
      description: 'Lists Owner role assignments at or below the subscription whose principal type is User.',
      rationale: 'Direct user assignments are missed in access reviews and survive a leaver\'s move; assigning roles to groups keeps the list reviewable.',
      remediation: 'Assign Owner to a group (ideally PIM-eligible) and remove the direct user assignment.',
      references: [RBAC_BEST_PRACTICES],
      messages: { group: 'Owner assignment {{assignment}} goes to a {{type}}.', user: 'Owner is assigned directly to user {{principal}} at {{scope}}.', none: 'No Owner assignment in this subscription.' },
    },
    permissions: OPERATION_PERMISSIONS[AZURE_OPERATIONS.roleAssignments],
    async *run(context) {
      const owners = (await assignments(context.collect)).filter(isOwner);
      if (owners.length === 0) return yield { status: 'pass', messageId: 'none' };
      for (const a of owners) {
        const resource = { id: a.id, type: 'Microsoft.Authorization/roleAssignments', name: a.principalId, service: 'resource-manager' };
        yield a.principalType === 'User'
          ? result({ status: 'fail', resource, messageId: 'user', data: { principal: a.principalId, scope: a.scope } })
          : result({ status: 'pass', resource, messageId: 'group', data: { assignment: a.principalId, type: a.principalType ?? 'principal' } });
      }
    },
  });
