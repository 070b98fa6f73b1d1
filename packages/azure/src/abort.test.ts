/**
 * An aborted scan leaves no Azure request in flight: every operation passes the scan's signal to the
 * official clients, so requests the local cloud holds open (never answered) end when the scan aborts.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '@demarc/core';
import { startLocalCloud, type AzureResource } from '@demarc/local-cloud';
import { azureProvider } from './provider';

const SUB = 'aaaaaaaa-0000-0000-0000-0000000000ab';
const resource = (name: string, type: string): AzureResource => ({ name, type, location: 'westeurope', properties: {} });

/** Lets pending I/O callbacks run (turns of the event loop, not a time). */
const turns = async (count: number, until: () => boolean): Promise<void> => {
  for (let i = 0; i < count && !until(); i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('an aborted scan', () => {
  it('ends every request it started: none is left in flight, though the local cloud never answers them', async () => {
    const cloud = await startLocalCloud({
      estate: {
        azure: {
          tenantId: '00000000-0000-0000-0000-0000000000aa',
          subscriptions: [{
            id: SUB, displayName: 'held', state: 'Enabled',
            resourceGroups: [{
              name: 'rg', location: 'westeurope', tags: { env: 'prod' },
              resources: [
                resource('st', 'Microsoft.Storage/storageAccounts'), resource('kv', 'Microsoft.KeyVault/vaults'),
                resource('nsg', 'Microsoft.Network/networkSecurityGroups'), resource('nic', 'Microsoft.Network/networkInterfaces'),
                resource('vm', 'Microsoft.Compute/virtualMachines'),
              ],
            }],
          }],
        },
      },
      // Discovery is answered; every read after it is held open and never answered.
      faults: [{ vendor: 'azure', operation: /^(?!subscriptions\.)/, timeout: true }],
    });
    try {
      // Counts the HTTP requests the Azure pipeline has sent and not yet seen end, closest to the wire.
      let inFlight = 0;
      const counting = {
        name: 'countInFlight',
        async sendRequest<R>(request: unknown, next: (request: unknown) => Promise<R>): Promise<R> {
          inFlight++;
          try {
            return await next(request);
          } finally {
            inFlight--;
          }
        },
      };
      const provider = azureProvider({
        ...cloud.azure.clientOptions(),
        credential: cloud.azure.credential,
        clientOptions: { additionalPolicies: [{ policy: counting as never, position: 'perRetry' }] },
      });
      const controller = new AbortController();
      const scanning = scan({ providers: [provider], signal: controller.signal });

      // Abort once the local cloud holds two reads open: the resource groups and the role assignments
      // (the first reads of the checks the runner starts first).
      const held = (): string[] => Object.keys(cloud.counters.outcomeSnapshot()).filter((key) => key.endsWith(':timeout')).sort();
      while (held().length < 2) await new Promise((resolve) => setImmediate(resolve));
      expect(held()).toEqual(['azure:resourceGroups.list:timeout', 'azure:roleAssignments.list:timeout']);
      expect(inFlight).toBeGreaterThanOrEqual(2);
      controller.abort();

      const result = await scanning;
      expect(result.aborted).toBe(true);
      await turns(200, () => inFlight === 0);
      expect(inFlight).toBe(0);
      // Nothing was answered after discovery, so no check passed or failed on data it did not get.
      expect(result.findings.filter((f) => f.status === 'pass' || f.status === 'fail')).toEqual([]);
    } finally {
      await cloud.stop();
    }
  });
});
