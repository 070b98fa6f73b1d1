/**
 * Google Cloud Resource Manager v3 over REST, as `@google-cloud/resource-manager` sends it in REST
 * (`fallback`) mode. Shapes follow the v3 REST reference:
 * https://cloud.google.com/resource-manager/reference/rest/v3/projects (Project, `search`, `list`),
 * https://cloud.google.com/resource-manager/reference/rest/v3/folders,
 * https://cloud.google.com/resource-manager/reference/rest/v3/organizations,
 * https://cloud.google.com/resource-manager/reference/rest/Shared.Types/Policy (IAM policy).
 * Errors are `google.rpc.Status` JSON: https://cloud.google.com/apis/design/errors#http_mapping.
 *
 * Fault scopes are resource names: `projects/{projectId}`, `folders/{id}`, `organizations/{id}`.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { GcpEstate, GcpFolder, GcpIamPolicy, GcpOrganization, GcpProject, GcpState } from '../estate/types.ts';
import type { Dispatch, ErrorShapes, Reply, WireRequest } from '../http.ts';
import { decodeToken, encodeToken, page } from '../http.ts';

const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** A `google.rpc.Status` error answer. @internal */
export const gcpError = (status: number, message: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
  body: JSON.stringify({ error: { code: status, message, status: STATUS[status] ?? 'UNKNOWN' } }),
});

const errors: ErrorShapes = {
  throttle: (retryAfter) =>
    gcpError(429, "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service 'cloudresourcemanager.googleapis.com'.", retryAfter > 0 ? { 'retry-after': String(retryAfter) } : {}),
  serverError: (status) => gcpError(status, status === 503 ? 'The service is currently unavailable.' : 'Internal error encountered.'),
  accessDenied: (message) => gcpError(403, `The caller does not have permission (${message})`),
};

const ok = (body: unknown): Reply => ({ status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: JSON.stringify(body) });

const STATE_INT: Record<GcpState, number> = { ACTIVE: 1, DELETE_REQUESTED: 2 };
const LOG_TYPE_INT = { ADMIN_READ: 1, DATA_WRITE: 2, DATA_READ: 3 } as const;

const etag = (text: string): string => createHash('sha1').update(text).digest('base64').slice(0, 12);

/** Lookup tables over a {@link GcpEstate}. @internal */
export class GcpIndex {
  readonly estate: GcpEstate;
  readonly projects = new Map<string, GcpProject>();
  readonly folders = new Map<string, GcpFolder>();
  readonly organizations = new Map<string, GcpOrganization>();

  constructor(estate: GcpEstate) {
    this.estate = estate;
    for (const p of estate.projects) {
      this.projects.set(p.projectId, p);
      this.projects.set(p.number, p);
    }
    for (const f of estate.folders) this.folders.set(f.id, f);
    for (const o of estate.organizations) this.organizations.set(o.id, o);
  }
}

interface Ctx {
  readonly req: WireRequest;
  readonly intEnums: boolean;
  readonly maxPageSize: number | undefined;
}

const state = (ctx: Ctx, s: GcpState | undefined): string | number => (ctx.intEnums ? STATE_INT[s ?? 'ACTIVE'] : (s ?? 'ACTIVE'));

const projectJson = (ctx: Ctx, p: GcpProject) => ({
  name: `projects/${p.number}`,
  parent: p.parent,
  projectId: p.projectId,
  state: state(ctx, p.state),
  displayName: p.displayName,
  createTime: p.createTime,
  updateTime: p.createTime,
  ...(p.state === 'DELETE_REQUESTED' ? { deleteTime: p.createTime } : {}),
  etag: etag(`projects/${p.number}`),
  labels: p.labels ?? {},
});

const folderJson = (ctx: Ctx, f: GcpFolder) => ({
  name: `folders/${f.id}`,
  parent: f.parent,
  displayName: f.displayName,
  state: state(ctx, f.state),
  createTime: f.createTime,
  updateTime: f.createTime,
  etag: etag(`folders/${f.id}`),
});

const orgJson = (ctx: Ctx, o: GcpOrganization) => ({
  name: `organizations/${o.id}`,
  displayName: o.displayName,
  directoryCustomerId: o.directoryCustomerId,
  state: state(ctx, 'ACTIVE'),
  createTime: o.createTime,
  updateTime: o.createTime,
  etag: etag(`organizations/${o.id}`),
});

/**
 * An IAM policy as getIamPolicy answers it. A request for a version below 3 on a policy with
 * conditions gets IAM's documented downgrade: conditional bindings lose their condition and their
 * role gets a `_withcond_` suffix (https://cloud.google.com/iam/docs/policies#versions).
 */
