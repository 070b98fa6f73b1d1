import { describe, expect, it } from 'vitest';
import { G, scope, tester, withPolicy } from '../_helpers/data';
import { estateProject, inOrganization, lines, localCheck } from '../_helpers/cloud';
import check from './deleted-principals';

const LEAVER = 'deleted:user:leaver@example.com?uid=123';

tester.run(check, {
  valid: [{ name: 'live principals only', scope, data: withPolicy([{ role: 'roles/viewer', members: ['user:ann@example.com'] }]) }],
  invalid: [{
    name: 'a leaver still bound', scope,
    data: withPolicy([{ role: 'roles/viewer', members: [LEAVER, 'user:ann@example.com'] }]),
    findings: [{ status: 'fail', resourceId: G('roles/viewer', LEAVER), messageId: 'deleted' }],
  }],
});

describe('on the local cloud', () => {
  const local = localCheck(check.meta.id, inOrganization([
    estateProject('good', [{ role: 'roles/viewer', members: ['user:ann@example.com'] }]),
    estateProject('bad', [{ role: 'roles/viewer', members: [LEAVER] }]),
  ]));

  it('fails a deleted principal still bound and passes a project without', async () => {
    expect(lines(await local.run())).toEqual([`fail bad ${LEAVER}`, 'pass good projects/good']);
  });
});
