import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkOptionProblems, resolveCheckOptions } from '../checks/options';
import { scan } from '../runner/scan';
import { createCheckKit } from './check-kit';
import { defineProvider } from './define-provider';
import { collectorsOf, defineOperations, permissionsOfOperations } from './operations';

interface Session {
  readonly account: string;
  readonly calls: string[];
}

const storage = defineOperations<Session>()({
  'storage:ListBuckets': {
    description: 'Every bucket of the account.',
    permissions: ['storage:ListBuckets'],
    call: async (session) => {
      session.calls.push('ListBuckets');
      return [{ name: `${session.account}-data`, ageDays: 120 }, { name: `${session.account}-logs`, ageDays: 10 }];
    },
  },
  'storage:GetBucketPolicy': {
    description: 'The policy of one bucket.',
    permissions: ['storage:GetBucketPolicy', 'storage:ListBuckets'],
    call: async (session, params: { readonly bucket: string }) => {
      session.calls.push(`GetBucketPolicy ${params.bucket}`);
      return { public: params.bucket.endsWith('-data') };
    },
  },
});
const iam = defineOperations<Session>()({
  'iam:ListRoles': { description: 'Roles.', permissions: ['iam:ListRoles'], call: async () => ['admin'] },
});
const OPERATIONS = { ...storage, ...iam };
const defineFakeCheck = createCheckKit({ provider: 'fake', operations: OPERATIONS });

const base = {
  title: 'Buckets are private',
  description: 'Reads bucket policies.',
  domain: 'data-protection',
  severity: 'high',
  rationale: 'r',
  remediation: 'm',
  references: [],
} as const;

const bucketAge = defineFakeCheck({
  meta: { ...base, id: 'fake-storage-bucket-age', aliases: ['fake-old-bucket-age'], messages: { old: '{{name}} is {{age}} days old.', young: '{{name}} is young.' } },
  operations: ['storage:ListBuckets'],
  options: { maxAgeDays: { type: 'integer', description: 'The oldest a bucket may be.', default: 90, minimum: 1 } },
  async *run(context) {
    expectTypeOf(context.options.maxAgeDays).toEqualTypeOf<number>();
    for (const bucket of await context.collect('storage:ListBuckets')) {
      expectTypeOf(bucket.ageDays).toEqualTypeOf<number>();
      const old = bucket.ageDays > context.options.maxAgeDays;
      yield {
        status: old ? 'fail' : 'pass',
        resource: { id: bucket.name },
        messageId: old ? 'old' : 'young',
        data: { name: bucket.name, age: bucket.ageDays },
      };
    }
  },
});

const bucketPolicy = defineFakeCheck({
  meta: { ...base, id: 'fake-storage-bucket-public' },
  operations: ['storage:ListBuckets', 'storage:GetBucketPolicy'],
  async *run(context) {
    for (const bucket of await context.collect('storage:ListBuckets')) {
      const policy = await context.collect('storage:GetBucketPolicy', { bucket: bucket.name });
      yield { status: policy.public ? 'fail' : 'pass', resource: { id: bucket.name }, message: bucket.name };
    }
    // @ts-expect-error iam:ListRoles is not among the declared operations
    await context.collect('iam:ListRoles');
  },
});

function provider(calls: string[]) {
  return defineProvider({
    id: 'fake',
    name: 'Fake',
    catalog: [],
    discoverScopes: () => [{ id: '111', kind: 'account' }],
    collectors: collectorsOf(OPERATIONS, (scope) => ({ account: scope.id, calls })),
    checks: [bucketAge, bucketPolicy],
    classify: () => undefined,
  });
}

