import { describe, expect, it } from 'vitest';
import { testProvider } from './testing';
import { parseAttestationText, attestationState, addDuration } from './attestations/index';
import { compileMutes, parseMuteRules } from './mutes/index';
import { parseConfig, defineConfig } from './config';
import { loadCheckPack, loadProvider } from './provider/load';
import { serializeSnapshot, stripSecrets, isSecretKey } from './snapshot/index';
import { ConfigError, PluginLoadError, DemarcError, AccessDeniedError, CollectorError } from './errors';
import { scan } from './runner/scan';
import { ATTESTATION_CHECKS } from './checks/attestation';
import { defineCheck } from './checks/define-check';
import { fakeProvider, publicCheck } from './runner/__fixtures__/fake-provider';
import type { Finding } from './findings/types';

const NOW = new Date('2025-06-01T00:00:00Z');

describe('attestations', () => {
  const yaml = `version: 1
attestations:
  - measure: security-policy
    owner: CISO
    evidence: https://wiki.example.com/policy
    done: 2025-01-15
    validFor: P1Y
  - measure: incident-response-drills
    owner: Security team
    evidence: https://wiki.example.com/drill
    done: 2024-01-10
    validFor: P6M
`;
  it('missing → manual, expired → fail, valid → pass', async () => {
    const attestations = parseAttestationText(yaml, 'attestations.yaml');
    const result = await scan({ providers: [], checks: ATTESTATION_CHECKS, attestations, now: NOW });
    const byMeasure = new Map(result.findings.map((f) => [f.resource.id, f]));
    expect(byMeasure.get('attestation:security-policy')).toMatchObject({ status: 'pass', owner: 'customer', domain: 'governance' });
    expect(byMeasure.get('attestation:incident-response-drills')).toMatchObject({ status: 'fail', message: expect.stringContaining('expired on 2024-07-10') });
    expect(byMeasure.get('attestation:access-review')).toMatchObject({ status: 'manual' });
    expect(result.findings).toHaveLength(ATTESTATION_CHECKS.length);
  });

  it('reads JSON too and uses the measure default validity', () => {
    const set = parseAttestationText(JSON.stringify({ version: 1, attestations: [{ measure: 'named-owner', owner: 'A', evidence: 'x', done: '2025-05-01' }] }), 'a.json');
    expect(set.get('named-owner')?.validFor).toMatch(/^P\d+D$/);
    expect(attestationState(set, 'named-owner', NOW).state).toBe('valid');
  });

  it('adds durations calendar-wise, clamping to the end of a shorter month', () => {
    expect(addDuration('2024-01-31', 'P1M')).toBe('2024-02-29');
    expect(addDuration('2025-01-31', 'P1M')).toBe('2025-02-28');
    expect(addDuration('2024-02-29', 'P1Y')).toBe('2025-02-28');
    expect(addDuration('2025-11-30', 'P3M')).toBe('2026-02-28');
    expect(addDuration('2025-03-14', 'P1Y6M')).toBe('2026-09-14');
    expect(addDuration('2025-12-25', 'P2W')).toBe('2026-01-08');
    expect(addDuration('2025-01-31', 'P1M1D')).toBe('2025-03-01');
    expect(addDuration('2025-05-01', 'P90D')).toBe('2025-07-30');
  });

  it('a bad file names file, entry and field', () => {
    const bad = yaml.replace('validFor: P6M', 'validFor: six months');
    expect(() => parseAttestationText(bad, 'attestations.yaml')).toThrow(/^attestations\.yaml: attestations\[1\] \(incident-response-drills\): validFor: must be an ISO 8601 duration/);
    const error = (() => {
      try {
        parseAttestationText(yaml.replace('measure: security-policy', 'measure: securty-policy'), 'org.yaml');
      } catch (e) {
        return e;
      }
    })();
    expect(ConfigError.isInstance(error) && error.file === 'org.yaml' && error.entry === 'attestations[0] (securty-policy)' && error.field === 'measure').toBe(true);
    expect(() => parseAttestationText('version: 1\nattestations: [ {', 'x.yaml')).toThrow(/x\.yaml: cannot be parsed/);
  });
});

describe('mutes', () => {
  const finding: Finding = { checkId: 'aws-s3-public', status: 'fail', severity: 'high', domain: 'service-configuration', resource: { provider: 'aws', scope: '1', id: 'arn:aws:s3:::site' }, message: 'public' };
  it('mutes a matching fail until it expires, then says so', () => {
    const rules = parseMuteRules([{ check: 'aws-s3-*', resource: 'arn:aws:s3:::si*', reason: 'static website', expires: '2025-07-01' }], 'demarc.config.json');
    expect(compileMutes(rules, NOW).apply(finding)).toMatchObject({ status: 'muted', originalStatus: 'fail', mute: { reason: 'static website', expired: false } });
    const later = compileMutes(rules, new Date('2025-07-01T00:00:00Z')).apply(finding);
    expect(later).toMatchObject({ status: 'fail', mute: { expired: true } });
    expect(later.message).toContain('mute expired on 2025-07-01');
    expect(compileMutes(rules, NOW).apply({ ...finding, status: 'error' }).status).toBe('error');
  });
  it('requires a reason', () => {
    expect(() => parseMuteRules([{ check: 'x', reason: ' ' }], 'm.yaml')).toThrow(/m\.yaml: mutes\[0\]: reason: a mute needs a reason/);
  });
});

