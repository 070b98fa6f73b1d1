/**
 * Accountability: every resource group and resource names its owner (and any other tag the
 * organisation requires, such as a cost centre).
 * @module
 */
import { AZURE_OPERATIONS, OPERATION_PERMISSIONS, type ResourceData, type ResourceGroupData } from '../data';
import { defineAzureCheck, result, groupSubject, missingTags, resourceSubject, withDefaults, type AzureCheckConfig } from './define';

const TAGGING = 'https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources';

/** Resource groups carry the required tags (default `owner`). */
export const resourceGroupTagsCheck = (config?: AzureCheckConfig) => {
  const { requiredTags } = withDefaults(config);
  return defineAzureCheck({
    meta: {
      id: 'azure-resource-group-required-tags', title: 'Resource groups carry an owner (and the other required tags)', domain: 'governance', severity: 'medium',
      description: `Reads every resource group's tags and looks for ${requiredTags.join(', ')} with a non-empty value.`,
      rationale: 'A resource group without a named owner has nobody to answer for its cost, its access or an incident in it.',
      remediation: 'Tag the resource group (az group update --tags owner=<team>) and enforce the tag with an Azure Policy "Require a tag on resource groups".',
      references: [TAGGING], appliesTo: { resourceTypes: ['Microsoft.Resources/resourceGroups'] },
      messages: { tagged: 'Resource group {{name}} carries {{tags}}.', missing: 'Resource group {{name}} lacks {{missing}}.' },
    },
    permissions: OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourceGroups],
    async *run(context) {
      for (const group of await context.collect<ResourceGroupData[]>(AZURE_OPERATIONS.resourceGroups)) {
        const missing = missingTags(group.tags, requiredTags);
        const subject = groupSubject(group);
        yield missing.length === 0
          ? result({ status: 'pass', ...subject, messageId: 'tagged', data: { name: group.name, tags: requiredTags.join(', ') } })
          : result({ status: 'fail', ...subject, messageId: 'missing', data: { name: group.name, missing: missing.join(', ') }, evidence: { tags: group.tags } });
      }
    },
  });
};

/** Resources carry the required tags, themselves or through their resource group. */
export const resourceTagsCheck = (config?: AzureCheckConfig) => {
  const { requiredTags } = withDefaults(config);
  return defineAzureCheck({
    meta: {
      id: 'azure-resource-required-tags', title: 'Resources carry an owner, themselves or through their resource group', domain: 'governance', severity: 'low',
      description: `Reads every resource's tags, falling back to its resource group's, and looks for ${requiredTags.join(', ')}.`,
      rationale: 'Findings, costs and incidents on a resource must reach a person; an untagged resource in an untagged group reaches nobody.',
      remediation: 'Tag the resource or its resource group; Azure Policy "Inherit a tag from the resource group" keeps resources in step.',
      references: [TAGGING],
      messages: { tagged: '{{name}} carries {{tags}}{{via}}.', missing: '{{name}} lacks {{missing}} (neither the resource nor its group carries it).' },
    },
    permissions: [...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resources], ...OPERATION_PERMISSIONS[AZURE_OPERATIONS.resourceGroups]],
    async *run(context) {
      const groups = await context.collect<ResourceGroupData[]>(AZURE_OPERATIONS.resourceGroups);
      for (const resource of await context.collect<ResourceData[]>(AZURE_OPERATIONS.resources)) {
        const group = groups.find((g) => g.name.toLowerCase() === resource.resourceGroup.toLowerCase());
        const own = missingTags(resource.tags, requiredTags);
        const missing = own.filter((name) => missingTags(group?.tags ?? {}, [name]).length > 0);
        const subject = resourceSubject(resource, groups);
        yield missing.length === 0
          ? result({ status: 'pass', ...subject, messageId: 'tagged', data: { name: resource.name, tags: requiredTags.join(', '), via: own.length > 0 ? ' through its resource group' : '' } })
          : result({ status: 'fail', ...subject, messageId: 'missing', data: { name: resource.name, missing: missing.join(', ') } });
      }
    },
  });
};
