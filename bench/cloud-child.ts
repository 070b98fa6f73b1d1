/**
 * The child process of {@link startChild}: runs the local cloud for the benchmark and answers the
 * parent's messages (faults, counters, stop). Loopback only, like everything in the benchmark.
 * @module
 */
import '@demarc/local-cloud/loopback-guard';
import { startLocalCloud, type LocalCloud } from '@demarc/local-cloud';
import { benchEstate } from './estate.ts';
import type { FromChild, ToChild } from './cloud.ts';

let cloud: LocalCloud | undefined;
const reply = (m: FromChild): void => void process.send?.(m);

process.on('message', (m: ToChild) => {
  void (async () => {
    switch (m.type) {
      case 'start': {
        cloud = await startLocalCloud({ estate: benchEstate(m.n, m.seed), faults: m.rules });
        const url = new URL(cloud.aws.endpoint);
        reply({
          type: 'started',
          rssBytes: process.memoryUsage().rss,
          address: {
            awsPort: Number(url.port),
            managementAccountId: cloud.aws.managementAccountId ?? '000000000000',
            gcpPort: cloud.gcp.clientOptions().port,
            azureEndpoint: cloud.azure.endpoint,
            azureCa: cloud.azure.ca,
            azureTenantId: cloud.azure.tenantId,
          },
        });
        return;
      }
      case 'faults':
        cloud?.faults.set(m.rules);
        return reply({ type: 'done', id: m.id });
      case 'counters':
        return reply({
          type: 'done',
          id: m.id,
          counters: cloud
            ? { requests: cloud.counters.snapshot(), outcomes: cloud.counters.outcomeSnapshot(), redundant: cloud.counters.redundant(), writes: cloud.counters.writes.length, holds: cloud.counters.holds() }
            : { requests: {}, outcomes: {}, redundant: {}, writes: 0, holds: [] },
        });
      case 'reset':
        cloud?.counters.reset();
        return reply({ type: 'done', id: m.id });
      case 'stop':
        await cloud?.stop();
        reply({ type: 'done', id: m.id });
        process.disconnect();
        return;
    }
  })();
});
