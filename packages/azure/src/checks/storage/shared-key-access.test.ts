import { beforeAll, describe, expect, it } from 'vitest';
import { c, localStorageAccount, st, storage, tester } from '../../__helpers__/fixtures';
import { scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './shared-key-access';

tester.run(check, {
  valid: [c('shared keys off', storage(st('st1', { allowSharedKeyAccess: false })))],
  invalid: [
    {
      ...c('shared keys on or unset', storage(st('st1', { allowSharedKeyAccess: true }), st('st2', {}))),
      findings: [
        { status: 'fail', resourceId: st('st1', {}).id },
        { status: 'fail', resourceId: st('st2', {}).id, message: 'Storage account st2 allows Shared Key authorization (not set, which allows it).' },
      ],
    },
  ],
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    run = await scanOnLocalCloud(check.meta.id, {
      passing: { resourceGroups: [{ name: 'rg-a', location: 'westeurope', resources: [localStorageAccount('stentra', { allowSharedKeyAccess: false })] }] },
      failing: {
        resourceGroups: [{
          name: 'rg-a', location: 'westeurope',
          resources: [localStorageAccount('stkeys', { allowSharedKeyAccess: true }), localStorageAccount('stunset', {})],
        }],
      },
    });
  });
  it('passes an account without Shared Key', () => expect(run.passing).toEqual(['pass stentra']));
  it('fails one that allows it, set or by default', () => expect(run.failing).toEqual(['fail stkeys', 'fail stunset']));
});
