/**
 * The `demarc` binary, spawned as a user runs it: each subcommand, each format, exit codes, config
 * errors, colour and progress-bar conventions. One live demo scan records a snapshot; the format and
 * gating tests replay it offline, so the file runs one local cloud in total.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Ajv from 'ajv';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Spawned processes share two cores with the rest of the suite: allow them time.
vi.setConfig({ testTimeout: 60_000 });
import { BIN, NODE_FLAGS, REPO_ROOT, childEnv, runBin, type Ran } from './__helpers__/spawn';

const work = mkdtempSync(join(tmpdir(), 'demarc-cli-'));
const snapshot = join(work, 'demo-snapshot.json');
// A fixed clock: attestation expiry and report timestamps are the same on every run.
const NOW = '2026-03-01T00:00:00Z';
const replay = (...args: string[]) => runBin(['scan', '--replay', snapshot, '--now', NOW, ...args]);
/** core's report schema fixtures (official schemas; see their README). */
const reportFixture = (name: string) =>
  readFileSync(join(REPO_ROOT, 'packages/core/src/reports/__fixtures__', name), 'utf8');

type SarifLocation = {
  physicalLocation?: { artifactLocation: { uri: string } };
  logicalLocations: { fullyQualifiedName: string }[];
};
type SarifLog = { runs: { results: { ruleId: string; locations: SarifLocation[] }[] }[] };

let demo: Ran;

beforeAll(async () => {
  // The README's main-job command (plus --snapshot so the other tests can replay the same data).
  demo = await runBin(['scan', '--demo', '--snapshot', snapshot, '--now', NOW], { env: { CI: 'true' } });
}, 120_000);

