import { grantEvidence, grants, isHumanPrincipal, memberDomain, type GcpIamPolicyRecord, type GcpSettings } from '../iam';
import { defineGcpCheck, grantResource, nodeResource, values } from './define';

/** Every user, group and domain in the project policy belongs to an allowed domain. */
export const externalMembers = defineGcpCheck({
  operations: ['resourcemanager:GetProjectIamPolicy', 'gcp:Settings'],
  meta: {
    id: 'gcp-iam-external-members',
    title: 'Project IAM members belong to the organization\'s allowed domains',
    description: 'Reports users, groups and domains from outside the allowed domains (the provider option allowedDomains, else the organizations\' primary domains).',
    domain: 'accounts-access',
    severity: 'high',
    rationale: 'Personal Gmail accounts and other companies\' identities escape the organization\'s joiner-mover-leaver process, MFA rules and offboarding.',
    remediation: 'Remove the external member or replace it with an identity from the organization\'s directory; enforce iam.allowedPolicyMemberDomains (domain restricted sharing).',
    references: ['https://cloud.google.com/resource-manager/docs/organization-policy/restricting-domains'],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      external: '{{member}} ({{domain}}) holds {{role}} on {{resource}} but is not from an allowed domain ({{allowed}}).',
      none: 'Every user, group and domain on {{resource}} is from an allowed domain ({{allowed}}).',
      unknown: 'No allowed domains are configured and no organization was found: set the allowedDomains option.',
    },
  },
  async *run(context) {
    const [policy, settings] = await Promise.all([context.collect<GcpIamPolicyRecord>('resourcemanager:GetProjectIamPolicy'), context.collect<GcpSettings>('gcp:Settings')]);
    const allowed = settings.allowedDomains.domains;
    if (allowed.length === 0) {
      yield { status: 'manual', resource: nodeResource(policy.resource), messageId: 'unknown' };
      return;
    }
    let found = false;
    for (const { binding, member } of grants(policy)) {
      const domain = memberDomain(member);
      if (!isHumanPrincipal(member) || domain === undefined || allowed.includes(domain)) continue;
      found = true;
      yield { status: 'fail', resource: grantResource(policy.resource, binding.role, member), messageId: 'external', data: values({ member, domain, role: binding.role, resource: policy.resource, allowed: allowed.join(', ') }), evidence: grantEvidence(policy.resource, binding, member) };
    }
    if (!found) yield { status: 'pass', resource: nodeResource(policy.resource), messageId: 'none', data: values({ resource: policy.resource, allowed: allowed.join(', ') }) };
  },
});
