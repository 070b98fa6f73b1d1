/**
 * The Google Cloud session: what discovery and every operation's call share within one provider
 * instance. It holds the clients (created on first use), the resource hierarchy as discovery walks it,
 * and the IAM policies already read, so a folder's policy is fetched once however many projects
 * inherit it. Every read takes the scan's signal and goes through {@link gcpCall} / {@link gcpPages}.
 * @module
 */
import pLimit from 'p-limit';
import type { ScopeInfo } from '@demarc/core';
import type { GcpClients } from './clients';
import { gcpCall, gcpPages } from './calls';
import { toFolderRecord, toOrganizationRecord, toPolicyRecord, toProjectRecord } from './records';
import type {
  GcpAncestorPolicy,
  GcpFolderRecord,
  GcpHierarchyRecord,
  GcpIamPolicyRecord,
  GcpOrganizationRecord,
  GcpProjectRecord,
} from './types';

/** What a session is built from (the discovery-related provider options). */
export interface GcpSessionOptions {
  /** The clients, created on first use. */
  clients(): Promise<GcpClients>;
  /** Folder-walk and project-lookup concurrency. */
  readonly concurrency: number;
  /** Projects to check instead of searching (works without an organization). */
  readonly projectIds?: readonly string[];
  /** Page size asked of list and search calls. */
  readonly pageSize?: number;
}

/** What every Google Cloud operation's `call` receives: reads of the hierarchy, cached per provider instance. */
export interface GcpSession {
  /** The clients (created on first use). */
  clients(): Promise<GcpClients>;
  /** The projects the scan covers, as scopes: the configured ones, or every project the search finds. */
  scopes(signal: AbortSignal): AsyncGenerator<ScopeInfo>;
  /** A project by id (as discovery saw it, else read). */
  project(projectId: string, signal: AbortSignal): Promise<GcpProjectRecord>;
  /** The IAM policy (version 3) of a project, folder or organization, read once per resource. */
  policy(resource: string, signal: AbortSignal): Promise<GcpIamPolicyRecord>;
  /** The folders and organization above a project, nearest first, each with its policy. */
  ancestorPolicies(projectId: string, signal: AbortSignal): Promise<GcpAncestorPolicy[]>;
  /** The organizations the scan covers, by name. */
  organizations(signal: AbortSignal): Promise<GcpOrganizationRecord[]>;
  /** Every organization and folder with its policy; throws when a folder walk failed. */
  hierarchy(signal: AbortSignal): Promise<GcpHierarchyRecord>;
}

const POLICY_OPTIONS = { options: { requestedPolicyVersion: 3 } } as const;

/** A folder or organization above a project. */
interface Ancestor {
  readonly resource: string;
  readonly displayName: string;
}
const byName = <T extends { readonly name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);

/**
 * Remembers a read by key. A read that failed because the scan was aborted is forgotten, so a later
 * scan with the same provider reads again.
 */
function remember<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  signal: AbortSignal,
  read: () => Promise<T>,
): Promise<T> {
  let pending = cache.get(key);
  if (!pending) {
    pending = read();
    cache.set(key, pending);
    pending.catch(() => {
      if (signal.aborted) cache.delete(key);
    });
  }
  return pending;
}

