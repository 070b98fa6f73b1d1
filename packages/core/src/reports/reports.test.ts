import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { parse as parseCsv } from 'csv-parse/sync';
import { scan } from '../runner/scan';
import type { ScanResult } from '../runner/types';
import { defineCheck } from '../checks/define-check';
import { ATTESTATION_CHECKS } from '../checks/attestation';
import { encryptedCheck, fakeProvider, loggingCheck, publicCheck, roleCheck } from '../runner/__fixtures__/fake-provider';
import { renderJsonReport, reportJsonSchema, reportSchema } from './json';
import { renderMarkdownReport } from './markdown';
import { computeCoverage } from './coverage';
import { sarifReport, type SarifReportOptions } from './sarif';
import { ocsfReport } from './ocsf';
import { renderJunitReport } from './junit';
import { CSV_COLUMNS, renderCsvReport } from './csv';
import { findingToJson, findingToJsonText } from './common';
import { TOOL_VERSION } from '../version';

const NOW = new Date('2025-06-01T12:00:00Z');
const fixtureText = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const fixture = (name: string) => JSON.parse(fixtureText(name)) as Record<string, unknown>;

const nasty = defineCheck({
  meta: { id: 'fake-nasty-text', title: 'quotes, commas <and> & newlines', description: 'd', domain: 'governance', severity: 'low', rationale: 'r', remediation: 'm', references: [] },
  *run() {
    yield { status: 'fail', resource: { id: 'weird,"id"\n<x>&' }, message: 'a "quoted", <tagged> & multi\nline message' };
  },
});

// A check that cannot finish: one `skipped` result, then a throw the runner turns into an `error` finding.
const broken = defineCheck({
  meta: { id: 'fake-broken', title: 'throws', description: 'd', domain: 'logging-monitoring', severity: 'medium', rationale: 'r', remediation: 'm', references: [] },
  *run() {
    yield { status: 'skipped', resource: { id: 'not-applicable' }, message: 'does not apply' };
    throw new Error('AccessDenied: not authorized to read the trail');
  },
});

/** The SARIF 2.1.0 schema as Ajv 8 takes it. */
function sarifValidator() {
  const schema = fixture('sarif-schema-2.1.0.json');
  // The schema is draft-04, whose only keyword Ajv 8 lacks here is the top-level `id` (now `$id`).
  const { $schema: _s, id, ...rest } = schema;
  // One of its `pattern`s is not valid with the `u` flag, so patterns are compiled without it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: id as string });
}

type SarifLocation = {
  physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } };
  logicalLocations: { fullyQualifiedName: string; name: string; kind: string }[];
};
type SarifResult = { ruleId: string; kind: string; locations: SarifLocation[]; partialFingerprints: Record<string, string> };

let result: ScanResult;
beforeAll(async () => {
  result = await scan({
    providers: [fakeProvider({ scopes: 4 })],
    checks: [...ATTESTATION_CHECKS, nasty, broken],
    mutes: [{ check: 'fake-bucket-public', reason: 'accepted', expires: '2030-01-01' }],
    now: NOW,
  });
});

