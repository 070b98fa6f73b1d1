/**
 * Discovery of the resource hierarchy (organizations → folders, recursively → projects) and the
 * collectors the checks read, all through the official Resource Manager v3 clients. Every API call
 * goes through {@link callGcp} / {@link iterateGcp}, so failures reach the runner as demarc's typed
 * errors; folder walks run with bounded concurrency (p-limit).
 * @module
 */
import pLimit from 'p-limit';
import type { Collector, ScopeInfo } from '@demarc/core';
import { callGcp, iterateGcp, type GcpClients } from './clients';
import type {
  GcpAncestorPolicy,
  GcpAuditConfig,
  GcpFolderRecord,
  GcpHierarchyRecord,
  GcpIamBinding,
  GcpIamPolicyRecord,
  GcpLifecycleState,
  GcpOrganizationRecord,
  GcpProjectRecord,
  GcpSettings,
} from './iam';

/** The collector operations of the Google Cloud provider, with the permissions each needs. */
export const GCP_OPERATIONS = {
  'resourcemanager:GetProject': ['resourcemanager.projects.get'],
  'resourcemanager:GetProjectIamPolicy': ['resourcemanager.projects.getIamPolicy'],
  'resourcemanager:GetAncestorIamPolicies': ['resourcemanager.folders.get', 'resourcemanager.folders.getIamPolicy', 'resourcemanager.organizations.getIamPolicy'],
  'resourcemanager:GetHierarchy': ['resourcemanager.organizations.get', 'resourcemanager.folders.list', 'resourcemanager.folders.getIamPolicy', 'resourcemanager.organizations.getIamPolicy'],
  'gcp:Settings': [],
} as const satisfies Record<string, readonly string[]>;

/** A collector operation name, e.g. `'resourcemanager:GetProjectIamPolicy'`. */
export type GcpOperation = keyof typeof GCP_OPERATIONS;

/** The permissions scope discovery itself needs (search organizations and projects, walk folders). */
export const DISCOVERY_PERMISSIONS = ['resourcemanager.organizations.get', 'resourcemanager.folders.list', 'resourcemanager.projects.get'] as const;

// ---------------------------------------------------------------------------------------------
// Normalizing what the client returns (REST and gRPC decode enums and timestamps differently).

const STATES: readonly GcpLifecycleState[] = ['STATE_UNSPECIFIED', 'ACTIVE', 'DELETE_REQUESTED'];
const LOG_TYPES = ['LOG_TYPE_UNSPECIFIED', 'ADMIN_READ', 'DATA_WRITE', 'DATA_READ'] as const;

const enumName = <T extends string>(names: readonly T[], value: unknown, fallback: T): T =>
  typeof value === 'number' ? names[value] ?? fallback : typeof value === 'string' && (names as readonly string[]).includes(value) ? (value as T) : fallback;

interface TimestampLike { readonly seconds?: unknown; readonly nanos?: unknown }

const isoTime = (value: unknown): string | undefined => {
  if (!value) return undefined;
  if (typeof value === 'string') return value;
  const { seconds, nanos } = value as TimestampLike;
  if (seconds === undefined || seconds === null) return undefined;
  const ms = Number(seconds) * 1000 + Math.floor(Number(nanos ?? 0) / 1e6);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : undefined;
};

interface RawProject { name?: string | null; projectId?: string | null; parent?: string | null; displayName?: string | null; state?: unknown; labels?: Record<string, string> | null; createTime?: unknown; deleteTime?: unknown }
interface RawFolder { name?: string | null; parent?: string | null; displayName?: string | null; state?: unknown }
interface RawOrganization { name?: string | null; displayName?: string | null; directoryCustomerId?: string | null }
interface RawPolicy { version?: number | null; bindings?: readonly { role?: string | null; members?: readonly string[] | null; condition?: { title?: string | null; expression?: string | null; description?: string | null } | null }[] | null; auditConfigs?: readonly { service?: string | null; auditLogConfigs?: readonly { logType?: unknown; exemptedMembers?: readonly string[] | null }[] | null }[] | null }

