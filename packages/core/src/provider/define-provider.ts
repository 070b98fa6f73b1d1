/**
 * `defineProvider`: builds a {@link ProviderV1} with a catalog-based `classify` and validates it.
 * @module
 */
import type { ServiceCatalogEntry } from '../model/types';
import { DemarcError } from '../errors';
import { validateCheckMeta } from '../checks/define-check';
import type { ProviderV1 } from './types';

/** What {@link defineProvider} takes: the contract without its version, `classify` optional. */
export type ProviderDefinition = Omit<ProviderV1, 'specificationVersion' | 'classify' | 'checks'> & {
  /** Defaults to a look-up of `catalog[].resourceTypes`. */
  readonly classify?: ProviderV1['classify'];
  /** The provider's checks (default none). */
  readonly checks?: ProviderV1['checks'];
};

/** Lists what is wrong with a provider; empty when it is valid. Used by `defineProvider`, plugin loading and `testProvider`. */
export function validateProvider(provider: ProviderV1): string[] {
  const problems: string[] = [];
  if (provider.specificationVersion !== 'v1') problems.push(`specificationVersion must be 'v1', got '${String(provider.specificationVersion)}'`);
  if (typeof provider.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(provider.id)) problems.push(`id '${String(provider.id)}' must be lowercase kebab-case`);
  if (typeof provider.discoverScopes !== 'function') problems.push('discoverScopes must be a function');
  if (typeof provider.collectors !== 'object' || provider.collectors === null) problems.push('collectors must be an object of functions');
  else for (const [name, fn] of Object.entries(provider.collectors)) if (typeof fn !== 'function') problems.push(`collector '${name}' is not a function`);
  if (!Array.isArray(provider.catalog)) problems.push('catalog must be an array of service catalog entries');
  else {
    const seen = new Set<string>();
    for (const entry of provider.catalog) {
      if (seen.has(entry.id)) problems.push(`catalog: duplicate service id '${entry.id}'`);
      seen.add(entry.id);
      if (entry.provider !== provider.id) problems.push(`catalog: service '${entry.id}' names provider '${entry.provider}', not '${provider.id}'`);
    }
  }
  if (!Array.isArray(provider.checks)) problems.push('checks must be an array');
  else {
    const ids = new Set<string>();
    for (const check of provider.checks) {
      const id = check?.meta?.id ?? '(no id)';
      if (check?.specificationVersion !== 'v1') problems.push(`check '${id}': specificationVersion must be 'v1'`);
      if (ids.has(id)) problems.push(`duplicate check id '${id}'`);
      ids.add(id);
      if (check?.meta) for (const p of validateCheckMeta(check.meta)) problems.push(`check '${id}': ${p}`);
      if (check?.meta?.provider !== undefined && check.meta.provider !== provider.id) problems.push(`check '${id}' belongs to provider '${check.meta.provider}'`);
    }
  }
  return problems;
}

/** Indexes a catalog by resource type. */
export function catalogClassifier(catalog: readonly ServiceCatalogEntry[]): (resourceType: string) => ServiceCatalogEntry | undefined {
  const byType = new Map<string, ServiceCatalogEntry>();
  for (const entry of catalog) for (const type of entry.resourceTypes) if (!byType.has(type)) byType.set(type, entry);
  return (resourceType) => byType.get(resourceType);
}

/**
 * Defines a provider. Every check is tied to it (`meta.provider` is set to the provider id).
 * @throws {@link DemarcError} listing every problem, naming the provider.
 * @example
 * ```ts
 * export default defineProvider({
 *   id: 'acme', name: 'Acme Cloud', catalog: ACME_CATALOG,
 *   async *discoverScopes() { yield { id: 'acct-1', kind: 'account' }; },
 *   collectors: { 'storage:ListBuckets': async (scope) => listBuckets(scope.id) },
 *   checks: [bucketPublicAccess],
 * });
 * ```
 */
export function defineProvider(definition: ProviderDefinition): ProviderV1 {
  const provider: ProviderV1 = {
    ...definition,
    specificationVersion: 'v1',
    classify: definition.classify ?? catalogClassifier(definition.catalog),
    checks: (definition.checks ?? []).map((check) =>
      check.meta.provider === undefined ? { ...check, meta: { ...check.meta, provider: definition.id } } : check,
    ),
  };
  const problems = validateProvider(provider);
  if (problems.length > 0) throw new DemarcError(`Provider '${String(definition.id)}' is invalid: ${problems.join('; ')}`);
  return provider;
}
