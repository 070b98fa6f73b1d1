/**
 * Accountability: every resource names its owner, itself or through its resource group.
 * @module
 */
import { defineAzureCheck } from '../kit';
import { missingTags, REQUIRED_TAGS_OPTION, resourceSubject, result, TAGGING_GUIDE } from '../shared';

/** Resources carry the required tags, themselves or through their resource group. */
export default defineAzureCheck({
  meta: {
    id: 'azure-resources-required-tags', service: 'resources', aliases: ['azure-resource-required-tags'],
    title: 'Resources carry an owner, themselves or through their resource group',
    domain: 'governance', severity: 'low',
    description: 'Reads every resource\'s tags, falling back to its resource group\'s, and looks for each required tag (option requiredTags, default owner).',
    rationale: 'Findings, costs and incidents on a resource must reach a person; an untagged resource in an untagged group reaches nobody.',
    remediation: 'Tag the resource or its resource group; Azure Policy "Inherit a tag from the resource group" keeps resources in step.',
    references: [TAGGING_GUIDE],
    messages: {
      tagged: '{{name}} carries {{tags}}{{via}}.',
      missing: '{{name}} lacks {{missing}} (neither the resource nor its group carries it).',
    },
  },
  operations: ['resourceGroups:list', 'resources:list'],
  options: { requiredTags: REQUIRED_TAGS_OPTION },
  async *run(context) {
    const { requiredTags } = context.options;
    const tags = requiredTags.join(', ');
    const groups = await context.collect('resourceGroups:list');
    for (const resource of await context.collect('resources:list')) {
      const group = groups.find((g) => g.name.toLowerCase() === resource.resourceGroup.toLowerCase());
      const own = missingTags(resource.tags, requiredTags);
      const missing = own.filter((name) => missingTags(group?.tags ?? {}, [name]).length > 0);
      const subject = resourceSubject(resource, groups);
      const via = own.length > 0 ? ' through its resource group' : '';
      const name = resource.name;
      yield missing.length === 0
        ? result({ status: 'pass', ...subject, messageId: 'tagged', data: { name, tags, via } })
        : result({ status: 'fail', ...subject, messageId: 'missing', data: { name, missing: missing.join(', ') } });
    }
  },
});
