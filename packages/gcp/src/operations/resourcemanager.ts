/**
 * Resource Manager v3 operations: projects, folders, organizations and their IAM policies. Each reads
 * through the session, which pages fully, caches what several scopes share and passes the scan's
 * signal to every call.
 * @module
 */
import { defineOperations, type NoParams } from '@demarc/core';
import type { GcpSession } from '../session';
import type {
  GcpAncestorPolicy,
  GcpHierarchyRecord,
  GcpIamPolicyRecord,
  GcpOrganizationRecord,
  GcpProjectRecord,
} from '../types';

export default defineOperations<GcpSession>()({
  'resourcemanager:GetProject': {
    description: 'The scope\'s project: id, number, parent, lifecycle state and labels.',
    permissions: ['resourcemanager.projects.get'],
    call: (session, _params: NoParams, { scope, signal }): Promise<GcpProjectRecord> =>
      session.project(scope.id, signal),
  },
  'resourcemanager:GetProjectIamPolicy': {
    description: 'The scope\'s project IAM policy (version 3, so conditions are kept) with its audit configuration.',
    permissions: ['resourcemanager.projects.getIamPolicy'],
    call: (session, _params: NoParams, { scope, signal }): Promise<GcpIamPolicyRecord> =>
      session.policy(`projects/${scope.id}`, signal),
  },
  'resourcemanager:GetAncestorIamPolicies': {
    description: 'The IAM policies of the folders and organization above the scope\'s project, nearest first.',
    permissions: [
      'resourcemanager.folders.get',
      'resourcemanager.folders.getIamPolicy',
      'resourcemanager.organizations.getIamPolicy',
    ],
    call: (session, _params: NoParams, { scope, signal }): Promise<GcpAncestorPolicy[]> =>
      session.ancestorPolicies(scope.id, signal),
  },
  'resourcemanager:GetHierarchy': {
    description: 'Every organization and folder the scan covers, each with its IAM policy.',
    permissions: [
      'resourcemanager.organizations.get',
      'resourcemanager.folders.list',
      'resourcemanager.folders.getIamPolicy',
      'resourcemanager.organizations.getIamPolicy',
    ],
    call: (session, _params: NoParams, { signal }): Promise<GcpHierarchyRecord> => session.hierarchy(signal),
  },
  'resourcemanager:ListOrganizations': {
    description:
      'The organizations the scan covers: every one the credentials can see, or with projectIds those above the '
      + 'configured projects (found through their folders).',
    permissions: ['resourcemanager.folders.get', 'resourcemanager.organizations.get'],
    call: (session, _params: NoParams, { signal }): Promise<GcpOrganizationRecord[]> => session.organizations(signal),
  },
});
