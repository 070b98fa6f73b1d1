/**
 * Test data for the Google Cloud checks: collected records as the operations return them (for
 * `CheckTester` cases) and a CheckTester wired to the Google provider's classification.
 */
import { describe, it } from 'vitest';
import { CheckTester } from '@demarc/core/testing';
import type { ScopeInfo } from '@demarc/core';
import { gcpProvider } from '../../provider';
import type { GcpIamBinding, GcpIamPolicyRecord, GcpProjectRecord } from '../../types';

/** The scope of every in-memory case: project `alpha` in organization 1. */
export const scope: ScopeInfo = { id: 'alpha', kind: 'project', organization: 'organizations/1' };
/** The project's resource name. */
export const P = 'projects/alpha';
/** The full resource name of the project. */
export const NODE = `//cloudresourcemanager.googleapis.com/${P}`;
/** The resource id of one grant on a node (default the project). */
export const G = (role: string, member: string, resource = P): string => `//cloudresourcemanager.googleapis.com/${resource}#${role}#${member}`;
/** A Google-managed service agent (Cloud Build's). */
export const AGENT = 'serviceAccount:service-111@gcp-sa-cloudbuild.iam.gserviceaccount.com';
/** The Google APIs Service Agent. */
export const APIS_AGENT = 'serviceAccount:111@cloudservices.gserviceaccount.com';

/** A policy record. */
export const policy = (bindings: readonly GcpIamBinding[], auditConfigs: GcpIamPolicyRecord['auditConfigs'] = [], resource = P): GcpIamPolicyRecord =>
  ({ resource, version: 3, bindings, auditConfigs });
/** The collected data of a check that reads the project policy. */
export const withPolicy = (bindings: readonly GcpIamBinding[], auditConfigs?: GcpIamPolicyRecord['auditConfigs']) =>
  ({ 'resourcemanager:GetProjectIamPolicy': policy(bindings, auditConfigs) });
/** A project record. */
export const project = (overrides: Partial<GcpProjectRecord> = {}): GcpProjectRecord =>
  ({ projectId: 'alpha', name: 'projects/111', number: '111', parent: 'organizations/1', displayName: 'Alpha', state: 'ACTIVE', labels: {}, ...overrides });
/** Audit configuration for allServices with the given log types. */
export const allServices = (types: readonly string[], exempted: readonly string[] = []): GcpIamPolicyRecord['auditConfigs'] =>
  [{ service: 'allServices', auditLogConfigs: types.map((logType) => ({ logType, exemptedMembers: exempted })) }];

/** A CheckTester over the Google provider's catalog and provider-managed rules (collectors replaced by case data). */
export const tester = new CheckTester({ framework: { describe, it }, provider: gcpProvider({ projectIds: [] }) });