const policyJson = (ctx: Ctx, resource: string, policy: GcpIamPolicy | undefined, requestedVersion: number) => {
  const p = policy ?? { bindings: [] };
  const hasConditions = p.bindings.some((b) => b.condition);
  const v3 = requestedVersion >= 3;
  return {
    version: hasConditions && v3 ? 3 : 1,
    bindings: p.bindings.map((b) =>
      b.condition && !v3
        ? { role: `${b.role}_withcond_${etag(b.condition.expression).replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 8)}`, members: b.members }
        : { role: b.role, members: b.members, ...(b.condition ? { condition: b.condition } : {}) },
    ),
    ...(p.auditConfigs
      ? {
          auditConfigs: p.auditConfigs.map((a) => ({
            service: a.service,
            auditLogConfigs: a.auditLogConfigs.map((c) => ({
              logType: ctx.intEnums ? LOG_TYPE_INT[c.logType] : c.logType,
              ...(c.exemptedMembers ? { exemptedMembers: c.exemptedMembers } : {}),
            })),
          })),
        }
      : {}),
    etag: etag(`${resource}:policy`),
  };
};

const pagedJson = <T>(ctx: Ctx, op: string, items: readonly T[], key: string, map: (t: T) => unknown): Reply => {
  const q = ctx.req.url.searchParams;
  const offset = decodeToken(op, q.get('pageToken'));
  if (offset === undefined) return gcpError(400, 'Request contains an invalid argument: page_token');
  const requested = Number(q.get('pageSize') ?? 0);
  let size = requested > 0 ? Math.min(requested, 1000) : 100;
  if (ctx.maxPageSize !== undefined) size = Math.min(size, ctx.maxPageSize);
  const p = page(items, offset, size);
  return ok({ [key]: p.items.map(map), ...(p.next === undefined ? {} : { nextPageToken: encodeToken(op, p.next) }) });
};

/**
 * Parses the subset of the search query language the local cloud supports: space-separated
 * (AND-ed) terms `parent:folders/123`, `parent.type:folder parent.id:123`, `id:`/`projectId:`,
 * `state:ACTIVE`, `displayName:`, `labels.key:value`. Anything else is refused with 400, so a check
 * never silently gets unfiltered results.
 */
const parseQuery = (query: string): { ok: true; test: (fields: Record<string, string | undefined>) => boolean } | { ok: false; term: string } => {
  const terms = query.split(/\s+(?:AND\s+)?/).filter(Boolean);
  const preds: ((f: Record<string, string | undefined>) => boolean)[] = [];
  let parentType: string | undefined;
  let parentId: string | undefined;
  for (const term of terms) {
    const m = /^([\w.]+)[:=](.*)$/.exec(term);
    if (!m) return { ok: false, term };
    const key = m[1] ?? '';
    const value = (m[2] ?? '').replace(/^"|"$/g, '');
    if (key === 'parent.type') parentType = value;
    else if (key === 'parent.id') parentId = value;
    else if (['parent', 'id', 'projectId', 'state', 'displayName', 'lifecycleState', 'name'].includes(key) || key.startsWith('labels.')) {
      const field = key === 'projectId' ? 'id' : key === 'lifecycleState' ? 'state' : key;
      preds.push((f) => (value === '*' ? f[field] !== undefined : f[field] === value));
    } else return { ok: false, term };
  }
  if (parentType || parentId) {
    const want = `${parentType === 'organization' ? 'organizations' : 'folders'}/${parentId ?? ''}`;
    preds.push((f) => (parentId ? f.parent === want : (f.parent ?? '').startsWith(parentType === 'organization' ? 'organizations/' : 'folders/')));
  }
  return { ok: true, test: (f) => preds.every((p) => p(f)) };
};

