import { describe, expect, it } from 'vitest';
import { CheckTester } from '@demarc/core/testing';
import { DOMAIN_IDS, validateCheckMeta, type ScopeInfo } from '@demarc/core';
import type { GcpAncestorPolicy, GcpHierarchyRecord, GcpIamBinding, GcpIamPolicyRecord, GcpProjectRecord, GcpSettings } from '../iam';
import { gcpProvider } from '../provider';
import {
  GCP_CHECKS, auditLogExemptions, basicRolesForPeople, dataAccessAuditLogs, deletedPrincipals, externalMembers, inheritedBroadGrants,
  kmsSeparationOfDuties, privilegedGrantsExpire, projectOwnerLabel, projectPendingDeletion, projectWideImpersonation, publicPrincipals,
  serviceAccountOwnerEditor,
} from './index';

const scope: ScopeInfo = { id: 'alpha', kind: 'project', organization: 'organizations/1' };
const tester = new CheckTester({ framework: { describe, it }, provider: gcpProvider({ clients: undefined }) });
const P = 'projects/alpha';
const G = (role: string, member: string) => `//cloudresourcemanager.googleapis.com/${P}#${role}#${member}`;
const NODE = `//cloudresourcemanager.googleapis.com/${P}`;

const policy = (bindings: readonly GcpIamBinding[], auditConfigs: GcpIamPolicyRecord['auditConfigs'] = [], resource = P): GcpIamPolicyRecord => ({ resource, version: 3, bindings, auditConfigs });
const withPolicy = (bindings: readonly GcpIamBinding[], auditConfigs?: GcpIamPolicyRecord['auditConfigs']) => ({ 'resourcemanager:GetProjectIamPolicy': policy(bindings, auditConfigs) });
const settings = (domains: readonly string[], ownerLabelKeys: readonly string[] = ['owner']): GcpSettings => ({ allowedDomains: { domains, source: domains.length ? 'organization' : 'none' }, ownerLabelKeys });
const project = (overrides: Partial<GcpProjectRecord> = {}): GcpProjectRecord => ({ projectId: 'alpha', name: 'projects/111', number: '111', parent: 'organizations/1', displayName: 'Alpha', state: 'ACTIVE', labels: {}, ...overrides });
const AGENT = 'serviceAccount:service-111@gcp-sa-cloudbuild.iam.gserviceaccount.com';
const APIS_AGENT = 'serviceAccount:111@cloudservices.gserviceaccount.com';

tester.run(basicRolesForPeople, {
  valid: [
    { name: 'predefined roles only', scope, data: withPolicy([{ role: 'roles/storage.admin', members: ['user:ann@example.com'] }]) },
    { name: 'a basic role held by a service account is another check\'s business', scope, data: withPolicy([{ role: 'roles/editor', members: ['serviceAccount:ci@alpha.iam.gserviceaccount.com'] }]) },
  ],
  invalid: [{
    name: 'owner to a user, viewer to a group and editor to a domain', scope,
    data: withPolicy([{ role: 'roles/owner', members: ['user:bob@example.com'] }, { role: 'roles/viewer', members: ['group:eng@example.com'] }, { role: 'roles/editor', members: ['domain:example.com'] }]),
    findings: [
      { status: 'fail', resourceId: G('roles/editor', 'domain:example.com'), messageId: 'basicRole' },
      { status: 'fail', resourceId: G('roles/owner', 'user:bob@example.com'), messageId: 'basicRole', message: 'user:bob@example.com holds the basic role roles/owner on projects/alpha.' },
      { status: 'fail', resourceId: G('roles/viewer', 'group:eng@example.com'), messageId: 'basicRole' },
    ],
  }],
});

tester.run(publicPrincipals, {
  valid: [{ name: 'no public principal', scope, data: withPolicy([{ role: 'roles/viewer', members: ['group:eng@example.com'] }]) }],
  invalid: [{
    name: 'allUsers and allAuthenticatedUsers', scope,
    data: withPolicy([{ role: 'roles/storage.objectViewer', members: ['allUsers', 'allAuthenticatedUsers'] }]),
    findings: [
      { status: 'fail', resourceId: G('roles/storage.objectViewer', 'allAuthenticatedUsers'), messageId: 'public' },
      { status: 'fail', resourceId: G('roles/storage.objectViewer', 'allUsers'), messageId: 'public' },
    ],
  }],
});

