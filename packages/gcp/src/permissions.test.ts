import { describe, expect, it } from 'vitest';
import { GCP_CHECKS } from './checks/index';
import { DISCOVERY_PERMISSIONS } from './discovery';
import { GCP_OPERATIONS } from './operations/index';
import { VERIFIED_PREDEFINED_ROLES, gcpLeastPrivilege, gcpPermissions, isReadOnlyPermission } from './permissions';
import { gcpProvider } from './provider';

const WRITE_WORDS = /\.(create|update|delete|set\w*|patch|move|undelete|attach|detach|put|insert|add\w*|remove\w*|enable|disable|use|actAs|sign\w*|getAccessToken|implicitDelegation)$/i;

describe('least privilege, generated from check metadata', () => {
  const least = gcpLeastPrivilege();

  it('is exactly discovery plus every check\'s operations', () => {
    const expected = new Set<string>(DISCOVERY_PERMISSIONS);
    for (const check of GCP_CHECKS) {
      for (const op of check.meta.operations ?? []) for (const p of GCP_OPERATIONS[op as keyof typeof GCP_OPERATIONS].permissions) expected.add(p);
    }
    expect(least.permissions).toEqual([...expected].sort());
    expect(least.permissions).toEqual([
      'resourcemanager.folders.get', 'resourcemanager.folders.getIamPolicy', 'resourcemanager.folders.list',
      'resourcemanager.organizations.get', 'resourcemanager.organizations.getIamPolicy',
      'resourcemanager.projects.get', 'resourcemanager.projects.getIamPolicy',
    ]);
    expect(Object.keys(least.byCheck).sort()).toEqual(GCP_CHECKS.map((c) => c.meta.id).sort());
  });

  it('is read-only: every permission a get/list/getIamPolicy, none a write verb', () => {
    for (const permission of [...least.permissions, ...Object.values(GCP_OPERATIONS).flatMap((op) => op.permissions)]) {
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
    const projectOnly = gcpLeastPrivilege(GCP_CHECKS.filter((c) => c.meta.id === 'gcp-resourcemanager-project-owner-label'));
    expect(projectOnly.permissions).toEqual([...DISCOVERY_PERMISSIONS].sort());
  });
});

describe('the provider\'s permissions (core\'s ProviderPermissionsV1)', () => {
  it('lists discovery and every check, and grants them with the verified predefined role plus a custom role', () => {
    const permissions = gcpProvider({ projectIds: [] }).permissions();
    const least = gcpLeastPrivilege();
    expect(permissions.kind).toBe('IAM permissions');
    expect(permissions.all).toEqual(least.permissions);
    expect(permissions.byCheck).toEqual({ '(discovery)': [...DISCOVERY_PERMISSIONS].sort(), ...least.byCheck });
    expect(permissions.grant).toEqual([
      'Grant at the organization (or folder) the predefined role(s) `roles/browser` plus a custom role for '
        + '`resourcemanager.folders.getIamPolicy`, `resourcemanager.organizations.getIamPolicy`, or the custom role below alone '
        + '(`gcloud iam roles create demarcScanner --organization=ORG_ID --file=role.json`).',
    ]);
    expect(permissions.policy).toEqual({ title: 'Custom role (least privilege)', document: least.customRole });
  });

  it('follows the provider\'s own check selection', () => {
    const only = GCP_CHECKS.filter((c) => c.meta.id === 'gcp-iam-public-principals');
    expect(Object.keys(gcpProvider({ checks: only }).permissions().byCheck)).toEqual(['(discovery)', 'gcp-iam-public-principals']);
    expect(gcpPermissions(only).all).toEqual([...new Set([...DISCOVERY_PERMISSIONS, 'resourcemanager.projects.getIamPolicy'])].sort());
  });
});
