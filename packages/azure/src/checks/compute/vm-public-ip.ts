/**
 * Network exposure of virtual machines: no public IP address on their network interfaces.
 * @module
 */
import type { ResourceWithProperties } from '../../data';
import { VIRTUAL_MACHINE } from '../../operations/compute';
import { NETWORK_INTERFACE } from '../../operations/network';
import { defineAzureCheck } from '../kit';
import { result, withSubjects } from '../shared';

interface IdRef { readonly id?: string }
type IpConfigurations = readonly { readonly properties?: { readonly publicIPAddress?: IdRef } }[];

/** The public IP address ids attached to a network interface's IP configurations. */
export const publicIpsOf = (nic: ResourceWithProperties): string[] =>
  ((nic.properties['ipConfigurations'] ?? []) as IpConfigurations)
    .map((c) => c.properties?.publicIPAddress?.id).filter((id): id is string => typeof id === 'string');

/** Virtual machines are not reachable through a public IP address on their network interfaces. */
export default defineAzureCheck({
  meta: {
    id: 'azure-compute-vm-public-ip', service: 'compute', aliases: ['azure-vm-public-ip'],
    title: 'Virtual machines have no public IP address', domain: 'network-controls', severity: 'medium',
    description: 'Follows every VM\'s network interfaces and looks for IP configurations with a public IP address.',
    rationale: 'A public IP puts the VM\'s open ports one NSG mistake away from the internet; on IaaS that exposure is the customer\'s to decide.',
    remediation: 'Remove the public IP from the NIC; publish through a load balancer, Application Gateway or Front Door and administer through Azure Bastion.',
    references: ['https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses'],
    appliesTo: { serviceModels: ['iaas'], resourceTypes: [VIRTUAL_MACHINE, NETWORK_INTERFACE] },
    messages: {
      private: 'VM {{name}} has no public IP address.',
      public: 'VM {{name}} is reachable at public IP {{ips}}.',
    },
  },
  operations: ['resourceGroups:list', 'networkInterfaces:list', 'virtualMachines:list'],
  async *run(context) {
    const groups = await context.collect('resourceGroups:list');
    const nics = await context.collect('networkInterfaces:list');
    const publicByNic = new Map(nics.map((nic) => [nic.id.toLowerCase(), publicIpsOf(nic)]));
    for (const { resource: vm, subject } of withSubjects(await context.collect('virtualMachines:list'), groups)) {
      const profile = vm.properties['networkProfile'] as { readonly networkInterfaces?: readonly IdRef[] } | undefined;
      const ips = (profile?.networkInterfaces ?? [])
        .flatMap((ref) => publicByNic.get((ref.id ?? '').toLowerCase()) ?? [])
        .map((ip) => ip.split('/').pop());
      yield ips.length === 0
        ? result({ status: 'pass', ...subject, messageId: 'private', data: { name: vm.name } })
        : result({ status: 'fail', ...subject, messageId: 'public', data: { name: vm.name, ips: ips.join(', ') } });
    }
  },
});
