/**
 * Sharded scans through the real `demarc` binary: N shard processes side by side, each with its own
 * local cloud serving the same seeded synthetic estate (`--demo --estate synthetic`), then `demarc
 * merge` of their JSON reports, which must be the single-process scan's JSON report byte for byte.
 * Merge must refuse, with exit 2 and the reason, a missing, duplicated, foreign or corrupt shard.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runBin, type Ran } from './__helpers__/spawn';

// Spawned processes share two cores with the rest of the suite: allow them time.
vi.setConfig({ testTimeout: 120_000 });

const work = mkdtempSync(join(tmpdir(), 'demarc-shards-'));
const NOW = '2026-03-01T00:00:00Z';
/** Six scopes per vendor, 18 in all: enough to spread over seven shards, small enough to stay quick. */
const estate = (seed = 3) => ['--demo', '--estate', 'synthetic', '--estate-scopes', '6', '--estate-seed', String(seed), '--now', NOW];
const env = { CI: 'true' };

interface Report {
  readonly scopes: readonly { readonly provider: string; readonly id: string }[];
  readonly findings: readonly { readonly resource: { readonly scope: string } }[];
  readonly shard?: { readonly index: number; readonly count: number; readonly runId?: string; readonly discovered: Record<string, { readonly scopes: number }> };
  readonly stats: { readonly checkRunsPlanned: number; readonly checkRunsFinished: number };
}
const readReport = (file: string): Report => JSON.parse(readFileSync(file, 'utf8')) as Report;
const scopeKeys = (report: Report): string[] => report.scopes.map((s) => `${s.provider}/${s.id}`);

/** Runs the N shards of a scan at the same time, each writing its JSON report; returns the files. */
async function runShards(count: number, dir: string, extra: readonly string[] = estate()): Promise<string[]> {
  const files = Array.from({ length: count }, (_, i) => join(dir, `shard-${i + 1}-of-${count}.json`));
  const runs = await Promise.all(files.map((file, i) => runBin(['scan', ...extra, '--shard', `${i + 1}/${count}`, '--format', 'json', '--out', file], { env })));
  for (const [i, run] of runs.entries()) {
    expect(run.stderr, `shard ${i + 1}/${count}`).not.toContain('error:');
    expect(run.code, `shard ${i + 1}/${count}`).toBe(0);
    expect(run.stderr).toContain(`Shard ${i + 1}/${count} scanned`);
  }
  return files;
}

const singleJson = join(work, 'single.json');
const snapshot = join(work, 'single-snapshot.json');
let single: Ran;
let singleReport: Report;
let threeShards: string[];

beforeAll(async () => {
  single = await runBin(['scan', ...estate(), '--format', 'json', '--out', singleJson, '--snapshot', snapshot], { env });
  expect(single.stderr).not.toContain('error:');
  expect(single.code).toBe(0);
  singleReport = readReport(singleJson);
}, 120_000);

