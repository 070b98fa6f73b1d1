import { beforeAll, describe, expect, it } from 'vitest';
import { BY_AKS, c, localStorageAccount, managedSt, st, storage, tester } from '../../__helpers__/fixtures';
import { scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './public-blob-access';

tester.run(check, {
  valid: [c('public access off', storage(st('st1', { allowBlobPublicAccess: false })))],
  invalid: [
    {
      ...c('public access on, and one account not reporting', storage(st('st1', { allowBlobPublicAccess: true }), st('st2', {}))),
      findings: [{ status: 'fail', resourceId: st('st1', {}).id, messageId: 'allowed' }, { status: 'manual', resourceId: st('st2', {}).id, messageId: 'unknown' }],
    },
    {
      // The mark comes from the collected groups, on every status: a replay of the data marks the same.
      ...c('accounts in an AKS-managed group are marked, passing or failing',
        storage(managedSt('st1', { allowBlobPublicAccess: true }), managedSt('st2', { allowBlobPublicAccess: false }))),
      findings: [
        { status: 'provider-managed', resourceId: managedSt('st1', {}).id, providerManaged: BY_AKS },
        { status: 'pass', resourceId: managedSt('st2', {}).id, providerManaged: BY_AKS },
      ],
    },
  ],
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    run = await scanOnLocalCloud(check.meta.id, {
      passing: { resourceGroups: [{ name: 'rg-a', location: 'westeurope', resources: [localStorageAccount('stprivate', { allowBlobPublicAccess: false })] }] },
      failing: {
        resourceGroups: [{
          name: 'rg-a', location: 'westeurope',
          resources: [localStorageAccount('stpublic', { allowBlobPublicAccess: true }), localStorageAccount('stsilent', {})],
        }],
      },
    });
  });
  it('passes an account that disallows anonymous access', () => expect(run.passing).toEqual(['pass stprivate']));
  it('fails one that allows it, and asks for a look at one that does not say', () => expect(run.failing).toEqual(['fail stpublic', 'manual stsilent']));
});
