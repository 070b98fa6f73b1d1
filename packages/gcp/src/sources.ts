/**
 * The public documents the Google Cloud framing, the shared-fate assists, the service catalog and the
 * checks cite. Every {@link Citation} in this package names one of these ids.
 * @module
 */
import { CORE_SOURCES, defineSources, type Citation, type Source } from '@demarc/core';


/**
 * Sources cited by `@demarc/gcp`, keyed by id. Pass it to core's `explain()` / `resolveCitation()`
 * as the extra sources so Google citations resolve to their addresses.
 *
 * @example
 * ```ts
 * import { explain } from '@demarc/core';
 * import { GCP_SOURCES, gcpCatalogEntry } from '@demarc/gcp';
 * explain('guest-os', gcpCatalogEntry('gke')!, GCP_SOURCES);
 * ```
 */
export const GCP_SOURCES = defineSources({
  'gcp-shared-fate': CORE_SOURCES['gcp-shared-fate'],
  'gcp-cdl-course': {
    title: 'Digital Transformation with Google Cloud (Cloud Digital Leader course), shared responsibility lesson (transcript)',
    url: 'https://campus.datacamp.com/courses/digital-transformation-with-google-cloud',
    publisher: 'Google Cloud (course transcript on DataCamp)',
  },
  'gcp-course-security-model': {
    title: 'Google Cloud business transformation course, shared security model lecture (transcript)',
    url: 'https://ja.coursera.org/lecture/business-transformation-google-cloud-jp/gong-you-sekiyuritei-moderuniyotutebizinesuwoque-shi-nicheng-gong-saserufang-fa-dDkYl',
    publisher: 'Google Cloud (course transcript on Coursera)',
  },
  'gcp-gke-shared-responsibility': CORE_SOURCES['gcp-gke-shared-responsibility'],
  'gcp-gke-cluster-architecture': {
    title: 'GKE cluster architecture',
    url: 'https://docs.cloud.google.com/kubernetes-engine/docs/concepts/cluster-architecture',
    publisher: 'Google Cloud',
  },
  'gcp-cloud-sql-shared-responsibility': {
    title: 'Cloud SQL shared responsibility',
    url: 'https://cloud.google.com/sql/docs/shared-responsibility',
    publisher: 'Google Cloud',
  },
  'gcp-cloud-build-shared-responsibility': {
    title: 'Cloud Build shared responsibility',
    url: 'https://cloud.google.com/build/docs/shared-responsibility',
    publisher: 'Google Cloud',
  },
  'gcp-assured-workloads-shared-responsibility': {
    title: 'Shared responsibility in Assured Workloads',
    url: 'https://cloud.google.com/assured-workloads/docs/shared-responsibility',
    publisher: 'Google Cloud',
  },
  'gcp-assured-workloads-encryption': {
    title: 'Assured Workloads: data encryption and encryption keys',
    url: 'https://cloud.google.com/assured-workloads/docs/encryption-keys',
    publisher: 'Google Cloud',
  },
  'gcp-default-encryption': {
    title: 'Default encryption at rest',
    url: 'https://cloud.google.com/docs/security/encryption/default-encryption',
    publisher: 'Google Cloud',
    asOf: '2024-05-01',
  },
  'gcp-encryption-granularity': {
    title: 'Granularity of encryption for Google Cloud services',
    url: 'https://cloud.google.com/docs/security/encryption/gcp-encryption-granularity',
    publisher: 'Google Cloud',
  },
  'gcp-iam-recommender': {
    title: 'Role recommendations overview (IAM recommender)',
    url: 'https://cloud.google.com/iam/docs/recommender-overview',
    publisher: 'Google Cloud',
  },
  'gcp-security-foundations': {
    title: 'Google Cloud security foundations blueprint',
    url: 'https://cloud.google.com/architecture/security-foundations',
    publisher: 'Google Cloud',
    asOf: '2022-12-01',
  },
  'gcp-scc': {
    title: 'Security Command Center: Security Health Analytics',
    url: 'https://cloud.google.com/security-command-center/docs/how-to-use-security-health-analytics',
    publisher: 'Google Cloud',
  },
  'gcp-org-policy-recommender': {
    title: 'Organization Policy recommendations overview',
    url: 'https://docs.cloud.google.com/policy-intelligence/docs/organization-policy-recommendations-overview',
    publisher: 'Google Cloud',
  },
  'gcp-cloud-armor': {
    title: 'Google Cloud Armor documentation',
    url: 'https://cloud.google.com/armor/docs',
    publisher: 'Google Cloud',
  },
  'gcp-vm-manager-patch': {
    title: 'gcloud compute os-config patch-jobs: manage OS patches for Compute Engine VMs (VM Manager)',
    url: 'https://cloud.google.com/sdk/gcloud/reference/compute/os-config/patch-jobs',
    publisher: 'Google Cloud',
  },
  'gcp-audit-logs-data-access': {
    title: 'Enable Data Access audit logs',
    url: 'https://cloud.google.com/logging/docs/audit/configure-data-access',
    publisher: 'Google Cloud',
  },
  'gcp-cyber-insurance-hub': {
    title: 'Cyber Insurance Hub: manage reports',
    url: 'https://cloud.google.com/risk-manager/docs/managing-reports',
    publisher: 'Google Cloud',
  },
  'gcp-scc-api': {
    title: 'Security Command Center (product documentation and API description)',
    url: 'https://cloud.google.com/security-command-center',
    publisher: 'Google Cloud',
  },
  'gcp-web-security-scanner': {
    title: 'Web Security Scanner (product documentation and API description)',
    url: 'https://cloud.google.com/security-scanner/docs/',
    publisher: 'Google Cloud',
  },
  'gcp-cloud-identity-devices': {
    title: 'Cloud Identity API v1beta1 devices reference (Endpoint Verification attributes)',
    url: 'https://googleapis.github.io/google-api-python-client/docs/dyn/cloudidentity_v1beta1.devices.html',
    publisher: 'Google',
  },
  'gcp-backup-dr': {
    title: 'gcloud backup-dr: manage Backup and DR resources',
    url: 'https://cloud.google.com/sdk/gcloud/reference/backup-dr',
    publisher: 'Google Cloud',
  },
  'gcp-service-account-types': {
    title: 'Service account types (user-managed service accounts and service agents)',
    url: 'https://cloud.google.com/iam/docs/service-account-types',
    publisher: 'Google Cloud',
  },
});

/** A source id of this package, e.g. `'gcp-shared-fate'`. */
export type GcpSourceId = keyof typeof GCP_SOURCES;

/** Builds a citation whose source id is checked at compile time. */
export const cite = (source: GcpSourceId, says: string, evidence: Citation['evidence']): Citation => ({ source, says, evidence });
