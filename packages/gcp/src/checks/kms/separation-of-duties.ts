import { memberKind } from '../../iam';
import { grantResource, nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

const KMS_ADMIN = 'roles/cloudkms.admin';
const KEY_USERS = new Set(['roles/cloudkms.cryptoKeyEncrypterDecrypter', 'roles/cloudkms.cryptoKeyEncrypter', 'roles/cloudkms.cryptoKeyDecrypter']);

/** Whoever administers the project's Cloud KMS keys cannot also use them. */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProjectIamPolicy'],
  meta: {
    id: 'gcp-kms-separation-of-duties',
    service: 'kms',
    title: 'Cloud KMS key administrators cannot also encrypt or decrypt',
    description: 'Reports principals holding roles/cloudkms.admin together with an encrypter or decrypter role on the project.',
    domain: 'data-protection',
    severity: 'medium',
    rationale: 'Keys protect data only if no single identity can both manage them and use them; separation of duties keeps a key administrator from reading the data the keys protect.',
    remediation: 'Give key administration and key use to different principals; grant key use on individual keys rather than on the project.',
    references: ['https://cloud.google.com/kms/docs/separation-of-duties'],
    appliesTo: { serviceModels: ['paas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      both: '{{member}} holds {{admin}} and {{user}} on {{resource}}.',
      none: 'No principal both administers and uses Cloud KMS keys on {{resource}}.',
    },
  },
  async *run(context) {
    const policy = await context.collect('resourcemanager:GetProjectIamPolicy');
    const admins = new Set(policy.bindings.filter((b) => b.role === KMS_ADMIN).flatMap((b) => b.members));
    let found = false;
    for (const binding of policy.bindings.filter((b) => KEY_USERS.has(b.role))) {
      for (const member of binding.members.filter((m) => admins.has(m) && memberKind(m) !== 'deleted')) {
        found = true;
        yield { status: 'fail', resource: grantResource(policy.resource, binding.role, member), messageId: 'both', data: values({ member, admin: KMS_ADMIN, user: binding.role, resource: policy.resource }), evidence: { resource: policy.resource, member, roles: [KMS_ADMIN, binding.role] } };
      }
    }
    if (!found) yield { status: 'pass', resource: nodeResource(policy.resource), messageId: 'none', data: values({ resource: policy.resource }) };
  },
});
