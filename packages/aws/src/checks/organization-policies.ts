/**
 * Organization policy checks: backup policies, the AI-services opt-out policy, an owner tag policy.
 * @module
 */
import type { AwsPolicyData } from '../collectors';
import { defineAwsCheck } from './define';
import { POLICY_TYPE_PERMISSIONS, organizationOf, organizationResource, policyTypeState } from './shared';

const ORG_DOCS = 'https://docs.aws.amazon.com/organizations/latest/userguide';
const policyMessages = (what: string) => ({ disabled: `${what} policies are not enabled on the root.`, unattached: `No ${what} policy is attached.`, attached: `${what} policies attached: {{policies}}.`, none: 'The account belongs to no organization.' });

/** Builds a check that a policy type is enabled and a policy of it attached. */
const policyAttachedCheck = (id: string, type: string, what: string, meta: { title: string; domain: 'backup-recovery' | 'data-protection'; rationale: string; remediation: string; reference: string }) =>
  defineAwsCheck({
    meta: {
      id, title: meta.title, level: 'organization', domain: meta.domain, severity: 'medium',
      description: `Checks that the ${type} policy type is enabled on the root and that a policy of it is attached.`,
      rationale: meta.rationale, remediation: meta.remediation, references: [meta.reference],
      permissions: [...POLICY_TYPE_PERMISSIONS], messages: policyMessages(what),
    },
    async *run(context) {
      const org = await organizationOf(context);
      if (!org) return yield { status: 'skipped', messageId: 'none' };
      const state = await policyTypeState(context, type);
      const messageId = !state.enabled ? 'disabled' : state.attached.length === 0 ? 'unattached' : 'attached';
      yield { status: messageId === 'attached' ? 'pass' : 'fail', resource: organizationResource(org), messageId, data: { policies: state.attached.map((p) => p.name).join(', ') } };
    },
  });

/** Backup policies enabled and attached. */
export const orgBackupPolicy = policyAttachedCheck('aws-org-backup-policy', 'BACKUP_POLICY', 'Backup', {
  title: 'Backup policies are enabled and attached', domain: 'backup-recovery',
  rationale: 'AWS provides the backup tools; configuring them to the recovery objectives is the customer\'s. An organization backup policy makes backup plans apply to every account, including new ones.',
  remediation: 'Enable the backup policy type on the root and attach a backup policy (plans, vaults, retention) to the root or the OUs that hold production accounts.',
  reference: `${ORG_DOCS}/orgs_manage_policies_backup.html`,
});

/** The AI-services opt-out policy enabled and attached. */
export const orgAiOptOutPolicy = policyAttachedCheck('aws-org-ai-opt-out-policy', 'AISERVICES_OPT_OUT_POLICY', 'AI services opt-out', {
  title: 'An AI services opt-out policy is attached', domain: 'data-protection',
  rationale: 'Some AWS AI services may store and use customer content to improve the service unless the customer opts out; deciding that is a data-protection decision the customer owns.',
  remediation: 'Enable the AI services opt-out policy type and attach a policy that opts out of content use (e.g. `"default": {"opt_out_policy": {"@@assign": "optOut"}}`) to the root.',
  reference: `${ORG_DOCS}/orgs_manage_policies_ai-opt-out.html`,
});

/** A tag policy that defines an owner tag. */
export const orgOwnerTagPolicy = defineAwsCheck({
  meta: {
    id: 'aws-org-owner-tag-policy', title: 'An attached tag policy defines an owner tag', level: 'organization', domain: 'governance', severity: 'low',
    description: 'Reads the attached tag policies and looks for a tag key named owner (any case).',
    rationale: 'Every resource needs a named owner: a tag policy that standardizes the owner tag is how the organization makes that checkable.',
    remediation: 'Enable tag policies and attach one that defines the owner key, e.g. `{"tags": {"owner": {"tag_key": {"@@assign": "Owner"}}}}`; enforce it for the resource types that matter.',
    references: [`${ORG_DOCS}/orgs_manage_policies_tag-policies.html`],
    permissions: [...POLICY_TYPE_PERMISSIONS, 'organizations:DescribePolicy'],
    messages: { defined: 'Tag policy {{policy}} defines the owner tag.', missing: 'No attached tag policy defines an owner tag.', disabled: 'Tag policies are not enabled on the root.', none: 'The account belongs to no organization.' },
  },
  async *run(context) {
    const org = await organizationOf(context);
    if (!org) return yield { status: 'skipped', messageId: 'none' };
    const state = await policyTypeState(context, 'TAG_POLICY');
    if (!state.enabled) return yield { status: 'fail', resource: organizationResource(org), messageId: 'disabled' };
    for (const summary of state.attached) {
      const policy = await context.collect<AwsPolicyData>('organizations:DescribePolicy', { policyId: summary.id });
      const tags = (JSON.parse(policy.content || '{}') as { tags?: Record<string, unknown> }).tags ?? {};
      if (Object.keys(tags).some((key) => key.toLowerCase() === 'owner')) return yield { status: 'pass', resource: organizationResource(org), messageId: 'defined', data: { policy: policy.name } };
    }
    yield { status: 'fail', resource: organizationResource(org), messageId: 'missing' };
  },
});
