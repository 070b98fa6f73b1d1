import { describe, expect, it } from 'vitest';
import { NODE, allServices, scope, tester, withPolicy } from '../_helpers/data';
import { estateProject, inOrganization, lines, localCheck } from '../_helpers/cloud';
import check from './audit-log-exemptions';

tester.run(check, {
  valid: [{ name: 'no exemptions', scope, data: withPolicy([], allServices(['DATA_READ'])) }],
  invalid: [{
    name: 'an exempted user', scope,
    data: withPolicy([], allServices(['DATA_READ'], ['user:ops@example.com'])),
    findings: [{ status: 'fail', messageId: 'exempted', resourceId: `${NODE}#audit#allServices#DATA_READ#user:ops@example.com` }],
  }],
});

describe('on the local cloud', () => {
  const local = localCheck(check.meta.id, inOrganization([
    estateProject('good', [], { iamPolicy: { bindings: [], auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_READ' }] }] } }),
    estateProject('bad', [], {
      iamPolicy: {
        bindings: [],
        auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_WRITE', exemptedMembers: ['user:ops@example.com'] }] }],
      },
    }),
  ]));

  it('fails an exempted principal and passes a project without exemptions', async () => {
    expect(lines(await local.run())).toEqual(['fail bad user:ops@example.com', 'pass good projects/good']);
  });
});
