/**
 * Network controls: administrative ports are not open to the internet.
 * @module
 */
import { NETWORK_SECURITY_GROUP } from '../../operations/network';
import { defineAzureCheck } from '../kit';
import { openAdminPorts, type NsgSecurityRule } from '../nsg-rules';
import { result, withSubjects } from '../shared';

/** Network security groups do not allow SSH (22) or RDP (3389) from the internet. */
export default defineAzureCheck({
  meta: {
    id: 'azure-network-nsg-admin-ports-internet', service: 'network', aliases: ['azure-nsg-admin-ports-internet'],
    title: 'Network security groups do not open SSH or RDP to the internet',
    domain: 'network-controls', severity: 'high',
    description: 'Reads the security rules of every NSG and looks for inbound Allow rules from any source (*, Internet, 0.0.0.0/0) covering port 22 or 3389.',
    rationale: 'Administrative ports open to the internet are scanned and brute-forced within minutes; on IaaS the virtual network\'s rules are entirely the customer\'s.',
    remediation: 'Remove the rule or restrict its source; reach VMs through Azure Bastion or just-in-time VM access instead.',
    references: ['https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview'],
    appliesTo: { serviceModels: ['iaas'], resourceTypes: [NETWORK_SECURITY_GROUP] },
    messages: {
      closed: 'NSG {{name}} opens no administrative port to the internet.',
      open: 'NSG {{name}} opens port(s) {{ports}} to the internet (rule(s) {{rules}}).',
    },
  },
  operations: ['resourceGroups:list', 'networkSecurityGroups:list'],
  async *run(context) {
    const groups = await context.collect('resourceGroups:list');
    const nsgs = await context.collect('networkSecurityGroups:list');
    for (const { resource: nsg, subject } of withSubjects(nsgs, groups)) {
      const rules = ((nsg.properties['securityRules'] ?? []) as readonly NsgSecurityRule[])
        .map((rule) => ({ rule, ports: openAdminPorts(rule) }))
        .filter((r) => r.ports.length > 0);
      const ports = [...new Set(rules.flatMap((r) => r.ports))].join(', ');
      const names = rules.map((r) => r.rule.name ?? '?').join(', ');
      yield rules.length === 0
        ? result({ status: 'pass', ...subject, messageId: 'closed', data: { name: nsg.name } })
        : result({ status: 'fail', ...subject, messageId: 'open', data: { name: nsg.name, ports, rules: names } });
    }
  },
});
