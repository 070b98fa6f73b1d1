/** A fake provider for runner and report tests: N scopes, buckets and roles per scope, counted calls. */
import { defineCheck } from '../../checks/define-check';
import { defineProvider } from '../../provider/define-provider';
import type { ProviderV1 } from '../../provider/types';
import type { ServiceCatalogEntry } from '../../model/types';

export const CATALOG: ServiceCatalogEntry[] = [
  { id: 'storage', provider: 'fake', name: 'Fake Storage', model: 'paas', variant: 'object-storage', resourceTypes: ['fake:bucket'], citations: [{ source: 'nist-sp-800-145', says: 'test', evidence: 'secondary' }] },
  { id: 'iam', provider: 'fake', name: 'Fake IAM', model: 'saas', resourceTypes: ['fake:role'], citations: [{ source: 'nist-sp-800-145', says: 'test', evidence: 'secondary' }] },
];

export interface FakeBucket { id: string; public: boolean; encrypted: boolean; logging: boolean }

export function bucketsFor(scope: string): FakeBucket[] {
  const n = Number(scope.replace(/\D/g, '')) || 0;
  return [
    { id: `arn:fake:s3:::${scope}-data`, public: n % 10 === 0, encrypted: true, logging: n % 2 === 0 },
    { id: `arn:fake:s3:::${scope}-logs`, public: false, encrypted: n % 3 !== 0, logging: true },
  ];
}

const bucketCheck = (id: string, field: 'public' | 'encrypted' | 'logging', domain: 'service-configuration' | 'data-protection' | 'logging-monitoring', bad: boolean) =>
  defineCheck({
    meta: { id, title: `bucket ${field}`, description: 'd', domain, severity: 'high', rationale: 'r', remediation: 'm', references: [] },
    async *run(context) {
      for (const b of await context.collect<FakeBucket[]>('storage:ListBuckets')) {
        yield { status: b[field] === bad ? 'fail' : 'pass', resource: { id: b.id, type: 'fake:bucket', region: 'eu-1' }, message: `${b.id} ${field}=${b[field]}` };
      }
    },
  });

export const publicCheck = bucketCheck('fake-bucket-public', 'public', 'service-configuration', true);
export const encryptedCheck = bucketCheck('fake-bucket-encrypted', 'encrypted', 'data-protection', false);
export const loggingCheck = bucketCheck('fake-bucket-logging', 'logging', 'logging-monitoring', false);

export const roleCheck = defineCheck({
  meta: { id: 'fake-role-admin', title: 'roles are not admin', description: 'd', domain: 'accounts-access', severity: 'medium', rationale: 'r', remediation: 'm', references: [] },
  async *run(context) {
    for (const role of await context.collect<{ id: string; admin: boolean }[]>('iam:ListRoles', { pageSize: 100 })) {
      yield { status: role.admin ? 'fail' : 'pass', resource: { id: role.id, type: 'fake:role' }, message: `role ${role.id}` };
    }
  },
});

export interface FakeOptions {
  scopes?: number;
  calls?: Map<string, number>;
  delayMs?: number;
  inFlight?: { now: number; max: number };
}

export function fakeProvider(options: FakeOptions = {}): ProviderV1 {
  const calls = options.calls ?? new Map<string, number>();
  const count = (op: string) => calls.set(op, (calls.get(op) ?? 0) + 1);
  const pause = async (signal: AbortSignal) => {
    if (!options.delayMs) return;
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, options.delayMs);
      signal.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
    });
  };
  return defineProvider({
    id: 'fake',
    name: 'Fake Cloud',
    catalog: CATALOG,
    async *discoverScopes() {
      for (let i = (options.scopes ?? 3) - 1; i >= 0; i--) yield { id: `acct-${String(i).padStart(3, '0')}`, kind: 'account' };
    },
    collectors: {
      'storage:ListBuckets': async (scope, _params, { signal }) => {
        count('storage:ListBuckets');
        if (options.inFlight) options.inFlight.max = Math.max(options.inFlight.max, ++options.inFlight.now);
        try {
          await pause(signal);
        } finally {
          if (options.inFlight) options.inFlight.now -= 1;
        }
        return bucketsFor(scope.id).map((b) => ({ ...b, credentials: { secretAccessKey: 'SECRET' } }));
      },
      'iam:ListRoles': async (scope) => {
        count('iam:ListRoles');
        return [
          { id: `arn:fake:iam::${scope.id}:role/admin`, admin: true, sessionToken: 'TOKEN' },
          { id: `arn:fake:iam::${scope.id}:role/service-role/fake-linked`, admin: true },
          { id: `arn:fake:iam::${scope.id}:role/reader`, admin: false },
        ];
      },
    },
    checks: [publicCheck, encryptedCheck, loggingCheck, roleCheck],
    isProviderManaged: (resource) => (resource.id.includes('/service-role/') ? { reason: 'service-linked role: only the provider can change it' } : undefined),
  });
}
