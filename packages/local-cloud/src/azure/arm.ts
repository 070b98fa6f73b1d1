/**
 * Azure Resource Manager over HTTPS, as the official `@azure/arm-*` clients send it. Shapes follow
 * the ARM REST reference:
 * subscriptions https://learn.microsoft.com/rest/api/resources/subscriptions/list,
 * resource groups https://learn.microsoft.com/rest/api/resources/resource-groups/list,
 * resources https://learn.microsoft.com/rest/api/resources/resources/list and
 * https://learn.microsoft.com/rest/api/resources/resources/get-by-id,
 * role assignments https://learn.microsoft.com/rest/api/authorization/role-assignments/list-for-subscription,
 * locks https://learn.microsoft.com/rest/api/resources/management-locks/list-at-subscription-level,
 * activity-log diagnostic settings https://learn.microsoft.com/rest/api/monitor/diagnostic-settings/list
 * (resource URI `subscriptions/{id}`, as `@azure/arm-monitor` 7 `diagnosticSettings.list` sends it),
 * errors and throttling https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling.
 *
 * Every request needs `api-version`. Lists page with `nextLink`, which points back at this server.
 * Resource `properties` are returned by a GET by id, by provider-type lists
 * (`/providers/Microsoft.Storage/storageAccounts`) and when `$expand` mentions `properties`.
 * Fault scopes are subscription ids.
 *
 * @module
 */
import type { AzureEstate, AzureLock, AzureResource, AzureResourceGroup, AzureSubscription } from '../estate/types.ts';
import type { Dispatch, ErrorShapes, Reply, WireRequest } from '../http.ts';
import { decodeToken, encodeToken, page } from '../http.ts';

/** Built-in role definition ids (the same in every tenant). */
export const AZURE_BUILTIN_ROLES: Readonly<Record<string, string>> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
};

const json = (req: WireRequest, status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    'x-ms-request-id': req.requestId,
    'x-ms-correlation-request-id': req.requestId,
    ...headers,
  },
  body: JSON.stringify(body),
});

const armError = (req: WireRequest, status: number, code: string, message: string, headers: Record<string, string> = {}): Reply =>
  json(req, status, { error: { code, message } }, headers);

const denyMessage = (action: string, scope: string): string =>
  `The client 'local-cloud@example.com' with object id '00000000-0000-0000-0000-00000000a11c' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`;

const errorShapes = (req: WireRequest, action: string, scope: string): ErrorShapes => ({
  // ARM always sends Retry-After with 429; Azure clients do not retry a 429 without it.
  throttle: (retryAfter) =>
    armError(req, 429, 'TooManyRequests', 'The request is being throttled as the limit has been reached for operation type - Read.', { 'retry-after': String(retryAfter) }),
  serverError: (status) => armError(req, status, status === 503 ? 'ServiceUnavailable' : 'InternalServerError', 'The server encountered an internal error. Please retry the request.'),
  accessDenied: () => armError(req, 403, 'AuthorizationFailed', denyMessage(action, scope)),
});

interface SubIndex {
  readonly sub: AzureSubscription;
  readonly groups: Map<string, AzureResourceGroup>;
  readonly resources: { readonly rg: AzureResourceGroup; readonly r: AzureResource; readonly id: string }[];
  readonly byId: Map<string, { readonly rg: AzureResourceGroup; readonly r: AzureResource; readonly id: string }>;
}

/** Lookup tables over an {@link AzureEstate}. @internal */
export class AzureIndex {
  readonly estate: AzureEstate;
  readonly subs = new Map<string, SubIndex>();

  constructor(estate: AzureEstate) {
    this.estate = estate;
    for (const sub of estate.subscriptions) {
      const s: SubIndex = { sub, groups: new Map(), resources: [], byId: new Map() };
      for (const rg of sub.resourceGroups) {
        s.groups.set(rg.name.toLowerCase(), rg);
        for (const r of rg.resources) {
          const entry = { rg, r, id: `/subscriptions/${sub.id}/resourceGroups/${rg.name}/providers/${r.type}/${r.name}` };
          s.resources.push(entry);
          s.byId.set(entry.id.toLowerCase(), entry);
        }
      }
      this.subs.set(sub.id.toLowerCase(), s);
    }
  }
}