/** @internal */
export function toProjectRecord(raw: RawProject): GcpProjectRecord {
  const name = raw.name ?? '';
  const deleteTime = isoTime(raw.deleteTime);
  const createTime = isoTime(raw.createTime);
  return {
    projectId: raw.projectId ?? '',
    name,
    number: name.replace(/^projects\//, ''),
    parent: raw.parent ?? '',
    displayName: raw.displayName ?? '',
    state: enumName(STATES, raw.state, 'STATE_UNSPECIFIED'),
    labels: { ...(raw.labels ?? {}) },
    ...(createTime ? { createTime } : {}),
    ...(deleteTime ? { deleteTime } : {}),
  };
}

const toFolderRecord = (raw: RawFolder): GcpFolderRecord => ({
  name: raw.name ?? '',
  parent: raw.parent ?? '',
  displayName: raw.displayName ?? '',
  state: enumName(STATES, raw.state, 'STATE_UNSPECIFIED'),
});

const toOrganizationRecord = (raw: RawOrganization): GcpOrganizationRecord => ({
  name: raw.name ?? '',
  displayName: raw.displayName ?? '',
  ...(raw.directoryCustomerId ? { directoryCustomerId: raw.directoryCustomerId } : {}),
});

/** @internal */
export function toPolicyRecord(resource: string, raw: RawPolicy): GcpIamPolicyRecord {
  const bindings: GcpIamBinding[] = (raw.bindings ?? []).map((b) => {
    const c = b.condition;
    return {
      role: b.role ?? '',
      members: [...(b.members ?? [])],
      ...(c && c.expression ? { condition: { title: c.title ?? '', expression: c.expression, ...(c.description ? { description: c.description } : {}) } } : {}),
    };
  });
  const auditConfigs: GcpAuditConfig[] = (raw.auditConfigs ?? []).map((a) => ({
    service: a.service ?? '',
    auditLogConfigs: (a.auditLogConfigs ?? []).map((l) => ({ logType: enumName(LOG_TYPES, l.logType, 'LOG_TYPE_UNSPECIFIED'), exemptedMembers: [...(l.exemptedMembers ?? [])] })),
  }));
  return { resource, version: raw.version ?? 1, bindings, auditConfigs };
}

// ---------------------------------------------------------------------------------------------

/** What discovery and the collectors share within one provider instance. */
export interface GcpScanState {
  /** The clients, created on first use. */
  clients(): Promise<GcpClients>;
  /** Folder walk concurrency. */
  readonly concurrency: number;
  /** Projects to check instead of searching (works without an organization). */
  readonly projectIds?: readonly string[];
  /** Domains members may come from (default: the organizations' primary domains). */
  readonly allowedDomains?: readonly string[];
  /** Label keys that name a project's owner (default `['owner']`). */
  readonly ownerLabelKeys?: readonly string[];
  /** Page size asked of list and search calls. */
  readonly pageSize?: number;
}

/** The hierarchy seen by discovery, filled as it walks. */
interface HierarchyCache {
  readonly organizations: Map<string, GcpOrganizationRecord>;
  readonly folders: Map<string, GcpFolderRecord>;
  readonly projects: Map<string, GcpProjectRecord>;
  walked: boolean;
}

const POLICY_OPTIONS = { options: { requestedPolicyVersion: 3 } } as const;

/**
 * Creates discovery and the collectors over one shared state. Folder and organization policies are
 * fetched once per provider instance, however many projects inherit them.
 * @internal
 */
export function createGcpRuntime(state: GcpScanState) {
  const hierarchy: HierarchyCache = { organizations: new Map(), folders: new Map(), projects: new Map(), walked: false };
  /** Folder walks that failed (e.g. no resourcemanager.folders.list on an organization). */
  const walkErrors: unknown[] = [];
  const policies = new Map<string, Promise<GcpIamPolicyRecord>>();
  const limit = pLimit(Math.max(1, state.concurrency));

  const getPolicy = (resource: string): Promise<GcpIamPolicyRecord> => {
    let pending = policies.get(resource);
    if (!pending) {
      pending = state.clients().then((c) => {
        if (resource.startsWith('folders/')) {
          return callGcp('resourcemanager:GetFolderIamPolicy', () => c.folders.getIamPolicy({ resource, ...POLICY_OPTIONS }, c.callOptions)).then(([p]) => toPolicyRecord(resource, p));
        }
        if (resource.startsWith('organizations/')) {
          return callGcp('resourcemanager:GetOrganizationIamPolicy', () => c.organizations.getIamPolicy({ resource, ...POLICY_OPTIONS }, c.callOptions)).then(([p]) => toPolicyRecord(resource, p));
        }
        return callGcp('resourcemanager:GetProjectIamPolicy', () => c.projects.getIamPolicy({ resource, ...POLICY_OPTIONS }, c.callOptions)).then(([p]) => toPolicyRecord(resource, p));
      });
      policies.set(resource, pending);
    }
    return pending;
  };

  const getFolder = async (name: string): Promise<GcpFolderRecord> => {
    const known = hierarchy.folders.get(name);
    if (known) return known;
    const c = await state.clients();
    const [raw] = await callGcp('resourcemanager:GetFolder', () => c.folders.getFolder({ name }, c.callOptions));
    const folder = toFolderRecord(raw);
    hierarchy.folders.set(name, folder);
    return folder;
  };

  const getOrganization = async (name: string): Promise<GcpOrganizationRecord> => {
    const known = hierarchy.organizations.get(name);
    if (known) return known;
    const c = await state.clients();
    const [raw] = await callGcp('resourcemanager:GetOrganization', () => c.organizations.getOrganization({ name }, c.callOptions));
    const org = toOrganizationRecord(raw);
    hierarchy.organizations.set(name, org);
    return org;
  };

  const getProject = async (projectId: string): Promise<GcpProjectRecord> => {
    const c = await state.clients();
    const [raw] = await callGcp('resourcemanager:GetProject', () => c.projects.getProject({ name: `projects/${projectId}` }, c.callOptions));
    const project = toProjectRecord(raw);
    hierarchy.projects.set(project.projectId, project);
    return project;
  };

  /** Walks every folder under `parent`, breadth by breadth, `concurrency` list calls at a time. */
  const walkFolders = async (c: GcpClients, parent: string): Promise<void> => {
    const children: GcpFolderRecord[] = [];
    for await (const raw of iterateGcp('resourcemanager:ListFolders', () => c.folders.listFoldersAsync({ parent, ...(state.pageSize ? { pageSize: state.pageSize } : {}) }, c.pagedCallOptions))) {
      const folder = toFolderRecord(raw);
      hierarchy.folders.set(folder.name, folder);
      children.push(folder);
    }
    await Promise.all(children.map((folder) => limit(() => walkFolders(c, folder.name))));
  };

  /**
   * Walks every organization's folders. A walk that fails does not stop discovery: projects are still
   * found by search and their ancestors read one by one; the failure is kept for the org-level checks.
   */
  const walkAll = async (c: GcpClients): Promise<void> => {
    await Promise.all([...hierarchy.organizations.keys()].map((org) => walkFolders(c, org).catch((error: unknown) => {
      walkErrors.push(error);
    })));
    hierarchy.walked = true;
  };

  const scopeOf = (project: GcpProjectRecord): ScopeInfo => {
    const organization = organizationOf(project.parent);
    return {
      id: project.projectId,
      kind: 'project',
      name: project.displayName || project.projectId,
      ...(organization ? { organization } : {}),
    };
  };

  /** The organization a parent chain ends in, as far as discovery knows it. */
  const organizationOf = (parent: string): string | undefined => {
    let current = parent;
    for (let depth = 0; depth < 12 && current; depth++) {
      if (current.startsWith('organizations/')) return current;
      current = hierarchy.folders.get(current)?.parent ?? '';
    }
    return undefined;
  };

  /**
   * Lists the projects to check: the configured ones, or every project the credentials can see
   * (search, all pages) after walking each organization's folders.
   */
  async function* discoverScopes(): AsyncGenerator<ScopeInfo> {
    const c = await state.clients();
    if (state.projectIds) {
      const projects = await Promise.all(state.projectIds.map((id) => limit(() => getProject(id))));
      // Learn each project's folders and organization where the credentials allow it (allowed
      // domains default to the organizations' domains); a project outside any organization has none.
      await Promise.all(projects.map((project) => limit(async () => {
        const chain = await ancestorsOf(project.parent).catch(() => []);
        const org = chain.find((node) => node.resource.startsWith('organizations/'));
        if (org) await getOrganization(org.resource).catch(() => undefined);
      })));
      for (const project of projects) yield scopeOf(project);
      return;
    }
    for await (const raw of iterateGcp('resourcemanager:SearchOrganizations', () => c.organizations.searchOrganizationsAsync({ query: '' }, c.pagedCallOptions))) {
      const org = toOrganizationRecord(raw);
      hierarchy.organizations.set(org.name, org);
    }
    await walkAll(c);
    for await (const raw of iterateGcp('resourcemanager:SearchProjects', () => c.projects.searchProjectsAsync({ query: '', ...(state.pageSize ? { pageSize: state.pageSize } : {}) }, c.pagedCallOptions))) {
      const project = toProjectRecord(raw);
      hierarchy.projects.set(project.projectId, project);
      yield scopeOf(project);
    }
  }

  const ancestorsOf = async (parent: string): Promise<{ resource: string; displayName: string }[]> => {
    const chain: { resource: string; displayName: string }[] = [];
    let current = parent;
    for (let depth = 0; depth < 12 && current; depth++) {
      if (current.startsWith('folders/')) {
        const folder = await getFolder(current);
        chain.push({ resource: folder.name, displayName: folder.displayName });
        current = folder.parent;
      } else if (current.startsWith('organizations/')) {
        const org = hierarchy.organizations.get(current);
        chain.push({ resource: current, displayName: org?.displayName ?? current });
        break;
      } else break;
    }
    return chain;
  };

  const projectOf = async (scope: ScopeInfo): Promise<GcpProjectRecord> => hierarchy.projects.get(scope.id) ?? getProject(scope.id);

  const collectors: Record<GcpOperation, Collector> = {
    'resourcemanager:GetProject': async (scope) => projectOf(scope),
    'resourcemanager:GetProjectIamPolicy': async (scope) => getPolicy(`projects/${scope.id}`),
    'resourcemanager:GetAncestorIamPolicies': async (scope): Promise<GcpAncestorPolicy[]> => {
      const project = await projectOf(scope);
      const chain = await ancestorsOf(project.parent);
      return Promise.all(chain.map(async ({ resource, displayName }) => ({ resource, displayName, policy: await getPolicy(resource) })));
    },
    'resourcemanager:GetHierarchy': async (): Promise<GcpHierarchyRecord> => {
      if (!hierarchy.walked && !state.projectIds) {
        const c = await state.clients();
        for await (const raw of iterateGcp('resourcemanager:SearchOrganizations', () => c.organizations.searchOrganizationsAsync({ query: '' }, c.pagedCallOptions))) {
          const org = toOrganizationRecord(raw);
          hierarchy.organizations.set(org.name, org);
        }
        await walkAll(c);
      }
      // An organization whose folders could not be listed cannot be judged as a whole.
      if (walkErrors.length > 0) throw walkErrors[0];
      const organizations = await Promise.all([...hierarchy.organizations.values()].map(async (org) => ({ ...org, policy: await getPolicy(org.name) })));
      const folders = await Promise.all([...hierarchy.folders.values()].map((folder) => limit(async () => ({ ...folder, policy: await getPolicy(folder.name) }))));
      organizations.sort((a, b) => a.name.localeCompare(b.name));
      folders.sort((a, b) => a.name.localeCompare(b.name));
      return { organizations, folders };
    },
    'gcp:Settings': async (): Promise<GcpSettings> => {
      const ownerLabelKeys = [...(state.ownerLabelKeys ?? ['owner'])];
      if (state.allowedDomains && state.allowedDomains.length > 0) {
        return { allowedDomains: { domains: state.allowedDomains.map((d) => d.toLowerCase()).sort(), source: 'configured' }, ownerLabelKeys };
      }
      const domains = [...new Set([...hierarchy.organizations.values()].map((org) => org.displayName.toLowerCase()).filter(Boolean))].sort();
      return { allowedDomains: domains.length > 0 ? { domains, source: 'organization' } : { domains: [], source: 'none' }, ownerLabelKeys };
    },
  };

  return { discoverScopes, collectors, getOrganization };
}
