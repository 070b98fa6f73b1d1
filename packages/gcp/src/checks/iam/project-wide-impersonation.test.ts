import { describe, expect, it } from 'vitest';
import { G, scope, tester, withPolicy } from '../_helpers/data';
import { estateProject, inOrganization, lines, localCheck } from '../_helpers/cloud';
import check from './project-wide-impersonation';

tester.run(check, {
  valid: [{
    name: 'impersonation granted to a workload only', scope,
    data: withPolicy([{ role: 'roles/iam.serviceAccountTokenCreator', members: ['serviceAccount:ci@alpha.iam.gserviceaccount.com'] }]),
  }],
  invalid: [{
    name: 'a user and a group can impersonate every service account', scope,
    data: withPolicy([
      { role: 'roles/iam.serviceAccountUser', members: ['user:bob@example.com'] },
      { role: 'roles/iam.serviceAccountTokenCreator', members: ['group:ops@example.com'] },
    ]),
    findings: [
      { status: 'fail', resourceId: G('roles/iam.serviceAccountTokenCreator', 'group:ops@example.com') },
      { status: 'fail', resourceId: G('roles/iam.serviceAccountUser', 'user:bob@example.com') },
    ],
  }],
});

describe('on the local cloud', () => {
  const local = localCheck(check.meta.id, inOrganization([
    estateProject('good', [{ role: 'roles/iam.serviceAccountUser', members: ['serviceAccount:ci@good.iam.gserviceaccount.com'] }]),
    estateProject('bad', [{ role: 'roles/iam.serviceAccountUser', members: ['group:devs@example.com'] }]),
  ]));

  it('fails a group that may impersonate every service account and passes a project without', async () => {
    expect(lines(await local.run())).toEqual(['fail bad group:devs@example.com', 'pass good projects/good']);
  });
});
