import { describe, expect, it } from 'vitest';
import type { GcpHierarchyRecord, GcpIamBinding } from '../../types';
import { APIS_AGENT, G, policy, tester } from '../_helpers/data';
import { ORGANIZATION, estateProject, lines, localCheck } from '../_helpers/cloud';
import check from './inherited-broad-grants';

const hierarchy = (orgBindings: readonly GcpIamBinding[], folderBindings: readonly GcpIamBinding[]): GcpHierarchyRecord => ({
  organizations: [{ name: 'organizations/1', displayName: 'example.com', policy: policy(orgBindings, [], 'organizations/1') }],
  folders: [{ name: 'folders/10', parent: 'organizations/1', displayName: 'prod', state: 'ACTIVE', policy: policy(folderBindings, [], 'folders/10') }],
});

tester.run(check, {
  valid: [{
    name: 'narrow administrative grants',
    data: {
      'resourcemanager:GetHierarchy': hierarchy(
        [{ role: 'roles/resourcemanager.organizationAdmin', members: ['group:admins@example.com'] }],
        [{ role: 'roles/viewer', members: ['serviceAccount:audit@tools.iam.gserviceaccount.com'] }],
      ),
    },
  }],
  invalid: [{
    name: 'editor on the organization, public viewer on a folder, an agent with editor',
    data: {
      'resourcemanager:GetHierarchy': hierarchy(
        [{ role: 'roles/editor', members: ['group:everyone@example.com', APIS_AGENT] }],
        [{ role: 'roles/browser', members: ['allAuthenticatedUsers'] }],
      ),
    },
    findings: [
      { status: 'fail', resourceId: G('roles/browser', 'allAuthenticatedUsers', 'folders/10'), messageId: 'inherited' },
      {
        status: 'fail', resourceId: G('roles/editor', 'group:everyone@example.com', 'organizations/1'),
        message: 'group:everyone@example.com holds roles/editor on organizations/1 (example.com); every project below inherits it.',
      },
      { status: 'provider-managed', resourceId: G('roles/editor', APIS_AGENT, 'organizations/1') },
    ],
  }],
});

describe('on the local cloud', () => {
  const T = ORGANIZATION.createTime;
  const local = localCheck(check.meta.id, {
    organizations: [{ ...ORGANIZATION, iamPolicy: { bindings: [{ role: 'roles/resourcemanager.organizationAdmin', members: ['group:admins@example.com'] }] } }],
    folders: [
      { id: '100', parent: 'organizations/1', displayName: 'prod', createTime: T },
      { id: '110', parent: 'folders/100', displayName: 'prod-eu', createTime: T, iamPolicy: { bindings: [] } },
      { id: '200', parent: 'organizations/1', displayName: 'dev', createTime: T, iamPolicy: { bindings: [{ role: 'roles/editor', members: ['group:dev-all@example.com'] }] } },
    ],
    projects: [estateProject('app', [], { parent: 'folders/110' })],
  });

  it('walks the folders (two deep) and fails the editor grant on one, passing the organization and the others', async () => {
    expect(lines(await local.run())).toEqual([
      'fail folders/200 group:dev-all@example.com',
      'pass folders/100 prod',
      'pass folders/110 prod-eu',
      'pass organizations/1 example.com',
    ]);
  });
});
