import { beforeAll, describe, expect, it } from 'vitest';
import { AKS, c, group, resource, tester, withOptions } from '../../__helpers__/fixtures';
import { scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './required-tags';

tester.run(withOptions(check, { requiredTags: ['owner', 'cost-center'] }), {
  valid: [
    c('tags on the resource, or inherited from the group', {
      'resourceGroups:list': [group('rg-a', { 'cost-center': 'cc1' })],
      'resources:list': [resource('rg-a', 'Microsoft.Storage/storageAccounts', 'st1', { tags: { owner: 'x' } })],
    }),
  ],
  invalid: [
    {
      ...c('cost centre missing everywhere; AKS-managed resource is provider-managed', {
        'resourceGroups:list': [group('rg-a', { owner: 'x' }), group('MC_x', {}, AKS)],
        'resources:list': [resource('rg-a', 'Microsoft.KeyVault/vaults', 'kv1'), resource('MC_x', 'Microsoft.Network/loadBalancers', 'kubernetes')],
      }),
      findings: [
        // Report order sorts by resource id: 'MC_x' before 'rg-a'.
        { status: 'provider-managed', resourceId: resource('MC_x', 'Microsoft.Network/loadBalancers', 'kubernetes').id },
        { status: 'fail', resourceId: resource('rg-a', 'Microsoft.KeyVault/vaults', 'kv1').id, message: 'kv1 lacks cost-center (neither the resource nor its group carries it).' },
      ],
    },
  ],
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    const storage = (name: string, tags?: Record<string, string>) =>
      ({ name, type: 'Microsoft.Storage/storageAccounts', location: 'westeurope', ...(tags ? { tags } : {}), properties: {} });
    run = await scanOnLocalCloud(check.meta.id, {
      passing: { resourceGroups: [{ name: 'rg-owned', location: 'westeurope', tags: { owner: 'team-a' }, resources: [storage('stinherits'), storage('stown', { owner: 'b' })] }] },
      failing: { resourceGroups: [{ name: 'rg-anon', location: 'westeurope', resources: [storage('stanon'), storage('sttagged', { Owner: 'c' })] }] },
    });
  });
  it('passes resources tagged themselves or through their group', () => expect(run.passing).toEqual(['pass stinherits', 'pass stown']));
  it('fails a resource whose group carries no owner either', () => expect(run.failing).toEqual(['fail stanon', 'pass sttagged']));
});
