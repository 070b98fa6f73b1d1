import { describe, expect, it } from 'vitest';
import { G, scope, tester, withPolicy } from '../_helpers/data';
import { estateProject, inOrganization, lines, localCheck } from '../_helpers/cloud';
import check from './basic-roles-for-people';

tester.run(check, {
  valid: [
    { name: 'predefined roles only', scope, data: withPolicy([{ role: 'roles/storage.admin', members: ['user:ann@example.com'] }]) },
    {
      name: 'a basic role held by a service account is another check\'s business', scope,
      data: withPolicy([{ role: 'roles/editor', members: ['serviceAccount:ci@alpha.iam.gserviceaccount.com'] }]),
    },
  ],
  invalid: [{
    name: 'owner to a user, viewer to a group and editor to a domain', scope,
    data: withPolicy([
      { role: 'roles/owner', members: ['user:bob@example.com'] },
      { role: 'roles/viewer', members: ['group:eng@example.com'] },
      { role: 'roles/editor', members: ['domain:example.com'] },
    ]),
    findings: [
      { status: 'fail', resourceId: G('roles/editor', 'domain:example.com'), messageId: 'basicRole' },
      {
        status: 'fail', resourceId: G('roles/owner', 'user:bob@example.com'), messageId: 'basicRole',
        message: 'user:bob@example.com holds the basic role roles/owner on projects/alpha.',
      },
      { status: 'fail', resourceId: G('roles/viewer', 'group:eng@example.com'), messageId: 'basicRole' },
    ],
  }],
});

describe('on the local cloud', () => {
  const local = localCheck(check.meta.id, inOrganization([
    estateProject('good', [{ role: 'roles/storage.admin', members: ['user:ann@example.com'] }]),
    estateProject('bad', [{ role: 'roles/owner', members: ['user:bob@example.com', 'serviceAccount:ci@bad.iam.gserviceaccount.com'] }]),
  ]));

  it('fails a person with a basic role and passes a project without', async () => {
    expect(lines(await local.run())).toEqual(['fail bad user:bob@example.com', 'pass good projects/good']);
  });
});
