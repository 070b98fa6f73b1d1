/**
 * Authorization (`@azure/arm-authorization`): role assignments.
 * @module
 */
import { defineOperations, type NoParams } from '@demarc/core';
import type { RoleAssignmentData } from '../data';
import { lastSegment, readAll } from '../resource-reads';
import type { AzureSession } from '../session';

export default defineOperations<AzureSession>()({
  'roleAssignments:listForSubscription': {
    description: 'Every role assignment at and below the subscription, with its scope, role and principal.',
    permissions: ['Microsoft.Authorization/roleAssignments/read'],
    call: async (session, _params: NoParams, { signal }): Promise<RoleAssignmentData[]> => {
      const client = await session.clients.authorization(session.subscriptionId);
      const list = await readAll(client.roleAssignments.listForSubscription({ abortSignal: signal }), signal);
      return list.map((a) => ({
        id: a.id ?? '',
        scope: a.scope ?? `/subscriptions/${session.subscriptionId}`,
        roleDefinitionId: lastSegment(a.roleDefinitionId).toLowerCase(),
        principalId: a.principalId ?? '',
        ...(a.principalType ? { principalType: a.principalType } : {}),
      }));
    },
  },
});
