/**
 * Data residency: resources stay in the locations the organisation allows.
 * @module
 */
import { AZURE_OPERATIONS, OPERATION_PERMISSIONS, type ResourceData, type ResourceGroupData } from '../data';
import { defineAzureCheck, result, resourceSubject, withDefaults, type AzureCheckConfig } from './define';

/** Resources are in allowed locations (configurable; skipped when no list is configured). */
export const allowedLocationsCheck = (config?: AzureCheckConfig) => {
  const { allowedLocations } = withDefaults(config);
  const allowed = new Set([...(allowedLocations ?? []), 'global'].map((l) => l.toLowerCase()));
  return defineAzureCheck({
    meta: {
      id: 'azure-resource-allowed-locations', title: 'Resources are in allowed locations', domain: 'data-protection', severity: 'medium',
      description: 'Compares every resource\'s location with the configured list of allowed locations (`global` is always allowed).',
      rationale: 'Where data is stored and processed is the customer\'s decision and often a legal obligation; a resource in another region may move data out of its jurisdiction.',
      remediation: 'Move or recreate the resource in an allowed location, and assign the Azure Policy "Allowed locations" to stop new ones.',
      references: ['https://learn.microsoft.com/azure/governance/policy/samples/built-in-policies#general'],
      messages: { allowed: '{{name}} is in {{location}}.', outside: '{{name}} is in {{location}}, outside the allowed locations ({{allowed}}).', unconfigured: 'No allowed locations are configured (checks.allowedLocations).' },
    },
    permissions: [...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resources], ...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourceGroups]],
    async *run(context) {
      if (!allowedLocations) return yield { status: 'skipped', messageId: 'unconfigured' };
      const groups = await context.collect<ResourceGroupData[]>(AZURE_OPERATIONS.resourceGroups);
      for (const resource of await context.collect<ResourceData[]>(AZURE_OPERATIONS.resources)) {
        const data = { name: resource.name, location: resource.location, allowed: allowedLocations.join(', ') };
        const subject = resourceSubject(resource, groups);
        yield allowed.has(resource.location.toLowerCase())
          ? result({ status: 'pass', ...subject, messageId: 'allowed', data })
          : result({ status: 'fail', ...subject, messageId: 'outside', data });
      }
    },
  });
};
