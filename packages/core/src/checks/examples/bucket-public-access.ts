/** An example check in under 40 lines: buckets must block public access (provider-managed ones are triaged). @module */
import { defineCheck } from '../define-check';

/** The shape the example collector `storage:ListBuckets` returns. */
export interface ExampleBucket {
  readonly id: string;
  readonly region: string;
  readonly publicAccess: boolean;
  readonly managedBy?: string;
}

/** Buckets block public access. */
export const bucketPublicAccess = defineCheck({
  meta: {
    id: 'example-bucket-public-access',
    title: 'Buckets block public access',
    description: 'Reads every bucket of the scope and its public-access setting.',
    domain: 'service-configuration',
    severity: 'high',
    rationale: 'A public bucket exposes its data to anyone on the internet; the setting is the customer’s.',
    remediation: 'Turn on the block-public-access setting of the bucket, or of the whole account.',
    references: ['https://example.com/docs/buckets/public-access'],
    appliesTo: { resourceTypes: ['storage/bucket'] },
    messages: { public: 'Bucket {{id}} allows public access.', private: 'Bucket {{id}} blocks public access.' },
  },
  async *run(context) {
    for (const bucket of await context.collect<ExampleBucket[]>('storage:ListBuckets')) {
      yield {
        status: bucket.publicAccess ? 'fail' : 'pass',
        resource: { id: bucket.id, region: bucket.region, type: 'storage/bucket' },
        messageId: bucket.publicAccess ? 'public' : 'private',
        data: { id: bucket.id },
        evidence: { publicAccess: bucket.publicAccess },
        ...(bucket.managedBy ? { providerManaged: { reason: `managed by ${bucket.managedBy}` } } : {}),
      };
    }
  },
});
