/**
 * Scan an AWS organization and print the Markdown report: every member account through a read-only
 * role, the customer's duties per domain, and the findings to act on.
 *
 * Here the organization is the demo estate on a local cloud (127.0.0.1). Against your own, drop the
 * local cloud and pass your options: `awsProvider({ profile: 'management', roleName: 'DemarcAudit' })`.
 *
 * Run: `tsx --conditions=@demarc/source examples/scan-aws-organization.ts > report.md`
 */
import { renderMarkdownReport, scan } from '@demarc/core';
import { awsProvider } from '@demarc/aws';
import { demoEstate, startLocalCloud } from '@demarc/local-cloud';

const cloud = await startLocalCloud({ estate: demoEstate() });
try {
  const aws = awsProvider({ ...cloud.aws.clientConfig(), roleName: 'DemarcAudit', regions: ['us-east-1', 'eu-west-1'] });
  const result = await scan({ providers: [aws] });
  process.stdout.write(renderMarkdownReport(result));
} finally {
  await cloud.stop();
}
