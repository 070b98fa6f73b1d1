/**
 * demarc from a CommonJS tool (`require`), on the published builds (`dist/*.cjs`): scan the demo AWS
 * organization on a local cloud and count the findings by status.
 *
 * Run (after `pnpm build`): `node examples/commonjs-consumer.cjs`
 */
'use strict';
const { scan, renderJsonReport } = require('@demarc/core');
const { awsProvider } = require('@demarc/aws');
const { demoEstate, startLocalCloud } = require('@demarc/local-cloud');

async function main() {
  const cloud = await startLocalCloud({ estate: demoEstate() });
  try {
    const aws = awsProvider({ ...cloud.aws.clientConfig(), roleName: 'DemarcAudit', regions: ['us-east-1', 'eu-west-1'] });
    const result = await scan({ providers: [aws] });
    const byStatus = {};
    for (const finding of result.findings) byStatus[finding.status] = (byStatus[finding.status] || 0) + 1;
    console.log(`scopes ${result.scopes.length}, findings ${result.findings.length}`);
    console.log(Object.entries(byStatus).sort().map(([status, n]) => `${status} ${n}`).join(', '));
    console.log(`JSON report: ${renderJsonReport(result).length} characters`);
  } finally {
    await cloud.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
