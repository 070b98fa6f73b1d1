import { describe, expect, it } from 'vitest';
import { G, scope, tester, withPolicy } from '../_helpers/data';
import { estateProject, inOrganization, lines, localCheck } from '../_helpers/cloud';
import check from './separation-of-duties';

tester.run(check, {
  valid: [{
    name: 'admins and users are different people', scope,
    data: withPolicy([
      { role: 'roles/cloudkms.admin', members: ['group:kms-admins@example.com'] },
      { role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', members: ['serviceAccount:app@alpha.iam.gserviceaccount.com'] },
    ]),
  }],
  invalid: [{
    name: 'one group both administers and uses keys', scope,
    data: withPolicy([
      { role: 'roles/cloudkms.admin', members: ['group:kms@example.com'] },
      { role: 'roles/cloudkms.cryptoKeyDecrypter', members: ['group:kms@example.com'] },
    ]),
    findings: [{ status: 'fail', resourceId: G('roles/cloudkms.cryptoKeyDecrypter', 'group:kms@example.com'), messageId: 'both' }],
  }],
});

describe('on the local cloud', () => {
  const local = localCheck(check.meta.id, inOrganization([
    estateProject('good', [
      { role: 'roles/cloudkms.admin', members: ['group:kms-admins@example.com'] },
      { role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', members: ['serviceAccount:pay@good.iam.gserviceaccount.com'] },
    ]),
    estateProject('bad', [
      { role: 'roles/cloudkms.admin', members: ['user:kim@example.com'] },
      { role: 'roles/cloudkms.cryptoKeyDecrypter', members: ['user:kim@example.com'] },
    ]),
  ]));

  it('fails one person administering and using keys, and passes separated duties', async () => {
    expect(lines(await local.run())).toEqual(['fail bad user:kim@example.com', 'pass good projects/good']);
  });
});
