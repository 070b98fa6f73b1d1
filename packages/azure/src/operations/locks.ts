/**
 * Management locks (`@azure/arm-locks`).
 * @module
 */
import { defineOperations, type NoParams } from '@demarc/core';
import type { LockData } from '../data';
import { lastSegment, readAll } from '../resource-reads';
import type { AzureSession } from '../session';

export default defineOperations<AzureSession>()({
  'managementLocks:listAtSubscriptionLevel': {
    description: 'Every management lock of the subscription and of everything in it, with its level.',
    permissions: ['Microsoft.Authorization/locks/read'],
    call: async (session, _params: NoParams, { signal }): Promise<LockData[]> => {
      const client = await session.clients.locks(session.subscriptionId);
      const locks = await readAll(client.managementLocks.listAtSubscriptionLevel({ abortSignal: signal }), signal);
      return locks.map((l) => ({ id: l.id ?? '', name: l.name ?? lastSegment(l.id), level: l.level }));
    },
  },
});