/**
 * Parses the `$filter` subset ARM supports on resource lists: `resourceType eq '...'`,
 * `location eq '...'`, `name eq '...'`, `tagName eq '...'` (with optional `tagValue eq '...'`),
 * joined by `and`. Anything else is refused with 400 rather than silently ignored.
 */
const parseFilter = (filter: string): ((r: AzureResource) => boolean) | string => {
  const preds: ((r: AzureResource) => boolean)[] = [];
  let tagName: string | undefined;
  let tagValue: string | undefined;
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = /^\s*(\w+)\s+eq\s+'([^']*)'\s*$/i.exec(clause);
    if (!m) return clause;
    const key = (m[1] ?? '').toLowerCase();
    const value = m[2] ?? '';
    if (key === 'resourcetype') preds.push((r) => r.type.toLowerCase() === value.toLowerCase());
    else if (key === 'location') preds.push((r) => r.location === value);
    else if (key === 'name') preds.push((r) => r.name === value);
    else if (key === 'tagname') tagName = value;
    else if (key === 'tagvalue') tagValue = value;
    else return clause;
  }
  if (tagName !== undefined) {
    const k = tagName;
    preds.push((r) => r.tags?.[k] !== undefined && (tagValue === undefined || r.tags[k] === tagValue));
  }
  return (r) => preds.every((p) => p(r));
};

