import { describe, expect, it } from 'vitest';
import { conditionExpiry, isGoogleManagedServiceAgent, isHumanPrincipal, memberDomain, memberKind } from './iam';
import { GOOGLE_DEFAULT_ENCRYPTION_REASON, gcpProviderManaged } from './provider';

describe('IAM principals', () => {
  it('reads kinds and domains', () => {
    expect(['user:a@x.com', 'group:g@x.com', 'serviceAccount:s@p.iam.gserviceaccount.com', 'domain:x.com', 'allUsers', 'allAuthenticatedUsers', 'deleted:user:a@x.com?uid=1', 'principal://iam.googleapis.com/x', 'projectOwner:p', 'weird'].map(memberKind))
      .toEqual(['user', 'group', 'serviceAccount', 'domain', 'allUsers', 'allAuthenticatedUsers', 'deleted', 'principal', 'convenience', 'unknown']);
    expect(memberDomain('user:Ann@Example.COM')).toBe('example.com');
    expect(memberDomain('domain:Example.com')).toBe('example.com');
    expect(memberDomain('allUsers')).toBeUndefined();
    expect(isHumanPrincipal('group:g@x.com')).toBe(true);
    expect(isHumanPrincipal('serviceAccount:s@p.iam.gserviceaccount.com')).toBe(false);
  });

  it('tells Google-managed service agents from customer-managed service accounts', () => {
    for (const agent of [
      'serviceAccount:service-123456@gcp-sa-pubsub.iam.gserviceaccount.com',
      'serviceAccount:service-org-42@gcp-sa-securitycenter.iam.gserviceaccount.com',
      'serviceAccount:service-folder-42@gcp-sa-logging.iam.gserviceaccount.com',
      'serviceAccount:123456@cloudservices.gserviceaccount.com',
      'serviceAccount:service-123456@compute-system.iam.gserviceaccount.com',
      'serviceAccount:service-123456@container-engine-robot.iam.gserviceaccount.com',
    ]) expect(isGoogleManagedServiceAgent(agent), agent).toBe(true);
    for (const customer of [
      'serviceAccount:123456-compute@developer.gserviceaccount.com', // default compute SA: the customer's to change
      'serviceAccount:my-app@appspot.gserviceaccount.com',
      'serviceAccount:service-123@my-project.iam.gserviceaccount.com', // user-managed, even if named like an agent
      'user:service-123@gcp-sa-pubsub.iam.gserviceaccount.com',
    ]) expect(isGoogleManagedServiceAgent(customer), customer).toBe(false);
  });

  it('marks resources Google manages for the runner', () => {
    expect(gcpProviderManaged({ provider: 'gcp', scope: 'p', id: '//cloudresourcemanager.googleapis.com/projects/p#roles/editor#serviceAccount:1@cloudservices.gserviceaccount.com' })?.reason).toMatch(/service agent/);
    expect(gcpProviderManaged({ provider: 'gcp', scope: 'p', id: 'x', name: 'serviceAccount:service-1@gcp-sa-pubsub.iam.gserviceaccount.com' })).toBeDefined();
    expect(gcpProviderManaged({ provider: 'gcp', scope: 'p', id: 'google-managed' })?.reason).toBe(GOOGLE_DEFAULT_ENCRYPTION_REASON);
    expect(gcpProviderManaged({ provider: 'gcp', scope: 'p', id: '//cloudresourcemanager.googleapis.com/projects/p#roles/editor#user:a@x.com' })).toBeUndefined();
  });

  it('reads the deadline of time-bound conditions only', () => {
    expect(conditionExpiry({ title: 't', expression: 'request.time < timestamp("2026-01-01T00:00:00Z")' })?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(conditionExpiry({ title: 't', expression: "resource.name.startsWith('x') && request.time <= timestamp('2026-02-01T00:00:00Z')" })?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(conditionExpiry({ title: 't', expression: 'request.time > timestamp("2026-01-01T00:00:00Z")' })).toBeUndefined();
    expect(conditionExpiry(undefined)).toBeUndefined();
  });
});
