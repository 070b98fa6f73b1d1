import { beforeAll, describe, expect, it } from 'vitest';
import { c, localOwner, owner, reader, rgId, SUB, tester, withOptions } from '../../__helpers__/fixtures';
import { FAILING, PASSING, scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './subscription-owner-count';

tester.run(withOptions(check, { maxOwners: 2 }), {
  valid: [c('two owners, a third at resource-group scope, a reader', { 'roleAssignments:listForSubscription': [owner('a', 'Group'), owner('b', 'User'), owner('c', 'User', rgId('rg-a')), reader] })],
  invalid: [
    {
      ...c('three subscription owners', { 'roleAssignments:listForSubscription': [owner('a', 'Group'), owner('b', 'User'), owner('c', 'ServicePrincipal')] }),
      findings: [{ status: 'fail', resourceId: SUB, messageId: 'many', message: 'Subscription test-sub has 3 Owner assignments (at most 2 allowed).' }],
    },
  ],
});

describe('with the default limit', () => {
  it('three subscription owners are within the default of 3', () =>
    tester.verifyValid(check, c('three owners', { 'roleAssignments:listForSubscription': [owner('a', 'Group'), owner('b', 'User'), owner('c', 'ServicePrincipal')] })));
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    run = await scanOnLocalCloud(check.meta.id, {
      passing: { resourceGroups: [], roleAssignments: [localOwner(1, 'Group'), localOwner(2, 'User', `/subscriptions/${PASSING}/resourceGroups/rg-a`)] },
      failing: { resourceGroups: [], roleAssignments: [localOwner(3, 'Group'), localOwner(4, 'User')] },
    }, { maxOwners: 1 });
  });
  it('passes one Owner at subscription scope (another at a group does not count)', () => expect(run.passing).toEqual([`pass ${PASSING}`]));
  it('fails two, over the limit of 1 from checkOptions', () => expect(run.failing).toEqual([`fail ${FAILING}`]));
});