/** Creates the session of one provider instance. */
export function createGcpSession(options: GcpSessionOptions): GcpSession {
  const organizations = new Map<string, GcpOrganizationRecord>();
  const folders = new Map<string, GcpFolderRecord>();
  const projects = new Map<string, GcpProjectRecord>();
  /** Folder walks that failed (e.g. no resourcemanager.folders.list on an organization). */
  const walkErrors: unknown[] = [];
  const policies = new Map<string, Promise<GcpIamPolicyRecord>>();
  const steps = new Map<string, Promise<void>>();
  const limit = pLimit(Math.max(1, options.concurrency));
  const pageSize = options.pageSize ? { pageSize: options.pageSize } : {};

  const readPolicy = async (resource: string, signal: AbortSignal): Promise<GcpIamPolicyRecord> => {
    const c = await options.clients();
    const request = { resource, ...POLICY_OPTIONS };
    if (resource.startsWith('folders/')) {
      const [raw] = await gcpCall('resourcemanager:GetFolderIamPolicy', signal, c.folders, () =>
        c.folders.getIamPolicy(request, c.callOptions));
      return toPolicyRecord(resource, raw);
    }
    if (resource.startsWith('organizations/')) {
      const [raw] = await gcpCall('resourcemanager:GetOrganizationIamPolicy', signal, c.organizations, () =>
        c.organizations.getIamPolicy(request, c.callOptions));
      return toPolicyRecord(resource, raw);
    }
    const [raw] = await gcpCall('resourcemanager:GetProjectIamPolicy', signal, c.projects, () =>
      c.projects.getIamPolicy(request, c.callOptions));
    return toPolicyRecord(resource, raw);
  };
  const policy = (resource: string, signal: AbortSignal): Promise<GcpIamPolicyRecord> =>
    remember(policies, resource, signal, () => readPolicy(resource, signal));

  const folder = async (name: string, signal: AbortSignal): Promise<GcpFolderRecord> => {
    const known = folders.get(name);
    if (known) return known;
    const c = await options.clients();
    const [raw] = await gcpCall('resourcemanager:GetFolder', signal, c.folders, () =>
      c.folders.getFolder({ name }, c.callOptions));
    const record = toFolderRecord(raw);
    folders.set(name, record);
    return record;
  };

  const organization = async (name: string, signal: AbortSignal): Promise<GcpOrganizationRecord> => {
    const known = organizations.get(name);
    if (known) return known;
    const c = await options.clients();
    const [raw] = await gcpCall('resourcemanager:GetOrganization', signal, c.organizations, () =>
      c.organizations.getOrganization({ name }, c.callOptions));
    const record = toOrganizationRecord(raw);
    organizations.set(name, record);
    return record;
  };

  const project = async (projectId: string, signal: AbortSignal): Promise<GcpProjectRecord> => {
    const known = projects.get(projectId);
    if (known) return known;
    const c = await options.clients();
    const name = `projects/${projectId}`;
    const [raw] = await gcpCall('resourcemanager:GetProject', signal, c.projects, () =>
      c.projects.getProject({ name }, c.callOptions));
    const record = toProjectRecord(raw);
    projects.set(record.projectId, record);
    return record;
  };

  /** The folders and organization above `parent`, nearest first. */
  const ancestorsOf = async (parent: string, signal: AbortSignal): Promise<Ancestor[]> => {
    const chain: Ancestor[] = [];
    let current = parent;
    for (let depth = 0; depth < 12 && current; depth++) {
      if (current.startsWith('folders/')) {
        const node = await folder(current, signal);
        chain.push({ resource: node.name, displayName: node.displayName });
        current = node.parent;
      } else if (current.startsWith('organizations/')) {
        chain.push({ resource: current, displayName: organizations.get(current)?.displayName ?? current });
        break;
      } else break;
    }
    return chain;
  };

  /** The organization a parent chain ends in, as far as discovery knows it. */
  const organizationOf = (parent: string): string | undefined => {
    let current = parent;
    for (let depth = 0; depth < 12 && current; depth++) {
      if (current.startsWith('organizations/')) return current;
      current = folders.get(current)?.parent ?? '';
    }
    return undefined;
  };

  const scopeOf = (record: GcpProjectRecord): ScopeInfo => {
    const org = organizationOf(record.parent);
    const name = record.displayName || record.projectId;
    return { id: record.projectId, kind: 'project', name, ...(org ? { organization: org } : {}) };
  };

  /** Walks every folder under `parent`, breadth by breadth, `concurrency` list calls at a time. */
  const walkFolders = async (c: GcpClients, parent: string, signal: AbortSignal): Promise<void> => {
    const children: GcpFolderRecord[] = [];
    const request = { parent, ...pageSize };
    const pages = gcpPages('resourcemanager:ListFolders', signal, c.folders, request, (r) =>
      c.folders.listFolders(r, c.pagedCallOptions));
    for await (const raw of pages) {
      const record = toFolderRecord(raw);
      folders.set(record.name, record);
      children.push(record);
    }
    await Promise.all(children.map((child) => limit(() => walkFolders(c, child.name, signal))));
  };

  /** Runs a discovery step once per provider instance (again after an aborted run). */
  const once = (step: string, signal: AbortSignal, run: () => Promise<void>): Promise<void> =>
    remember(steps, step, signal, run);

  /** Every organization the credentials can see, then every folder under them. */
  const searchHierarchy = (signal: AbortSignal): Promise<void> =>
    once('search', signal, async () => {
      const c = await options.clients();
      const orgs = gcpPages('resourcemanager:SearchOrganizations', signal, c.organizations, { query: '' }, (r) =>
        c.organizations.searchOrganizations(r, c.pagedCallOptions));
      for await (const raw of orgs) {
        const record = toOrganizationRecord(raw);
        organizations.set(record.name, record);
      }
      // A walk that fails does not stop discovery: projects are still found by search and their
      // ancestors read one by one; the failure is kept for the organization-level check.
      await Promise.all([...organizations.keys()].map((org) => walkFolders(c, org, signal).catch((error: unknown) => {
        if (signal.aborted) throw error;
        walkErrors.push(error);
      })));
    });

  /**
   * The configured projects, and each one's folders and organization where the credentials allow it
   * (allowed domains default to the organizations' domains); a project outside any organization has none.
   */
  const configuredProjects = (ids: readonly string[], signal: AbortSignal): Promise<void> =>
    once('projects', signal, async () => {
      const records = await Promise.all(ids.map((id) => limit(() => project(id, signal))));
      await Promise.all(records.map((record) => limit(async () => {
        const chain = await ancestorsOf(record.parent, signal).catch(() => []);
        const org = chain.find((node) => node.resource.startsWith('organizations/'));
        if (org) await organization(org.resource, signal).catch(() => undefined);
      })));
      signal.throwIfAborted();
    });

  const learnHierarchy = (signal: AbortSignal): Promise<void> =>
    options.projectIds ? configuredProjects(options.projectIds, signal) : searchHierarchy(signal);

  return {
    clients: options.clients,
    project,
    policy,

    async *scopes(signal) {
      await learnHierarchy(signal);
      if (options.projectIds) {
        for (const id of options.projectIds) yield scopeOf(projects.get(id) ?? (await project(id, signal)));
        return;
      }
      const c = await options.clients();
      const request = { query: '', ...pageSize };
      const pages = gcpPages('resourcemanager:SearchProjects', signal, c.projects, request, (r) =>
        c.projects.searchProjects(r, c.pagedCallOptions));
      for await (const raw of pages) {
        const record = toProjectRecord(raw);
        projects.set(record.projectId, record);
        yield scopeOf(record);
      }
    },

    async ancestorPolicies(projectId, signal) {
      const record = await project(projectId, signal);
      const chain = await ancestorsOf(record.parent, signal);
      return Promise.all(chain.map(async (node) => ({ ...node, policy: await policy(node.resource, signal) })));
    },

    async organizations(signal) {
      await learnHierarchy(signal);
      return [...organizations.values()].sort(byName);
    },

    async hierarchy(signal) {
      await learnHierarchy(signal);
      // An organization whose folders could not be listed cannot be judged as a whole.
      if (walkErrors.length > 0) throw walkErrors[0];
      const withPolicy = async <T extends { readonly name: string }>(node: T) =>
        ({ ...node, policy: await policy(node.name, signal) });
      const orgs = await Promise.all([...organizations.values()].map(withPolicy));
      const nodes = await Promise.all([...folders.values()].map((node) => limit(() => withPolicy(node))));
      return { organizations: orgs.sort(byName), folders: nodes.sort(byName) };
    },
  };
}
