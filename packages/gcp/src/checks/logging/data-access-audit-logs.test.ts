import { describe, expect, it } from 'vitest';
import type { GcpAncestorPolicy, GcpIamPolicyRecord } from '../../types';
import { NODE, allServices, policy, scope, tester, withPolicy } from '../_helpers/data';
import { ORGANIZATION, estateProject, lines, localCheck } from '../_helpers/cloud';
import check from './data-access-audit-logs';

const ancestors = (configs: GcpIamPolicyRecord['auditConfigs']): GcpAncestorPolicy[] => [
  { resource: 'folders/10', displayName: 'prod', policy: policy([], [], 'folders/10') },
  { resource: 'organizations/1', displayName: 'example.com', policy: policy([], configs, 'organizations/1') },
];
const ANCESTORS = 'resourcemanager:GetAncestorIamPolicies';

tester.run(check, {
  valid: [
    { name: 'enabled on the project', scope, data: { ...withPolicy([], allServices(['DATA_READ', 'DATA_WRITE', 'ADMIN_READ'])), [ANCESTORS]: ancestors([]) } },
    { name: 'inherited from the organization', scope, data: { ...withPolicy([]), [ANCESTORS]: ancestors(allServices(['DATA_READ', 'DATA_WRITE'])) } },
    { name: 'split between project and organization', scope, data: { ...withPolicy([], allServices(['DATA_WRITE'])), [ANCESTORS]: ancestors(allServices(['DATA_READ'])) } },
  ],
  invalid: [
    {
      name: 'nothing enabled anywhere', scope, data: { ...withPolicy([]), [ANCESTORS]: ancestors([]) },
      findings: [{
        status: 'fail', resourceId: NODE,
        message: 'Data Access audit logs for all services lack DATA_READ and DATA_WRITE on projects/alpha (including what it inherits).',
      }],
    },
    {
      name: 'only one service, not allServices', scope,
      data: {
        ...withPolicy([], [{
          service: 'storage.googleapis.com',
          auditLogConfigs: [{ logType: 'DATA_READ', exemptedMembers: [] }, { logType: 'DATA_WRITE', exemptedMembers: [] }],
        }]),
        [ANCESTORS]: ancestors([]),
      },
      findings: [{ status: 'fail', messageId: 'missing' }],
    },
  ],
});

describe('on the local cloud', () => {
  const T = ORGANIZATION.createTime;
  const local = localCheck(check.meta.id, {
    organizations: [{ ...ORGANIZATION, iamPolicy: { bindings: [], auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_READ' }] }] } }],
    folders: [
      { id: '100', parent: 'organizations/1', displayName: 'prod', createTime: T, iamPolicy: { bindings: [], auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_WRITE' }] }] } },
      { id: '110', parent: 'folders/100', displayName: 'prod-eu', createTime: T },
    ],
    projects: [estateProject('good', [], { parent: 'folders/110' }), estateProject('bad', [])],
  });

  it('adds up what the folders and the organization enable: passes below the folder, fails beside it', async () => {
    expect(lines(await local.run())).toEqual(['fail bad projects/bad', 'pass good projects/good']);
  });
});