tester.run(externalMembers, {
  valid: [
    { name: 'members from the organization\'s domain, mixed case', scope, data: { ...withPolicy([{ role: 'roles/viewer', members: ['user:Ann@Example.com', 'group:eng@example.com', 'serviceAccount:x@other.iam.gserviceaccount.com'] }]), 'gcp:Settings': settings(['example.com']) } },
  ],
  invalid: [
    {
      name: 'a gmail user and a partner domain', scope,
      data: { ...withPolicy([{ role: 'roles/viewer', members: ['user:eve@gmail.com', 'domain:partner.io', 'user:ann@example.com'] }]), 'gcp:Settings': settings(['example.com']) },
      findings: [
        { status: 'fail', resourceId: G('roles/viewer', 'domain:partner.io'), messageId: 'external' },
        { status: 'fail', resourceId: G('roles/viewer', 'user:eve@gmail.com'), messageId: 'external', message: 'user:eve@gmail.com (gmail.com) holds roles/viewer on projects/alpha but is not from an allowed domain (example.com).' },
      ],
    },
    { name: 'no allowed domains known', scope, data: { ...withPolicy([]), 'gcp:Settings': settings([]) }, findings: [{ status: 'manual', resourceId: NODE, messageId: 'unknown' }] },
  ],
});

tester.run(serviceAccountOwnerEditor, {
  valid: [{ name: 'service accounts with narrow roles', scope, data: withPolicy([{ role: 'roles/storage.objectViewer', members: ['serviceAccount:app@alpha.iam.gserviceaccount.com'] }]) }],
  invalid: [{
    name: 'a user-managed account and two Google service agents with editor', scope,
    data: withPolicy([{ role: 'roles/editor', members: ['serviceAccount:111-compute@developer.gserviceaccount.com', APIS_AGENT, AGENT] }]),
    findings: [
      { status: 'fail', resourceId: G('roles/editor', 'serviceAccount:111-compute@developer.gserviceaccount.com'), messageId: 'privileged' },
      { status: 'provider-managed', resourceId: G('roles/editor', APIS_AGENT), providerManaged: 'Google-managed service agent: Google creates it and grants its roles; the customer cannot own its credentials.' },
      { status: 'provider-managed', resourceId: G('roles/editor', AGENT) },
    ],
  }],
});

tester.run(deletedPrincipals, {
  valid: [{ name: 'live principals only', scope, data: withPolicy([{ role: 'roles/viewer', members: ['user:ann@example.com'] }]) }],
  invalid: [{
    name: 'a leaver still bound', scope,
    data: withPolicy([{ role: 'roles/viewer', members: ['deleted:user:leaver@example.com?uid=123', 'user:ann@example.com'] }]),
    findings: [{ status: 'fail', resourceId: G('roles/viewer', 'deleted:user:leaver@example.com?uid=123'), messageId: 'deleted' }],
  }],
});

const allServices = (types: readonly string[], exempted: readonly string[] = []) => [{ service: 'allServices', auditLogConfigs: types.map((logType) => ({ logType, exemptedMembers: exempted })) }];
const ancestors = (configs: GcpIamPolicyRecord['auditConfigs']): GcpAncestorPolicy[] => [
  { resource: 'folders/10', displayName: 'prod', policy: policy([], [], 'folders/10') },
  { resource: 'organizations/1', displayName: 'example.com', policy: policy([], configs, 'organizations/1') },
];