/** Builds the Resource Manager router. @internal */
export const gcpRouter =
  (index: GcpIndex, maxPageSize: number | undefined) =>
  (req: WireRequest): Dispatch => {
    const ctx: Ctx = { req, intEnums: (req.url.searchParams.get('$alt') ?? '').includes('enum-encoding=int'), maxPageSize };
    const path = decodeURIComponent(req.url.pathname);
    const q = req.url.searchParams;
    const m = /^\/v3\/(projects|folders|organizations)(?::(search))?(?:\/([^/:]+))?(?::(\w+))?$/.exec(path);
    if (!m) return { operation: 'unknown', errors, serve: () => gcpError(404, `The local cloud does not serve ${req.method} ${path}`) };
    const collection = m[1] as 'projects' | 'folders' | 'organizations';
    const search = m[2];
    const id = m[3];
    const verb = m[4];
    const method = req.method;

    // Classify: search, list, get, getIamPolicy and testIamPermissions are reads; the rest writes.
    let op: string;
    if (search) op = 'search';
    else if (!id) op = method === 'GET' ? 'list' : 'create';
    else if (verb) op = verb;
    else op = method === 'GET' ? 'get' : method === 'PATCH' ? 'patch' : method === 'DELETE' ? 'delete' : method.toLowerCase();
    const operation = `${collection}.${op}`;
    const write = !['search', 'list', 'get', 'getIamPolicy'].includes(op);

    const project = collection === 'projects' && id ? index.projects.get(id) : undefined;
    const scope = id ? (collection === 'projects' ? `projects/${project?.projectId ?? id}` : `${collection}/${id}`) : (q.get('parent') ?? undefined);

    const denied = (resource: string, permission: string): Reply =>
      gcpError(403, `Permission '${permission}' denied on resource '//cloudresourcemanager.googleapis.com/${resource}' (or it may not exist).`);

    const serve = (): Reply => {
      if (collection === 'projects') {
        if (op === 'search' || op === 'list') {
          let projects: readonly GcpProject[];
          if (op === 'list') {
            const parent = q.get('parent');
            if (!parent) return gcpError(400, 'Request contains an invalid argument: parent is required');
            const showDeleted = q.get('showDeleted') === 'true';
            projects = index.estate.projects.filter((p) => p.parent === parent && (showDeleted || (p.state ?? 'ACTIVE') === 'ACTIVE'));
          } else {
            const parsed = parseQuery(q.get('query') ?? '');
            if (!parsed.ok) return gcpError(400, `Request contains an invalid argument: unsupported query term '${parsed.term}'`);
            projects = index.estate.projects.filter((p) =>
              parsed.test({
                parent: p.parent,
                id: p.projectId,
                name: `projects/${p.number}`,
                state: p.state ?? 'ACTIVE',
                displayName: p.displayName,
                ...Object.fromEntries(Object.entries(p.labels ?? {}).map(([k, v]) => [`labels.${k}`, v])),
              }),
            );
          }
          // Projects the caller may not see are left out of search and list, as in the real API.
          return pagedJson(ctx, operation, projects.filter((p) => !p.accessDenied), 'projects', (p) => projectJson(ctx, p));
        }
        if (!project || project.accessDenied) return denied(`projects/${id ?? ''}`, op === 'get' ? 'resourcemanager.projects.get' : 'resourcemanager.projects.getIamPolicy');
        if (op === 'get') return ok(projectJson(ctx, project));
        return ok(policyJson(ctx, `projects/${project.number}`, project.iamPolicy, requestedVersion(req)));
      }
      if (collection === 'folders') {
        if (op === 'search' || op === 'list') {
          const parent = q.get('parent');
          if (op === 'list' && !parent) return gcpError(400, 'Request contains an invalid argument: parent is required');
          const showDeleted = q.get('showDeleted') === 'true';
          let folders = index.estate.folders.filter((f) => (op === 'search' || f.parent === parent) && (op === 'search' || showDeleted || (f.state ?? 'ACTIVE') === 'ACTIVE'));
          if (op === 'search') {
            const parsed = parseQuery(q.get('query') ?? '');
            if (!parsed.ok) return gcpError(400, `Request contains an invalid argument: unsupported query term '${parsed.term}'`);
            folders = folders.filter((f) => parsed.test({ parent: f.parent, name: `folders/${f.id}`, state: f.state ?? 'ACTIVE', displayName: f.displayName }));
          }
          return pagedJson(ctx, operation, folders, 'folders', (f) => folderJson(ctx, f));
        }
        const folder = index.folders.get(id ?? '');
        if (!folder) return denied(`folders/${id ?? ''}`, `resourcemanager.folders.${op === 'get' ? 'get' : 'getIamPolicy'}`);
        return op === 'get' ? ok(folderJson(ctx, folder)) : ok(policyJson(ctx, `folders/${folder.id}`, folder.iamPolicy, requestedVersion(req)));
      }
      if (op === 'search') {
        const parsed = parseQuery((q.get('query') ?? '').replace(/^domain:/, 'displayName:'));
        if (!parsed.ok) return gcpError(400, `Request contains an invalid argument: unsupported query term '${parsed.term}'`);
        const orgs = index.estate.organizations.filter((o) => parsed.test({ displayName: o.displayName, name: `organizations/${o.id}`, state: 'ACTIVE' }));
        return pagedJson(ctx, operation, orgs, 'organizations', (o) => orgJson(ctx, o));
      }
      const org = index.organizations.get(id ?? '');
      if (!org) return denied(`organizations/${id ?? ''}`, `resourcemanager.organizations.${op === 'get' ? 'get' : 'getIamPolicy'}`);
      return op === 'get' ? ok(orgJson(ctx, org)) : ok(policyJson(ctx, `organizations/${org.id}`, org.iamPolicy, requestedVersion(req)));
    };
    return { operation, scope, write, errors, serve };
  };

const requestedVersion = (req: WireRequest): number => {
  try {
    const body = req.body ? (JSON.parse(req.body) as { options?: { requestedPolicyVersion?: number } }) : {};
    return body.options?.requestedPolicyVersion ?? 0;
  } catch {
    return 0;
  }
};
