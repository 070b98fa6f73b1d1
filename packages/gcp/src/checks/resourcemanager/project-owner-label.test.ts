import { describe, expect, it } from 'vitest';
import { NODE, project, scope, tester } from '../_helpers/data';
import { estateProject, inOrganization, lines, localCheck } from '../_helpers/cloud';
import check from './project-owner-label';

tester.run(check, {
  valid: [{ name: 'owner label', scope, data: { 'resourcemanager:GetProject': project({ labels: { owner: 'team-payments' } }) } }],
  invalid: [
    { name: 'no labels', scope, data: { 'resourcemanager:GetProject': project() }, findings: [{ status: 'fail', resourceId: NODE, messageId: 'missing' }] },
    {
      name: 'an empty owner label', scope, data: { 'resourcemanager:GetProject': project({ labels: { owner: ' ' } }) },
      findings: [{ status: 'fail', messageId: 'missing' }],
    },
  ],
});

describe('on the local cloud', () => {
  const local = localCheck(check.meta.id, inOrganization([
    estateProject('good', [], { labels: { owner: 'team-a' } }),
    estateProject('bad', [], { labels: {} }),
    estateProject('team', [], { labels: { team: 'data' } }),
  ]));

  it('fails projects without an owner label and passes the labelled one', async () => {
    expect(lines(await local.run())).toEqual(['fail bad bad', 'fail team team', 'pass good good']);
  });

  it('reads the keys from the check option ownerLabelKeys, also under the check\'s former id', async () => {
    expect(lines(await local.run({ options: { ownerLabelKeys: ['owner', 'team'] } }))).toEqual(['fail bad bad', 'pass good good', 'pass team team']);
    const underFormerId = await local.run({ checkOptions: { 'gcp-project-owner-label': { ownerLabelKeys: ['team'] } } });
    expect(lines(underFormerId)).toEqual(['fail bad bad', 'fail good good', 'pass team team']);
    expect(underFormerId.find((f) => f.resource.scope === 'bad')?.message).toBe('Project bad has no owner label (team).');
  });

  it('still honours the deprecated provider option ownerLabelKeys', async () => {
    expect(lines(await local.run({ provider: { ownerLabelKeys: ['team'] } }))).toEqual(['fail bad bad', 'fail good good', 'pass team team']);
  });
});
