import type { JsonObject } from '@demarc/core';
import { nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

const REQUIRED = ['DATA_READ', 'DATA_WRITE'] as const;

/** Data Access audit logs are on for all services, directly or inherited from a folder or the organization. */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProjectIamPolicy', 'resourcemanager:GetAncestorIamPolicies'],
  meta: {
    id: 'gcp-logging-data-access-audit-logs',
    service: 'logging',
    title: 'Data Access audit logs (DATA_READ and DATA_WRITE) are enabled for all services',
    description: 'Combines the auditConfigs of the project and its folders and organization (they add up) and checks that allServices has DATA_READ and DATA_WRITE.',
    domain: 'logging-monitoring',
    severity: 'medium',
    rationale: 'Google writes Admin Activity logs for you, but Data Access logs are off by default for most services: without them nobody can tell who read or changed data during an incident.',
    remediation: 'Enable DATA_READ and DATA_WRITE for allServices in the organization\'s (or the project\'s) audit configuration; route the logs to a protected bucket.',
    references: ['https://cloud.google.com/logging/docs/audit/configure-data-access'],
    compliance: [{ framework: 'cis-gcp', control: '2.1' }],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      missing: 'Data Access audit logs for all services lack {{missing}} on {{resource}} (including what it inherits).',
      enabled: 'Data Access audit logs for all services are enabled on {{resource}} (set on {{sources}}).',
    },
  },
  async *run(context) {
    const [own, ancestors] = await Promise.all([
      context.collect('resourcemanager:GetProjectIamPolicy'),
      context.collect('resourcemanager:GetAncestorIamPolicies'),
    ]);
    const sources = new Map<string, string[]>();
    for (const policy of [own, ...ancestors.map((a) => a.policy)]) {
      for (const config of policy.auditConfigs.filter((c) => c.service === 'allServices')) {
        for (const log of config.auditLogConfigs) sources.set(log.logType, [...(sources.get(log.logType) ?? []), policy.resource]);
      }
    }
    const missing = REQUIRED.filter((type) => !sources.has(type));
    const evidence: JsonObject = { enabled: Object.fromEntries([...sources].map(([type, where]) => [type, where])), missing: [...missing] };
    if (missing.length > 0) yield { status: 'fail', resource: nodeResource(own.resource), messageId: 'missing', data: values({ missing: missing.join(' and '), resource: own.resource }), evidence };
    else yield { status: 'pass', resource: nodeResource(own.resource), messageId: 'enabled', data: values({ resource: own.resource, sources: [...new Set(REQUIRED.flatMap((t) => sources.get(t)!))].join(', ') }), evidence };
  },
});
