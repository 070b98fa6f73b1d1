/**
 * Accounts and access: few standing Owners of a subscription.
 * @module
 */
import { BUILT_IN_ROLE_IDS } from '../../data';
import { defineAzureCheck } from '../kit';
import { RBAC_BEST_PRACTICES, result } from '../shared';

/** A subscription has at most `maxOwners` Owner assignments at subscription scope (default 3). */
export default defineAzureCheck({
  meta: {
    id: 'azure-authorization-subscription-owner-count',
    service: 'authorization', aliases: ['azure-subscription-owner-count'],
    title: 'Subscriptions have few Owner assignments (at most 3 by default)',
    domain: 'accounts-access', severity: 'medium',
    description: 'Counts Owner role assignments whose scope is the subscription itself and compares them with the limit (option maxOwners, default 3).',
    rationale: 'Every Owner can change and grant anything. Microsoft: "You should have a maximum of 3 subscription owners to reduce the potential for breach by a compromised owner."',
    remediation: 'Remove standing Owner assignments; use Contributor plus PIM-eligible Owner for the few who need it.',
    references: [RBAC_BEST_PRACTICES],
    messages: {
      few: 'Subscription {{subscription}} has {{count}} Owner assignment(s).',
      many: 'Subscription {{subscription}} has {{count}} Owner assignments (at most {{max}} allowed).',
    },
  },
  operations: ['roleAssignments:listForSubscription'],
  options: {
    maxOwners: {
      type: 'integer', default: 3, minimum: 0,
      description: 'The most Owner assignments a subscription may have at subscription scope.',
    },
  },
  async *run(context) {
    const max = context.options.maxOwners;
    const scope = `/subscriptions/${context.scope.id}`.toLowerCase();
    const owners = (await context.collect('roleAssignments:listForSubscription'))
      .filter((a) => a.roleDefinitionId.toLowerCase() === BUILT_IN_ROLE_IDS.owner && a.scope.toLowerCase() === scope);
    const data = { subscription: context.scope.name ?? context.scope.id, count: owners.length, max };
    yield owners.length <= max
      ? result({ status: 'pass', messageId: 'few', data })
      : result({ status: 'fail', messageId: 'many', data, evidence: { principals: owners.map((o) => o.principalId) } });
  },
});
