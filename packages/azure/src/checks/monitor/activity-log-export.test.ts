import { beforeAll, describe, expect, it } from 'vitest';
import { c, SUB, tester } from '../../__helpers__/fixtures';
import { FAILING, PASSING, scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './activity-log-export';

const WORKSPACE = '/subscriptions/x/resourceGroups/r/providers/Microsoft.OperationalInsights/workspaces/w';
const setting = (name: string, categories: string[], destination = true) => ({
  id: `/subscriptions/${SUB}/providers/microsoft.insights/diagnosticSettings/${name}`, name,
  ...(destination ? { workspaceId: WORKSPACE } : {}),
  logs: categories.map((category) => ({ category, enabled: true })),
});

tester.run(check, {
  valid: [c('administrative and security exported', { 'diagnosticSettings:listForSubscription': [setting('s1', ['Administrative', 'Security', 'Policy'])] })],
  invalid: [
    { ...c('no setting', { 'diagnosticSettings:listForSubscription': [] }), findings: [{ status: 'fail', resourceId: SUB, messageId: 'missing' }] },
    {
      ...c('security missing, or no destination', { 'diagnosticSettings:listForSubscription': [setting('s1', ['Administrative']), setting('s2', ['Administrative', 'Security'], false)] }),
      findings: [{ status: 'fail', resourceId: SUB }],
    },
  ],
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    const logs = (categories: string[]) => categories.map((category) => ({ category, enabled: true }));
    run = await scanOnLocalCloud(check.meta.id, {
      passing: { resourceGroups: [], activityLogDiagnosticSettings: [{ name: 'to-law', workspaceId: WORKSPACE, logs: logs(['Administrative', 'Security', 'Policy']) }] },
      failing: { resourceGroups: [], activityLogDiagnosticSettings: [{ name: 'admin-only', workspaceId: WORKSPACE, logs: logs(['Administrative']) }] },
    });
  });
  it('passes a subscription exporting Administrative and Security', () => expect(run.passing).toEqual([`pass ${PASSING}`]));
  it('fails one that exports Administrative only', () => expect(run.failing).toEqual([`fail ${FAILING}`]));
});
