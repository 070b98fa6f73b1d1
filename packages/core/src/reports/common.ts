/**
 * What every report shares: the report input and options, and the finding → plain object mapping
 * (the tool identity is in `version.ts`, below the runner that also reads it).
 * @module
 */
import type { Finding } from '../findings/types';
import type { ScanResult } from '../runner/types';

/**
 * What a report reads: a {@link ScanResult}, or the same with findings that are only iterable (a
 * generator over a replay, a merge or a database), so a million findings need not sit in memory at
 * once. The findings must be iterable more than once (reports take two or three passes: counts before
 * the list) and in the same order each time.
 */
export type ReportInput = Omit<ScanResult, 'findings'> & { readonly findings: Iterable<Finding> };

/** Options every report takes. */
export interface ReportOptions {
  /** Overrides the tool version written into the report. */
  readonly toolVersion?: string;
}

/**
 * A finding as a plain object with a fixed key order, so serialization is byte-stable. Optional
 * members are left out rather than written as `null`.
 */
export function findingToJson(f: Finding): Record<string, unknown> {
  const r = f.resource;
  const o: Record<string, unknown> = { checkId: f.checkId, status: f.status };
  if (f.originalStatus !== undefined) o.originalStatus = f.originalStatus;
  o.severity = f.severity;
  o.domain = f.domain;
  if (f.owner !== undefined) o.owner = f.owner;
  if (f.serviceModel !== undefined) o.serviceModel = f.serviceModel;
  const resource: Record<string, unknown> = { provider: r.provider, scope: r.scope };
  if (r.region !== undefined) resource.region = r.region;
  resource.id = r.id;
  if (r.type !== undefined) resource.type = r.type;
  if (r.service !== undefined) resource.service = r.service;
  if (r.name !== undefined) resource.name = r.name;
  o.resource = resource;
  o.message = f.message;
  if (f.messageId !== undefined) o.messageId = f.messageId;
  if (f.evidence !== undefined) o.evidence = f.evidence;
  if (f.providerManaged !== undefined) o.providerManaged = f.providerManaged;
  if (f.mute !== undefined) o.mute = f.mute.expires === undefined ? { reason: f.mute.reason, expired: f.mute.expired } : { reason: f.mute.reason, expires: f.mute.expires, expired: f.mute.expired };
  if (f.error !== undefined) {
    const e: Record<string, unknown> = { name: f.error.name, message: f.error.message };
    if (f.error.operation !== undefined) e.operation = f.error.operation;
    if (f.error.retryable !== undefined) e.retryable = f.error.retryable;
    o.error = e;
  }
  return o;
}

// Characters JSON.stringify escapes in a string: quote, backslash, control characters, and (since
// ES2019) lone surrogates; any surrogate at all sends the string the slow way, which stays exact.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** `JSON.stringify(value)` for a string; skips the call for the common string that needs no escaping. */
const q = (value: string): string => (NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`);

/**
 * `JSON.stringify(findingToJson(f))`, written directly: the same bytes, about twice as fast, which
 * matters for a million findings.
 */
export function findingToJsonText(f: Finding): string {
  const r = f.resource;
  let s = `{"checkId":${q(f.checkId)},"status":"${f.status}"`;
  if (f.originalStatus !== undefined) s += `,"originalStatus":"${f.originalStatus}"`;
  s += `,"severity":"${f.severity}","domain":"${f.domain}"`;
  if (f.owner !== undefined) s += `,"owner":"${f.owner}"`;
  if (f.serviceModel !== undefined) s += `,"serviceModel":"${f.serviceModel}"`;
  s += `,"resource":{"provider":${q(r.provider)},"scope":${q(r.scope)}`;
  if (r.region !== undefined) s += `,"region":${q(r.region)}`;
  s += `,"id":${q(r.id)}`;
  if (r.type !== undefined) s += `,"type":${q(r.type)}`;
  if (r.service !== undefined) s += `,"service":${q(r.service)}`;
  if (r.name !== undefined) s += `,"name":${q(r.name)}`;
  s += `},"message":${q(f.message)}`;
  if (f.messageId !== undefined) s += `,"messageId":${q(f.messageId)}`;
  if (f.evidence !== undefined || f.providerManaged !== undefined || f.mute !== undefined || f.error !== undefined) {
    // Rare members: let JSON.stringify handle them, in the same key order as findingToJson.
    const rest = findingToJson(f);
    for (const key of ['evidence', 'providerManaged', 'mute', 'error'] as const) if (rest[key] !== undefined) s += `,"${key}":${JSON.stringify(rest[key])}`;
  }
  return `${s}}`;
}

/** Joins chunks of a generator into one string. */
export function collect(chunks: Iterable<string>): string {
  let out = '';
  for (const chunk of chunks) out += chunk;
  return out;
}
