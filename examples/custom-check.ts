/**
 * A custom check in a few lines: "no IAM users; people sign in through IAM Identity Center". It uses a
 * collector the AWS provider already has (`iam:ListUsers`), so it runs in every account of the scan,
 * memoized with the built-in checks, and reports like them.
 *
 * Run: `tsx --conditions=@demarc/source examples/custom-check.ts`
 */
import { defineCheck, scan, type CheckResult } from '@demarc/core';
import { awsProvider, type AwsIamUserData } from '@demarc/aws';
import { demoEstate, startLocalCloud } from '@demarc/local-cloud';

export const noIamUsers = defineCheck({
  meta: {
    id: 'acme-aws-no-iam-users',
    title: 'People sign in through IAM Identity Center, not as IAM users',
    description: 'Lists the IAM users of each account.',
    domain: 'accounts-access',
    severity: 'low',
    rationale: 'Long-lived IAM users and their keys are the customer\'s to manage; federated sign-in centralizes it.',
    remediation: 'Move the person or workload to IAM Identity Center or a role, then delete the user.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html'],
    kind: 'automated',
    provider: 'aws',
    messages: { user: 'IAM user {{name}} exists in {{account}}.', none: 'No IAM users in {{account}}.' },
  },
  // The annotation keeps each yield's shape (TypeScript would otherwise merge the two literals).
  async *run(context): AsyncGenerator<CheckResult<'user' | 'none'>> {
    const users = await context.collect<AwsIamUserData[]>('iam:ListUsers');
    if (users.length === 0) yield { status: 'pass', messageId: 'none', data: { account: context.scope.id } };
    for (const user of users) {
      yield { status: 'fail', resource: { id: user.arn, name: user.userName, type: 'iam:user' }, messageId: 'user', data: { name: user.userName, account: context.scope.id } };
    }
  },
});

const cloud = await startLocalCloud({ estate: demoEstate() });
try {
  const aws = awsProvider({ ...cloud.aws.clientConfig(), roleName: 'DemarcAudit', regions: ['us-east-1'] });
  // Only the custom check: includeProviderChecks false keeps AWS's own checks out of this run.
  const result = await scan({ providers: [aws], checks: [noIamUsers], includeProviderChecks: false });
  for (const finding of result.findings) console.log(`${finding.status.toUpperCase().padEnd(5)} ${finding.resource.scope}  ${finding.message}  [owner: ${finding.owner ?? '?'}]`);
} finally {
  await cloud.stop();
}
