/**
 * Logging: the activity log leaves the subscription, so control-plane changes can be reviewed and kept.
 * @module
 */
import { defineAzureCheck } from '../kit';
import { result } from '../shared';

const REQUIRED = ['Administrative', 'Security'] as const;

/**
 * The subscription exports its activity log (Administrative and Security categories) to a workspace, storage
 * account or event hub.
 */
export default defineAzureCheck({
  meta: {
    id: 'azure-monitor-activity-log-export', service: 'monitor', aliases: ['azure-activity-log-export'],
    title: 'Subscriptions export their activity log', domain: 'logging-monitoring', severity: 'medium',
    description: 'Reads the subscription\'s diagnostic settings and looks for one with a destination that exports the Administrative and Security categories.',
    rationale: 'Azure keeps the activity log for 90 days and writes it whatever you do; keeping it longer, alerting on it and reviewing it is the customer\'s part.',
    remediation: 'Create a subscription diagnostic setting sending Administrative and Security (and ideally all) categories to a Log Analytics workspace.',
    references: ['https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log'],
    messages: {
      exported: 'Subscription {{subscription}} exports its activity log through {{setting}}.',
      missing: 'Subscription {{subscription}} does not export {{categories}} from its activity log.',
    },
  },
  operations: ['diagnosticSettings:listForSubscription'],
  async *run(context) {
    const settings = await context.collect('diagnosticSettings:listForSubscription');
    const exports = (s: (typeof settings)[number], category: string): boolean =>
      s.logs.some((l) => l.enabled && l.category.toLowerCase() === category.toLowerCase());
    const hasDestination = (s: (typeof settings)[number]): boolean =>
      (s.workspaceId ?? s.storageAccountId ?? s.eventHubAuthorizationRuleId) !== undefined;
    const exporting = settings.find((s) => hasDestination(s) && REQUIRED.every((category) => exports(s, category)));
    const subscription = context.scope.name ?? context.scope.id;
    yield exporting
      ? result({ status: 'pass', messageId: 'exported', data: { subscription, setting: exporting.name } })
      : result({
          status: 'fail', messageId: 'missing', data: { subscription, categories: REQUIRED.join(' and ') },
          evidence: { settings: settings.map((s) => s.name) },
        });
  },
});
