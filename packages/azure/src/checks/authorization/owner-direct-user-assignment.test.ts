import { beforeAll, describe, expect, it } from 'vitest';
import { c, localOwner, owner, reader, tester } from '../../__helpers__/fixtures';
import { scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './owner-direct-user-assignment';

tester.run(check, {
  valid: [
    c('owners are groups and service principals', { 'roleAssignments:listForSubscription': [owner('a', 'Group'), owner('b', 'ServicePrincipal'), reader] }),
    c('no owner at all', { 'roleAssignments:listForSubscription': [reader] }),
  ],
  invalid: [
    {
      ...c('a user owner', { 'roleAssignments:listForSubscription': [owner('a', 'Group'), owner('b', 'User')] }),
      findings: [{ status: 'pass', resourceId: owner('a', 'Group').id }, { status: 'fail', resourceId: owner('b', 'User').id, messageId: 'user' }],
    },
  ],
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    run = await scanOnLocalCloud(check.meta.id, {
      passing: { resourceGroups: [], roleAssignments: [localOwner(1, 'Group'), localOwner(2, 'ServicePrincipal')] },
      failing: { resourceGroups: [], roleAssignments: [localOwner(3, 'Group'), localOwner(4, 'User')] },
    });
  });
  it('passes Owner held by a group and a service principal', () =>
    expect(run.passing).toEqual(['pass cccccccc-0000-0000-0000-000000000001', 'pass cccccccc-0000-0000-0000-000000000002']));
  it('fails Owner assigned to a user directly', () =>
    expect(run.failing).toEqual(['fail cccccccc-0000-0000-0000-000000000004', 'pass cccccccc-0000-0000-0000-000000000003']));
});
