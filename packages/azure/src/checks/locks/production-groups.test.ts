import { beforeAll, describe, expect, it } from 'vitest';
import { c, group, rgId, SUB, tester, withOptions } from '../../__helpers__/fixtures';
import { scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './production-groups';

const lock = (scope: string, name: string, level = 'CanNotDelete') => ({ id: `${scope}/providers/Microsoft.Authorization/locks/${name}`, name, level });

tester.run(check, {
  valid: [
    c('group lock', { 'resourceGroups:list': [group('rg-p', { env: 'prod' })], 'managementLocks:listAtSubscriptionLevel': [lock(rgId('rg-p'), 'l')] }),
    c('subscription lock', { 'resourceGroups:list': [group('rg-p', { ENV: 'Production' })], 'managementLocks:listAtSubscriptionLevel': [lock(`/subscriptions/${SUB}`, 's', 'ReadOnly')] }),
    c('no production group: skipped', { 'resourceGroups:list': [group('rg-dev', { env: 'dev' })] }),
  ],
  invalid: [
    {
      ...c('a lock on another group does not count', { 'resourceGroups:list': [group('rg-p', { env: 'prod' }), group('rg-x')], 'managementLocks:listAtSubscriptionLevel': [lock(rgId('rg-x'), 'l')] }),
      findings: [{ status: 'fail', resourceId: rgId('rg-p'), messageId: 'unlocked' }],
    },
  ],
});

tester.run(withOptions(check, { productionTag: 'stage', productionValues: ['live'] }), {
  valid: [c('env=prod is not production under another tag', { 'resourceGroups:list': [group('rg-p', { env: 'prod' })], 'managementLocks:listAtSubscriptionLevel': [] })],
  invalid: [
    {
      ...c('the configured tag and value mark production', { 'resourceGroups:list': [group('rg-live', { Stage: 'LIVE' })], 'managementLocks:listAtSubscriptionLevel': [] }),
      findings: [{ status: 'fail', resourceId: rgId('rg-live'), messageId: 'unlocked' }],
    },
  ],
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    run = await scanOnLocalCloud(check.meta.id, {
      passing: {
        resourceGroups: [
          { name: 'rg-prod', location: 'westeurope', tags: { env: 'prod' }, locks: [{ name: 'keep', level: 'CanNotDelete' }], resources: [] },
          { name: 'rg-prod2', location: 'westeurope', tags: { env: 'production' }, resources: [] },
        ],
        locks: [{ name: 'sub-lock', level: 'ReadOnly' }],
      },
      failing: {
        resourceGroups: [
          { name: 'rg-prod', location: 'westeurope', tags: { env: 'prod' }, resources: [] },
          { name: 'rg-dev', location: 'westeurope', tags: { env: 'dev' }, locks: [{ name: 'keep', level: 'CanNotDelete' }], resources: [] },
        ],
      },
    });
  });
  it('passes production groups locked on themselves or through the subscription', () => expect(run.passing).toEqual(['pass rg-prod', 'pass rg-prod2']));
  it('fails a production group without a lock', () => expect(run.failing).toEqual(['fail rg-prod']));
});
