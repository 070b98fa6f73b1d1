/**
 * A third-party provider plugin skeleton: teach demarc a cloud (or SaaS) it does not ship. A provider
 * is a service catalog (which service model each service is), scope discovery, collectors (one API
 * operation each) and checks. `defineProvider` validates it; core's runner, reports, mutes and
 * snapshots then work unchanged. Publish it as a package exporting `createProvider(options)` and name
 * it in `demarc.config.json` (`{ "providers": [{ "package": "demarc-provider-acme", "options": {...} }] }`).
 *
 * Run: `tsx --conditions=@demarc/source examples/provider-plugin.ts`
 */
import { defineCheck, defineProvider, scan, scanCoverage, validateProvider, type ServiceCatalogEntry } from '@demarc/core';

/** What the (imaginary) Acme Cloud API returns for a bucket. */
interface AcmeBucket {
  readonly id: string;
  readonly public: boolean;
}

const CATALOG: ServiceCatalogEntry[] = [
  {
    id: 'object-store',
    provider: 'acme',
    name: 'Acme Object Store',
    model: 'paas',
    variant: 'object-storage',
    resourceTypes: ['acme:bucket'],
    citations: [{ source: 'nist-sp-800-145', says: 'The consumer controls its data and access settings on a platform the provider runs.', evidence: 'secondary' }],
  },
];

const bucketsNotPublic = defineCheck({
  meta: {
    id: 'acme-bucket-not-public',
    title: 'Acme buckets are not public',
    description: 'Reads each bucket\'s access setting.',
    domain: 'data-protection',
    severity: 'high',
    rationale: 'Who can read the data is the customer\'s decision in every service model.',
    remediation: 'Turn off public access on the bucket.',
    references: [],
    kind: 'automated',
    appliesTo: { serviceModels: ['paas'], resourceTypes: ['acme:bucket'] },
  },
  async *run(context) {
    for (const bucket of await context.collect<AcmeBucket[]>('storage:ListBuckets')) {
      yield { status: bucket.public ? 'fail' : 'pass', resource: { id: bucket.id, type: 'acme:bucket' }, message: `${bucket.id} is ${bucket.public ? 'public' : 'private'}` };
    }
  },
});

/** Options of the provider; a real one would take credentials and an endpoint. */
export interface AcmeOptions {
  /** Accounts to scan, with their buckets (stands in for the Acme API). */
  readonly accounts: Readonly<Record<string, readonly AcmeBucket[]>>;
}

/** The plugin's entry point: the CLI calls `createProvider(options)` with the config's options. */
export function createProvider(options: AcmeOptions) {
  return defineProvider({
    id: 'acme',
    name: 'Acme Cloud',
    catalog: CATALOG,
    async *discoverScopes() {
      for (const id of Object.keys(options.accounts)) yield { id, kind: 'account' };
    },
    collectors: {
      // A collector returns plain JSON (snapshots store it) and throws core's typed errors on failure.
      'storage:ListBuckets': async (scope) => options.accounts[scope.id] ?? [],
    },
    checks: [bucketsNotPublic],
  });
}

const provider = createProvider({
  accounts: { 'acct-1': [{ id: 'acme://acct-1/site', public: true }, { id: 'acme://acct-1/data', public: false }], 'acct-2': [{ id: 'acme://acct-2/logs', public: false }] },
});
console.log(`contract problems: ${validateProvider(provider).length}`);
const result = await scan({ providers: [provider] });
for (const f of result.findings) console.log(`${f.status} ${f.checkId} ${f.resource.id} (${f.serviceModel}, owner ${f.owner})`);
// Coverage comes from the model: data protection is the customer's on PaaS, and this check verifies it.
const duty = scanCoverage(result).duties.find((d) => d.domain === 'data-protection' && d.model === 'paas');
console.log(`data-protection on paas: ${duty?.party}'s duty, ${duty?.state} (checks: ${duty?.checks.join(', ')})`);
