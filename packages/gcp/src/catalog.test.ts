import { describe, expect, it } from 'vitest';
import { BASELINE_MATRIX, DOMAIN_IDS, SERVICE_MODEL_IDS, SERVICE_VARIANTS, catalogClassifier, ownerOf, resolveCitation, responsibilityOf, type DomainId } from '@demarc/core';
import { GCP_CATALOG, assetTypeOfResourceName, classifyGcpResource, gcpCatalogEntry } from './catalog';
import { GCP_SOURCES } from './sources';

describe('GCP service catalog', () => {
  it('has at least 25 services with unique kebab-case ids, all for provider gcp', () => {
    expect(GCP_CATALOG.length).toBeGreaterThanOrEqual(25);
    const ids = GCP_CATALOG.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of GCP_CATALOG) {
      expect(entry.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(entry.provider).toBe('gcp');
      expect(SERVICE_MODEL_IDS).toContain(entry.model);
      expect(entry.model).not.toBe('on-premises');
      if (entry.variant) {
        const variant = SERVICE_VARIANTS.find((v) => v.id === entry.variant);
        expect(variant, entry.id).toBeDefined();
        expect(variant!.model, `${entry.id} variant model`).toBe(entry.model);
      }
    }
  });

  it('contains the services the issue names', () => {
    const names = GCP_CATALOG.map((e) => e.name).join(' | ');
    for (const expected of ['Compute Engine', 'GKE', 'Cloud Run', 'Cloud Functions', 'App Engine', 'Cloud SQL', 'Spanner', 'Firestore', 'BigQuery', 'Cloud Storage', 'Pub/Sub', 'Cloud Load Balancing', 'Cloud Armor', 'Cloud KMS', 'Secret Manager', 'IAM', 'Cloud Logging', 'Google Workspace']) {
      expect(names).toContain(expected);
    }
  });

  it('cites every entry and every override with resolvable sources', () => {
    for (const entry of GCP_CATALOG) {
      expect(entry.citations.length, entry.id).toBeGreaterThan(0);
      for (const citation of entry.citations) expect(resolveCitation(citation, GCP_SOURCES).document.url).toMatch(/^https:\/\//);
      for (const [domain, override] of Object.entries(entry.overrides ?? {})) {
        expect(DOMAIN_IDS).toContain(domain);
        expect(override!.rationale.length, `${entry.id}/${domain}`).toBeGreaterThan(20);
        expect(override!.citations.length).toBeGreaterThan(0);
        for (const citation of override!.citations) expect(resolveCitation(citation, GCP_SOURCES).document.url).toMatch(/^https:\/\//);
        // An override must differ from the baseline, or it is noise.
        expect(override!.party, `${entry.id}/${domain}`).not.toBe(BASELINE_MATRIX[domain as DomainId][entry.model].party);
        if (override!.party === 'shared') expect(override!.sharedMode).toBeDefined();
      }
    }
  });

  it('maps every resource type back to its own entry, and no type belongs to two entries', () => {
    const owners = new Map<string, string>();
    for (const entry of GCP_CATALOG) {
      for (const type of entry.resourceTypes) {
        expect(owners.has(type), `${type} claimed twice`).toBe(false);
        owners.set(type, entry.id);
        expect(classifyGcpResource(type)?.id, type).toBe(entry.id);
      }
    }
    // Core's generic classifier over the same catalog agrees.
    const generic = catalogClassifier(GCP_CATALOG);
    for (const [type, id] of owners) expect(generic(type)?.id).toBe(id);
  });

  it('resolves GKE through the core model with its overrides: Standard nodes are shared', () => {
    const gke = gcpCatalogEntry('gke')!;
    expect(ownerOf('guest-os', gke)).toBe('shared');
    expect(responsibilityOf('guest-os', gke).overridden).toBe(true);
    expect(ownerOf('accounts-access', gke)).toBe('customer');
    expect(ownerOf('guest-os', gcpCatalogEntry('cloud-run')!)).toBe('provider');
    expect(ownerOf('guest-os', gcpCatalogEntry('compute-engine')!)).toBe('customer');
  });
});

describe('classifyGcpResource with full resource names', () => {
  const cases: readonly [string, string][] = [
    ['//compute.googleapis.com/projects/p/zones/europe-west1-b/instances/vm-1', 'compute-engine'],
    ['//compute.googleapis.com/projects/p/zones/europe-west1-b/disks/d', 'compute-engine'],
    ['//compute.googleapis.com/projects/p/global/networks/default', 'vpc'],
    ['//compute.googleapis.com/projects/p/global/firewalls/allow-ssh', 'vpc'],
    ['//compute.googleapis.com/projects/p/regions/europe-west1/subnetworks/s', 'vpc'],
    ['//compute.googleapis.com/projects/p/regions/europe-west1/addresses/a', 'vpc'],
    ['//compute.googleapis.com/locations/global/firewallPolicies/123', 'vpc'],
    ['//compute.googleapis.com/projects/p/global/forwardingRules/fr', 'cloud-load-balancing'],
    ['//compute.googleapis.com/projects/p/regions/r/forwardingRules/fr', 'cloud-load-balancing'],
    ['//compute.googleapis.com/projects/p/global/backendServices/b', 'cloud-load-balancing'],
    ['//compute.googleapis.com/projects/p/global/securityPolicies/armor', 'cloud-armor'],
    ['//compute.googleapis.com/projects/p/regions/r/vpnTunnels/t', 'cloud-vpn'],
    ['//container.googleapis.com/projects/p/locations/europe-west1/clusters/c', 'gke'],
    ['//container.googleapis.com/projects/p/locations/europe-west1/clusters/c/nodePools/np', 'gke'],
    ['//run.googleapis.com/projects/p/locations/europe-west1/services/api', 'cloud-run'],
    ['//cloudfunctions.googleapis.com/projects/p/locations/europe-west1/functions/f', 'cloud-functions'],
    ['//appengine.googleapis.com/apps/p', 'app-engine'],
    ['//appengine.googleapis.com/apps/p/services/default/versions/v1', 'app-engine'],
    ['//cloudsql.googleapis.com/projects/p/instances/db', 'cloud-sql'],
    ['//spanner.googleapis.com/projects/p/instances/i/databases/d', 'spanner'],
    ['//firestore.googleapis.com/projects/p/databases/(default)', 'firestore'],
    ['//bigtable.googleapis.com/projects/p/instances/i', 'bigtable'],
    ['//redis.googleapis.com/projects/p/locations/europe-west1/instances/cache', 'memorystore'],
    ['//bigquery.googleapis.com/projects/p/datasets/d', 'bigquery'],
    ['//bigquery.googleapis.com/projects/p/datasets/d/tables/t', 'bigquery'],
    ['//storage.googleapis.com/my-bucket', 'cloud-storage'],
    ['//pubsub.googleapis.com/projects/p/topics/t', 'pubsub'],
    ['//pubsub.googleapis.com/projects/p/subscriptions/s', 'pubsub'],
    ['//cloudkms.googleapis.com/projects/p/locations/global/keyRings/k', 'cloud-kms'],
    ['//cloudkms.googleapis.com/projects/p/locations/global/keyRings/k/cryptoKeys/c', 'cloud-kms'],
    ['//cloudkms.googleapis.com/projects/p/locations/global/keyRings/k/cryptoKeys/c/cryptoKeyVersions/1', 'cloud-kms'],
    ['//secretmanager.googleapis.com/projects/1/secrets/s', 'secret-manager'],
    ['//secretmanager.googleapis.com/projects/1/secrets/s/versions/2', 'secret-manager'],
    ['//iam.googleapis.com/projects/p/serviceAccounts/app@p.iam.gserviceaccount.com', 'iam'],
    ['//iam.googleapis.com/projects/p/serviceAccounts/app@p.iam.gserviceaccount.com/keys/abc', 'iam'],
    ['//cloudresourcemanager.googleapis.com/projects/123456789', 'resource-manager'],
    ['//cloudresourcemanager.googleapis.com/folders/42', 'resource-manager'],
    ['//cloudresourcemanager.googleapis.com/organizations/1', 'resource-manager'],
    ['//logging.googleapis.com/projects/p/sinks/audit', 'cloud-logging'],
    ['//logging.googleapis.com/projects/p/locations/global/buckets/_Default', 'cloud-logging'],
    ['//monitoring.googleapis.com/projects/p/alertPolicies/1', 'cloud-monitoring'],
    ['//cloudbuild.googleapis.com/projects/p/locations/global/triggers/t', 'cloud-build'],
    ['//artifactregistry.googleapis.com/projects/p/locations/europe/repositories/r', 'artifact-registry'],
    ['//dns.googleapis.com/projects/p/managedZones/z', 'cloud-dns'],
    ['//dataflow.googleapis.com/projects/p/locations/europe-west1/jobs/j', 'dataflow'],
    ['//aiplatform.googleapis.com/projects/p/locations/europe-west4/endpoints/e', 'vertex-ai'],
    ['//file.googleapis.com/projects/p/locations/europe-west1-b/instances/nfs', 'filestore'],
  ];

  it.each(cases)('%s → %s', (name, expected) => {
    expect(classifyGcpResource(name)?.id).toBe(expected);
  });

  it('covers at least one full resource name for most catalog entries', () => {
    const covered = new Set(cases.map(([, id]) => id));
    const withAssetTypes = GCP_CATALOG.filter((e) => !e.id.startsWith('google-workspace'));
    expect(withAssetTypes.filter((e) => covered.has(e.id)).length).toBeGreaterThanOrEqual(withAssetTypes.length - 3);
  });

  it('returns undefined for unknown types and malformed names', () => {
    for (const input of ['', 'projects/p', 'compute.googleapis.com/Unknown', '//compute.googleapis.com/projects', '//example.com/a/b', '//compute.googleapis.com/projects/p/zones/z/unknownThings/x']) {
      expect(classifyGcpResource(input)).toBeUndefined();
    }
    expect(assetTypeOfResourceName('//compute.googleapis.com/projects/p/zones/z')).toBe('compute.googleapis.com/Zone');
  });
});
