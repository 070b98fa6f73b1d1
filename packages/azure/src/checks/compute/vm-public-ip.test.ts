import { beforeAll, describe, expect, it } from 'vitest';
import type { ResourceGroupData, ResourceWithProperties } from '../../data';
import { AKS, c, group, resource, rgId, tester, withProps } from '../../__helpers__/fixtures';
import { FAILING, PASSING, scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './vm-public-ip';

const nic = (rg: string, name: string, publicIp?: string) => withProps(resource(rg, 'Microsoft.Network/networkInterfaces', name), {
  ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAddress: '10.0.0.4', ...(publicIp ? { publicIPAddress: { id: `${rgId(rg)}/providers/Microsoft.Network/publicIPAddresses/${publicIp}` } } : {}) } }],
});
const vm = (rg: string, name: string, ...nics: ResourceWithProperties[]) =>
  withProps(resource(rg, 'Microsoft.Compute/virtualMachines', name), nics.length ? { networkProfile: { networkInterfaces: nics.map((n) => ({ id: n.id.toUpperCase() })) } } : {});
const vms = (groups: ResourceGroupData[], nics: ResourceWithProperties[], machines: ResourceWithProperties[]) =>
  ({ 'resourceGroups:list': groups, 'networkInterfaces:list': nics, 'virtualMachines:list': machines });
const privateNic = nic('rg-a', 'nic1');
const publicNic = nic('rg-a', 'nic2', 'pip2');
const managedNic = nic('MC_x', 'nic3', 'pip3');

tester.run(check, {
  valid: [c('private NIC only, and a VM without a network profile', vms([group('rg-a')], [privateNic], [vm('rg-a', 'vm1', privateNic), vm('rg-a', 'vm0')]))],
  invalid: [
    {
      ...c('a second NIC with a public IP; a node VM in an AKS group is provider-managed', vms(
        [group('rg-a'), group('MC_x', {}, AKS)],
        [privateNic, publicNic, managedNic],
        [vm('rg-a', 'vm1', privateNic, publicNic), vm('MC_x', 'node', managedNic)],
      )),
      findings: [
        { status: 'provider-managed', resourceId: vm('MC_x', 'node').id },
        { status: 'fail', resourceId: vm('rg-a', 'vm1').id, message: 'VM vm1 is reachable at public IP pip2.' },
      ],
    },
  ],
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    const machine = (sub: string, name: string, withPublicIp: boolean) => {
      const nicId = `/subscriptions/${sub}/resourceGroups/rg-a/providers/Microsoft.Network/networkInterfaces/${name}-nic`;
      const ip = { id: `/subscriptions/${sub}/resourceGroups/rg-a/providers/Microsoft.Network/publicIPAddresses/${name}-ip` };
      return [
        { name, type: 'Microsoft.Compute/virtualMachines', location: 'westeurope', properties: { networkProfile: { networkInterfaces: [{ id: nicId }] } } },
        { name: `${name}-nic`, type: 'Microsoft.Network/networkInterfaces', location: 'westeurope', properties: { ipConfigurations: [{ name: 'ipconfig1', properties: withPublicIp ? { publicIPAddress: ip } : {} }] } },
      ];
    };
    run = await scanOnLocalCloud(check.meta.id, {
      passing: { resourceGroups: [{ name: 'rg-a', location: 'westeurope', resources: machine(PASSING, 'vmprivate', false) }] },
      failing: { resourceGroups: [{ name: 'rg-a', location: 'westeurope', resources: machine(FAILING, 'vmpublic', true) }] },
    });
  });
  it('passes a VM reachable on private addresses only', () => expect(run.passing).toEqual(['pass vmprivate']));
  it('fails a VM whose NIC carries a public IP', () => expect(run.failing).toEqual(['fail vmpublic']));
});
