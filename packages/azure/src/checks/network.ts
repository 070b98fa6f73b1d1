/**
 * Network controls: administrative ports are not open to the internet.
 * @module
 */
import { AZURE_OPERATIONS, OPERATION_PERMISSIONS, type ResourceGroupData, type ResourceWithProperties } from '../data';
import { defineAzureCheck, resourceSubject, result } from './define';

const NSG = 'Microsoft.Network/networkSecurityGroups';
const ADMIN_PORTS = [22, 3389] as const;
const ANYWHERE = new Set(['*', 'internet', '0.0.0.0/0', '::/0', 'any']);

/** An NSG security rule as ARM returns it (the fields the check reads). */
export interface NsgSecurityRule {
  readonly name?: string;
  readonly properties?: {
    readonly access?: string; readonly direction?: string;
    readonly sourceAddressPrefix?: string; readonly sourceAddressPrefixes?: readonly string[];
    readonly destinationPortRange?: string; readonly destinationPortRanges?: readonly string[];
  };
}

/** Whether a port range expression (`22`, `20-25`, `*`) covers a port. */
export const rangeCovers = (range: string, port: number): boolean => {
  if (range.trim() === '*') return true;
  const [from, to] = range.split('-').map((p) => Number(p.trim()));
  return to === undefined ? from === port : from! <= port && port <= to;
};

/** The admin ports an inbound allow rule opens to any source. */
export const openAdminPorts = (rule: NsgSecurityRule): number[] => {
  const p = rule.properties ?? {};
  if (p.access?.toLowerCase() !== 'allow' || p.direction?.toLowerCase() !== 'inbound') return [];
  const sources = [p.sourceAddressPrefix, ...(p.sourceAddressPrefixes ?? [])].filter((s): s is string => typeof s === 'string');
  if (!sources.some((s) => ANYWHERE.has(s.toLowerCase()))) return [];
  const ranges = [p.destinationPortRange, ...(p.destinationPortRanges ?? [])].filter((r): r is string => typeof r === 'string');
  return ADMIN_PORTS.filter((port) => ranges.some((range) => rangeCovers(range, port)));
};

/** Network security groups do not allow SSH (22) or RDP (3389) from the internet. */
export const nsgAdminPortsCheck = () =>
  defineAzureCheck({
    meta: {
      id: 'azure-nsg-admin-ports-internet', title: 'Network security groups do not open SSH or RDP to the internet', domain: 'network-controls', severity: 'high',
      description: 'Reads the security rules of every NSG and looks for inbound Allow rules from any source (*, Internet, 0.0.0.0/0) covering port 22 or 3389.',
      rationale: 'Administrative ports open to the internet are scanned and brute-forced within minutes; on IaaS the virtual network\'s rules are entirely the customer\'s.',
      remediation: 'Remove the rule or restrict its source; reach VMs through Azure Bastion or just-in-time VM access instead.',
      references: ['https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview'],
      appliesTo: { serviceModels: ['iaas'], resourceTypes: [NSG] },
      messages: { closed: 'NSG {{name}} opens no administrative port to the internet.', open: 'NSG {{name}} opens port(s) {{ports}} to the internet (rule(s) {{rules}}).' },
    },
    permissions: [...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourcesWithProperties], `${NSG}/read`, ...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourceGroups]],
    async *run(context) {
      const groups = await context.collect<ResourceGroupData[]>(AZURE_OPERATIONS.resourceGroups);
      for (const nsg of await context.collect<ResourceWithProperties[]>(AZURE_OPERATIONS.resourcesWithProperties, { type: NSG })) {
        const rules = ((nsg.properties['securityRules'] ?? []) as readonly NsgSecurityRule[]).map((rule) => ({ rule, ports: openAdminPorts(rule) })).filter((r) => r.ports.length > 0);
        const subject = resourceSubject(nsg, groups);
        yield rules.length === 0
          ? result({ status: 'pass', ...subject, messageId: 'closed', data: { name: nsg.name } })
          : result({
              status: 'fail', ...subject, messageId: 'open',
              data: { name: nsg.name, ports: [...new Set(rules.flatMap((r) => r.ports))].join(', '), rules: rules.map((r) => r.rule.name ?? '?').join(', ') },
            });
      }
    },
  });

const VM = 'Microsoft.Compute/virtualMachines';
const NIC = 'Microsoft.Network/networkInterfaces';
interface IdRef { readonly id?: string }
/** The public IP address ids attached to a network interface's IP configurations. */
export const publicIpsOf = (nic: ResourceWithProperties): string[] =>
  ((nic.properties['ipConfigurations'] ?? []) as readonly { readonly properties?: { readonly publicIPAddress?: IdRef } }[])
    .map((c) => c.properties?.publicIPAddress?.id).filter((id): id is string => typeof id === 'string');

/** Virtual machines are not reachable through a public IP address on their network interfaces. */
export const vmPublicIpCheck = () =>
  defineAzureCheck({
    meta: {
      id: 'azure-vm-public-ip', title: 'Virtual machines have no public IP address', domain: 'network-controls', severity: 'medium',
      description: 'Follows every VM\'s network interfaces and looks for IP configurations with a public IP address.',
      rationale: 'A public IP puts the VM\'s open ports one NSG mistake away from the internet; on IaaS that exposure is the customer\'s to decide.',
      remediation: 'Remove the public IP from the NIC; publish through a load balancer, Application Gateway or Front Door and administer through Azure Bastion.',
      references: ['https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses'],
      appliesTo: { serviceModels: ['iaas'], resourceTypes: [VM, NIC] },
      messages: { private: 'VM {{name}} has no public IP address.', public: 'VM {{name}} is reachable at public IP {{ips}}.' },
    },
    permissions: [...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourcesWithProperties], `${VM}/read`, `${NIC}/read`, ...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourceGroups]],
    async *run(context) {
      const groups = await context.collect<ResourceGroupData[]>(AZURE_OPERATIONS.resourceGroups);
      const nics = await context.collect<ResourceWithProperties[]>(AZURE_OPERATIONS.resourcesWithProperties, { type: NIC });
      const publicByNic = new Map(nics.map((nic) => [nic.id.toLowerCase(), publicIpsOf(nic)]));
      for (const vm of await context.collect<ResourceWithProperties[]>(AZURE_OPERATIONS.resourcesWithProperties, { type: VM })) {
        const profile = vm.properties['networkProfile'] as { readonly networkInterfaces?: readonly IdRef[] } | undefined;
        const ips = (profile?.networkInterfaces ?? []).flatMap((ref) => publicByNic.get((ref.id ?? '').toLowerCase()) ?? []);
        const subject = resourceSubject(vm, groups);
        yield ips.length === 0
          ? result({ status: 'pass', ...subject, messageId: 'private', data: { name: vm.name } })
          : result({ status: 'fail', ...subject, messageId: 'public', data: { name: vm.name, ips: ips.map((ip) => ip.split('/').pop()).join(', ') } });
      }
    },
  });
