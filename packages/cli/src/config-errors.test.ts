/**
 * A bad config or attestation file is reported whole, through the real `demarc` binary: one `error:`
 * line per problem, `file:line:column: field: problem`, so every problem is fixed in one go.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runBin } from './__helpers__/spawn';

// Spawned processes share two cores with the rest of the suite: allow them time.
vi.setConfig({ testTimeout: 60_000 });

/** A directory holding `files`. */
function project(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-config-errors-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A project with bad files, the error lines (file relative to the project) and the hint. */
interface Case {
  readonly what: string;
  readonly files: Readonly<Record<string, string>>;
  readonly errors: readonly string[];
  readonly hint: RegExp;
}

describe('config errors: every problem at once, each with file, line, column and field', () => {
  it.concurrent.each<Case>([
    {
      what: 'a JSON syntax error names its line and column',
      files: { 'demarc.config.json': '{\n  "providers": ["aws",],\n  "checks": []\n}\n' },
      errors: [
        'demarc.config.json:2:23: cannot be parsed as JSON: a value is expected here (JSON allows no trailing comma)',
      ],
      hint: /^Fix the syntax of .*demarc\.config\.json \(JSON has no comments or trailing commas\)\.$/,
    },
    {
      what: 'four invalid values and an unknown key are all reported',
      files: {
        'demarc.config.json': [
          '{',
          '  "providers": ["@demarc/aws", 7],',
          '  "mutes": [',
          '    { "check": "aws-*", "reason": "accepted" },',
          '    { "check": "azure-*", "reason": " ", "expires": "next year" }',
          '  ],',
          '  "concurrency": { "global": 0 },',
          '  "scope": ["111111111111"]',
          '}',
        ].join('\n'),
      },
      errors: [
        'demarc.config.json:2:32: providers[1]: must be a provider package name, or ' +
          '{ "package": name, "options": { ... } }',
        'demarc.config.json:5:37: mutes[1].reason: a mute needs a reason',
        'demarc.config.json:5:53: mutes[1].expires: must be an ISO date (YYYY-MM-DD)',
        'demarc.config.json:7:30: concurrency.global: Too small: expected number to be >0',
        'demarc.config.json:8:3: Unrecognized key: "scope"',
      ],
      hint: /^Fix these 5 problems in .*demarc\.config\.json and run again/,
    },
    {
      what: "the attestation file a config names: each bad entry's field",
      files: {
        'demarc.config.json': '{ "attestations": "./attestations.yaml" }\n',
        'attestations.yaml': [
          'version: 1',
          'attestations:',
          '  - measure: security-policy',
          '    owner: ""',
          '    evidence: https://wiki.example.com/p',
          '    done: 2026-01-10',
          '  - measure: access-review',
          '    owner: IT',
          '    evidence: https://wiki.example.com/r',
          '    done: last week',
        ].join('\n'),
      },
      errors: [
        'attestations.yaml:4:12: attestations[0].owner: must name a person or team',
        'attestations.yaml:10:11: attestations[1].done: must be an ISO date (YYYY-MM-DD)',
      ],
      hint: /^Fix these 2 problems in .*attestations\.yaml and run again/,
    },
  ])('$what', async ({ files, errors, hint }) => {
    const dir = project(files);
    // Each file is read before any provider is built: nothing is scanned.
    const run = await runBin(['scan', '--provider', 'aws'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual(errors.map((line) => `error: ${join(dir, line)}`));
    expect(lines.at(-1)).toMatch(hint);
  });
});
