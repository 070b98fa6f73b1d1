import { grantEvidence, grants, isHumanPrincipal, memberDomain } from '../../iam';
import { grantResource, nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

/** Lowercase, each once, sorted; empty strings dropped. */
const lowercaseSet = (domains: readonly string[]): string[] =>
  [...new Set(domains.map((d) => d.toLowerCase()).filter(Boolean))].sort();

/** Every user, group and domain in the project policy belongs to an allowed domain. */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProjectIamPolicy', 'resourcemanager:ListOrganizations'],
  options: {
    allowedDomains: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description:
        'Domains IAM members may come from (subdomains are not implied). Empty: the primary domains of the '
        + 'organizations the scan covers.',
    },
  },
  meta: {
    id: 'gcp-iam-external-members',
    service: 'iam',
    title: 'Project IAM members belong to the organization\'s allowed domains',
    description: 'Reports users, groups and domains from outside the allowed domains (the check option allowedDomains, else the organizations\' primary domains).',
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
    const configured = context.options.allowedDomains;
    const [policy, organizations] = await Promise.all([
      context.collect('resourcemanager:GetProjectIamPolicy'),
      configured.length > 0 ? undefined : context.collect('resourcemanager:ListOrganizations'),
    ]);
    // Configured domains win; else the organizations' primary domains (their display names).
    const allowed = lowercaseSet(organizations ? organizations.map((org) => org.displayName) : configured);
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
