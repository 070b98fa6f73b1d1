/**
 * The check kit: a provider's `defineCheck`, typed by its operation table. A check names the
 * operations it reads; `collect` accepts only those (with their parameter and result types), the
 * check's permissions are derived from them, and its options are declared with a schema and defaults.
 * @module
 */
import { DemarcError } from '../errors';
import { defineCheck } from '../checks/define-check';
import {
  checkOptionSchemaProblems,
  resolveCheckOptions,
  type CheckOptionSchemas,
  type CheckOptionValues,
} from '../checks/options';
import type { CheckContext, CheckMeta, CheckResults, CheckV1, CollectOptions } from '../checks/types';
import {
  permissionsOfOperations,
  type CollectParamsArgs,
  type OperationResultOf,
  type OperationTable,
} from './operations';

/** What a kit check's `run` gets: core's context with `collect` typed by the declared operations, and its options. */
export interface KitCheckContext<Ops extends OperationTable, Declared extends keyof Ops, Options>
  extends Omit<CheckContext, 'collect' | 'options'> {
  /** Reads one of the check's declared operations (memoized per scan, recorded in snapshots). */
  collect<N extends Declared>(operation: N, ...params: CollectParamsArgs<Ops[N]>): Promise<OperationResultOf<Ops[N]>>;
  /** The check's options: the config's values over the declared defaults. */
  readonly options: Options;
}

/** What a kit check definition takes. */
export interface KitCheckDefinition<
  Ops extends OperationTable,
  Declared extends keyof Ops & string,
  MessageId extends string,
  Options extends CheckOptionSchemas,
> {
  /** Metadata; `provider`, `operations`, `permissions` and `options` are filled in by the kit. */
  readonly meta: Omit<CheckMeta<MessageId>, 'provider' | 'kind' | 'operations' | 'permissions' | 'options'> & {
    readonly kind?: CheckMeta['kind'];
  };
  /** The operations the check reads: the only ones `collect` accepts. */
  readonly operations: readonly Declared[];
  /** The check's options with their schema and default. */
  readonly options?: Options;
  /** Evaluates the condition. Usually an `async function*`. */
  run(context: KitCheckContext<Ops, Declared, CheckOptionValues<Options>>): CheckResults<NoInfer<MessageId>>;
}

/** A provider's check-definition function, as {@link createCheckKit} returns it. */
export type KitDefineCheck<Ops extends OperationTable> = <
  const Declared extends keyof Ops & string,
  const MessageId extends string = never,
  const Options extends CheckOptionSchemas = Record<never, never>,
>(
  definition: KitCheckDefinition<Ops, Declared, MessageId, Options>,
) => CheckV1<MessageId>;

/**
 * Creates a provider's `defineCheck` from its id and operation table.
 * @example
 * ```ts
 * export const defineAwsCheck = createCheckKit({ provider: 'aws', operations: AWS_OPERATIONS });
 *
 * export default defineAwsCheck({
 *   meta: { id: 'aws-iam-root-mfa', ... },
 *   operations: ['iam:GetAccountSummary'],
 *   async *run(context) {
 *     const summary = await context.collect('iam:GetAccountSummary'); // typed by the operation
 *     ...
 *   },
 * });
 * ```
 */
export function createCheckKit<Ops extends OperationTable>(kit: { readonly provider: string; readonly operations: Ops }): KitDefineCheck<Ops> {
  return <const Declared extends keyof Ops & string, const MessageId extends string = never, const Options extends CheckOptionSchemas = Record<never, never>>(
    definition: KitCheckDefinition<Ops, Declared, MessageId, Options>,
  ): CheckV1<MessageId> => {
    const { meta, operations, run } = definition;
    const options: CheckOptionSchemas = definition.options ?? {};
    const problems = checkOptionSchemaProblems(options);
    if (operations.length === 0 && meta.kind !== 'attestation') problems.push('operations must name at least one operation');
    let permissions: string[] = [];
    try {
      permissions = permissionsOfOperations(kit.operations, operations);
    } catch (error) {
      problems.push((error as Error).message);
    }
    if (problems.length > 0) throw new DemarcError(`Check '${meta.id}' is invalid: ${problems.join('; ')}`);
    const declared = new Set<string>(operations);
    return defineCheck<MessageId>({
      meta: { ...meta, provider: kit.provider, operations: [...operations].sort(), permissions, options },
      run: (context: CheckContext) => {
        const collect = (
          operation: string,
          params?: Readonly<Record<string, unknown>>,
          collectOptions?: CollectOptions,
        ): Promise<unknown> => {
          // Permissions are derived from the declared operations: an undeclared read would need one the
          // policy does not grant.
          if (!declared.has(operation)) {
            return Promise.reject(new DemarcError(`Check '${meta.id}' read '${operation}', which it does not declare in operations`));
          }
          return context.collect(operation, params, collectOptions);
        };
        const typed = { ...context, collect, options: resolveCheckOptions(options, context.options) };
        return run(typed as unknown as KitCheckContext<Ops, Declared, CheckOptionValues<Options>>);
      },
    });
  };
}
