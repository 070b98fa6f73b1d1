/**
 * Accountability: every resource group names its owner (and any other tag the organisation requires,
 * such as a cost centre).
 * @module
 */
import { defineAzureCheck } from '../kit';
import { groupSubject, missingTags, REQUIRED_TAGS_OPTION, result, TAGGING_GUIDE } from '../shared';

/** Resource groups carry the required tags (option `requiredTags`, default `owner`). */
export default defineAzureCheck({
  meta: {
    id: 'azure-resources-group-required-tags', service: 'resources', aliases: ['azure-resource-group-required-tags'],
    title: 'Resource groups carry an owner (and the other required tags)', domain: 'governance', severity: 'medium',
    description: 'Reads every resource group\'s tags and looks for each required tag (option requiredTags, default owner) with a non-empty value.',
    rationale: 'A resource group without a named owner has nobody to answer for its cost, its access or an incident in it.',
    remediation: 'Tag the resource group (az group update --tags owner=<team>) and enforce the tag with an Azure Policy "Require a tag on resource groups".',
    references: [TAGGING_GUIDE], appliesTo: { resourceTypes: ['Microsoft.Resources/resourceGroups'] },
    messages: {
      tagged: 'Resource group {{name}} carries {{tags}}.',
      missing: 'Resource group {{name}} lacks {{missing}}.',
    },
  },
  operations: ['resourceGroups:list'],
  options: { requiredTags: REQUIRED_TAGS_OPTION },
  async *run(context) {
    const { requiredTags } = context.options;
    const tags = requiredTags.join(', ');
    for (const group of await context.collect('resourceGroups:list')) {
      const missing = missingTags(group.tags, requiredTags);
      const subject = groupSubject(group);
      yield missing.length === 0
        ? result({ status: 'pass', ...subject, messageId: 'tagged', data: { name: group.name, tags } })
        : result({
            status: 'fail', ...subject, messageId: 'missing', data: { name: group.name, missing: missing.join(', ') },
            evidence: { tags: group.tags },
          });
    }
  },
});
