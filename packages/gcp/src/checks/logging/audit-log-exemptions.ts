import { nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

/** Nobody is exempted from the project's Data Access audit logs. */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProjectIamPolicy'],
  meta: {
    id: 'gcp-logging-audit-log-exemptions',
    service: 'logging',
    title: 'No principal is exempted from Data Access audit logging',
    description: 'Reports exemptedMembers in the project\'s audit configuration: principals whose data reads and writes are not logged.',
    domain: 'logging-monitoring',
    severity: 'medium',
    rationale: 'An exemption is a blind spot chosen in advance; the exempted identity is the one whose activity an investigation cannot reconstruct.',
    remediation: 'Remove exemptedMembers from the audit configuration; if log volume is the concern, filter with log exclusions on the sink instead.',
    references: ['https://cloud.google.com/logging/docs/audit/configure-data-access'],
    compliance: [{ framework: 'cis-gcp', control: '2.1' }],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      exempted: '{{member}} is exempted from {{logType}} audit logs for {{service}} on {{resource}}.',
      none: 'No principal is exempted from Data Access audit logs on {{resource}}.',
    },
  },
  async *run(context) {
    const policy = await context.collect('resourcemanager:GetProjectIamPolicy');
    let found = false;
    for (const config of policy.auditConfigs) {
      for (const log of config.auditLogConfigs) {
        for (const member of log.exemptedMembers) {
          found = true;
          yield { status: 'fail', resource: { ...nodeResource(policy.resource), id: `${nodeResource(policy.resource).id}#audit#${config.service}#${log.logType}#${member}`, name: member }, messageId: 'exempted', data: values({ member, logType: log.logType, service: config.service, resource: policy.resource }), evidence: { service: config.service, logType: log.logType, member } };
        }
      }
    }
    if (!found) yield { status: 'pass', resource: nodeResource(policy.resource), messageId: 'none', data: values({ resource: policy.resource }) };
  },
});
