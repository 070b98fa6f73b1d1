/**
 * CloudTrail checks per account: a multi-region trail that logs, and log file validation on each trail.
 * @module
 */
import { ORGANIZATION_SCOPE, type ScopeInfo } from '@demarc/core';
import type { AwsTrailData } from '../collectors';
import type { AwsScopeInfo } from '../discovery';
import { PROVIDER_MANAGED_REASONS } from '../provider-managed';
import { defineAwsCheck } from './define';
import { organizationOf } from './shared';

const CT_DOCS = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide';

/** At least one multi-region trail that is logging: the account's own, or its organization's. */
export const cloudTrailMultiRegion = defineAwsCheck({
  meta: {
    id: 'aws-cloudtrail-multi-region', title: 'A multi-region CloudTrail trail is logging', domain: 'logging-monitoring', severity: 'high',
    description: 'Lists the trails that apply to the account (organization trails included) and checks that one '
      + 'covers every region and is logging. When a member account\'s own listing shows none, consults the '
      + 'organization trails of the management account, read in the same scan, before failing.',
    rationale: 'AWS records API activity, but keeping it is the customer\'s: without a trail there is no lasting record to investigate an incident with, and a single-region trail misses activity elsewhere.',
    remediation: 'Create a multi-region trail (best: an organization trail from the management account) delivering to a protected S3 bucket, and keep it logging.',
    references: [`${CT_DOCS}/cloudtrail-create-and-update-a-trail.html`, `${CT_DOCS}/creating-trail-organization.html`],
    permissions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'organizations:DescribeOrganization'],
    compliance: [{ framework: 'cis-aws-3.0', control: '3.1' }],
    messages: {
      covered: 'Trail {{trail}} logs every region.',
      organizationTrail: 'Organization trail {{trail}} ({{arn}}, home region {{region}}) of management account '
        + '{{management}} logs every region of account {{account}}.',
      notLogging: 'Multi-region trails exist but none is logging: {{trails}}.',
      missing: 'No multi-region trail covers account {{account}}.',
    },
  },
  async *run(context) {
    const account = context.scope.id;
    const resource = { id: account, type: 'account' };
    const data = { account, trail: '', trails: '', arn: '', region: '', management: '' };
    const logging = async (trail: AwsTrailData, scope?: ScopeInfo): Promise<boolean> => {
      const params = { trailArn: trail.arn, region: trail.homeRegion };
      const options = scope ? { scope } : {};
      return (await context.collect<{ isLogging: boolean }>('cloudtrail:GetTrailStatus', params, options)).isLogging;
    };
    const trails = (await context.collect<AwsTrailData[]>('cloudtrail:DescribeTrails')).filter((t) => t.multiRegion);
    for (const trail of trails) {
      if (!(await logging(trail))) continue;
      return yield { status: 'pass', resource, messageId: 'covered', data: { ...data, trail: trail.name } };
    }
    // An organization trail logs every member account, but a member's own listing need not show it: ask the
    // management account (the same requests its own scope makes, so the scan sends them once).
    if ((context.scope as AwsScopeInfo).management === false) {
      const org = await organizationOf(context, { scope: ORGANIZATION_SCOPE });
      if (org && org.managementAccountId !== '' && org.managementAccountId !== account) {
        const management: ScopeInfo = { id: org.managementAccountId, kind: 'account' };
        const theirs = await context.collect<AwsTrailData[]>('cloudtrail:DescribeTrails', {}, { scope: management });
        for (const trail of theirs.filter((t) => t.organizationTrail && t.multiRegion)) {
          if (!(await logging(trail, management))) continue;
          const where = { arn: trail.arn, region: trail.homeRegion, management: management.id };
          const covered = { ...data, ...where, trail: trail.name };
          const evidence = { organizationTrail: trail.arn };
          return yield { status: 'pass', resource, messageId: 'organizationTrail', data: covered, evidence };
        }
      }
    }
    const names = trails.map((t) => t.name).join(', ');
    const messageId = trails.length ? 'notLogging' : 'missing';
    yield { status: 'fail', resource, messageId, data: { ...data, trails: names } };
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