/** Builds the ARM router; `baseUrl` gives the server's own https address for `nextLink`s. @internal */
export const armRouter =
  (index: AzureIndex, maxPageSize: number | undefined, baseUrl: () => string) =>
  (req: WireRequest): Dispatch => {
    const path = req.url.pathname.replace(/\/+$/, '');
    const q = req.url.searchParams;
    const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
    const lower = seg.map((s) => s.toLowerCase());
    const subId = lower[0] === 'subscriptions' ? seg[1] : undefined;
    const s = subId ? index.subs.get(subId.toLowerCase()) : undefined;
    const read = req.method === 'GET' || req.method === 'HEAD';

    // Name the operation after the official clients' method groups.
    let operation: string;
    const tail = lower.slice(2);
    const rgScoped = tail[0] === 'resourcegroups' && tail.length >= 2;
    const prov = rgScoped ? tail.slice(2) : tail;
    if (!subId) operation = seg[0] === 'subscriptions' ? 'subscriptions.list' : `unknown ${path}`;
    else if (tail.length === 0) operation = 'subscriptions.get';
    else if (tail[0] === 'resourcegroups' && tail.length === 1) operation = 'resourceGroups.list';
    else if (rgScoped && tail.length === 2) operation = 'resourceGroups.get';
    else if (prov[0] === 'resources' && prov.length === 1) operation = rgScoped ? 'resources.listByResourceGroup' : 'resources.list';
    else if (prov[0] === 'providers' && prov[1] === 'microsoft.authorization' && prov[2] === 'roleassignments') operation = 'roleAssignments.list';
    else if (prov[0] === 'providers' && prov[1] === 'microsoft.authorization' && prov[2] === 'roledefinitions') operation = prov.length > 3 ? 'roleDefinitions.get' : 'roleDefinitions.list';
    else if (prov[0] === 'providers' && prov[1] === 'microsoft.authorization' && prov[2] === 'locks') operation = rgScoped ? 'managementLocks.listAtResourceGroupLevel' : 'managementLocks.listAtSubscriptionLevel';
    else if (prov[0] === 'providers' && prov[1] === 'microsoft.insights' && prov[2] === 'diagnosticsettings') operation = 'diagnosticSettings.list';
    else if (prov[0] === 'providers' && prov.length === 3) operation = `${seg.slice(rgScoped ? 5 : 3, rgScoped ? 7 : 5).join('/')}.${rgScoped ? 'listByResourceGroup' : 'list'}`;
    else if (rgScoped && prov[0] === 'providers' && prov.length >= 4) operation = 'resources.getById';
    else operation = `unknown ${path}`;
    if (!read) {
      // Writes are named like the clients' methods: resourceGroups.createOrUpdate, resources.delete...
      const verb = ({ PUT: 'createOrUpdate', PATCH: 'update', DELETE: 'delete' } as Record<string, string>)[req.method] ?? req.method.toLowerCase();
      operation = operation.startsWith('unknown') ? `${req.method} ${path}` : `${operation.slice(0, operation.lastIndexOf('.'))}.${verb}`;
    }

    const scopeId = subId ? `/subscriptions/${subId}` : '/';
    const action = read ? 'Microsoft.Resources/subscriptions/read' : 'Microsoft.Resources/write';
    const errors = errorShapes(req, action, path || '/');

    const serve = (): Reply => {
      const apiVersion = q.get('api-version');
      if (!apiVersion) return armError(req, 400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
      if (subId && !s) return armError(req, 404, 'SubscriptionNotFound', `The subscription '${subId}' could not be found.`);
      if (s?.sub.accessDenied) return armError(req, 403, 'AuthorizationFailed', denyMessage(operation, scopeId));

      const paged = <T>(items: readonly T[], map: (t: T) => unknown, apiDefault = 1000): Reply => {
        const offset = decodeToken(operation, q.get('$skiptoken'));
        if (offset === undefined) return armError(req, 400, 'InvalidSkipToken', 'The skip token is invalid.');
        const top = Number(q.get('$top') ?? 0);
        let size = top > 0 ? Math.min(top, apiDefault) : apiDefault;
        if (maxPageSize !== undefined) size = Math.min(size, maxPageSize);
        const p = page(items, offset, size);
        let nextLink: string | undefined;
        if (p.next !== undefined) {
          const next = new URL(req.url.pathname, baseUrl());
          for (const [k, v] of q) if (k !== '$skiptoken') next.searchParams.append(k, v);
          next.searchParams.set('$skiptoken', encodeToken(operation, p.next));
          nextLink = next.toString();
        }
        return json(req, 200, { value: p.items.map(map), ...(nextLink ? { nextLink } : {}) });
      };

      const subJson = (x: AzureSubscription) => ({
        id: `/subscriptions/${x.id}`,
        authorizationSource: 'RoleBased',
        managedByTenants: [],
        subscriptionId: x.id,
        tenantId: index.estate.tenantId,
        displayName: x.displayName,
        state: x.state,
        subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
        ...(x.tags ? { tags: x.tags } : {}),
      });
      const rgJson = (sub: AzureSubscription, rg: AzureResourceGroup) => ({
        id: `/subscriptions/${sub.id}/resourceGroups/${rg.name}`,
        name: rg.name,
        type: 'Microsoft.Resources/resourceGroups',
        location: rg.location,
        ...(rg.managedBy ? { managedBy: rg.managedBy } : {}),
        ...(rg.tags ? { tags: rg.tags } : {}),
        properties: { provisioningState: 'Succeeded' },
      });
      const resJson = (e: { r: AzureResource; id: string }, withProperties: boolean) => ({
        id: e.id,
        name: e.r.name,
        type: e.r.type,
        location: e.r.location,
        ...(e.r.kind ? { kind: e.r.kind } : {}),
        ...(e.r.managedBy ? { managedBy: e.r.managedBy } : {}),
        ...(e.r.sku ? { sku: e.r.sku } : {}),
        ...(e.r.tags ? { tags: e.r.tags } : {}),
        ...(withProperties ? { properties: { provisioningState: 'Succeeded', ...e.r.properties } } : {}),
      });
      const lockJson = (scope: string, l: AzureLock) => ({
        id: `${scope}/providers/Microsoft.Authorization/locks/${l.name}`,
        name: l.name,
        type: 'Microsoft.Authorization/locks',
        properties: { level: l.level, ...(l.notes ? { notes: l.notes } : {}) },
      });

      if (operation === 'subscriptions.list') return paged(index.estate.subscriptions, subJson, 100);
      if (!s) return armError(req, 404, 'NotFound', `The local cloud does not serve ${req.method} ${path}`);
      const sub = s.sub;
      const rg = rgScoped ? s.groups.get((tail[1] ?? '').toLowerCase()) : undefined;
      if (rgScoped && !rg) return armError(req, 404, 'ResourceGroupNotFound', `Resource group '${seg[3] ?? ''}' could not be found.`);
      const inScope = rg ? s.resources.filter((e) => e.rg === rg) : s.resources;

      switch (operation) {
        case 'subscriptions.get':
          return json(req, 200, subJson(sub));
        case 'resourceGroups.list':
          return paged(sub.resourceGroups, (x) => rgJson(sub, x), 1000);
        case 'resourceGroups.get':
          return json(req, 200, rgJson(sub, rg as AzureResourceGroup));
        case 'resources.list':
        case 'resources.listByResourceGroup': {
          const filter = q.get('$filter');
          const pred = filter ? parseFilter(filter) : () => true;
          if (typeof pred === 'string') return armError(req, 400, 'InvalidFilterInQueryString', `Invalid $filter clause '${pred}'.`);
          const withProperties = (q.get('$expand') ?? '').toLowerCase().includes('properties');
          return paged(inScope.filter((e) => pred(e.r)), (e) => resJson(e, withProperties));
        }
        case 'resources.getById': {
          const e = s.byId.get(path.toLowerCase());
          if (!e) return armError(req, 404, 'ResourceNotFound', `The Resource '${seg.slice(6).join('/')}' under resource group '${seg[3] ?? ''}' was not found.`);
          return json(req, 200, resJson(e, true));
        }
        case 'roleAssignments.list':
          return paged(sub.roleAssignments ?? [], (a) => ({
            id: `${a.scope ?? `/subscriptions/${sub.id}`}/providers/Microsoft.Authorization/roleAssignments/${a.id}`,
            name: a.id,
            type: 'Microsoft.Authorization/roleAssignments',
            properties: {
              roleDefinitionId: `/subscriptions/${sub.id}/providers/Microsoft.Authorization/roleDefinitions/${a.roleDefinitionId}`,
              principalId: a.principalId,
              principalType: a.principalType,
              scope: a.scope ?? `/subscriptions/${sub.id}`,
              ...(a.condition ? { condition: a.condition, conditionVersion: '2.0' } : {}),
            },
          }));
        case 'roleDefinitions.list':
        case 'roleDefinitions.get': {
          const def = (guid: string, name: string) => ({
            id: `/subscriptions/${sub.id}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
            name: guid,
            type: 'Microsoft.Authorization/roleDefinitions',
            properties: { roleName: name, type: 'BuiltInRole', description: `${name} (built-in)`, assignableScopes: ['/'], permissions: [] },
          });
          if (operation === 'roleDefinitions.list') return paged(Object.entries(AZURE_BUILTIN_ROLES), ([g, n]) => def(g, n));
          const guid = seg[seg.length - 1] ?? '';
          const name = AZURE_BUILTIN_ROLES[guid];
          return name ? json(req, 200, def(guid, name)) : armError(req, 404, 'RoleDefinitionDoesNotExist', 'The specified role definition does not exist.');
        }
        case 'managementLocks.listAtSubscriptionLevel':
          // At subscription level ARM lists the locks of the subscription and of everything in it.
          return paged(
            [
              ...(sub.locks ?? []).map((l) => lockJson(`/subscriptions/${sub.id}`, l)),
              ...sub.resourceGroups.flatMap((g) => (g.locks ?? []).map((l) => lockJson(`/subscriptions/${sub.id}/resourceGroups/${g.name}`, l))),
            ],
            (x) => x,
          );
        case 'managementLocks.listAtResourceGroupLevel':
          return paged((rg?.locks ?? []).map((l) => lockJson(`/subscriptions/${sub.id}/resourceGroups/${rg?.name ?? ''}`, l)), (x) => x);
        case 'diagnosticSettings.list':
          // This API answers one unpaged `value` array.
          return json(req, 200, {
            value: (sub.activityLogDiagnosticSettings ?? []).map((d) => ({
              id: `/subscriptions/${sub.id}/providers/microsoft.insights/diagnosticSettings/${d.name}`,
              name: d.name,
              type: 'Microsoft.Insights/diagnosticSettings',
              properties: {
                ...(d.workspaceId ? { workspaceId: d.workspaceId } : {}),
                ...(d.storageAccountId ? { storageAccountId: d.storageAccountId } : {}),
                logs: d.logs,
              },
            })),
          });
        default: {
          if (operation.endsWith('.list') || operation.endsWith('.listByResourceGroup')) {
            // A provider-type list, e.g. GET /subscriptions/{id}/providers/Microsoft.Storage/storageAccounts.
            const type = seg.slice(rgScoped ? 5 : 3, rgScoped ? 7 : 5).join('/').toLowerCase();
            return paged(inScope.filter((e) => e.r.type.toLowerCase() === type), (e) => resJson(e, true));
          }
          return armError(req, 404, 'NotFound', `The local cloud does not serve ${req.method} ${path}`);
        }
      }
    };
    return { operation, scope: subId, write: !read, errors, serve };
  };
