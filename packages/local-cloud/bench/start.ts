/**
 * Start-up cost of a large local cloud: generate a synthetic estate with N scopes per vendor, start
 * the servers, then page through one full listing per vendor with plain HTTP (no vendor SDK, so the
 * figures are the server's own). Prints figures; asserts nothing.
 *
 *   npx tsx --conditions=@demarc/source packages/local-cloud/bench/start.ts [scopesPerVendor=1000]
 */
import { performance } from 'node:perf_hooks';
import { startLocalCloud, syntheticEstate } from '@demarc/local-cloud';

const n = Number(process.argv[2] ?? 1000);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const before = process.memoryUsage();

let t = performance.now();
const estate = syntheticEstate({ seed: 42, awsAccounts: n, gcpProjects: n, azureSubscriptions: n });
const generateMs = performance.now() - t;

t = performance.now();
const cloud = await startLocalCloud({ estate });
const startMs = performance.now() - t;
global.gc?.();
const afterStart = process.memoryUsage();

// One full listing per vendor, as a scanner's first call would do.
t = performance.now();
let awsAccounts = 0;
for (let token: string | undefined, first = true; first || token; first = false) {
  const r = await fetch(cloud.aws.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSOrganizationsV20161128.ListAccounts' },
    body: JSON.stringify(token ? { NextToken: token } : {}),
  });
  const body = (await r.json()) as { Accounts: unknown[]; NextToken?: string };
  awsAccounts += body.Accounts.length;
  token = body.NextToken;
}
let gcpProjects = 0;
for (let token: string | undefined, first = true; first || token; first = false) {
  const r = await fetch(`${cloud.gcp.endpoint}/v3/projects:search?pageSize=500${token ? `&pageToken=${token}` : ''}`);
  const body = (await r.json()) as { projects: unknown[]; nextPageToken?: string };
  gcpProjects += body.projects.length;
  token = body.nextPageToken;
}
const listMs = performance.now() - t;
await cloud.stop();

console.log(`local cloud, ${String(n)} scopes per vendor (${String(n * 3)} total), Node ${process.version}`);
console.log(`  generate estate      ${generateMs.toFixed(0)} ms`);
console.log(`  startLocalCloud      ${startMs.toFixed(0)} ms  (reported startupMs ${cloud.startupMs.toFixed(0)} ms, incl. TLS certificate)`);
console.log(`  list all (AWS ${String(awsAccounts)} accounts in pages of 20, GCP ${String(gcpProjects)} projects in pages of 500)  ${listMs.toFixed(0)} ms`);
console.log(`  heap used            ${mb(before.heapUsed)} -> ${mb(afterStart.heapUsed)} (+${mb(afterStart.heapUsed - before.heapUsed)})`);
console.log(`  rss                  ${mb(before.rss)} -> ${mb(afterStart.rss)} (+${mb(afterStart.rss - before.rss)})`);
