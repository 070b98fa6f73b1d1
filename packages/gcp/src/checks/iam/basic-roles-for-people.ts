import { BASIC_ROLES, grantEvidence, grants, isHumanPrincipal } from '../../iam';
import { grantResource, nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

/** People (users, groups, domains) hold predefined roles, not the basic Owner / Editor / Viewer roles. */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProjectIamPolicy'],
  meta: {
    id: 'gcp-iam-basic-roles-for-people',
    service: 'iam',
    title: 'People hold predefined roles, not the basic Owner, Editor or Viewer roles',
    description: 'Reads the project IAM policy and reports every user, group or domain granted roles/owner, roles/editor or roles/viewer.',
    domain: 'accounts-access',
    severity: 'high',
    rationale: 'Basic roles span every service in the project and grow as Google adds permissions; a person holding one has far more access than any task needs, and an incident with that account reaches everything.',
    remediation: 'Replace the basic role with the predefined roles the person needs (the IAM recommender proposes them from 90 days of use), granted to a group rather than to individuals.',
    references: ['https://cloud.google.com/iam/docs/roles-overview#basic', 'https://cloud.google.com/iam/docs/recommender-overview'],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      basicRole: '{{member}} holds the basic role {{role}} on {{resource}}.',
      none: 'No user, group or domain holds a basic role on {{resource}}.',
    },
  },
  async *run(context) {
    const policy = await context.collect('resourcemanager:GetProjectIamPolicy');
    let found = false;
    for (const { binding, member } of grants(policy)) {
      if (!BASIC_ROLES.has(binding.role) || !isHumanPrincipal(member)) continue;
      found = true;
      yield { status: 'fail', resource: grantResource(policy.resource, binding.role, member), messageId: 'basicRole', data: values({ member, role: binding.role, resource: policy.resource }), evidence: grantEvidence(policy.resource, binding, member) };
    }
    if (!found) yield { status: 'pass', resource: nodeResource(policy.resource), messageId: 'none', data: values({ resource: policy.resource }) };
  },
});
