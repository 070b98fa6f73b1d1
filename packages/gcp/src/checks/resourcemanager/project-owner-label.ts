import { nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

/** Every project names its owner in a label. */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProject'],
  options: {
    ownerLabelKeys: {
      type: 'array',
      items: { type: 'string' },
      default: ['owner'],
      minItems: 1,
      description: 'Label keys that name a project\'s owner; the first non-empty one counts.',
    },
  },
  meta: {
    id: 'gcp-resourcemanager-project-owner-label',
    service: 'resourcemanager',
    aliases: ['gcp-project-owner-label'],
    title: 'Projects name an owner in a label',
    description: 'Checks that the project has a non-empty label with one of the owner label keys (check option ownerLabelKeys, default owner).',
    domain: 'governance',
    severity: 'low',
    rationale: 'A project nobody owns is a project nobody reviews, patches or shuts down; a named owner is the first organisational measure behind every other duty.',
    remediation: 'Add an owner label (e.g. owner=team-payments) and require it with a tag or label policy when projects are created.',
    references: ['https://cloud.google.com/resource-manager/docs/creating-managing-labels'],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      missing: 'Project {{project}} has no owner label ({{keys}}).',
      owned: 'Project {{project}} is owned by {{owner}}.',
    },
  },
  async *run(context) {
    const project = await context.collect('resourcemanager:GetProject');
    const keys = context.options.ownerLabelKeys;
    const key = keys.find((k) => (project.labels[k] ?? '').trim() !== '');
    const resource = nodeResource(`projects/${project.projectId}`, project.displayName);
    if (key === undefined) yield { status: 'fail', resource, messageId: 'missing', data: values({ project: project.projectId, keys: keys.join(', ') }), evidence: { labels: { ...project.labels } } };
    else yield { status: 'pass', resource, messageId: 'owned', data: values({ project: project.projectId, owner: project.labels[key]! }), evidence: { [key]: project.labels[key]! } };
  },
});
