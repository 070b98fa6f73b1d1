import { beforeAll, describe, expect, it } from 'vitest';
import { c, localStorageAccount, st, storage, tester } from '../../__helpers__/fixtures';
import { scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './minimum-tls';

tester.run(check, {
  valid: [c('TLS 1.2', storage(st('st1', { minimumTlsVersion: 'TLS1_2' })))],
  invalid: [
    {
      ...c('TLS 1.0 and unset', storage(st('st1', { minimumTlsVersion: 'TLS1_0' }), st('st2', {}))),
      findings: [{ status: 'fail', resourceId: st('st1', {}).id }, { status: 'fail', resourceId: st('st2', {}).id }],
    },
  ],
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    run = await scanOnLocalCloud(check.meta.id, {
      passing: {
        resourceGroups: [{
          name: 'rg-a', location: 'westeurope',
          resources: [localStorageAccount('sttls12', { minimumTlsVersion: 'TLS1_2' }), localStorageAccount('sttls13', { minimumTlsVersion: 'TLS1_3' })],
        }],
      },
      failing: { resourceGroups: [{ name: 'rg-a', location: 'westeurope', resources: [localStorageAccount('sttls10', { minimumTlsVersion: 'TLS1_0' })] }] },
    });
  });
  it('passes TLS 1.2 and 1.3', () => expect(run.passing).toEqual(['pass sttls12', 'pass sttls13']));
  it('fails TLS 1.0', () => expect(run.failing).toEqual(['fail sttls10']));
});
