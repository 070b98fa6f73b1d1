import { BASIC_ROLES, PUBLIC_PRINCIPALS, SERVICE_AGENT_REASON, grantEvidence, grants, isGoogleManagedServiceAgent, isHumanPrincipal } from '../../iam';
import { grantResource, nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

/** What makes a grant on an organization or folder too broad: it is inherited by every project below. */
const tooBroad = (role: string, member: string): boolean =>
  PUBLIC_PRINCIPALS.has(member) || (BASIC_ROLES.has(role) && (isHumanPrincipal(member) || role !== 'roles/viewer'));

/** Organization and folder policies grant no basic roles and nothing public, since every project inherits them. */
export default defineGcpCheck({
  operations: ['resourcemanager:GetHierarchy'],
  meta: {
    id: 'gcp-iam-inherited-broad-grants',
    service: 'iam',
    title: 'Organization and folder policies grant no basic roles and nothing to the public',
    description: 'Reads the IAM policy of every organization and folder and reports basic roles and grants to allUsers / allAuthenticatedUsers there, which every project below inherits.',
    domain: 'accounts-access',
    severity: 'critical',
    level: 'organization',
    rationale: 'A project cannot take away what it inherits: an Editor grant on a folder is an Editor grant on every current and future project in it, invisible in the project\'s own policy.',
    remediation: 'Move the grant down to the projects that need it, as predefined roles; keep organization and folder policies to administrative groups with narrow roles.',
    references: ['https://cloud.google.com/iam/docs/resource-hierarchy-access-control', 'https://cloud.google.com/iam/docs/roles-overview#basic'],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Organization', 'cloudresourcemanager.googleapis.com/Folder'] },
    messages: {
      inherited: '{{member}} holds {{role}} on {{resource}} ({{name}}); every project below inherits it.',
      none: '{{resource}} ({{name}}) grants no basic role and nothing public.',
    },
  },
  async *run(context) {
    const hierarchy = await context.collect('resourcemanager:GetHierarchy');
    for (const node of [...hierarchy.organizations, ...hierarchy.folders]) {
      let found = false;
      for (const { binding, member } of grants(node.policy)) {
        if (!tooBroad(binding.role, member)) continue;
        found = true;
        yield {
          status: 'fail', resource: { ...grantResource(node.name, binding.role, member), scope: node.name }, messageId: 'inherited', data: values({ member, role: binding.role, resource: node.name, name: node.displayName }),
          evidence: grantEvidence(node.name, binding, member), ...(isGoogleManagedServiceAgent(member) ? { providerManaged: { reason: SERVICE_AGENT_REASON } } : {}),
        };
      }
      if (!found) yield { status: 'pass', resource: { ...nodeResource(node.name, node.displayName), scope: node.name }, messageId: 'none', data: values({ resource: node.name, name: node.displayName }) };
    }
  },
});
