/**
 * Measures the AWS provider against the local cloud: the cost of importing `@demarc/aws` (no SDK) and
 * of its first client, then full scans of synthetic organizations (official SDK clients, real HTTP on
 * 127.0.0.1), with and without a rate limit that throttles. Run:
 *   cd packages/aws && AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true node --conditions=@demarc/source --import tsx bench/scan.ts [accounts...]
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { scan } from '@demarc/core';
import { startLocalCloud, syntheticEstate, type FaultRule } from '@demarc/local-cloud';
import { awsProvider } from '@demarc/aws';

/** Median of five fresh processes importing the built package (run `npx tsup` first). */
const fresh = (script: string): number => {
  const runs = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } }).trim().split('\n').pop()));
  return runs.sort((a, b) => a - b)[2]!;
};
const coreMs = fresh(`const t = performance.now(); await import('@demarc/core'); console.log((performance.now() - t).toFixed(1));`);
const importMs = fresh(`const t = performance.now(); await import('@demarc/aws'); console.log((performance.now() - t).toFixed(1));`);
const clientMs = fresh(`const { AwsClients } = await import('@demarc/aws'); const t = performance.now(); await new AwsClients({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' } }).client('organizations'); console.log((performance.now() - t).toFixed(1));`);
console.log(`import @demarc/core: median ${coreMs} ms; import @demarc/aws (built dist, core included, no AWS SDK): median ${importMs} ms; first Organizations client (lazy SDK load): median ${clientMs} ms`);

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const accounts of sizes.length ? sizes : [50, 200]) {
  for (const faults of [[], [{ vendor: 'aws', rateLimit: { burst: 20, perSecond: 100 } }]] as FaultRule[][]) {
    const cloud = await startLocalCloud({ estate: syntheticEstate({ awsAccounts: accounts, seed: 7 }), faults });
    const provider = awsProvider({ ...cloud.aws.clientConfig(), roleName: 'OrganizationAccountAccessRole', regions: ['us-east-1'], retryStrategy: () => new ConfiguredRetryStrategy(10, (n) => 10 * 2 ** n) });
    const t = performance.now();
    const result = await scan({ providers: [provider], now: new Date('2025-06-01T00:00:00Z') });
    const ms = performance.now() - t;
    const counts = cloud.counters.snapshot();
    const requests = Object.values(counts).reduce((a, b) => a + b, 0);
    const throttled = Object.keys(counts).reduce((n, k) => n + cloud.counters.outcomes('aws', k.slice(4), 'throttle'), 0);
    const byStatus = Object.entries(result.findings.reduce<Record<string, number>>((m, f) => ({ ...m, [f.status]: (m[f.status] ?? 0) + 1 }), {})).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`${accounts} accounts${faults.length ? ', rate limit 100/s burst 20' : ''}: ${(ms / 1000).toFixed(2)} s, ${result.scopes.length} scopes, ${result.findings.length} findings (${byStatus}), ${requests} requests (${throttled} throttled), AssumeRole ${cloud.counters.count('aws', 'sts:AssumeRole')}, writes ${cloud.counters.writes.length}`);
    await provider.clients.destroy();
    await cloud.stop();
  }
}
