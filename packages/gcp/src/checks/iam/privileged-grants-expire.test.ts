import { describe, expect, it } from 'vitest';
import { G, scope, tester, withPolicy } from '../_helpers/data';
import { estateProject, inOrganization, lines, localCheck } from '../_helpers/cloud';
import check from './privileged-grants-expire';

const until = (iso: string) => ({ title: 'temporary', expression: `request.time < timestamp("${iso}")` });

tester.run(check, {
  valid: [
    {
      name: 'time-bound owner grant', scope,
      data: withPolicy([{ role: 'roles/owner', members: ['user:ann@example.com'], condition: until('2030-01-01T00:00:00Z') }]),
    },
    {
      name: 'privileged role for a service account is out of scope', scope,
      data: withPolicy([{ role: 'roles/iam.securityAdmin', members: ['serviceAccount:ci@alpha.iam.gserviceaccount.com'] }]),
    },
  ],
  invalid: [{
    name: 'standing and expired grants', scope, now: new Date('2025-06-01T00:00:00Z'),
    data: withPolicy([
      { role: 'roles/iam.securityAdmin', members: ['user:bob@example.com'] },
      { role: 'roles/owner', members: ['user:carol@example.com'], condition: until('2025-01-01T00:00:00Z') },
      { role: 'roles/owner', members: ['user:dan@example.com'], condition: { title: 'office hours', expression: 'request.time.getHours("Europe/Paris") < 18' } },
    ]),
    findings: [
      { status: 'fail', resourceId: G('roles/iam.securityAdmin', 'user:bob@example.com'), messageId: 'standing' },
      { status: 'fail', resourceId: G('roles/owner', 'user:carol@example.com'), messageId: 'expired' },
      { status: 'fail', resourceId: G('roles/owner', 'user:dan@example.com'), messageId: 'standing' },
    ],
  }],
});

describe('on the local cloud', () => {
  const local = localCheck(check.meta.id, inOrganization([
    estateProject('good', [{
      role: 'roles/resourcemanager.projectIamAdmin', members: ['group:admins@example.com'],
      condition: { title: 'break-glass', expression: 'request.time < timestamp("2099-01-01T00:00:00Z")' },
    }]),
    estateProject('bad', [{ role: 'roles/owner', members: ['user:bob@example.com'] }]),
  ]));

  it('keeps IAM conditions (policy version 3): a time-bound grant passes, a standing one fails', async () => {
    const findings = await local.run();
    expect(lines(findings)).toEqual(['fail bad user:bob@example.com', 'pass good group:admins@example.com']);
    expect(findings.find((f) => f.status === 'pass')?.message)
      .toBe('group:admins@example.com holds roles/resourcemanager.projectIamAdmin on projects/good until 2099-01-01T00:00:00.000Z.');
  });
});
