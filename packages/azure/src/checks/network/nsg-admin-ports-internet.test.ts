import { beforeAll, describe, expect, it } from 'vitest';
import type { ResourceGroupData, ResourceWithProperties } from '../../data';
import { AKS, BY_AKS, c, group, resource, tester, withProps } from '../../__helpers__/fixtures';
import { scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import { openAdminPorts, rangeCovers } from '../nsg-rules';
import check from './nsg-admin-ports-internet';

const rule = (name: string, port: string | string[], source: string, access = 'Allow', direction = 'Inbound') => ({
  name, properties: { access, direction, sourceAddressPrefix: source, ...(Array.isArray(port) ? { destinationPortRanges: port } : { destinationPortRange: port }) },
});
const nsg = (rg: string, name: string, rules: unknown[]) => withProps(resource(rg, 'Microsoft.Network/networkSecurityGroups', name), { securityRules: rules });
const nsgs = (groups: ResourceGroupData[], ...items: ResourceWithProperties[]) => ({ 'resourceGroups:list': groups, 'networkSecurityGroups:list': items });

tester.run(check, {
  valid: [
    c('HTTPS from the internet, SSH from a private range, a deny rule', nsgs([group('rg-a')], nsg('rg-a', 'n1', [
      rule('https', '443', 'Internet'), rule('ssh', '22', '10.0.0.0/8'), rule('deny', '*', '*', 'Deny'), rule('out', '22', '*', 'Allow', 'Outbound'),
    ]))),
  ],
  invalid: [
    {
      ...c('SSH from *, RDP in a range list, all ports; AKS-managed NSGs are marked, failing or passing', nsgs(
        [group('rg-a'), group('MC_x', {}, AKS)],
        nsg('rg-a', 'n1', [rule('ssh', '22', '*'), rule('rdp', ['80', '3380-3390'], '0.0.0.0/0')]),
        nsg('MC_x', 'n2', [rule('all', '*', 'Internet')]),
        nsg('MC_x', 'n3', [rule('https', '443', 'Internet')]),
      )),
      findings: [
        { status: 'provider-managed', resourceId: nsg('MC_x', 'n2', []).id, providerManaged: BY_AKS },
        { status: 'pass', resourceId: nsg('MC_x', 'n3', []).id, providerManaged: BY_AKS },
        { status: 'fail', resourceId: nsg('rg-a', 'n1', []).id, message: 'NSG n1 opens port(s) 22, 3389 to the internet (rule(s) ssh, rdp).' },
      ],
    },
  ],
});

describe('port ranges and admin-port detection', () => {
  it.each([
    ['*', 22, true], ['20-25', 22, true], ['3390-4000', 3389, false], ['22', 22, true], ['2222', 22, false],
  ] as const)('range %s covers %i: %s', (range, port, covers) => expect(rangeCovers(range, port)).toBe(covers));
  it('finds admin ports opened to any source, and none for a virtual network source', () => {
    expect(openAdminPorts({ properties: { access: 'Allow', direction: 'Inbound', sourceAddressPrefixes: ['10.0.0.0/8', 'Internet'], destinationPortRange: '*' } })).toEqual([22, 3389]);
    expect(openAdminPorts({ properties: { access: 'Allow', direction: 'Inbound', sourceAddressPrefix: 'VirtualNetwork', destinationPortRange: '22' } })).toEqual([]);
  });
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    const localNsg = (name: string, port: string, source: string) => ({
      name, type: 'Microsoft.Network/networkSecurityGroups', location: 'westeurope',
      properties: { securityRules: [{ name: `allow-${port}`, properties: { protocol: 'Tcp', access: 'Allow', direction: 'Inbound', priority: 100, sourceAddressPrefix: source, destinationPortRange: port, sourcePortRange: '*', destinationAddressPrefix: '*' } }] },
    });
    run = await scanOnLocalCloud(check.meta.id, {
      passing: { resourceGroups: [{ name: 'rg-a', location: 'westeurope', resources: [localNsg('nsghttps', '443', 'Internet'), localNsg('nsgvnet', '22', 'VirtualNetwork')] }] },
      failing: { resourceGroups: [{ name: 'rg-a', location: 'westeurope', resources: [localNsg('nsgssh', '22', '*'), localNsg('nsgrdp', '3389', 'Internet')] }] },
    });
  });
  it('passes NSGs that open no admin port to the internet', () => expect(run.passing).toEqual(['pass nsghttps', 'pass nsgvnet']));
  it('fails SSH and RDP from anywhere', () => expect(run.failing).toEqual(['fail nsgrdp', 'fail nsgssh']));
});
