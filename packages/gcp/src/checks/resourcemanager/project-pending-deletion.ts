import { nodeResource, values } from '../_shared';
import { defineGcpCheck } from '../kit';

/** No project sits in the pending-deletion state. */
export default defineGcpCheck({
  operations: ['resourcemanager:GetProject'],
  meta: {
    id: 'gcp-resourcemanager-project-pending-deletion',
    service: 'resourcemanager',
    aliases: ['gcp-project-pending-deletion'],
    title: 'No project is pending deletion',
    description: 'Reports projects in the DELETE_REQUESTED state: shut down, recoverable for a limited time, then deleted with their data.',
    domain: 'governance',
    severity: 'medium',
    rationale: 'A pending deletion is either intended (then its data retention and recovery should be decided and recorded) or a mistake or an attacker\'s action (then it must be restored before the grace period ends).',
    remediation: 'Confirm the deletion with the project\'s owner; restore it (projects.undelete) if it was not intended, and protect production projects with liens.',
    references: ['https://cloud.google.com/resource-manager/docs/creating-managing-projects#shutting_down_projects'],
    appliesTo: { serviceModels: ['iaas', 'paas', 'saas'], resourceTypes: ['cloudresourcemanager.googleapis.com/Project'] },
    messages: {
      pending: 'Project {{project}} is pending deletion (requested {{since}}).',
      active: 'Project {{project}} is {{state}}.',
    },
  },
  async *run(context) {
    const project = await context.collect('resourcemanager:GetProject');
    const resource = nodeResource(`projects/${project.projectId}`, project.displayName);
    if (project.state === 'DELETE_REQUESTED') yield { status: 'fail', resource, messageId: 'pending', data: values({ project: project.projectId, since: project.deleteTime ?? 'at an unknown time' }), evidence: { state: project.state, ...(project.deleteTime ? { deleteTime: project.deleteTime } : {}) } };
    else yield { status: 'pass', resource, messageId: 'active', data: values({ project: project.projectId, state: project.state }), evidence: { state: project.state } };
  },
});