tester.run(dataAccessAuditLogs, {
  valid: [
    { name: 'enabled on the project', scope, data: { ...withPolicy([], allServices(['DATA_READ', 'DATA_WRITE', 'ADMIN_READ'])), 'resourcemanager:GetAncestorIamPolicies': ancestors([]) } },
    { name: 'inherited from the organization', scope, data: { ...withPolicy([]), 'resourcemanager:GetAncestorIamPolicies': ancestors(allServices(['DATA_READ', 'DATA_WRITE'])) } },
    { name: 'split between project and organization', scope, data: { ...withPolicy([], allServices(['DATA_WRITE'])), 'resourcemanager:GetAncestorIamPolicies': ancestors(allServices(['DATA_READ'])) } },
  ],
  invalid: [
    { name: 'nothing enabled anywhere', scope, data: { ...withPolicy([]), 'resourcemanager:GetAncestorIamPolicies': ancestors([]) }, findings: [{ status: 'fail', resourceId: NODE, message: 'Data Access audit logs for all services lack DATA_READ and DATA_WRITE on projects/alpha (including what it inherits).' }] },
    { name: 'only one service, not allServices', scope, data: { ...withPolicy([], [{ service: 'storage.googleapis.com', auditLogConfigs: [{ logType: 'DATA_READ', exemptedMembers: [] }, { logType: 'DATA_WRITE', exemptedMembers: [] }] }]), 'resourcemanager:GetAncestorIamPolicies': ancestors([]) }, findings: [{ status: 'fail', messageId: 'missing' }] },
  ],
});

tester.run(auditLogExemptions, {
  valid: [{ name: 'no exemptions', scope, data: withPolicy([], allServices(['DATA_READ'])) }],
  invalid: [{ name: 'an exempted user', scope, data: withPolicy([], allServices(['DATA_READ'], ['user:ops@example.com'])), findings: [{ status: 'fail', messageId: 'exempted', resourceId: `${NODE}#audit#allServices#DATA_READ#user:ops@example.com` }] }],
});

tester.run(projectOwnerLabel, {
  valid: [
    { name: 'owner label', scope, data: { 'resourcemanager:GetProject': project({ labels: { owner: 'team-payments' } }), 'gcp:Settings': settings(['example.com']) } },
    { name: 'a configured key', scope, data: { 'resourcemanager:GetProject': project({ labels: { team: 'data' } }), 'gcp:Settings': settings(['example.com'], ['owner', 'team']) } },
  ],
  invalid: [
    { name: 'no labels', scope, data: { 'resourcemanager:GetProject': project(), 'gcp:Settings': settings(['example.com']) }, findings: [{ status: 'fail', resourceId: NODE, messageId: 'missing' }] },
    { name: 'an empty owner label', scope, data: { 'resourcemanager:GetProject': project({ labels: { owner: ' ' } }), 'gcp:Settings': settings(['example.com']) }, findings: [{ status: 'fail', messageId: 'missing' }] },
  ],
});

tester.run(projectPendingDeletion, {
  valid: [{ name: 'active project', scope, data: { 'resourcemanager:GetProject': project() } }],
  invalid: [{ name: 'deletion requested', scope, data: { 'resourcemanager:GetProject': project({ state: 'DELETE_REQUESTED', deleteTime: '2025-01-01T00:00:00.000Z' }) }, findings: [{ status: 'fail', message: 'Project alpha is pending deletion (requested 2025-01-01T00:00:00.000Z).' }] }],
});

