import { PRIVILEGED_ROLES, conditionExpiry, grantEvidence, grants, isHumanPrincipal } from '../../iam';
import { grantResource, nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

/** Privileged roles granted to people expire (an IAM condition on request.time). */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProjectIamPolicy'],
  meta: {
    id: 'gcp-iam-privileged-grants-expire',
    service: 'iam',
    title: 'Privileged roles granted to people are time-bound',
    description: 'Reports privileged roles (owner, editor, IAM and service-account administration, impersonation) granted to users, groups or domains without an expiry condition, or whose expiry has passed.',
    domain: 'accounts-access',
    severity: 'medium',
    rationale: 'Standing privilege outlives the task it was granted for; a time-bound grant removes itself, so a forgotten grant cannot be used months later.',
    remediation: 'Re-grant the role with a condition such as request.time < timestamp("…") (temporary access), or use just-in-time elevation; remove grants whose expiry has passed.',
    references: ['https://cloud.google.com/iam/docs/configuring-temporary-access', 'https://cloud.google.com/iam/docs/conditions-overview'],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      standing: '{{member}} holds the privileged role {{role}} on {{resource}} with no expiry.',
      expired: '{{member}} still holds {{role}} on {{resource}}; its condition expired on {{expiry}}.',
      timeBound: '{{member}} holds {{role}} on {{resource}} until {{expiry}}.',
      none: 'No person holds a privileged role on {{resource}}.',
    },
  },
  async *run(context) {
    const policy = await context.collect('resourcemanager:GetProjectIamPolicy');
    let found = false;
    for (const { binding, member } of grants(policy)) {
      if (!PRIVILEGED_ROLES.has(binding.role) || !isHumanPrincipal(member)) continue;
      found = true;
      const expiry = conditionExpiry(binding.condition);
      const messageId = expiry === undefined ? 'standing' : expiry <= context.now ? 'expired' : 'timeBound';
      yield { status: messageId === 'timeBound' ? 'pass' : 'fail', resource: grantResource(policy.resource, binding.role, member), messageId, data: values({ member, role: binding.role, resource: policy.resource, expiry: expiry?.toISOString() ?? 'never' }), evidence: grantEvidence(policy.resource, binding, member) };
    }
    if (!found) yield { status: 'pass', resource: nodeResource(policy.resource), messageId: 'none', data: values({ resource: policy.resource }) };
  },
});
