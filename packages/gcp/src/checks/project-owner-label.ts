import type { GcpProjectRecord, GcpSettings } from '../iam';
import { defineGcpCheck, nodeResource, values } from './define';

/** Every project names its owner in a label. */
export const projectOwnerLabel = defineGcpCheck({
  operations: ['resourcemanager:GetProject', 'gcp:Settings'],
  meta: {
    id: 'gcp-project-owner-label',
    title: 'Projects name an owner in a label',
    description: 'Checks that the project has a non-empty label with one of the owner label keys (provider option ownerLabelKeys, default owner).',
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
    const [project, settings] = await Promise.all([context.collect<GcpProjectRecord>('resourcemanager:GetProject'), context.collect<GcpSettings>('gcp:Settings')]);
    const key = settings.ownerLabelKeys.find((k) => (project.labels[k] ?? '').trim() !== '');
    const resource = nodeResource(`projects/${project.projectId}`, project.displayName);
    if (key === undefined) yield { status: 'fail', resource, messageId: 'missing', data: values({ project: project.projectId, keys: settings.ownerLabelKeys.join(', ') }), evidence: { labels: { ...project.labels } } };
    else yield { status: 'pass', resource, messageId: 'owned', data: values({ project: project.projectId, owner: project.labels[key]! }), evidence: { [key]: project.labels[key]! } };
  },
});
