/**
 * Operations as data: each cloud API read a provider makes is declared once, with the permissions it
 * needs and the SDK call (pagination and the scan's abort signal inside). Checks name the operations
 * they read; their permissions, the permissions guide and the least-privilege documents are derived
 * from these declarations, and `collect` is typed by them.
 * @module
 */
import { DemarcError } from '../errors';
import type { ScopeInfo } from '../scope';
import type { CollectOptions } from '../checks/types';
import type { Collector } from './types';

/** What an operation's call gets besides the vendor session and its parameters. */
export interface OperationCallContext {
  /** The scope read (an account, project or subscription, or the organization pseudo-scope). */
  readonly scope: ScopeInfo;
  /** Aborted when the scan is aborted or the check times out: pass it to every SDK call. */
  readonly signal: AbortSignal;
}

/** An operation's parameters: a flat JSON object (they are part of the cache and snapshot key). */
export type OperationParams = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** No parameters. */
export type NoParams = Readonly<Record<string, never>>;

/**
 * One read-only cloud API operation.
 * @typeParam Session - What the vendor's provider gives each call (its SDK clients for the scope).
 * @typeParam Params - The call's parameters; {@link NoParams} when it takes none.
 * @typeParam Result - The JSON it returns (a snapshot stores it; dates as ISO strings).
 */
export interface OperationDefinition<Session, Params extends OperationParams = NoParams, Result = unknown> {
  /** What it reads, in a sentence, for the docs. */
  readonly description: string;
  /** The vendor permissions the call needs (IAM actions, Google IAM permissions, Azure RBAC actions). */
  readonly permissions: readonly string[];
  /** Reads the data. Pages through every page and passes `context.signal` to each SDK call. */
  call(session: Session, params: Params, context: OperationCallContext): Promise<Result>;
}

/** Operations by name, e.g. `'iam:ListUsers'`. */
// The parameter and result types differ per entry; `any` here only widens the table's element type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationTable<Session = any> = Readonly<Record<string, OperationDefinition<Session, any, unknown>>>;

/** The parameters of an operation. */
export type OperationParamsOf<O> = O extends OperationDefinition<infer _S, infer P, infer _R> ? P : never;

/** The result of an operation. */
export type OperationResultOf<O> = O extends OperationDefinition<infer _S, infer _P, infer R> ? R : never;

/**
 * The arguments of `collect` after the operation name: the parameters (optional when the operation
 * takes none), then the collect options (e.g. another scope of the provider).
 */
export type CollectParamsArgs<O> = NoParams extends OperationParamsOf<O>
  ? [params?: OperationParamsOf<O>, options?: CollectOptions]
  : [params: OperationParamsOf<O>, options?: CollectOptions];

/**
 * Declares one service's operations, typed for the vendor's session. Use one call per
 * `operations/<service>.ts` file.
 * @example
 * ```ts
 * export const iamOperations = defineOperations<AwsSession>()({
 *   'iam:ListUsers': {
 *     description: 'Every IAM user of the account.',
 *     permissions: ['iam:ListUsers'],
 *     call: (session, _params, { signal }) => session.iam.listUsers(signal),
 *   },
 * });
 * ```
 */
export function defineOperations<Session>() {
  return <const Table extends Readonly<Record<string, OperationDefinition<Session, never, unknown>>>>(table: Table): Table => {
    for (const [name, operation] of Object.entries(table)) {
      if (operation.permissions.length === 0) throw new DemarcError(`Operation '${name}' declares no permission`);
    }
    return table;
  };
}

/** The permissions a list of operations needs, sorted, each once. */
export function permissionsOfOperations(table: OperationTable, operations: readonly string[]): string[] {
  const missing = operations.filter((name) => !(name in table));
  if (missing.length > 0) throw new DemarcError(`Unknown operation(s): ${missing.join(', ')}`);
  return [...new Set(operations.flatMap((name) => table[name]!.permissions))].sort();
}

/**
 * Turns an operation table into the provider contract's collectors: each gets the vendor session for
 * the scope, and its errors go through the vendor's converter to demarc's typed errors.
 */
export function collectorsOf<Session>(
  table: OperationTable<Session>,
  session: (scope: ScopeInfo) => Session | Promise<Session>,
  convertError: (error: unknown, operation: string) => unknown = (error) => error,
): Record<string, Collector> {
  const collectors: Record<string, Collector> = {};
  for (const [name, operation] of Object.entries(table)) {
    collectors[name] = async (scope, params, context) => {
      try {
        return await operation.call(await session(scope), params as OperationParams, { scope, signal: context.signal });
      } catch (error) {
        throw convertError(error, name);
      }
    };
  }
  return collectors;
}
