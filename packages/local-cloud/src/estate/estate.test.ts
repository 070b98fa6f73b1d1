import { describe, expect, it } from 'vitest';
import { startLocalCloud } from '../server.ts';
import { demoEstate } from './demo.ts';
import { seededRandom, syntheticEstate } from './synthetic.ts';
import type { Estate } from './types.ts';

/** Referential integrity every estate must have (parents exist, ids unique). */
const checkIntegrity = (e: Estate): void => {
  if (e.aws) {
    const parents = new Set([e.aws.organization.rootId, ...e.aws.organizationalUnits.map((o) => o.id)]);
    for (const a of e.aws.accounts) expect(parents.has(a.parentId), `${a.id} parent ${a.parentId}`).toBe(true);
    for (const o of e.aws.organizationalUnits) expect(parents.has(o.parentId)).toBe(true);
    expect(new Set(e.aws.accounts.map((a) => a.id)).size).toBe(e.aws.accounts.length);
    for (const a of e.aws.accounts) expect(a.id).toMatch(/^\d{12}$/);
  }
  if (e.gcp) {
    const parents = new Set([...e.gcp.organizations.map((o) => `organizations/${o.id}`), ...e.gcp.folders.map((f) => `folders/${f.id}`)]);
    for (const p of [...e.gcp.projects, ...e.gcp.folders]) expect(parents.has(p.parent)).toBe(true);
    expect(new Set(e.gcp.projects.map((p) => p.projectId)).size).toBe(e.gcp.projects.length);
  }
  if (e.azure) expect(new Set(e.azure.subscriptions.map((s) => s.id)).size).toBe(e.azure.subscriptions.length);
};

describe('estates', () => {
  it('the demo estate is consistent and holds good and bad practice per vendor', () => {
    const e = demoEstate();
    checkIntegrity(e);
    const accounts = e.aws?.accounts ?? [];
    expect(accounts.some((a) => a.status === 'SUSPENDED')).toBe(true);
    expect(accounts.some((a) => a.iam?.users.some((u) => u.mfaDevices.length === 0))).toBe(true);
    expect(accounts.some((a) => a.iam?.users.every((u) => u.mfaDevices.length > 0))).toBe(true);
    const projects = e.gcp?.projects ?? [];
    expect(projects.some((p) => p.iamPolicy?.bindings.some((b) => b.members.includes('allUsers')))).toBe(true);
    expect(projects.some((p) => p.labels?.owner === undefined)).toBe(true);
    const resources = (e.azure?.subscriptions ?? []).flatMap((s) => s.resourceGroups.flatMap((g) => g.resources));
    const publicBlob = resources.map((r) => r.properties?.allowBlobPublicAccess);
    expect(publicBlob).toContain(true);
    expect(publicBlob).toContain(false);
  });

  it('the synthetic generator is deterministic per seed and consistent', () => {
    const a = syntheticEstate({ seed: 7, awsAccounts: 60, gcpProjects: 60, azureSubscriptions: 60 });
    const b = syntheticEstate({ seed: 7, awsAccounts: 60, gcpProjects: 60, azureSubscriptions: 60 });
    const c = syntheticEstate({ seed: 8, awsAccounts: 60, gcpProjects: 60, azureSubscriptions: 60 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    checkIntegrity(a);
    expect(a.aws?.accounts).toHaveLength(60);
    // Each vendor has its own stream: more AWS accounts leave the Google projects unchanged.
    expect(syntheticEstate({ seed: 7, awsAccounts: 10, gcpProjects: 60 }).gcp).toEqual(a.gcp);
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it('a 1,000-scope-per-vendor estate starts in a few seconds', async () => {
    const estate = syntheticEstate({ awsAccounts: 1000, gcpProjects: 1000, azureSubscriptions: 1000 });
    const cloud = await startLocalCloud({ estate });
    try {
      expect(cloud.startupMs).toBeLessThan(5000);
      const r = await fetch(`${cloud.gcp.endpoint}/v3/projects:search?pageSize=1000`);
      expect(((await r.json()) as { projects: unknown[] }).projects.length).toBeGreaterThan(900);
    } finally {
      await cloud.stop();
    }
  });
});
