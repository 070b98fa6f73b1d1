import { describe, expect, it } from 'vitest';
import { G, scope, tester, withPolicy } from '../_helpers/data';
import { estateProject, inOrganization, lines, localCheck } from '../_helpers/cloud';
import check from './public-principals';

tester.run(check, {
  valid: [{ name: 'no public principal', scope, data: withPolicy([{ role: 'roles/viewer', members: ['group:eng@example.com'] }]) }],
  invalid: [{
    name: 'allUsers and allAuthenticatedUsers', scope,
    data: withPolicy([{ role: 'roles/storage.objectViewer', members: ['allUsers', 'allAuthenticatedUsers'] }]),
    findings: [
      { status: 'fail', resourceId: G('roles/storage.objectViewer', 'allAuthenticatedUsers'), messageId: 'public' },
      { status: 'fail', resourceId: G('roles/storage.objectViewer', 'allUsers'), messageId: 'public' },
    ],
  }],
});

describe('on the local cloud', () => {
  const local = localCheck(check.meta.id, inOrganization([
    estateProject('good', [{ role: 'roles/viewer', members: ['group:eng@example.com'] }]),
    estateProject('bad', [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }]),
  ]));

  it('fails a grant to allUsers and passes a project without', async () => {
    expect(lines(await local.run())).toEqual(['fail bad allUsers', 'pass good projects/good']);
  });
});
