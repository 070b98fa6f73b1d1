/**
 * Azure Monitor (`@azure/arm-monitor`): the diagnostic settings of the subscription's activity log.
 * @module
 */
import { defineOperations, type NoParams } from '@demarc/core';
import type { ActivityLogSettingData } from '../data';
import { lastSegment } from '../resource-reads';
import type { AzureSession } from '../session';

export default defineOperations<AzureSession>()({
  'diagnosticSettings:listForSubscription': {
    description: 'The diagnostic settings of the subscription\'s activity log: destinations and exported categories.',
    permissions: ['Microsoft.Insights/diagnosticSettings/read'],
    call: async (session, _params: NoParams, { signal }): Promise<ActivityLogSettingData[]> => {
      const client = await session.clients.monitor(session.subscriptionId);
      const subscription = `subscriptions/${session.subscriptionId}`;
      const response = await client.diagnosticSettings.list(subscription, { abortSignal: signal });
      return (response.value ?? []).map((s) => ({
        id: s.id ?? '',
        name: s.name ?? lastSegment(s.id),
        ...(s.workspaceId ? { workspaceId: s.workspaceId } : {}),
        ...(s.storageAccountId ? { storageAccountId: s.storageAccountId } : {}),
        ...(s.eventHubAuthorizationRuleId ? { eventHubAuthorizationRuleId: s.eventHubAuthorizationRuleId } : {}),
        logs: (s.logs ?? []).map((l) => ({ category: l.category ?? '', enabled: l.enabled })),
      }));
    },
  },
});