describe('config', () => {
  it('applies defaults and names file, entry and field on error', () => {
    expect(parseConfig(defineConfig({ providers: ['@demarc/aws'] }))).toMatchObject({ providers: ['@demarc/aws'], checks: [], mutes: [] });
    expect(() => parseConfig({ concurrency: { perOperation: 0 } }, 'demarc.config.json')).toThrow(/^demarc\.config\.json: concurrency\.perOperation: /);
    expect(() => parseConfig({ mutes: [{ check: 'a', reason: 'r', expires: 'soon' }] }, 'c.json')).toThrow(/^c\.json: mutes\[0\]: expires: must be an ISO date/);
    expect(() => parseConfig({ provider: [] }, 'c.json')).toThrow(ConfigError);
  });
});

describe('plugin loading', () => {
  const modules: Record<string, unknown> = {
    'good-provider': { default: fakeProvider() },
    'empty-module': { something: 1 },
    'bad-provider': { default: { ...fakeProvider(), id: 'Bad Id' } },
    'good-pack': { checks: [publicCheck] },
    'bad-pack': { checks: [{ meta: { id: 'x' } }] },
  };
  const importer = async (name: string) => {
    if (!(name in modules)) throw Object.assign(new Error(`Cannot find package '${name}'`), { code: 'ERR_MODULE_NOT_FOUND' });
    return modules[name];
  };
  it('loads a provider and a check pack by package name', async () => {
    expect((await loadProvider('good-provider', { importer })).id).toBe('fake');
    expect(await loadCheckPack('good-pack', { importer })).toHaveLength(1);
  });
  it('a bad plugin gets a clear error naming it', async () => {
    await expect(loadProvider('missing-provider', { importer })).rejects.toThrow(/^Plugin 'missing-provider': cannot be imported: .*Is it installed\? Try: npm install missing-provider/);
    // A bare word reads as a mistyped provider id: no `npm install` of whatever holds that name.
    await expect(loadProvider('awz', { importer })).rejects.toThrow(/^Plugin 'awz': cannot be imported: .* Check its spelling: it is not an installed package\.$/);
    await expect(loadProvider('./missing.mjs', { importer })).rejects.toThrow(/^Plugin '\.\/missing\.mjs': cannot be imported: .* Check the path\.$/);
    await expect(loadProvider('empty-module', { importer })).rejects.toThrow(/^Plugin 'empty-module': exports no provider/);
    await expect(loadProvider('bad-provider', { importer })).rejects.toThrow(/^Plugin 'bad-provider': does not implement the provider contract: id 'Bad Id'/);
    await expect(loadCheckPack('bad-pack', { importer })).rejects.toThrow(/^Plugin 'bad-pack': checks\[0\] is not a check/);
    const error = await loadProvider('empty-module', { importer }).catch((e: unknown) => e);
    expect(PluginLoadError.isInstance(error) && error.plugin === 'empty-module').toBe(true);
  });
  it('resolves a real package from the given directory', async () => {
    const provider = await loadProvider('./__fixtures__/plugins/acme-provider.ts', { cwd: new URL('.', import.meta.url).pathname });
    expect(provider.id).toBe('acme');
    await expect(loadProvider('@demarc/no-such-provider', { cwd: '/tmp' })).rejects.toThrow(/Plugin '@demarc\/no-such-provider': cannot be imported/);
  });
});

describe('snapshot secrets', () => {
  it('never serializes a credential or token, but keeps pagination cursors', () => {
    const data = {
      AccessKeyId: 'AKIAEXAMPLE', SecretAccessKey: 'SECRET-1', SessionToken: 'SECRET-2', token: 'SECRET-3', password: 'SECRET-4', Authorization: 'Bearer x', client_secret: 'SECRET-5',
      nested: [{ credentials: { accessKeyId: 'SECRET-6' }, name: 'kept' }], NextToken: 'cursor',
    };
    const text = serializeSnapshot({ kind: 'demarc-snapshot', version: 1, scopes: {}, requests: [{ provider: 'p', scope: 's', operation: 'o', params: { password: 'SECRET-7', page: 1 }, data }] });
    for (const secret of ['AKIAEXAMPLE', 'Bearer', 'SECRET']) expect(text).not.toContain(secret);
    expect(text).toContain('cursor');
    expect(text).toContain('kept');
    expect(stripSecrets({ 'x-amz-security-token': 1, ok: 2 })).toEqual({ ok: 2 });
    expect(isSecretKey('nextToken')).toBe(false);
  });
});

describe('errors', () => {
  it('are recognized across copies by their Symbol.for marker', () => {
    const foreign = Object.assign(Object.create(null) as object, { [Symbol.for('demarc.error.access-denied')]: true });
    expect(AccessDeniedError.isInstance(foreign)).toBe(true);
    const denied = new AccessDeniedError('iam:ListRoles', 'denied');
    expect(CollectorError.isInstance(denied) && DemarcError.isInstance(denied) && !ConfigError.isInstance(denied)).toBe(true);
  });
  it('defineCheck rejects bad metadata, naming the check', () => {
    expect(() => defineCheck({ meta: { ...publicCheck.meta, id: 'Bad Id', domain: 'nope' as 'governance' }, run: () => [] })).toThrow(/Check 'Bad Id' is invalid: id .*; domain 'nope'/);
  });
});

// The provider contract suite, run against the fake provider as every provider package runs it.
testProvider(fakeProvider({ scopes: 3 }), { describe, it });