describe('demarc scan --demo (the README main job)', () => {
  it('prints the responsibility map and the findings of every vendor, and exits 0 without --fail-on', () => {
    expect(demo.stderr).not.toMatch(/error:/);
    expect(demo.code).toBe(0);
    const out = demo.stdout;
    expect(out).toContain('demarc scan of the demo estate on the local cloud (127.0.0.1, no cloud account)');
    expect(out).toMatch(/Responsibility map[^\n]*\n\ndomain +iaas +paas +saas\n/);
    expect(out).toMatch(/\nguest-os +customer +provider +provider\n/);
    expect(out).toContain('Customer duties');
    expect(out).toMatch(/Findings by provider\n\nprovider +scopes +pass +fail/);
    // Every vendor is scanned, each with failing findings the demo estate plants.
    expect(out).not.toContain('Not scanned');
    for (const vendor of ['aws', 'gcp', 'azure']) expect(out).toMatch(new RegExp(`\\n${vendor} +[1-9]\\d* +\\d+ +[1-9]\\d* `));
    expect(out).toMatch(/Amazon Web Services, Microsoft Azure, Google Cloud; \d+ scope\(s\)/);
    expect(out).toMatch(/Findings to act on: [1-9]\d* failing/);
    expect(out).toContain('FAIL    high      azure-storage-public-blob-access');
    expect(out).toMatch(/Exit code 0: no --fail-on given\. With --fail-on high this scan would exit 1/);
  });

  it("matches the README's output sample line by line (counts and column widths may move)", () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const sample = /A shortened sample of its output:\n\n```text\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(sample).toBeDefined();
    const lines = demo.stdout.split('\n');
    for (const line of sample!.split('\n').filter((l) => l !== '' && l !== '...')) {
      const pattern = new RegExp(
        `^${line
          .replace(/…$/, '')
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\d+/g, '\\d+')
          .replace(/-{2,}/g, '-+')
          .replace(/ {2,}/g, ' +')}`,
      );
      expect(lines.some((candidate) => pattern.test(candidate)), `README line not in the output: ${line}`).toBe(true);
    }
  });

  it('draws no progress bar when stderr is not a terminal', () => {
    expect(demo.stderr).not.toMatch(/[\r█░]/);
    expect(demo.stdout).not.toMatch(/[\r█░]/);
    // Not a terminal, no NO_COLOR needed: no colour codes either.
    expect(demo.stdout).not.toContain('\u001b[');
  });

  it('records a snapshot without any credential', () => {
    const text = readFileSync(snapshot, 'utf8');
    const data = JSON.parse(text) as { kind: string; scopes: Record<string, unknown[]>; requests: unknown[] };
    expect(data.kind).toBe('demarc-snapshot');
    expect(Object.keys(data.scopes).sort()).toEqual(['aws', 'azure', 'gcp']);
    expect(data.requests.length).toBeGreaterThan(5);
    // The scan's own credentials (the local cloud's fake access keys, secret and tokens) are never
    // stored; access key *ids* the estate lists as data (an IAM user's keys) are data, not credentials.
    expect(text).not.toMatch(/local-cloud-fake|secretAccessKey|sessionToken|ASIA\d{12}|Bearer /i);
    expect(demo.stderr).toContain(`Snapshot written to ${snapshot}`);
  });
});

describe('demarc scan formats (replaying the demo snapshot offline)', () => {
  it.concurrent('json: the versioned report, same findings as the live scan', async () => {
    const run = await replay('--format', 'json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { schemaVersion: string; generatedAt: string; providers: { id: string }[]; findings: { status: string; checkId: string }[]; summary: { byStatus: Record<string, number> } };
    expect(report.schemaVersion).toBe('1.0.0');
    expect(report.generatedAt).toBe('2026-03-01T00:00:00.000Z');
    expect(report.providers.map((p) => p.id)).toEqual(['aws', 'azure', 'gcp']);
    expect(report.summary.byStatus.fail).toBeGreaterThan(0);
    const failing = Number(/Findings to act on: (\d+) failing/.exec(demo.stdout)?.[1]);
    expect(report.summary.byStatus.fail).toBe(failing);
  });

  it.concurrent('md: the Markdown report with the responsibility map', async () => {
    const run = await replay('--format', 'md');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# demarc scan report\n/);
    expect(run.stdout).toContain('## Responsibility map');
    expect(run.stdout).toContain('## Findings to act on');
    expect(run.stdout).toContain('| fail | high | azure-storage-public-blob-access |');
  });

  it.concurrent('sarif: SARIF 2.1.0 written to --out, with the summary on stdout', async () => {
    const out = join(work, 'reports', 'demarc.sarif');
    const run = await replay('--format', 'sarif', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sarif report written to');
    expect(run.stdout).toContain('Findings to act on');
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as { version: string; runs: { tool: { driver: { name: string } }; results: { ruleId: string; level: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('demarc');
    expect(sarif.runs[0]!.results.some((r) => r.ruleId === 'azure-storage-public-blob-access' && r.level === 'error')).toBe(true);
    // No config file here: results name the cloud resource only, not a file that does not exist, and
    // the CLI says what GitHub code scanning needs.
    const { results } = (sarif as unknown as SarifLog).runs[0]!;
    for (const { locations } of results) {
      expect(locations[0]!.physicalLocation).toBeUndefined();
      expect(locations[0]!.logicalLocations[0]!.fullyQualifiedName).toMatch(/^(aws|gcp|azure|organization)\/.+\/.+/);
    }
    expect(run.stderr).toMatch(/note: no config file, so the SARIF results name no file, and GitHub code scanning/);
  });

  it.concurrent('ocsf: one Compliance Finding event per line, valid against the official OCSF 1.3.0 schema', async () => {
    // A mute in the config, so every status is there: muted too.
    const dir = mkdtempSync(join(tmpdir(), 'demarc-ocsf-'));
    const mutes = [{ check: 'azure-storage-public-blob-access', reason: 'public by design' }];
    writeFileSync(join(dir, 'demarc.config.json'), JSON.stringify({ mutes }));
    const run = await runBin(['scan', '--replay', snapshot, '--now', NOW, '--format', 'ocsf'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const events = lines.map((line) => JSON.parse(line) as { class_uid: number; unmapped: { demarc_status: string } });
    expect(events.length).toBeGreaterThan(10);
    expect(events.every((event) => event.class_uid === 2003)).toBe(true);
    const schema = JSON.parse(reportFixture('ocsf-1.3.0-compliance-finding.schema.json')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    for (const event of events) expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    const statuses = [...new Set(events.map((event) => event.unmapped.demarc_status))];
    expect(statuses).toEqual(expect.arrayContaining(['pass', 'fail', 'error', 'manual', 'muted', 'provider-managed']));
  });

  it.concurrent('junit: a failing test case per failing finding, valid against the Jenkins junit-4.xsd', async () => {
    const run = await replay('--format', 'junit');
    expect(run.code).toBe(0);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(run.stdout) as { testsuites: { '@_failures': string } };
    expect(Number(xml.testsuites['@_failures'])).toBeGreaterThan(0);
    const { errors } = await validateXML({
      xml: [{ fileName: 'demarc-junit.xml', contents: run.stdout }],
      schema: [{ fileName: 'jenkins-junit-4.xsd', contents: reportFixture('jenkins-junit-4.xsd') }],
    });
    expect(errors.map((e) => e.rawMessage)).toEqual([]);
  });

  it.concurrent('csv: a header row and one row per finding', async () => {
    const run = await replay('--format', 'csv');
    expect(run.code).toBe(0);
    const rows = parseCsv(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((row) => Object.values(row).includes('azure-storage-public-blob-access'))).toBe(true);
  });
});

describe('exit codes', () => {
  it.concurrent('--fail-on high exits 1 on the demo estate, and says why', async () => {
    const run = await replay('--fail-on', 'high');
    expect(run.code).toBe(1);
    // The demo estate's access-denied corners leave duties unverified: they count against the gate too.
    expect(run.stdout).toMatch(/\n\d+ failing and \d+ unverified \(error\) finding\(s\) at or above high: exit code 1\.\n$/);
  });

  it.concurrent('a usage error exits 2 with what to do next', async () => {
    const bad = await runBin(['scan', '--format', 'pdf', '--demo']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/error: Unknown format 'pdf'\.\nUse one of: text, json, md, sarif, ocsf, junit, csv/);
    const [unknown, concurrency] = await Promise.all([runBin(['scna']), runBin(['scan', '--demo', '--concurrency', '0'])]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('demarc --help');
    expect(concurrency.code).toBe(2);
    expect(concurrency.stderr).toMatch(/error: --concurrency must be a positive whole number, got '0'\.\nFor example --concurrency 8/);
  });

  it.concurrent('scan with no provider anywhere exits 2 and points at --demo', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'demarc-empty-'));
    const run = await runBin(['scan'], { cwd: empty });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: No provider to scan.');
    expect(run.stderr).toContain('demarc scan --demo');
  });
});

describe('config files', () => {
  it.concurrent('a malformed config gets one clear error naming the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarc-config-'));
    writeFileSync(join(dir, 'demarc.config.json'), JSON.stringify({ providers: ['@demarc/azure'], mutes: [{ check: 'azure-*', reason: 'accepted', expires: 'next year' }] }));
    const run = await runBin(['scan'], { cwd: dir });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    // file:line:column of the value, then the field.
    expect(lines[0]).toBe(
      `error: ${join(dir, 'demarc.config.json')}:1:90: mutes[0].expires: must be an ISO date (YYYY-MM-DD)`,
    );
    expect(lines[1]).toMatch(/^Fix the field 'expires' of mutes\[0\] in /);
    expect(run.stdout).toBe('');
  });

  it.concurrent('an unknown key is named too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarc-config-'));
    writeFileSync(join(dir, 'demarc.config.json'), JSON.stringify({ provider: ['aws'] }));
    const run = await runBin(['scan'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/demarc\.config\.json:1:2: Unrecognized key: "provider"/);
  });

  it.concurrent('mutes and attestations from the config change the findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarc-config-'));
    writeFileSync(
      join(dir, 'attestations.yaml'),
      'version: 1\nattestations:\n  - measure: incident-response-drills\n    owner: Security team\n    evidence: https://wiki.example.com/ir/drill\n    done: 2026-01-10\n    validFor: P1Y\n',
    );
    writeFileSync(
      join(dir, 'demarc.config.json'),
      JSON.stringify({ attestations: './attestations.yaml', mutes: [{ check: 'azure-storage-public-blob-access', resource: '*stwebassets', reason: 'public web assets by design' }] }),
    );
    const run = await runBin(['scan', '--replay', snapshot, '--now', NOW, '--json'], { cwd: dir });
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: { checkId: string; status: string; resource: { id: string }; mute?: { reason: string } }[] };
    const muted = report.findings.filter((f) => f.status === 'muted');
    expect(muted.map((f) => f.mute?.reason)).toContain('public web assets by design');
    expect(report.findings.find((f) => f.checkId === 'demarc-attestation-incident-response-drills')?.status).toBe('pass');
  });

  it.concurrent('a third-party provider package is loaded from the config and built with its options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarc-plugin-'));
    // A provider without any import, so it loads from a directory with no node_modules.
    writeFileSync(
      join(dir, 'acme-provider.mjs'),
      `export function createProvider(options) {
  const catalog = [{ id: 'store', provider: 'acme', name: 'Acme Store', model: 'paas', resourceTypes: ['acme:bucket'], citations: [{ source: 'nist-sp-800-145', says: 'x', evidence: 'secondary' }] }];
  return {
    specificationVersion: 'v1', id: 'acme', name: 'Acme Cloud', catalog,
    async *discoverScopes() { for (const id of Object.keys(options.accounts)) yield { id, kind: 'account' }; },
    collectors: { 'store:List': async (scope) => options.accounts[scope.id] },
    classify: (type) => catalog.find((entry) => entry.resourceTypes.includes(type)),
    checks: [{
      specificationVersion: 'v1',
      meta: { id: 'acme-bucket-private', title: 'Acme buckets are private', description: 'd', domain: 'data-protection', severity: 'high', rationale: 'r', remediation: 'm', references: [], kind: 'automated', provider: 'acme' },
      async *run(context) {
        for (const b of await context.collect('store:List')) yield { status: b.public ? 'fail' : 'pass', resource: { id: b.id, type: 'acme:bucket' }, message: b.id };
      },
    }],
  };
}
`,
    );
    writeFileSync(join(dir, 'demarc.config.json'), JSON.stringify({ providers: [{ package: './acme-provider.mjs', options: { accounts: { a1: [{ id: 'b1', public: true }], a2: [{ id: 'b2', public: false }] } } }] }));
    const run = await runBin(['scan', '--fail-on', 'high'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('demarc scan of your cloud: Acme Cloud; 2 scope(s)');
    expect(run.stdout).toMatch(/FAIL +high +acme-bucket-private +acme\/a1 +b1/);
    // The catalog classified the resource: the map shows the PaaS column.
    expect(run.stdout).toMatch(/\ndomain +paas\n/);
  });

  it.concurrent.each([
    ['found in the working directory', 'demarc.config.json', [] as string[], 'demarc.config.json'],
    ['given with --config', 'ci/demarc.config.mjs', ['--config', 'ci/demarc.config.mjs'], 'ci/demarc.config.mjs'],
  ])('sarif: results point at the config file the scan used (%s)', async (_case, file, flags, uri) => {
    const dir = mkdtempSync(join(tmpdir(), 'demarc-config-'));
    mkdirSync(join(dir, 'ci'));
    writeFileSync(join(dir, file), file.endsWith('.json') ? '{}\n' : 'export default {};\n');
    const run = await runBin(['scan', '--replay', snapshot, '--now', NOW, '--format', 'sarif', ...flags], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('note: no config file');
    const { results } = (JSON.parse(run.stdout) as SarifLog).runs[0]!;
    expect(results.length).toBeGreaterThan(10);
    expect(new Set(results.map((r) => r.locations[0]!.physicalLocation?.artifactLocation.uri))).toEqual(new Set([uri]));
  });

  it.concurrent('a .mjs config is loaded with import()', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarc-config-'));
    writeFileSync(join(dir, 'demarc.config.mjs'), "export default { providers: ['@demarc/azure'], scopes: ['11111111-1111-1111-1111-111111111111'] };\n");
    const run = await runBin(['scan', '--replay', snapshot, '--now', NOW, '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { scopes: { id: string }[] };
    expect(report.scopes.map((s) => s.id)).toEqual(['11111111-1111-1111-1111-111111111111']);
  });
});

describe('demarc matrix and explain', () => {
  it.concurrent('matrix: the normalized baseline as a table (NO_COLOR wins over FORCE_COLOR), and as JSON', async () => {
    const [forced, none, json] = await Promise.all([
      runBin(['matrix'], { env: { FORCE_COLOR: '1' } }),
      runBin(['matrix'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }),
      runBin(['matrix', '--json'], { env: { FORCE_COLOR: '1' } }),
    ]);
    expect(forced.stdout).toContain('\u001b[');
    expect(none.code).toBe(0);
    expect(none.stdout).not.toContain('\u001b[');
    expect(none.stdout).toMatch(/\nguest-os +customer +customer +provider +provider\n/);
    // JSON for machines is never coloured.
    const data = JSON.parse(json.stdout) as { baseline: { domain: string; paas: string }[] };
    expect(data.baseline.find((row) => row.domain === 'guest-os')?.paas).toBe('provider');
  });

  it.concurrent("matrix <vendor>: each vendor's own framing and its normalized translation", async () => {
    const [aws, gcp, azure] = await Promise.all(['aws', 'gcp', 'azure'].map((vendor) => runBin(['matrix', vendor])));
    expect(aws!.stdout).toContain('AWS: security "of" the cloud and security "in" the cloud');
    expect(aws!.stdout).toMatch(/Operating System, Network & Firewall Configuration \(the operating system part\) +in \(customer\) +of \(AWS\) +of \(AWS\)/);
    expect(gcp!.stdout).toContain('Google Cloud: Shared responsibility and shared fate');
    expect(gcp!.stdout).toMatch(/\nHardware +Customer +Google +Google +Google\n/);
    expect(gcp!.stdout).toContain('Google Cloud: shared fate');
    expect(azure!.stdout).toContain('Responsibility matrix (January 2026 page) (current)');
    expect(azure!.stdout).toMatch(/Responsibility varies by type +Network controls +Customer +Customer +Shared +Microsoft/);
    expect(azure!.stdout).toContain('Shared responsibility diagram (2021-2023 page');
    for (const run of [aws!, gcp!, azure!]) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('translated into the normalized model');
    }
  });

  it.concurrent('matrix <vendor> <service>: one service per domain, with its overrides', async () => {
    const run = await runBin(['matrix', 'aws', 'lambda', '--json']);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as { service: { id: string; model: string }; responsibilities: { domain: string; party: string }[] };
    expect(data.service.id).toBe('lambda');
    expect(data.responsibilities.find((r) => r.domain === 'guest-os')?.party).toBe('provider');
    const unknown = await runBin(['matrix', 'aws', 'lamda']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown Amazon Web Services service 'lamda'\.\nKnown services: .*lambda/);
  });

  it.concurrent('explain <domain|service>: owner, cited reason and covering checks', async () => {
    const [domain, service, nothing] = await Promise.all([runBin(['explain', 'accounts-access']), runBin(['explain', 'aws:lambda']), runBin(['explain', 'nonsense'])]);
    expect(domain.code).toBe(0);
    expect(domain.stdout).toMatch(/saas: customer/);
    expect(domain.stdout).toMatch(/https:\/\//);
    // The vendors' own words for the domain, and the checks that verify it.
    expect(domain.stdout).toMatch(/In the vendors' own words:\n  Amazon Web Services\n/);
    expect(domain.stdout).toContain('"Identities and users" (2026 table): IaaS Customer; PaaS Customer; SaaS Customer');
    expect(domain.stdout).toMatch(/Checks that verify it \(\d+\):\n  - aws-iam-/);
    expect(service.code).toBe(0);
    expect(service.stdout).toContain('Amazon Web Services — AWS Lambda: paas');
    expect(service.stdout).toMatch(/You own: application, accounts-access, data-protection/);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain("error: Nothing called 'nonsense'");
    expect(nothing.stderr).toContain('Domains: physical-facilities');
  });

  it.concurrent('explain <check-id>: the check and why', async () => {
    const run = await runBin(['explain', 'azure-storage-public-blob-access']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/azure-storage-public-blob-access: /);
    expect(run.stdout).toMatch(/severity +high/);
    expect(run.stdout).toMatch(/Who owns service-configuration: iaas customer, paas customer, saas customer/);
  });
});

describe('terminal conventions', () => {
  const hasScript = (() => {
    try {
      execFileSync('script', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasScript)('draws the progress bar on a terminal (pseudo-TTY via script), and not with CI set', () => {
    const command = (ci: string) =>
      `${ci} ${process.execPath} ${NODE_FLAGS.map((flag) => `'${flag}'`).join(' ')} '${BIN}' scan --replay '${snapshot}' --now ${NOW} --format json --out '${join(work, `tty-${ci ? 'ci' : 'plain'}.json`)}' >/dev/null`;
    const tty = execFileSync('script', ['-qec', command(''), '/dev/null'], { cwd: REPO_ROOT, env: childEnv({ CI: undefined }), encoding: 'utf8' });
    expect(tty).toMatch(/█+░*|░+/);
    expect(tty).toMatch(/\d+\/\d+ checks/);
    const ci = execFileSync('script', ['-qec', command('CI=true'), '/dev/null'], { cwd: REPO_ROOT, env: childEnv({ CI: undefined }), encoding: 'utf8' });
    expect(ci).not.toMatch(/█|░/);
    expect(existsSync(join(work, 'tty-plain.json'))).toBe(true);
  }, 30_000);
});