describe('demarc scan --shard i/n, merged with demarc merge (synthetic estate on the local cloud)', () => {
  it('the single scan covers every vendor of the synthetic estate, with nothing process-specific in the report', () => {
    expect(singleReport.scopes).toHaveLength(18);
    expect(new Set(singleReport.scopes.map((s) => s.provider))).toEqual(new Set(['aws', 'azure', 'gcp']));
    expect(singleReport.shard).toBeUndefined();
    const text = readFileSync(singleJson, 'utf8');
    // Each process serves its own local cloud on its own ports: none of that may reach the report.
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\//);
    expect(text).toContain(`"generatedAt": "2026-03-01T00:00:00.000Z"`);
  });

  for (const count of [1, 3, 7]) {
    it(`${count} shard process(es) side by side merge into the single scan's JSON report, byte for byte, every scope in exactly one shard`, async () => {
      const dir = mkdtempSync(join(work, `n${count}-`));
      const files = await runShards(count, dir);
      if (count === 3) threeShards = files;
      const merged = join(dir, 'merged.json');
      // The files in reverse order: merge does not depend on the order it is given them in.
      const merge = await runBin(['merge', ...[...files].reverse(), '--format', 'json', '--out', merged]);
      expect(merge.stderr).toContain(`Merged ${count} shard report(s)`);
      expect(merge.stderr).toContain('18 scope(s) in all, each scanned by exactly one shard.');
      expect(merge.code).toBe(0);
      expect(readFileSync(merged, 'utf8')).toBe(readFileSync(singleJson, 'utf8'));

      // No scope scanned twice, none skipped: the shards' scope sets are disjoint and their union is the single scan's.
      const shards = files.map(readReport);
      const seen = new Map<string, number>();
      for (const [i, report] of shards.entries()) {
        expect(report.shard).toMatchObject({ index: i, count, runId: 'local-cloud:synthetic:scopes=6:seed=3' });
        expect(Object.values(report.shard!.discovered).reduce((n, d) => n + d.scopes, 0)).toBe(18);
        for (const key of scopeKeys(report)) {
          expect(seen.has(key), `${key} is in shard ${seen.get(key)! + 1} and shard ${i + 1}`).toBe(false);
          seen.set(key, i);
        }
      }
      expect([...seen.keys()].sort()).toEqual(scopeKeys(singleReport).sort());
      // The work was split, not repeated: check runs add up to the single scan's.
      expect(shards.reduce((n, r) => n + r.stats.checkRunsFinished, 0)).toBe(singleReport.stats.checkRunsFinished);
      // Organization-level checks run in shard 1 only.
      const orgFindings = shards.map((r) => r.findings.filter((f) => f.resource.scope === 'organization').length);
      expect(orgFindings[0]).toBeGreaterThan(0);
      expect(orgFindings.slice(1).every((n) => n === 0)).toBe(true);
      if (count > 1) expect(shards.filter((r) => r.scopes.length > 0).length).toBeGreaterThan(1);
    });
  }

  it('merge prints and writes every format through the same renderers as scan, and gates with --fail-on', async () => {
    const sarif = join(work, 'merged.sarif');
    const [text, gated, md] = await Promise.all([
      runBin(['merge', ...threeShards]),
      runBin(['merge', ...threeShards, '--format', 'sarif', '--out', sarif, '--fail-on', 'high']),
      runBin(['merge', ...threeShards, '--format', 'md']),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^demarc scan of 3 merged shard report\(s\): Amazon Web Services, Microsoft Azure, Google Cloud; 18 scope\(s\)/);
    expect(text.stdout).toMatch(/Exit code 0: no --fail-on given\. With --fail-on high this scan would exit 1/);
    expect(gated.code).toBe(1);
    expect(gated.stdout).toMatch(/\d+ failing finding\(s\) at or above high: exit code 1\./);
    expect(gated.stdout).toContain(`sarif report written to ${sarif}`);
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    // Merge names no file unless there is a config: found in the working directory or given with --config.
    expect(JSON.stringify(log)).not.toContain('physicalLocation');
    expect(gated.stderr).toContain('note: no config file');
    const repo = mkdtempSync(join(work, 'repo-'));
    writeFileSync(join(repo, 'demarc.config.json'), '{}\n');
    const [found, given, missing] = await Promise.all([
      runBin(['merge', ...threeShards, '--format', 'sarif'], { cwd: repo }),
      runBin(['merge', ...threeShards, '--format', 'sarif', '--config', join(repo, 'demarc.config.json')]),
      runBin(['merge', ...threeShards, '--format', 'sarif', '--config', 'nowhere/demarc.config.json'], { cwd: repo }),
    ]);
    type Location = { physicalLocation?: { artifactLocation: { uri: string } } };
    const uris = (run: Ran) => {
      const { results } = (JSON.parse(run.stdout) as { runs: { results: { locations: Location[] }[] }[] }).runs[0]!;
      return new Set(results.map((r) => r.locations[0]!.physicalLocation?.artifactLocation.uri));
    };
    expect(uris(found)).toEqual(new Set(['demarc.config.json']));
    // Outside the working directory: a file URI, still a real file.
    expect(uris(given)).toEqual(new Set([pathToFileURL(join(repo, 'demarc.config.json')).href]));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: Config file nowhere/demarc.config.json does not exist.');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# demarc scan report\n/);
    const none = await runBin(['merge', ...threeShards, '--json', '--fail-on', 'none']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe(readFileSync(singleJson, 'utf8'));
  });

  it('shards of a replayed snapshot merge into the replayed single scan', async () => {
    const dir = mkdtempSync(join(work, 'replay-'));
    const replay = ['--replay', snapshot, '--now', NOW];
    const [whole, files] = await Promise.all([runBin(['scan', ...replay, '--json'], { env }), runShards(2, dir, replay)]);
    expect(whole.code).toBe(0);
    const merged = await runBin(['merge', ...files, '--json']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(readReport(files[0]!).shard?.runId).toBeUndefined();
  });

  describe('merge refuses, with exit 2, the file and the reason', () => {
    const refused = (run: Ran, message: RegExp | string) => {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      // One error line, one line saying what to do.
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^error: Cannot merge: /);
      if (typeof message === 'string') expect(lines[0]).toContain(message);
      else expect(lines[0]).toMatch(message);
      return lines[1]!;
    };

    it('a missing shard', async () => {
      const next = refused(await runBin(['merge', threeShards[0]!, threeShards[2]!]), 'Missing shard 2/3: merge all 3 shards.');
      expect(next).toMatch(/run the missing one again/);
    });

    it('a duplicated shard', async () => {
      const copy = join(work, 'shard-2-again.json');
      copyFileSync(threeShards[1]!, copy);
      const next = refused(await runBin(['merge', ...threeShards, copy]), `Shard 2/3 appears twice: ${threeShards[1]} and ${copy}.`);
      expect(next).toMatch(/Give each shard's report once/);
    });

    it('a shard from another scan: another seed, another config, another run id', async () => {
      const dir = mkdtempSync(join(work, 'other-'));
      const config = join(dir, 'demarc.config.json');
      writeFileSync(config, JSON.stringify({ providers: ['aws', 'gcp'] }));
      const [seed, providers, runId] = await Promise.all(
        [estate(4), [...estate(), '--config', config], [...estate(), '--run-id', 'nightly-42']].map(async (args, i) => {
          const file = join(dir, `other-${i}.json`);
          const run = await runBin(['scan', ...args, '--shard', '2/3', '--json'], { env });
          expect(run.code).toBe(0);
          writeFileSync(file, run.stdout);
          return file;
        }),
      );
      const [bySeed, byConfig, byRunId] = await Promise.all([seed!, providers!, runId!].map((file) => runBin(['merge', threeShards[0]!, file, threeShards[2]!])));
      const next = refused(bySeed!, new RegExp(`other-0\\.json is from a different scan than .*shard-1-of-3\\.json .*Run ids: 'local-cloud:synthetic:scopes=6:seed=3' and 'local-cloud:synthetic:scopes=6:seed=4'`));
      expect(next).toMatch(/Merge the shards of one run only/);
      refused(byConfig!, /other-1\.json is from a different scan than .*Providers: aws, azure, gcp and aws, gcp\./);
      refused(byRunId!, /other-2\.json is from a different scan than .*Run ids: 'local-cloud:synthetic:scopes=6:seed=3' and 'nightly-42 local-cloud:synthetic:scopes=6:seed=3'/);
    });

    it('a corrupt file, and a report that is not a shard', async () => {
      const truncated = join(work, 'truncated.json');
      writeFileSync(truncated, readFileSync(threeShards[1]!, 'utf8').slice(0, 500));
      const next = refused(await runBin(['merge', threeShards[0]!, truncated, threeShards[2]!]), `${truncated} is corrupt: it is not a demarc JSON result`);
      expect(next).toMatch(/Run that shard again/);
      const edited = join(work, 'edited.json');
      writeFileSync(edited, readFileSync(threeShards[1]!, 'utf8').replace('"schemaVersion": "1.0.0"', '"schemaVersion": "9"'));
      refused(await runBin(['merge', threeShards[0]!, edited, threeShards[2]!]), `${edited} is corrupt: it is not a valid demarc JSON result`);
      refused(await runBin(['merge', singleJson]), `${singleJson} is not a shard result`);
    });
  });

  it.concurrent('usage errors exit 2 and say what to do', async () => {
    const cases: [readonly string[], RegExp][] = [
      [['scan', '--demo', '--shard', '0/3'], /^error: --shard '0\/3': i must be from 1 to 3\.\nGive --shard i\/n with i from 1 to n, e\.g\. --shard 2\/3/],
      [['scan', '--demo', '--shard', 'two'], /^error: --shard 'two' is not of the form i\/n \(e\.g\. 1\/3\)\.\nGive --shard i\/n/],
      [['scan', '--demo', '--run-id', 'x'], /^error: --run-id names a sharded run and needs --shard\.\nAdd --shard i\/n/],
      [['scan', '--estate', 'synthetic'], /^error: --estate, --estate-scopes and --estate-seed .* need --demo\.\nAdd --demo/],
      [['scan', '--demo', '--estate-scopes', '5'], /^error: --estate-scopes and --estate-seed size and seed a synthetic estate.*\nAdd --estate synthetic/],
      [['scan', '--demo', '--estate', 'synthetic', '--estate-scopes', '0'], /^error: --estate-scopes must be a whole number from 1 to \d+, got '0'\.\nFor example --estate-scopes 8/],
      [['scan', '--demo', '--estate', 'huge'], /^error: Unknown estate 'huge'\.\nUse one of: demo, synthetic/],
      [['merge', join(work, 'does-not-exist.json')], /^error: Cannot read the shard report .*does-not-exist\.json: ENOENT/],
      [['merge', '--format', 'pdf', 'x.json'], /^error: Unknown format 'pdf'\./],
    ];
    const runs = await Promise.all(cases.map(([args]) => runBin(args)));
    for (const [i, run] of runs.entries()) {
      expect(run.code, cases[i]![0].join(' ')).toBe(2);
      expect(run.stderr).toMatch(cases[i]![1]);
    }
  });
});