const until = (iso: string) => ({ title: 'temporary', expression: `request.time < timestamp("${iso}")` });
tester.run(privilegedGrantsExpire, {
  valid: [
    { name: 'time-bound owner grant', scope, data: withPolicy([{ role: 'roles/owner', members: ['user:ann@example.com'], condition: until('2030-01-01T00:00:00Z') }]) },
    { name: 'privileged role for a service account is out of scope', scope, data: withPolicy([{ role: 'roles/iam.securityAdmin', members: ['serviceAccount:ci@alpha.iam.gserviceaccount.com'] }]) },
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

tester.run(projectWideImpersonation, {
  valid: [{ name: 'impersonation granted to a workload only', scope, data: withPolicy([{ role: 'roles/iam.serviceAccountTokenCreator', members: ['serviceAccount:ci@alpha.iam.gserviceaccount.com'] }]) }],
  invalid: [{
    name: 'a user and a group can impersonate every service account', scope,
    data: withPolicy([{ role: 'roles/iam.serviceAccountUser', members: ['user:bob@example.com'] }, { role: 'roles/iam.serviceAccountTokenCreator', members: ['group:ops@example.com'] }]),
    findings: [
      { status: 'fail', resourceId: G('roles/iam.serviceAccountTokenCreator', 'group:ops@example.com') },
      { status: 'fail', resourceId: G('roles/iam.serviceAccountUser', 'user:bob@example.com') },
    ],
  }],
});

tester.run(kmsSeparationOfDuties, {
  valid: [{ name: 'admins and users are different people', scope, data: withPolicy([{ role: 'roles/cloudkms.admin', members: ['group:kms-admins@example.com'] }, { role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', members: ['serviceAccount:app@alpha.iam.gserviceaccount.com'] }]) }],
  invalid: [{
    name: 'one group both administers and uses keys', scope,
    data: withPolicy([{ role: 'roles/cloudkms.admin', members: ['group:kms@example.com'] }, { role: 'roles/cloudkms.cryptoKeyDecrypter', members: ['group:kms@example.com'] }]),
    findings: [{ status: 'fail', resourceId: G('roles/cloudkms.cryptoKeyDecrypter', 'group:kms@example.com'), messageId: 'both' }],
  }],
});

const hierarchy = (orgBindings: readonly GcpIamBinding[], folderBindings: readonly GcpIamBinding[]): GcpHierarchyRecord => ({
  organizations: [{ name: 'organizations/1', displayName: 'example.com', policy: policy(orgBindings, [], 'organizations/1') }],
  folders: [{ name: 'folders/10', parent: 'organizations/1', displayName: 'prod', state: 'ACTIVE', policy: policy(folderBindings, [], 'folders/10') }],
});
const ORG_G = (resource: string, role: string, member: string) => `//cloudresourcemanager.googleapis.com/${resource}#${role}#${member}`;
tester.run(inheritedBroadGrants, {
  valid: [{ name: 'narrow administrative grants', data: { 'resourcemanager:GetHierarchy': hierarchy([{ role: 'roles/resourcemanager.organizationAdmin', members: ['group:admins@example.com'] }], [{ role: 'roles/viewer', members: ['serviceAccount:audit@tools.iam.gserviceaccount.com'] }]) } }],
  invalid: [{
    name: 'editor on the organization, public viewer on a folder, an agent with editor', data: { 'resourcemanager:GetHierarchy': hierarchy([{ role: 'roles/editor', members: ['group:everyone@example.com', APIS_AGENT] }], [{ role: 'roles/browser', members: ['allAuthenticatedUsers'] }]) },
    findings: [
      { status: 'fail', resourceId: ORG_G('folders/10', 'roles/browser', 'allAuthenticatedUsers'), messageId: 'inherited' },
      { status: 'fail', resourceId: ORG_G('organizations/1', 'roles/editor', 'group:everyone@example.com'), message: 'group:everyone@example.com holds roles/editor on organizations/1 (example.com); every project below inherits it.' },
      { status: 'provider-managed', resourceId: ORG_G('organizations/1', 'roles/editor', APIS_AGENT) },
    ],
  }],
});

describe('check metadata (meta-tests over every check)', () => {
  it('has at least ten valid checks over at least five domains, ids prefixed gcp- and unique', () => {
    expect(GCP_CHECKS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(GCP_CHECKS.map((c) => c.meta.domain)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(GCP_CHECKS.map((c) => c.meta.id)).size).toBe(GCP_CHECKS.length);
    for (const check of GCP_CHECKS) {
      expect(validateCheckMeta(check.meta), check.meta.id).toEqual([]);
      expect(check.meta.id).toMatch(/^gcp-[a-z0-9-]+$/);
      expect(check.meta.provider).toBe('gcp');
      expect(DOMAIN_IDS).toContain(check.meta.domain);
      expect(check.meta.references.length).toBeGreaterThan(0);
      for (const url of check.meta.references) expect(url).toMatch(/^https:\/\/cloud\.google\.com\//);
      expect(check.gcp.operations.length).toBeGreaterThan(0);
      expect(check.gcp.permissions.length).toBeGreaterThan(0);
    }
  });

  it('keeps every check short (under 40 lines of source where possible)', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('.', import.meta.url);
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['define.ts', 'index.ts'].includes(f))) {
      const lines = (await readFile(new URL(file, dir), 'utf8')).split('\n').length;
      expect(lines, file).toBeLessThanOrEqual(48);
    }
  });
});
