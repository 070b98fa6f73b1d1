import { SERVICE_AGENT_REASON, grantEvidence, grants, isGoogleManagedServiceAgent, memberKind } from '../../iam';
import { grantResource, nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

const OWNER_EDITOR = new Set(['roles/owner', 'roles/editor']);

/** Service accounts do not hold Owner or Editor. */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProjectIamPolicy'],
  meta: {
    id: 'gcp-iam-service-account-owner-editor',
    service: 'iam',
    title: 'Service accounts do not hold roles/owner or roles/editor',
    description: 'Reports service accounts granted roles/owner or roles/editor on the project. Google-managed service agents are reported as provider-managed.',
    domain: 'accounts-access',
    severity: 'high',
    rationale: 'A workload identity with Owner or Editor turns any compromise of that workload (a leaked key, an SSRF to the metadata server) into control of the whole project.',
    remediation: 'Grant the service account only the predefined roles its workload uses; disable the automatic Editor grant to default service accounts (iam.automaticIamGrantsForDefaultServiceAccounts).',
    references: ['https://cloud.google.com/iam/docs/best-practices-service-accounts', 'https://cloud.google.com/iam/docs/service-account-types'],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      privileged: '{{member}} holds {{role}} on {{resource}}.',
      none: 'No service account holds roles/owner or roles/editor on {{resource}}.',
    },
  },
  async *run(context) {
    const policy = await context.collect('resourcemanager:GetProjectIamPolicy');
    let found = false;
    for (const { binding, member } of grants(policy)) {
      if (!OWNER_EDITOR.has(binding.role) || memberKind(member) !== 'serviceAccount') continue;
      found = true;
      yield {
        status: 'fail', resource: grantResource(policy.resource, binding.role, member), messageId: 'privileged', data: values({ member, role: binding.role, resource: policy.resource }),
        evidence: grantEvidence(policy.resource, binding, member), ...(isGoogleManagedServiceAgent(member) ? { providerManaged: { reason: SERVICE_AGENT_REASON } } : {}),
      };
    }
    if (!found) yield { status: 'pass', resource: nodeResource(policy.resource), messageId: 'none', data: values({ resource: policy.resource }) };
  },
});
