/** `demarc checks`: the list of checks from the providers' contract, as a table and as JSON. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';
import type { Io } from './output';
import type { CheckListing } from './commands/checks';

const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        into.push(chunk.toString());
        done();
      },
    });
  const io: Io = { stdout: sink(out), stderr: sink(err), env: {} };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
};

describe('demarc checks', () => {
  it('lists every check with the fields tools and the docs read', async () => {
    const { code, stdout } = await run(['checks', '--json']);
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as CheckListing[];
    const providers = new Set(listed.map((c) => c.provider));
    expect([...providers].sort()).toEqual(['aws', 'azure', 'gcp', 'organization']);
    for (const check of listed) {
      expect(Object.keys(check)).toEqual(expect.arrayContaining(['id', 'provider', 'title', 'domain', 'severity', 'level', 'service', 'operations', 'permissions', 'compliance', 'file']));
    }
    const rootMfa = listed.find((c) => c.id === 'aws-iam-root-mfa');
    expect(rootMfa).toMatchObject({ provider: 'aws', domain: 'accounts-access', severity: 'critical', level: 'scope' });
    expect(rootMfa?.permissions).toContain('iam:GetAccountSummary');
    expect(rootMfa?.compliance).toContainEqual({ framework: 'cis-aws-3.0', control: '1.5' });
    expect(new Set(listed.map((c) => c.id)).size).toBe(listed.length);
  });

  it('filters by provider and prints a table with the counts', async () => {
    const { code, stdout } = await run(['checks', '--provider', 'gcp']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+ check\(s\) \(gcp \d+\)\n/);
    expect(stdout).toContain('gcp-iam-public-principals');
    expect(stdout).not.toContain('aws-iam-root-mfa');
  });

  it('refuses an unknown provider with the known ones (exit 2)', async () => {
    const { code, stderr } = await run(['checks', '--provider', 'awz']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown provider 'awz'");
    expect(stderr).toContain('aws, azure, gcp, organization');
  });
});
