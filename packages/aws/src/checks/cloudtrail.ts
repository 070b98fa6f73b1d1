/**
 * CloudTrail checks per account: a multi-region trail that logs, and log file validation on each trail.
 * @module
 */
import type { AwsTrailData } from '../collectors';
import type { AwsScopeInfo } from '../discovery';
import { PROVIDER_MANAGED_REASONS } from '../provider-managed';
import { defineAwsCheck } from './define';

const CT_DOCS = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide';

/** At least one multi-region trail that is logging. */
export const cloudTrailMultiRegion = defineAwsCheck({
  meta: {
    id: 'aws-cloudtrail-multi-region', title: 'A multi-region CloudTrail trail is logging', domain: 'logging-monitoring', severity: 'high',
    description: 'Lists the trails that apply to the account (organization trails included) and checks that one covers every region and is logging.',
    rationale: 'AWS records API activity, but keeping it is the customer\'s: without a trail there is no lasting record to investigate an incident with, and a single-region trail misses activity elsewhere.',
    remediation: 'Create a multi-region trail (best: an organization trail from the management account) delivering to a protected S3 bucket, and keep it logging.',
    references: [`${CT_DOCS}/cloudtrail-create-and-update-a-trail.html`, `${CT_DOCS}/creating-trail-organization.html`],
    permissions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus'],
    compliance: [{ framework: 'cis-aws-3.0', control: '3.1' }],
    messages: { covered: 'Trail {{trail}} logs every region.', notLogging: 'Multi-region trails exist but none is logging: {{trails}}.', missing: 'No multi-region trail covers account {{account}}.' },
  },
  async *run(context) {
    const trails = (await context.collect<AwsTrailData[]>('cloudtrail:DescribeTrails')).filter((t) => t.multiRegion);
    const account = { id: context.scope.id, type: 'account' };
    for (const trail of trails) {
      const { isLogging } = await context.collect<{ isLogging: boolean }>('cloudtrail:GetTrailStatus', { trailArn: trail.arn, region: trail.homeRegion });
      if (isLogging) return yield { status: 'pass', resource: account, messageId: 'covered', data: { trail: trail.name, account: context.scope.id, trails: '' } };
    }
    yield { status: 'fail', resource: account, messageId: trails.length ? 'notLogging' : 'missing', data: { trail: '', account: context.scope.id, trails: trails.map((t) => t.name).join(', ') } };
  },
});

/** Log file validation on every trail. */
export const cloudTrailLogFileValidation = defineAwsCheck({
  meta: {
    id: 'aws-cloudtrail-log-file-validation', title: 'CloudTrail trails validate their log files', domain: 'logging-monitoring', severity: 'medium',
    description: 'Checks LogFileValidationEnabled on each trail the account sees. An organization trail seen from a member account is the management account\'s to change: a failure there is reported as provider-managed.',
    rationale: 'Digest files prove that delivered logs were not changed or deleted; logs that can be silently altered are weak evidence after an incident.',
    remediation: 'Turn on log file validation for the trail (`aws cloudtrail update-trail --name <trail> --enable-log-file-validation`), from the account that owns it.',
    references: [`${CT_DOCS}/cloudtrail-log-file-validation-intro.html`],
    permissions: ['cloudtrail:DescribeTrails'],
    compliance: [{ framework: 'cis-aws-3.0', control: '3.2' }],
    messages: { validated: 'Trail {{trail}} validates its log files.', unvalidated: 'Trail {{trail}} does not validate its log files.', none: 'Account {{account}} has no trail.' },
  },
  async *run(context) {
    const trails = await context.collect<AwsTrailData[]>('cloudtrail:DescribeTrails');
    if (trails.length === 0) return yield { status: 'skipped', messageId: 'none', data: { account: context.scope.id, trail: '' } };
    // Discovery marks member accounts `management: false`; an organization trail is theirs to see, not to change.
    const member = (context.scope as AwsScopeInfo).management === false;
    for (const trail of trails) {
      const resource = { id: trail.arn, type: 'cloudtrail:trail', region: trail.homeRegion, name: trail.name };
      const { reason, source } = PROVIDER_MANAGED_REASONS.organizationTrail;
      const providerManaged = trail.organizationTrail && member ? { providerManaged: { reason: `${reason} (${source})` } } : {};
      yield { status: trail.logFileValidation ? 'pass' : 'fail', resource, messageId: trail.logFileValidation ? 'validated' : 'unvalidated', data: { account: context.scope.id, trail: trail.name }, evidence: { organizationTrail: trail.organizationTrail }, ...providerManaged };
    }
  },
});
