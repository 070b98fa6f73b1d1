/**
 * CI gating with SARIF output: scan, write a SARIF 2.1.0 file for code scanning dashboards (GitHub,
 * GitLab, Azure DevOps), and fail the job when a finding fails at or above a severity. The CLI does
 * the same in one line: `demarc scan --format sarif --out demarc.sarif --fail-on high`.
 *
 * Run: `tsx --conditions=@demarc/source examples/ci-gating.ts [out.sarif] [severity]` (exit 1 = gate failed).
 */
import { writeFile } from 'node:fs/promises';
import { SEVERITIES, renderSarifReport, scan, type Severity } from '@demarc/core';
import { awsProvider } from '@demarc/aws';
import { azureProvider } from '@demarc/azure';
import { demoEstate, startLocalCloud } from '@demarc/local-cloud';

const out = process.argv[2] ?? 'demarc.sarif';
const failOn = (process.argv[3] ?? 'high') as Severity;

const cloud = await startLocalCloud({ estate: demoEstate() });
try {
  const providers = [
    awsProvider({ ...cloud.aws.clientConfig(), roleName: 'DemarcAudit', regions: ['us-east-1'] }),
    azureProvider({ ...cloud.azure.clientOptions(), credential: cloud.azure.credential }),
  ];
  const result = await scan({ providers });
  // GitHub code scanning shows only results that name a file: in a repository, pass the config file
  // the scan used, e.g. `{ artifactUri: 'demarc.config.json' }`. Here there is none, so results name
  // only the cloud resource (a SARIF logical location).
  await writeFile(out, renderSarifReport(result));

  // Severities are ordered most severe first: "at or above high" is critical and high.
  const gate = SEVERITIES.slice(0, SEVERITIES.indexOf(failOn) + 1);
  const blocking = result.findings.filter((f) => f.status === 'fail' && gate.includes(f.severity));
  const unverified = result.findings.filter((f) => f.status === 'error');
  console.log(`SARIF written to ${out}: ${result.findings.length} findings.`);
  console.log(`${blocking.length} failing at or above ${failOn}; ${unverified.length} unverified (errors are never passes).`);
  for (const f of blocking) console.log(`  ${f.severity} ${f.checkId} ${f.resource.provider}/${f.resource.scope}: ${f.message}`);
  process.exitCode = blocking.length > 0 ? 1 : 0;
} finally {
  await cloud.stop();
}
