import { describe, expect, it } from 'vitest';
import { GCP_CHECKS } from './checks/index';
import { DISCOVERY_PERMISSIONS, GCP_OPERATIONS } from './discovery';
import { VERIFIED_PREDEFINED_ROLES, gcpLeastPrivilege, isReadOnlyPermission } from './permissions';

const WRITE_WORDS = /\.(create|update|delete|set\w*|patch|move|undelete|attach|detach|put|insert|add\w*|remove\w*|enable|disable|use|actAs|sign\w*|getAccessToken|implicitDelegation)$/i;

describe('least privilege, generated from check metadata', () => {
  const least = gcpLeastPrivilege();

  it('is exactly discovery plus every check\'s operations', () => {
    const expected = new Set<string>(DISCOVERY_PERMISSIONS);
    for (const check of GCP_CHECKS) for (const op of check.gcp.operations) for (const p of GCP_OPERATIONS[op]) expected.add(p);
    expect(least.permissions).toEqual([...expected].sort());
    expect(least.permissions).toEqual([
      'resourcemanager.folders.get', 'resourcemanager.folders.getIamPolicy', 'resourcemanager.folders.list',
      'resourcemanager.organizations.get', 'resourcemanager.organizations.getIamPolicy',
      'resourcemanager.projects.get', 'resourcemanager.projects.getIamPolicy',
    ]);
    expect(Object.keys(least.byCheck).sort()).toEqual(GCP_CHECKS.map((c) => c.meta.id).sort());
  });

  it('is read-only: every permission a get/list/getIamPolicy, none a write verb', () => {
    for (const permission of [...least.permissions, ...Object.values(GCP_OPERATIONS).flat()]) {
      expect(isReadOnlyPermission(permission), permission).toBe(true);
      expect(permission, permission).not.toMatch(WRITE_WORDS);
      expect(permission).not.toMatch(/setIamPolicy/);
    }
    for (const role of Object.values(VERIFIED_PREDEFINED_ROLES)) for (const p of role.permissions) expect(isReadOnlyPermission(p), p).toBe(true);
  });

  it('names the predefined role that covers most of it and what a custom role must add', () => {
    expect(least.predefinedRoles).toEqual({ roles: ['roles/browser'], uncovered: ['resourcemanager.folders.getIamPolicy', 'resourcemanager.organizations.getIamPolicy'] });
    expect(least.customRole.includedPermissions).toEqual(least.permissions);
  });

  it('narrows to the checks selected', () => {
    const projectOnly = gcpLeastPrivilege(GCP_CHECKS.filter((c) => c.meta.id === 'gcp-project-owner-label'));
    expect(projectOnly.permissions).toEqual([...DISCOVERY_PERMISSIONS].sort());
  });
});
