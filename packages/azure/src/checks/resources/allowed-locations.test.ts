import { beforeAll, describe, expect, it } from 'vitest';
import { c, group, resource, tester, withOptions } from '../../__helpers__/fixtures';
import { scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './allowed-locations';

const asia = resource('rg-a', 'Microsoft.Compute/virtualMachines', 'vm1', { location: 'eastasia' });
tester.run(withOptions(check, { allowedLocations: ['westeurope'] }), {
  valid: [
    c('allowed and global locations', {
      'resourceGroups:list': [group('rg-a')],
      'resources:list': [resource('rg-a', 'Microsoft.Cdn/profiles', 'fd', { location: 'global' }), resource('rg-a', 'Microsoft.Storage/storageAccounts', 'st')],
    }),
  ],
  invalid: [{ ...c('a VM in eastasia', { 'resourceGroups:list': [group('rg-a')], 'resources:list': [asia] }), findings: [{ status: 'fail', resourceId: asia.id, messageId: 'outside' }] }],
});

describe('without allowed locations', () => {
  it('is skipped for the subscription, reading nothing', () => tester.verifyValid(check, c('no allowed list configured: skipped', {})));
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    const vm = (name: string, location: string) => ({ name, type: 'Microsoft.Compute/virtualMachines', location, properties: {} });
    run = await scanOnLocalCloud(check.meta.id, {
      passing: { resourceGroups: [{ name: 'rg-eu', location: 'westeurope', resources: [vm('vmeu', 'WestEurope'), vm('vmne', 'northeurope')] }] },
      failing: { resourceGroups: [{ name: 'rg-asia', location: 'westeurope', resources: [vm('vmasia', 'eastasia')] }] },
    }, { allowedLocations: ['westeurope', 'northeurope'] });
  });
  it('passes resources in allowed locations', () => expect(run.passing).toEqual(['pass vmeu', 'pass vmne']));
  it('fails a resource elsewhere', () => expect(run.failing).toEqual(['fail vmasia']));
});
