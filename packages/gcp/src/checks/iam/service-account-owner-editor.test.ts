import { describe, expect, it } from 'vitest';
import { AGENT, APIS_AGENT, G, scope, tester, withPolicy } from '../_helpers/data';
import { estateProject, inOrganization, lines, localCheck } from '../_helpers/cloud';
import check from './service-account-owner-editor';

tester.run(check, {
  valid: [{
    name: 'service accounts with narrow roles', scope,
    data: withPolicy([{ role: 'roles/storage.objectViewer', members: ['serviceAccount:app@alpha.iam.gserviceaccount.com'] }]),
  }],
  invalid: [{
    name: 'a user-managed account and two Google service agents with editor', scope,
    data: withPolicy([{ role: 'roles/editor', members: ['serviceAccount:111-compute@developer.gserviceaccount.com', APIS_AGENT, AGENT] }]),
    findings: [
      { status: 'fail', resourceId: G('roles/editor', 'serviceAccount:111-compute@developer.gserviceaccount.com'), messageId: 'privileged' },
      {
        status: 'provider-managed', resourceId: G('roles/editor', APIS_AGENT),
        providerManaged: 'Google-managed service agent: Google creates it and grants its roles; the customer cannot own its credentials.',
      },
      { status: 'provider-managed', resourceId: G('roles/editor', AGENT) },
    ],
  }],
});

describe('on the local cloud', () => {
  const DEPLOYER = 'serviceAccount:deployer@bad.iam.gserviceaccount.com';
  const local = localCheck(check.meta.id, inOrganization([
    estateProject('good', [{ role: 'roles/storage.objectViewer', members: ['serviceAccount:app@good.iam.gserviceaccount.com'] }]),
    estateProject('bad', [{ role: 'roles/owner', members: [DEPLOYER] }, { role: 'roles/editor', members: [AGENT] }]),
  ]));

  it('fails a service account with owner, reports a service agent as provider-managed, passes a narrow project', async () => {
    expect(lines(await local.run())).toEqual([`fail bad ${DEPLOYER}`, 'pass good projects/good', `provider-managed bad ${AGENT}`]);
  });
});
