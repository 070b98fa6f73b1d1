/**
 * The public documents the baseline matrix and the organisational measures cite. Provider packages
 * keep their own source tables for their framings and catalogs.
 * @module
 */
import type { Source } from './types';

/** A source table as {@link defineSources} returns it: each entry carries its own key as `id`. */
export type SourceTable<T extends Record<string, Omit<Source, 'id'>>> = { readonly [K in keyof T]: Source & { readonly id: K } };

/**
 * Builds a table of cited documents keyed by id, each entry carrying its key as `id`, so citations can
 * name a source by a literal type that autocompletes. Provider packages use it for their own sources.
 *
 * @example
 * ```ts
 * export const MY_SOURCES = defineSources({
 *   'acme-srm': { title: 'ACME shared responsibility', url: 'https://acme.example/srm', publisher: 'ACME' },
 * });
 * MY_SOURCES['acme-srm'].id; // 'acme-srm'
 * ```
 */
export function defineSources<const T extends Record<string, Omit<Source, 'id'>>>(sources: T): SourceTable<T> {
  return Object.fromEntries(Object.entries(sources).map(([id, source]) => [id, { id, ...source }])) as SourceTable<T>;
}

/** Sources cited by the normalized model, keyed by id. */
export const CORE_SOURCES = defineSources({
  'nist-sp-800-145': {
    title: 'NIST SP 800-145, The NIST Definition of Cloud Computing',
    url: 'https://doi.org/10.6028/NIST.SP.800-145',
    publisher: 'NIST',
    asOf: '2011-09-28',
  },
  'aws-srm': {
    title: 'Shared Responsibility Model',
    url: 'https://aws.amazon.com/compliance/shared-responsibility-model/',
    publisher: 'AWS',
  },
  'aws-wa-security-srm': {
    title: 'AWS Well-Architected Framework, Security Pillar: Shared responsibility',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/shared-responsibility.html',
    publisher: 'AWS',
  },
  'aws-security-best-practices-2016': {
    title: 'AWS Security Best Practices (whitepaper), section "Sharing Security Responsibility for AWS Services"',
    url: 'https://d1.awsstatic.com/whitepapers/Security/AWS_Security_Best_Practices.pdf',
    publisher: 'AWS',
    asOf: '2016-08-01',
    archived: true,
  },
  'aws-ec2-security': {
    title: 'Amazon EC2 User Guide: Security in Amazon EC2',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-security.html',
    publisher: 'AWS',
  },
  'gcp-shared-fate': {
    title: 'Shared responsibilities and shared fate on Google Cloud',
    url: 'https://cloud.google.com/architecture/framework/security/shared-responsibility-shared-fate',
    publisher: 'Google Cloud',
    asOf: '2023-08-21',
  },
  'gcp-gke-shared-responsibility': {
    title: 'GKE shared responsibility',
    url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/shared-responsibility',
    publisher: 'Google Cloud',
  },
  'azure-srm-2026': {
    title: 'Shared responsibility in the cloud (January 2026 version)',
    url: 'https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility',
    publisher: 'Microsoft',
    asOf: '2026-01-12',
  },
  'azure-srm-legacy': {
    title: 'Shared responsibility in the cloud (2021-2023 version and diagram)',
    url: 'https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility',
    publisher: 'Microsoft',
    asOf: '2023-09-28',
  },
  'azure-reliability-srm': {
    title: 'Shared responsibility for reliability',
    url: 'https://learn.microsoft.com/azure/reliability/concept-shared-responsibility',
    publisher: 'Microsoft',
  },
  'csa-ccm-v4': {
    title: 'CSA Cloud Controls Matrix v4 and the SSRM implementation guidelines',
    url: 'https://cloudsecurityalliance.org/artifacts/ccmv4-ssrm-implementation-guidelines',
    publisher: 'Cloud Security Alliance',
    asOf: '2021-01-20',
  },
});

/** A core source id, e.g. `'nist-sp-800-145'`. */
export type CoreSourceId = keyof typeof CORE_SOURCES;