describe('the check kit', () => {
  it('derives operations and permissions into the metadata, sorted and each once', () => {
    expect(bucketPolicy.meta.operations).toEqual(['storage:GetBucketPolicy', 'storage:ListBuckets']);
    expect(bucketPolicy.meta.permissions).toEqual(['storage:GetBucketPolicy', 'storage:ListBuckets']);
    expect(bucketAge.meta.options?.maxAgeDays?.default).toBe(90);
    expect(bucketAge.meta.provider).toBe('fake');
    expect(permissionsOfOperations(OPERATIONS, ['iam:ListRoles', 'storage:ListBuckets'])).toEqual(['iam:ListRoles', 'storage:ListBuckets']);
  });

  it('types collect by the declared operations (wrong parameters do not compile)', () => {
    defineFakeCheck({
      meta: { ...base, id: 'fake-storage-typed' },
      operations: ['storage:GetBucketPolicy'],
      async *run(context) {
        // @ts-expect-error the operation needs { bucket }
        await context.collect('storage:GetBucketPolicy');
        // @ts-expect-error 'storage:Nope' is no operation
        await context.collect('storage:Nope');
        yield { status: 'pass', message: 'typed' };
      },
    });
    expect(() =>
      defineFakeCheck({
        meta: { ...base, id: 'fake-storage-unknown' },
        // @ts-expect-error unknown operation names are refused at compile time and at definition
        operations: ['storage:Nope'],
        *run() {},
      }),
    ).toThrow(/Unknown operation\(s\): storage:Nope/);
  });

  it('runs on the runner: options default, an undeclared read is an error finding, siblings survive', async () => {
    const calls: string[] = [];
    const result = await scan({ providers: [provider(calls)], now: new Date('2026-12-01T00:00:00Z') });
    const byCheck = (id: string) => result.findings.filter((f) => f.checkId === id).map((f) => `${f.status} ${f.message}`);
    expect(byCheck('fake-storage-bucket-age')).toEqual(['fail 111-data is 120 days old.', 'pass 111-logs is young.']);
    expect(byCheck('fake-storage-bucket-public')).toEqual([
      expect.stringMatching(/^error Could not evaluate: Check 'fake-storage-bucket-public' read 'iam:ListRoles', which it does not declare/),
      'fail 111-data',
      'pass 111-logs',
    ]);
    expect(calls).not.toContain('ListRoles');
  });

  it('gives a check the options the scan passes, over its defaults', async () => {
    const result = await scan({ providers: [provider([])], checkOptions: { 'fake-storage-bucket-age': { maxAgeDays: 365 } } });
    expect(result.findings.filter((f) => f.checkId === 'fake-storage-bucket-age').map((f) => f.status)).toEqual(['pass', 'pass']);
  });

  it('applies mutes and options that name a former id (alias) to the renamed check', async () => {
    const result = await scan({
      providers: [provider([])],
      checkOptions: { 'fake-old-bucket-age': { maxAgeDays: 100 } },
      mutes: [{ check: 'fake-old-*', resource: '111-data', reason: 'archive bucket' }],
    });
    const age = result.findings.filter((f) => f.checkId === 'fake-storage-bucket-age');
    expect(age.map((f) => [f.resource.id, f.status, f.mute?.reason])).toEqual([
      ['111-data', 'muted', 'archive bucket'],
      ['111-logs', 'pass', undefined],
    ]);
    expect(age[0]!.message).toBe('111-data is 120 days old.');
    expect(bucketAge.meta.file).toBeUndefined();
    const relaxed = await scan({ providers: [provider([])], checkOptions: { 'fake-old-bucket-age': { maxAgeDays: 130 } } });
    expect(relaxed.findings.filter((f) => f.checkId === 'fake-storage-bucket-age').map((f) => f.status)).toEqual(['pass', 'pass']);
  });

  it('refuses options a check does not declare or values its schema refuses', async () => {
    const schemas = bucketAge.meta.options!;
    expect(checkOptionProblems(schemas, { maxAgeDays: 0, maxAge: 3 })).toEqual([
      { option: 'maxAgeDays', message: 'must be at least 1, got 0' },
      { option: 'maxAge', message: 'is not an option of this check (options: maxAgeDays)' },
    ]);
    expect(resolveCheckOptions(schemas, {})).toEqual({ maxAgeDays: 90 });
    await expect(scan({ providers: [provider([])], checkOptions: { 'fake-storage-bucket-age': { maxAgeDays: 'x' } } })).rejects.toThrow(
      "Check 'fake-storage-bucket-age': option maxAgeDays must be a whole number, got a string",
    );
    expect(() =>
      defineFakeCheck({
        meta: { ...base, id: 'fake-storage-bad-default' },
        operations: ['storage:ListBuckets'],
        options: { days: { type: 'integer', description: 'd', default: 0, minimum: 1 } },
        *run() {},
      }),
    ).toThrow(/options.days.default must be at least 1/);
  });
});
