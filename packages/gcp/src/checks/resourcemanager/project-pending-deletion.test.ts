import { describe, expect, it } from 'vitest';
import { project, scope, tester } from '../_helpers/data';
import { estateProject, inOrganization, lines, localCheck } from '../_helpers/cloud';
import check from './project-pending-deletion';

tester.run(check, {
  valid: [{ name: 'active project', scope, data: { 'resourcemanager:GetProject': project() } }],
  invalid: [{
    name: 'deletion requested', scope,
    data: { 'resourcemanager:GetProject': project({ state: 'DELETE_REQUESTED', deleteTime: '2025-01-01T00:00:00.000Z' }) },
    findings: [{ status: 'fail', message: 'Project alpha is pending deletion (requested 2025-01-01T00:00:00.000Z).' }],
  }],
});

describe('on the local cloud', () => {
  const local = localCheck(check.meta.id, inOrganization([
    estateProject('good', []),
    estateProject('bad', [], { state: 'DELETE_REQUESTED' }),
  ]));

  it('fails a project pending deletion and passes an active one', async () => {
    expect(lines(await local.run())).toEqual(['fail bad bad', 'pass good good']);
  });
});
