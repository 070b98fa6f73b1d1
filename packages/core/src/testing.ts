/**
 * `@demarc/core/testing`: test helpers for check and provider authors.
 * - {@link CheckTester}: RuleTester-style tests of a check (given collected data → expected findings).
 * - {@link testProvider}: the contract suite every provider package runs.
 * @packageDocumentation
 */
import { scan } from './runner/scan';
import { defineProvider, validateProvider } from './provider/define-provider';
import type { ProviderV1 } from './provider/types';
import type { ScopeInfo } from './scope';
import type { AnyCheck } from './checks/types';
import type { Finding, FindingStatus } from './findings/types';
import type { AttestationSet } from './attestations/types';
import type { MuteRule } from './mutes/index';
import type { ServiceCatalogEntry } from './model/types';
import { DemarcError } from './errors';

/**
 * A collector response in a test: the data, or a function of the parameters and of the scope asked
 * (a check may collect in another scope, e.g. the organization's) — throw to simulate an API error.
 */
export type TestCollectorData = unknown | ((params: Readonly<Record<string, unknown>>, scope: ScopeInfo) => unknown);

/** A test case: the collected data a check sees. */
export interface CheckTestCase {
  /** Unique name of the case. */
  readonly name: string;
  /** Collector responses by operation name. An operation not listed makes the check error. */
  readonly data?: Readonly<Record<string, TestCollectorData>>;
  /** The scope (default `{ id: '123456789012', kind: 'account' }`). */
  readonly scope?: ScopeInfo;
  /** Attestations, for attestation checks. */
  readonly attestations?: AttestationSet;
  /** Mute rules. */
  readonly mutes?: readonly MuteRule[];
  /** The clock (default 2025-01-01). */
  readonly now?: Date;
}

/** What a finding must look like; omitted fields are not compared. */
export interface ExpectedFinding {
  /** The status. */
  readonly status: FindingStatus;
  /** The resource's native id. */
  readonly resourceId?: string;
  /** The message id (must exist in `meta.messages`). */
  readonly messageId?: string;
  /** The exact message. */
  readonly message?: string;
  /** The provider-managed reason. */
  readonly providerManaged?: string;
}

/** A case the check must pass: no finding may be `fail`, `error`, `manual` or `muted`. */
export type ValidCase = CheckTestCase;

/** A case the check must flag: exactly these findings, in report order. */
export interface InvalidCase extends CheckTestCase {
  /** The expected findings, in report order (scope, resource id, status). */
  readonly findings: readonly ExpectedFinding[];
}

/** A test framework's `describe` / `it`. */
export interface TestFramework {
  /** Groups tests. */
  readonly describe: (name: string, fn: () => void) => void;
  /** Declares a test. */
  readonly it: (name: string, fn: () => Promise<void>) => void;
}

/** Options of {@link CheckTester}. */
export interface CheckTesterOptions {
  /** A provider whose catalog, `classify` and `isProviderManaged` the check runs with (its collectors are replaced by the case data). */
  readonly provider?: ProviderV1;
  /** A catalog, when no provider is given. */
  readonly catalog?: readonly ServiceCatalogEntry[];
  /** The test framework (default: global `describe` / `it`). */
  readonly framework?: TestFramework;
}

const DEFAULT_SCOPE: ScopeInfo = { id: '123456789012', kind: 'account' };
const DEFAULT_NOW = new Date('2025-01-01T00:00:00Z');
const NOT_VALID: ReadonlySet<FindingStatus> = new Set(['fail', 'error', 'manual', 'muted']);

/**
 * Runs a check over test data and returns its findings, through the real runner (so messages,
 * provider-managed triage and model ownership are as in a scan).
 */
export async function runCheckOnData(check: AnyCheck, testCase: CheckTestCase, options: Omit<CheckTesterOptions, 'framework'> = {}): Promise<readonly Finding[]> {
  const scope = testCase.scope ?? DEFAULT_SCOPE;
  const collectors = Object.fromEntries(
    Object.entries(testCase.data ?? {}).map(([operation, value]) => [
      operation,
      async (asked: ScopeInfo, params: Readonly<Record<string, unknown>>) =>
        typeof value === 'function' ? (value as (p: typeof params, s: ScopeInfo) => unknown)(params, asked) : value,
    ]),
  );
  const base = options.provider;
  const providerId = check.meta.provider ?? base?.id ?? 'test';
  const provider = defineProvider({
    id: providerId,
    name: base?.name ?? 'Test provider',
    catalog: base?.catalog ?? options.catalog ?? [],
    ...(base ? { classify: base.classify } : {}),
    ...(base?.isProviderManaged ? { isProviderManaged: base.isProviderManaged } : {}),
    discoverScopes: () => [scope],
    collectors,
  });
  const result = await scan({
    providers: [provider],
    checks: [check],
    now: testCase.now ?? DEFAULT_NOW,
    ...(testCase.attestations ? { attestations: testCase.attestations } : {}),
    ...(testCase.mutes ? { mutes: testCase.mutes } : {}),
  });
  return result.findings;
}

function describeFinding(f: Finding): string {
  return `${f.status} ${f.resource.id}${f.messageId ? ` [${f.messageId}]` : ''}: ${f.message}`;
}

/**
 * RuleTester-style tests for a check. Strict like ESLint's: duplicate case names, unknown message ids,
 * a valid case with a failing finding, or a different number of findings fail the test.
 *
 * @example
 * ```ts
 * import { describe, it } from 'vitest';
 * const tester = new CheckTester({ framework: { describe, it } });
 * tester.run(bucketPublicAccess, {
 *   valid: [{ name: 'private bucket', data: { 'storage:ListBuckets': [{ id: 'b1', public: false }] } }],
 *   invalid: [{ name: 'public bucket', data: { 'storage:ListBuckets': [{ id: 'b1', public: true }] },
 *               findings: [{ status: 'fail', resourceId: 'b1', messageId: 'public' }] }],
 * });
 * ```
 */
