import { describe, expect, it } from 'vitest';
import type { GcpOrganizationRecord } from '../../types';
import { G, NODE, scope, tester, withPolicy } from '../_helpers/data';
import { estateProject, inOrganization, lines, localCheck } from '../_helpers/cloud';
import check from './external-members';

const organizations = (...domains: string[]): GcpOrganizationRecord[] =>
  domains.map((displayName, i) => ({ name: `organizations/${i + 1}`, displayName }));

tester.run(check, {
  valid: [
    {
      name: 'members from the organization\'s domain, mixed case', scope,
      data: {
        ...withPolicy([{ role: 'roles/viewer', members: ['user:Ann@Example.com', 'group:eng@example.com', 'serviceAccount:x@other.iam.gserviceaccount.com'] }]),
        'resourcemanager:ListOrganizations': organizations('Example.com'),
      },
    },
  ],
  invalid: [
    {
      name: 'a gmail user and a partner domain', scope,
      data: {
        ...withPolicy([{ role: 'roles/viewer', members: ['user:eve@gmail.com', 'domain:partner.io', 'user:ann@example.com'] }]),
        'resourcemanager:ListOrganizations': organizations('example.com'),
      },
      findings: [
        { status: 'fail', resourceId: G('roles/viewer', 'domain:partner.io'), messageId: 'external' },
        {
          status: 'fail', resourceId: G('roles/viewer', 'user:eve@gmail.com'), messageId: 'external',
          message: 'user:eve@gmail.com (gmail.com) holds roles/viewer on projects/alpha but is not from an allowed domain (example.com).',
        },
      ],
    },
    {
      name: 'no allowed domains known', scope,
      data: { ...withPolicy([]), 'resourcemanager:ListOrganizations': [] },
      findings: [{ status: 'manual', resourceId: NODE, messageId: 'unknown' }],
    },
  ],
});

describe('on the local cloud', () => {
  const local = localCheck(check.meta.id, inOrganization([
    estateProject('good', [{ role: 'roles/viewer', members: ['user:ann@example.com', 'group:eng@example.com'] }]),
    estateProject('bad', [{ role: 'roles/viewer', members: ['user:eve@gmail.com', 'domain:partner.io'] }]),
  ]));

  it('allows the organization\'s primary domain by default (read through resourcemanager:ListOrganizations)', async () => {
    expect(lines(await local.run())).toEqual(['fail bad domain:partner.io', 'fail bad user:eve@gmail.com', 'pass good projects/good']);
    expect(local.cloud().counters.count('gcp', 'organizations.search')).toBeGreaterThan(0);
  });

  it('takes the allowed domains from the check option, over the organizations\' domains', async () => {
    const findings = await local.run({ options: { allowedDomains: ['Partner.io'] } });
    expect(lines(findings)).toEqual([
      'fail bad user:eve@gmail.com',
      'fail good group:eng@example.com',
      'fail good user:ann@example.com',
    ]);
    expect(findings.find((f) => f.resource.name === 'user:eve@gmail.com')?.message).toMatch(/not from an allowed domain \(partner\.io\)\.$/);
  });

  it('still honours the deprecated provider option allowedDomains, which the check option overrides', async () => {
    expect(lines(await local.run({ provider: { allowedDomains: ['gmail.com', 'partner.io'] } }))).toEqual([
      'fail good group:eng@example.com',
      'fail good user:ann@example.com',
      'pass bad projects/bad',
    ]);
    const both = await local.run({ provider: { allowedDomains: ['gmail.com'] }, options: { allowedDomains: ['example.com'] } });
    expect(lines(both)).toEqual(['fail bad domain:partner.io', 'fail bad user:eve@gmail.com', 'pass good projects/good']);
  });

  it('refuses an option of the wrong type, naming the check and the option', async () => {
    await expect(local.run({ options: { allowedDomains: 'example.com' } })).rejects.toThrow(/gcp-iam-external-members.*allowedDomains must be a list/);
  });
});
