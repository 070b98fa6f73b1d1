import { PUBLIC_PRINCIPALS, grantEvidence, grants } from '../../iam';
import { grantResource, nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

/** No project IAM policy grants anything to `allUsers` or `allAuthenticatedUsers`. */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProjectIamPolicy'],
  meta: {
    id: 'gcp-iam-public-principals',
    service: 'iam',
    title: 'Project IAM policies grant nothing to allUsers or allAuthenticatedUsers',
    description: 'Reads the project IAM policy and reports every role granted to allUsers (anyone on the internet) or allAuthenticatedUsers (anyone with a Google account).',
    domain: 'service-configuration',
    severity: 'critical',
    rationale: 'A grant to allUsers or allAuthenticatedUsers makes the project\'s resources readable or changeable by anyone; allAuthenticatedUsers is not "our users" but every Google account in the world.',
    remediation: 'Remove the binding; grant the role to the specific groups or service accounts that need it. Enforce the organization policy constraint iam.allowedPolicyMemberDomains to prevent it.',
    references: ['https://cloud.google.com/iam/docs/principals-overview', 'https://cloud.google.com/resource-manager/docs/organization-policy/restricting-domains'],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      public: '{{member}} is granted {{role}} on {{resource}}.',
      none: 'No role on {{resource}} is granted to allUsers or allAuthenticatedUsers.',
    },
  },
  async *run(context) {
    const policy = await context.collect('resourcemanager:GetProjectIamPolicy');
    let found = false;
    for (const { binding, member } of grants(policy)) {
      if (!PUBLIC_PRINCIPALS.has(member)) continue;
      found = true;
      yield { status: 'fail', resource: grantResource(policy.resource, binding.role, member), messageId: 'public', data: values({ member, role: binding.role, resource: policy.resource }), evidence: grantEvidence(policy.resource, binding, member) };
    }
    if (!found) yield { status: 'pass', resource: nodeResource(policy.resource), messageId: 'none', data: values({ resource: policy.resource }) };
  },
});
