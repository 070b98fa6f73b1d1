import { beforeAll, describe, expect, it } from 'vitest';
import { AKS, c, group, rgId, tester, withOptions } from '../../__helpers__/fixtures';
import { scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './group-required-tags';

tester.run(check, {
  valid: [c('owner tag present', { 'resourceGroups:list': [group('rg-a', { Owner: 'team-a' })] })],
  invalid: [
    {
      ...c('missing and empty owner; managed group is provider-managed', { 'resourceGroups:list': [group('rg-a'), group('rg-b', { owner: ' ' }), group('MC_x', {}, AKS)] }),
      findings: [
        { status: 'provider-managed', resourceId: rgId('MC_x'), messageId: 'missing' },
        { status: 'fail', resourceId: rgId('rg-a'), messageId: 'missing' },
        { status: 'fail', resourceId: rgId('rg-b'), messageId: 'missing' },
      ],
    },
  ],
});

tester.run(withOptions(check, { requiredTags: ['owner', 'cost-center'] }), {
  valid: [c('every required tag, any letter case', { 'resourceGroups:list': [group('rg-a', { OWNER: 'a', 'Cost-Center': 'cc1' })] })],
  invalid: [
    {
      ...c('the cost centre is missing', { 'resourceGroups:list': [group('rg-a', { owner: 'a' })] }),
      findings: [{ status: 'fail', resourceId: rgId('rg-a'), message: 'Resource group rg-a lacks cost-center.' }],
    },
  ],
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    run = await scanOnLocalCloud(check.meta.id, {
      passing: { resourceGroups: [{ name: 'rg-ok', location: 'westeurope', tags: { owner: 'team-a', 'cost-center': 'cc1' }, resources: [] }] },
      failing: { resourceGroups: [{ name: 'rg-untagged', location: 'westeurope', tags: { owner: 'team-b' }, resources: [] }] },
    }, { requiredTags: ['owner', 'cost-center'] });
  });
  it('passes groups with every required tag', () => expect(run.passing).toEqual(['pass rg-ok']));
  it('fails a group without one (the option from checkOptions)', () => expect(run.failing).toEqual(['fail rg-untagged']));
});
