import { grantEvidence, grants, isHumanPrincipal } from '../../iam';
import { grantResource, nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

const IMPERSONATION_ROLES = new Set(['roles/iam.serviceAccountUser', 'roles/iam.serviceAccountTokenCreator']);

/** Nobody may impersonate every service account of the project. */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProjectIamPolicy'],
  meta: {
    id: 'gcp-iam-project-wide-impersonation',
    service: 'iam',
    title: 'People are not granted Service Account User or Token Creator on the whole project',
    description: 'Reports users, groups and domains granted roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator at project level, which covers every service account in the project.',
    domain: 'accounts-access',
    severity: 'high',
    rationale: 'At project level these roles let a person act as any service account in the project, including the most privileged one: a quiet path to privilege escalation.',
    remediation: 'Grant the role on the specific service account the person needs, not on the project.',
    references: ['https://cloud.google.com/iam/docs/service-account-permissions', 'https://cloud.google.com/iam/docs/best-practices-service-accounts'],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      projectWide: '{{member}} holds {{role}} on all of {{resource}}.',
      none: 'Nobody can impersonate every service account of {{resource}}.',
    },
  },
  async *run(context) {
    const policy = await context.collect('resourcemanager:GetProjectIamPolicy');
    let found = false;
    for (const { binding, member } of grants(policy)) {
      if (!IMPERSONATION_ROLES.has(binding.role) || !isHumanPrincipal(member)) continue;
      found = true;
      yield { status: 'fail', resource: grantResource(policy.resource, binding.role, member), messageId: 'projectWide', data: values({ member, role: binding.role, resource: policy.resource }), evidence: grantEvidence(policy.resource, binding, member) };
    }
    if (!found) yield { status: 'pass', resource: nodeResource(policy.resource), messageId: 'none', data: values({ resource: policy.resource }) };
  },
});
