/**
 * Data residency: resources stay in the locations the organisation allows.
 * @module
 */
import { defineAzureCheck } from '../kit';
import { resourceSubject, result } from '../shared';

/** Resources are in allowed locations (option `allowedLocations`; skipped while it is empty). */
export default defineAzureCheck({
  meta: {
    id: 'azure-resources-allowed-locations', service: 'resources', aliases: ['azure-resource-allowed-locations'],
    title: 'Resources are in allowed locations', domain: 'data-protection', severity: 'medium',
    description: 'Compares every resource\'s location with the allowed locations (option allowedLocations; `global` is always allowed).',
    rationale: 'Where data is stored and processed is the customer\'s decision and often a legal obligation; a resource in another region may move data out of its jurisdiction.',
    remediation: 'Move or recreate the resource in an allowed location, and assign the Azure Policy "Allowed locations" to stop new ones.',
    references: ['https://learn.microsoft.com/azure/governance/policy/samples/built-in-policies#general'],
    // `unconfigured` names the provider setting a CLI config still sets it with (see the README).
    messages: {
      allowed: '{{name}} is in {{location}}.',
      outside: '{{name}} is in {{location}}, outside the allowed locations ({{allowed}}).',
      unconfigured: 'No allowed locations are configured (checks.allowedLocations).',
    },
  },
  operations: ['resourceGroups:list', 'resources:list'],
  options: {
    allowedLocations: {
      type: 'array', items: { type: 'string' }, default: [],
      description: 'Locations resources may be in, e.g. westeurope (any letter case); global is always allowed. Empty: the check is skipped.',
    },
  },
  async *run(context) {
    const { allowedLocations } = context.options;
    if (allowedLocations.length === 0) return yield { status: 'skipped', messageId: 'unconfigured' };
    const allowed = new Set([...allowedLocations, 'global'].map((l) => l.toLowerCase()));
    const groups = await context.collect('resourceGroups:list');
    for (const resource of await context.collect('resources:list')) {
      const data = { name: resource.name, location: resource.location, allowed: allowedLocations.join(', ') };
      const subject = resourceSubject(resource, groups);
      yield allowed.has(resource.location.toLowerCase())
        ? result({ status: 'pass', ...subject, messageId: 'allowed', data })
        : result({ status: 'fail', ...subject, messageId: 'outside', data });
    }
  },
});