describe('reports', () => {
  it('has statuses of every kind in the fixture scan', () => {
    const statuses = new Set(result.findings.map((f) => f.status));
    for (const s of ['pass', 'fail', 'error', 'manual', 'skipped', 'muted', 'provider-managed'] as const) expect(statuses).toContain(s);
  });

  it('JSON: valid against its generated JSON Schema, parses with zod, deterministic', () => {
    const text = renderJsonReport(result);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(reportJsonSchema());
    const data = JSON.parse(text) as unknown;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(reportSchema.parse(data).findings).toHaveLength(result.findings.length);
    expect(renderJsonReport(result)).toBe(text);
    expect(JSON.parse(renderJsonReport({ ...result, findings: [] })).findings).toEqual([]);
  });

  it('the fast finding serializer writes the same bytes as JSON.stringify', () => {
    for (const f of result.findings) expect(findingToJsonText(f)).toBe(JSON.stringify(findingToJson(f)));
  });

  it('SARIF: valid against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const sarif = sarifReport(result);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const runs = sarif.runs as { results: { kind: string; suppressions?: unknown[] }[]; tool: { driver: { rules: unknown[] } } }[];
    expect(runs[0]!.tool.driver.rules).toHaveLength(result.checks.length);
    expect(runs[0]!.results.some((r) => r.suppressions)).toBe(true);
    expect(runs[0]!.results.every((r) => r.kind !== 'pass')).toBe(true);
  });

  // Each result names the cloud resource as a logical location, and a file only when the caller gives
  // a real one (the config the scan used): never a made-up `demarc.config.ts`.
  it.each<[string, SarifReportOptions]>([
    ['no config file', {}],
    ['a JSON config', { artifactUri: 'demarc.config.json' }],
    ['a config in a subdirectory', { artifactUri: 'ci/demarc.config.mjs', includePasses: true }],
  ])('SARIF locations with %s: the resource as a logical location, the given file as the physical one', (_case, options) => {
    const validate = sarifValidator();
    const sarif = sarifReport(result, options);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = (sarif.runs as { results: SarifResult[] }[])[0]!.results;
    const findings = result.findings.filter((f) => options.includePasses || f.status !== 'pass');
    expect(results).toHaveLength(findings.length);
    results.forEach((r, i) => {
      const f = findings[i]!;
      expect(r.locations).toHaveLength(1);
      const [location] = r.locations;
      expect(location!.logicalLocations).toEqual([{ fullyQualifiedName: `${f.resource.provider}/${f.resource.scope}/${f.resource.id}`, name: f.resource.id, kind: 'resource' }]);
      if (options.artifactUri) expect(location!.physicalLocation).toEqual({ artifactLocation: { uri: options.artifactUri }, region: { startLine: 1 } });
      else expect(location!.physicalLocation).toBeUndefined();
      // The identity stays what it was; GitHub's own fingerprint is derived from it, one per resource.
      expect(r.partialFingerprints['demarcFinding/v1']).toBe(createHash('sha256').update([f.checkId, f.resource.provider, f.resource.scope, f.resource.id].join('\u0000')).digest('hex'));
      expect(r.partialFingerprints.primaryLocationLineHash).toBe(`${r.partialFingerprints['demarcFinding/v1']!.slice(0, 16)}:1`);
    });
    expect(new Set(results.map((r) => `${r.ruleId} ${r.partialFingerprints.primaryLocationLineHash}`)).size).toBe(results.length);
    expect(JSON.stringify(sarif)).not.toContain('demarc.config.ts');
  });

  it('OCSF: every event, of every status, valid against the official OCSF 1.3.0 Compliance Finding schema', () => {
    const schema = fixture('ocsf-1.3.0-compliance-finding.schema.json');
    expect(schema.$id).toBe('https://schema.ocsf.io/schema/classes/compliance_finding');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const events = ocsfReport(result);
    expect(events).toHaveLength(result.findings.length);
    for (const event of events) expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    const byStatus = new Map(events.map((e) => [(e.unmapped as Record<string, string>).demarc_status, e]));
    expect([...byStatus.keys()].sort()).toEqual(['error', 'fail', 'manual', 'muted', 'pass', 'provider-managed', 'skipped']);
    expect(byStatus.get('fail')!.compliance).toMatchObject({ status_id: 3 });
    expect(byStatus.get('error')!.compliance).toMatchObject({ status_id: 2 });
    // The `cloud` attribute comes from the cloud profile, which the event must declare.
    for (const event of events) expect(event.metadata).toMatchObject({ version: '1.3.0', profiles: ['cloud'] });
    // The schema is the class's, not a permissive stand-in: an unknown attribute or a missing required one fails.
    const sample = byStatus.get('fail')!;
    const { cloud: _cloud, ...withoutCloud } = sample;
    expect(validate({ ...sample, demarc_status: 'fail' })).toBe(false);
    expect(validate(withoutCloud)).toBe(false);
    expect(validate({ ...sample, compliance: { ...(sample.compliance as object), status_id: 7 } })).toBe(false);
  });

  it('JUnit: valid against the Jenkins junit-4.xsd', async () => {
    const xml = renderJunitReport(result);
    const { valid, errors } = await validateXML({
      xml: [{ fileName: 'demarc-junit.xml', contents: xml }],
      schema: [{ fileName: 'jenkins-junit-4.xsd', contents: fixtureText('jenkins-junit-4.xsd') }],
    });
    expect(errors.map((e) => e.rawMessage)).toEqual([]);
    expect(valid).toBe(true);
    // The reason of a skipped case survives, as the element's text.
    expect(xml).toMatch(/<skipped>muted: accepted<\/skipped>/);
  });

  it('JUnit: well-formed XML whose counts round-trip', () => {
    const xml = renderJunitReport(result);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
      testsuites: { tests: string; failures: string; testsuite: { name: string; testcase: { name: string; failure?: unknown }[] }[] };
    };
    const fails = result.findings.filter((f) => f.status === 'fail').length;
    expect(Number(parsed.testsuites.tests)).toBe(result.findings.length);
    expect(Number(parsed.testsuites.failures)).toBe(fails);
    const cases = parsed.testsuites.testsuite.flatMap((s) => s.testcase);
    expect(cases).toHaveLength(result.findings.length);
    expect(cases.filter((c) => c.failure !== undefined)).toHaveLength(fails);
    const weird = cases.map((c) => c.name).filter((n) => n.startsWith('fake/acct-000/weird,"id"'));
    expect(weird).toHaveLength(1);
    expect(weird[0]).toMatch(/<x>&$/);
  });

  it('CSV: parses back to the same rows', () => {
    const rows = parseCsv(renderCsvReport(result), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(result.findings.length);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    rows.forEach((row, i) => {
      const f = result.findings[i]!;
      expect([row.check_id, row.status, row.resource_id, row.message]).toEqual([f.checkId, f.status, f.resource.id, f.message]);
    });
  });

  it('Markdown: the responsibility map and the coverage table come from the model and the check set', async () => {
    const md = renderMarkdownReport(result);
    expect(md).toMatch(/## Responsibility map\n\n\| Domain \| PaaS \| SaaS \|/);
    expect(md).toContain('| Accounts and access | customer | customer |');
    expect(md).toMatch(/\| Governance \| 2 \| 0 \| 2 \| 0 \| 0 \| 0 \|/);

    const notCovered = (checks: typeof publicCheck[]) =>
      scan({ providers: [fakeProvider({ scopes: 2 })], includeProviderChecks: false, checks, now: NOW }).then((r) => {
        const total = /\| \*\*Total\*\* \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|/.exec(renderMarkdownReport(r, { models: ['paas', 'saas'] }))!;
        return { duties: Number(total[1]), notCovered: Number(total[6]) };
      });
    const one = await notCovered([publicCheck, roleCheck]);
    const two = await notCovered([publicCheck, roleCheck, encryptedCheck]);
    const three = await notCovered([publicCheck, roleCheck, encryptedCheck, loggingCheck]);
    expect(two.duties).toBe(one.duties);
    expect(two.notCovered).toBeLessThan(one.notCovered);
    expect(three.notCovered).toBeLessThan(two.notCovered);
    expect(one.notCovered - two.notCovered).toBe(computeCoverage([], [], ['paas', 'saas']).duties.filter((d) => d.domain === 'data-protection').length);
  });

  it('keeps TOOL_VERSION in step with package.json', () => {
    expect(TOOL_VERSION).toBe(fixture('../../../package.json').version);
  });
});
