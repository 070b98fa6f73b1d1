import { grantEvidence, grants, memberKind } from '../../iam';
import { grantResource, nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

/** No binding still names a deleted principal (a leaver left in the policy). */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProjectIamPolicy'],
  meta: {
    id: 'gcp-iam-deleted-principals',
    service: 'iam',
    title: 'Project IAM policies name no deleted principals',
    description: 'Reports bindings whose members start with deleted: (a user, group or service account deleted after it was granted the role).',
    domain: 'accounts-access',
    severity: 'medium',
    rationale: 'Deleted principals are leavers nobody removed from the policy: proof that access reviews did not run, and a grant that comes back if an identity with the same name is recreated and undeleted.',
    remediation: 'Remove the deleted: member from every binding, and make removal from IAM part of the offboarding process.',
    references: ['https://cloud.google.com/iam/docs/principals-overview'],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      deleted: 'The deleted principal {{member}} still holds {{role}} on {{resource}}.',
      none: 'No deleted principal is bound on {{resource}}.',
    },
  },
  async *run(context) {
    const policy = await context.collect('resourcemanager:GetProjectIamPolicy');
    let found = false;
    for (const { binding, member } of grants(policy)) {
      if (memberKind(member) !== 'deleted') continue;
      found = true;
      yield { status: 'fail', resource: grantResource(policy.resource, binding.role, member), messageId: 'deleted', data: values({ member, role: binding.role, resource: policy.resource }), evidence: grantEvidence(policy.resource, binding, member) };
    }
    if (!found) yield { status: 'pass', resource: nodeResource(policy.resource), messageId: 'none', data: values({ resource: policy.resource }) };
  },
});
