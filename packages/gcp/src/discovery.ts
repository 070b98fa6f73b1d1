/**
 * Scope discovery: the projects a scan covers, found by walking the resource hierarchy
 * (organizations → folders, recursively → projects) or from the configured project ids, through the
 * session, so every call honours the scan's signal.
 * @module
 */
import type { ScopeInfo } from '@demarc/core';
import type { GcpSession } from './session';

/** The permissions scope discovery itself needs (search organizations and projects, walk folders). */
export const DISCOVERY_PERMISSIONS = [
  'resourcemanager.organizations.get',
  'resourcemanager.folders.list',
  'resourcemanager.projects.get',
] as const;

/**
 * Lists the projects to check: the configured ones, or every project the credentials can see
 * (search, all pages) after walking each organization's folders.
 */
export function discoverGcpScopes(session: GcpSession, signal: AbortSignal): AsyncGenerator<ScopeInfo> {
  return session.scopes(signal);
}
