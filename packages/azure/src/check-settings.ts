/**
 * The provider's `checks` option (deprecated): the settings that were provider options before each
 * check declared its own. They still work, as defaults of the options of the checks that read them;
 * a scan's `checkOptions` for a check override them.
 * @module
 */
import {
  checkOptionProblems,
  DemarcError,
  type AnyCheck,
  type CheckContext,
  type CheckOptionSchemas,
  type CheckOptionsInput,
} from '@demarc/core';
import { AZURE_CHECKS } from './checks/index';

/**
 * Settings of the Azure checks, as the provider's `checks` option takes them.
 * @deprecated Set the options of the checks instead (`checkOptions` of the scan), e.g.
 * `{ 'azure-resources-allowed-locations': { allowedLocations: ['westeurope'] } }`.
 */
export interface AzureCheckConfig {
  /**
   * Option `requiredTags` of `azure-resources-group-required-tags` and `azure-resources-required-tags`
   * (default `['owner']`).
   */
  readonly requiredTags?: readonly string[];
  /** Option `allowedLocations` of `azure-resources-allowed-locations` (unset or empty: the check is skipped). */
  readonly allowedLocations?: readonly string[];
  /** Options `productionTag` (`name`) and `productionValues` (`values`) of `azure-locks-production-groups`. */
  readonly productionTag?: { readonly name: string; readonly values: readonly string[] };
  /** Option `maxOwners` of `azure-authorization-subscription-owner-count` (default 3). */
  readonly maxSubscriptionOwners?: number;
}

/** Each setting as check options: option name → [value, the setting's name for error messages]. */
function asOptions(config: AzureCheckConfig): Map<string, readonly [unknown, string]> {
  const options = new Map<string, readonly [unknown, string]>();
  if (config.requiredTags !== undefined) options.set('requiredTags', [config.requiredTags, 'checks.requiredTags']);
  if (config.allowedLocations !== undefined) {
    options.set('allowedLocations', [config.allowedLocations, 'checks.allowedLocations']);
  }
  if (config.productionTag !== undefined) {
    options.set('productionTag', [config.productionTag.name, 'checks.productionTag.name']);
    options.set('productionValues', [config.productionTag.values, 'checks.productionTag.values']);
  }
  if (config.maxSubscriptionOwners !== undefined) {
    options.set('maxOwners', [config.maxSubscriptionOwners, 'checks.maxSubscriptionOwners']);
  }
  return options;
}

/**
 * The checks with the provider's `checks` settings as defaults of their options: `meta.options`
 * shows the new defaults, and `run` gets them unless the scan's `checkOptions` give a value.
 * @throws DemarcError naming the setting when a value does not fit the option.
 */
export function withCheckConfig(
  checks: readonly AnyCheck[],
  config: AzureCheckConfig | undefined,
): readonly AnyCheck[] {
  if (config === undefined) return checks;
  const settings = asOptions(config);
  return checks.map((check) => {
    const schemas = check.meta.options ?? {};
    const given: CheckOptionsInput = Object.fromEntries(
      [...settings].filter(([name]) => name in schemas).map(([name, [value]]) => [name, value]),
    );
    if (Object.keys(given).length === 0) return check;
    const problem = checkOptionProblems(schemas, given)[0];
    if (problem) throw new DemarcError(`azureProvider option ${settings.get(problem.option)![1]} ${problem.message}`);
    const options = Object.fromEntries(
      Object.entries(schemas).map(([name, schema]) => [name, name in given ? { ...schema, default: given[name] } : schema]),
    ) as CheckOptionSchemas;
    return {
      ...check,
      meta: { ...check.meta, options },
      run: (context: CheckContext) => check.run({ ...context, options: { ...given, ...context.options } }),
    };
  });
}

/**
 * The Azure checks, with the deprecated `checks` settings as their options' defaults (the CLI's
 * permissions command still calls it; prefer `AZURE_CHECKS` and the scan's `checkOptions`).
 */
export function azureChecks(config?: AzureCheckConfig): readonly AnyCheck[] {
  return withCheckConfig(AZURE_CHECKS, config);
}