export class CheckTester {
  readonly #options: CheckTesterOptions;

  constructor(options: CheckTesterOptions = {}) {
    this.#options = options;
  }

  /** Registers one test per case with the framework. */
  run(check: AnyCheck, cases: { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase[] }): void {
    const framework = this.#options.framework ?? (globalThis as unknown as Partial<TestFramework>);
    if (typeof framework.describe !== 'function' || typeof framework.it !== 'function') {
      throw new DemarcError('CheckTester needs a test framework: pass { framework: { describe, it } } (vitest globals are off by default)');
    }
    const { describe, it } = framework as TestFramework;
    CheckTester.assertUniqueNames(cases);
    describe(check.meta.id, () => {
      describe('valid', () => {
        for (const c of cases.valid) it(c.name, () => this.verifyValid(check, c));
      });
      describe('invalid', () => {
        for (const c of cases.invalid) it(c.name, () => this.verifyInvalid(check, c));
      });
    });
  }

  /** Throws unless every case name is unique across valid and invalid cases. */
  static assertUniqueNames(cases: { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase[] }): void {
    const seen = new Set<string>();
    for (const c of [...cases.valid, ...cases.invalid]) {
      if (seen.has(c.name)) throw new DemarcError(`Duplicate test case name '${c.name}'`);
      seen.add(c.name);
    }
  }

  /** Verifies a valid case; throws with the offending findings. */
  async verifyValid(check: AnyCheck, testCase: ValidCase): Promise<void> {
    const findings = await runCheckOnData(check, testCase, this.#options);
    const bad = findings.filter((f) => NOT_VALID.has(f.status));
    if (bad.length > 0) throw new DemarcError(`Valid case '${testCase.name}' produced:\n  ${bad.map(describeFinding).join('\n  ')}`);
    if (findings.length === 0) throw new DemarcError(`Valid case '${testCase.name}' produced no finding: a check must say what it passed`);
  }

  /** Verifies an invalid case; throws describing the first difference. */
  async verifyInvalid(check: AnyCheck, testCase: InvalidCase): Promise<void> {
    const messages = (check.meta.messages ?? {}) as Readonly<Record<string, string>>;
    for (const expected of testCase.findings) {
      if (expected.messageId !== undefined && !(expected.messageId in messages)) {
        throw new DemarcError(`Case '${testCase.name}': messageId '${expected.messageId}' is not in meta.messages (${Object.keys(messages).join(', ') || 'none'})`);
      }
    }
    const findings = await runCheckOnData(check, testCase, this.#options);
    const got = `\n  got:\n  ${findings.map(describeFinding).join('\n  ') || '(none)'}`;
    if (findings.length !== testCase.findings.length) {
      throw new DemarcError(`Case '${testCase.name}': expected ${testCase.findings.length} finding(s), got ${findings.length}${got}`);
    }
    testCase.findings.forEach((expected, index) => {
      const actual = findings[index]!;
      for (const [key, value] of [
        ['status', actual.status],
        ['resourceId', actual.resource.id],
        ['messageId', actual.messageId],
        ['message', actual.message],
        ['providerManaged', actual.providerManaged],
      ] as const) {
        const want = expected[key];
        if (want !== undefined && want !== value) {
          throw new DemarcError(`Case '${testCase.name}', finding ${index}: expected ${key} '${want}', got '${String(value)}'${got}`);
        }
      }
    });
  }
}

/**
 * Lists contract problems of a provider: `validateProvider`'s, plus every catalog resource type must
 * classify to its own entry. Empty when the provider is sound.
 */
export function providerContractProblems(provider: ProviderV1): string[] {
  const problems = validateProvider(provider);
  for (const entry of provider.catalog ?? []) {
    for (const type of entry.resourceTypes) {
      const found = provider.classify(type);
      if (!found) problems.push(`classify('${type}') finds no service (catalog entry '${entry.id}' lists it)`);
    }
  }
  return problems;
}

/**
 * The contract suite every provider package runs (like unstorage's `testDriver`): contract shape,
 * check metadata, catalog classification, scope discovery.
 * @example
 * ```ts
 * import { describe, it } from 'vitest';
 * testProvider(awsProvider({ client: fake }), { describe, it });
 * ```
 */
export function testProvider(provider: ProviderV1, framework?: TestFramework): void {
  const f = framework ?? (globalThis as unknown as TestFramework);
  f.describe(`provider contract: ${provider.id}`, () => {
    f.it('implements ProviderV1 and classifies its catalog', async () => {
      const problems = providerContractProblems(provider);
      if (problems.length > 0) throw new DemarcError(`Provider '${provider.id}':\n  ${problems.join('\n  ')}`);
    });
    f.it('discovers scopes with ids and kinds', async () => {
      const scopes: ScopeInfo[] = [];
      for await (const scope of provider.discoverScopes({ signal: new AbortController().signal })) scopes.push(scope);
      const bad = scopes.filter((s) => typeof s.id !== 'string' || s.id === '' || typeof s.kind !== 'string');
      if (bad.length > 0) throw new DemarcError(`Scopes without id or kind: ${JSON.stringify(bad)}`);
      if (new Set(scopes.map((s) => s.id)).size !== scopes.length) throw new DemarcError('Scope ids are not unique');
    });
  });
}
