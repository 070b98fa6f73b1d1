import { beforeAll, describe, expect, it } from 'vitest';
import { c, group, resource, tester, withProps } from '../../__helpers__/fixtures';
import { scanOnLocalCloud, type LocalCheckRun } from '../../__helpers__/local-cloud';
import check from './purge-protection';

const kv = (name: string, properties: Record<string, unknown>) => withProps(resource('rg-a', 'Microsoft.KeyVault/vaults', name), properties);

tester.run(check, {
  valid: [c('purge protection on', { 'resourceGroups:list': [group('rg-a')], 'vaults:list': [kv('kv1', { enablePurgeProtection: true })] })],
  invalid: [
    {
      ...c('purge protection absent', { 'resourceGroups:list': [group('rg-a')], 'vaults:list': [kv('kv1', { enableSoftDelete: true })] }),
      findings: [{ status: 'fail', resourceId: kv('kv1', {}).id, messageId: 'unprotected' }],
    },
  ],
});

describe('on the local cloud, through the official clients', () => {
  let run: LocalCheckRun;
  beforeAll(async () => {
    const vault = (name: string, purge: boolean) =>
      ({ name, type: 'Microsoft.KeyVault/vaults', location: 'westeurope', properties: { enableSoftDelete: true, ...(purge ? { enablePurgeProtection: true } : {}) } });
    run = await scanOnLocalCloud(check.meta.id, {
      passing: { resourceGroups: [{ name: 'rg-a', location: 'westeurope', resources: [vault('kvprotected', true)] }] },
      failing: { resourceGroups: [{ name: 'rg-a', location: 'westeurope', resources: [vault('kvpurgeable', false)] }] },
    });
  });
  it('passes a vault with purge protection', () => expect(run.passing).toEqual(['pass kvprotected']));
  it('fails one without', () => expect(run.failing).toEqual(['fail kvpurgeable']));
});
