/**
 * What the Resource Manager clients return, normalized into the plain records of `types.ts`: REST and
 * gRPC decode enums and timestamps differently, and a snapshot needs JSON.
 * @module
 */
import type {
  GcpAuditConfig,
  GcpFolderRecord,
  GcpIamBinding,
  GcpIamPolicyRecord,
  GcpLifecycleState,
  GcpOrganizationRecord,
  GcpProjectRecord,
} from './types';

const STATES: readonly GcpLifecycleState[] = ['STATE_UNSPECIFIED', 'ACTIVE', 'DELETE_REQUESTED'];
const LOG_TYPES = ['LOG_TYPE_UNSPECIFIED', 'ADMIN_READ', 'DATA_WRITE', 'DATA_READ'] as const;

const enumName = <T extends string>(names: readonly T[], value: unknown, fallback: T): T => {
  if (typeof value === 'number') return names[value] ?? fallback;
  return typeof value === 'string' && (names as readonly string[]).includes(value) ? (value as T) : fallback;
};

interface TimestampLike { readonly seconds?: unknown; readonly nanos?: unknown }

const isoTime = (value: unknown): string | undefined => {
  if (!value) return undefined;
  if (typeof value === 'string') return value;
  const { seconds, nanos } = value as TimestampLike;
  if (seconds === undefined || seconds === null) return undefined;
  const ms = Number(seconds) * 1000 + Math.floor(Number(nanos ?? 0) / 1e6);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : undefined;
};

type Maybe<T> = T | null | undefined;

interface RawProject {
  name?: Maybe<string>;
  projectId?: Maybe<string>;
  parent?: Maybe<string>;
  displayName?: Maybe<string>;
  state?: unknown;
  labels?: Maybe<Record<string, string>>;
  createTime?: unknown;
  deleteTime?: unknown;
}
interface RawFolder { name?: Maybe<string>; parent?: Maybe<string>; displayName?: Maybe<string>; state?: unknown }
interface RawOrganization { name?: Maybe<string>; displayName?: Maybe<string>; directoryCustomerId?: Maybe<string> }
interface RawCondition { title?: Maybe<string>; expression?: Maybe<string>; description?: Maybe<string> }
interface RawBinding { role?: Maybe<string>; members?: Maybe<readonly string[]>; condition?: Maybe<RawCondition> }
interface RawAuditLogConfig { logType?: unknown; exemptedMembers?: Maybe<readonly string[]> }
interface RawPolicy {
  version?: Maybe<number>;
  bindings?: Maybe<readonly RawBinding[]>;
  auditConfigs?: Maybe<readonly { service?: Maybe<string>; auditLogConfigs?: Maybe<readonly RawAuditLogConfig[]> }[]>;
}

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

/** @internal */
export const toFolderRecord = (raw: RawFolder): GcpFolderRecord => ({
  name: raw.name ?? '',
  parent: raw.parent ?? '',
  displayName: raw.displayName ?? '',
  state: enumName(STATES, raw.state, 'STATE_UNSPECIFIED'),
});

/** @internal */
export const toOrganizationRecord = (raw: RawOrganization): GcpOrganizationRecord => ({
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
      ...(c && c.expression
        ? { condition: { title: c.title ?? '', expression: c.expression, ...(c.description ? { description: c.description } : {}) } }
        : {}),
    };
  });
  const auditConfigs: GcpAuditConfig[] = (raw.auditConfigs ?? []).map((a) => ({
    service: a.service ?? '',
    auditLogConfigs: (a.auditLogConfigs ?? []).map((l) => ({
      logType: enumName(LOG_TYPES, l.logType, 'LOG_TYPE_UNSPECIFIED'),
      exemptedMembers: [...(l.exemptedMembers ?? [])],
    })),
  }));
  return { resource, version: raw.version ?? 1, bindings, auditConfigs };
}
