/**
 * Every example runs as a user runs it (a child process, TypeScript through tsx, under the loopback
 * guard) and its output is asserted. The cloud examples start their own local cloud.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REPO_ROOT, runNode } from '../packages/cli/src/__helpers__/spawn';

vi.setConfig({ testTimeout: 90_000 });

// The AWS SDK's Node 20 deprecation notice is not what these tests are about.
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const example = (name: string, args: readonly string[] = []) => runNode(join(REPO_ROOT, 'examples', `${name}.ts`), args, { env });

describe.concurrent('examples', () => {
  it('what-do-i-own: Lambda vs EC2 vs App Service, domain by domain', async () => {
    const run = await example('what-do-i-own');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^domain +AWS Lambda \(paas\) +Amazon EC2 \(iaas\) +Azure App Service \(paas\)/);
    expect(run.stdout).toMatch(/\nguest-os +provider +customer +provider +\n/);
    expect(run.stdout).toContain('Amazon EC2: owns 11 domains');
    expect(run.stdout).toMatch(/Patching the OS under Lambda\? provider\./);
  });

  it("framings-side-by-side: one domain in each vendor's own words", async () => {
    const run = await example('framings-side-by-side');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('demarc baseline: iaas customer | paas shared | saas provider');
    expect(run.stdout).toMatch(/Infrastructure services: in-the-cloud; Container services: of-and-in; Abstracted services: of-the-cloud/);
    expect(run.stdout).toContain('"Network security" — iaas: customer; paas: google; saas: google');
    expect(run.stdout).toContain('shared fate: Google Cloud Armor (tool)');
    expect(run.stdout).toContain('"Network controls" — IaaS: Customer; PaaS: Shared; SaaS: Microsoft');
    const bad = await example('framings-side-by-side', ['network']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('network-controls');
  });

  it('scan-aws-organization: the Markdown report of every member account', async () => {
    const run = await example('scan-aws-organization');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# demarc scan report\n\nScanned 5 scope\(s\) of Amazon Web Services with \d+ check\(s\)/);
    expect(run.stdout).toContain('## Responsibility map');
    // alice signs in to the console without MFA (the management account's CI user has no console password).
    expect(run.stdout).toContain('| fail | high | aws-iam-user-mfa | aws/333333333333 |');
    // The suspended-role account is reported as unverified, never passed.
    expect(run.stdout).toMatch(/\| error \| \w+ \| aws-[a-z0-9-]+ \| aws\/666666666666 \|/);
  });

  it('custom-check: a few lines, run in every account', async () => {
    const run = await example('custom-check');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('FAIL  111111111111  IAM user ci-deployer exists in 111111111111.  [owner: customer]');
    expect(run.stdout).toContain('PASS  444444444444  No IAM users in 444444444444.');
    expect(run.stdout).toMatch(/ERROR 666666666666 +Access denied/);
  });

  it('provider-plugin: a third-party provider through the same runner', async () => {
    const run = await example('provider-plugin');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'contract problems: 0',
        'pass acme-bucket-not-public acme://acct-1/data (paas, owner customer)',
        'fail acme-bucket-not-public acme://acct-1/site (paas, owner customer)',
        'pass acme-bucket-not-public acme://acct-2/logs (paas, owner customer)',
        "data-protection on paas: customer's duty, failing (checks: acme-bucket-not-public)",
        '',
      ].join('\n'),
    );
  });

  it('attestations: current passes, expired fails, missing is manual', async () => {
    const run = await example('attestations');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/pass +incident-response-drills +Attested by Security team <security@example\.com> on 2026-01-20, valid until 2027-01-20\./);
    expect(run.stdout).toMatch(/fail +security-training +Attestation for 'security-training' by People team expired on 2025-02-01\./);
    expect(run.stdout.match(/\n +manual /g)).toHaveLength(7);
  });

  it('ci-gating: SARIF file written, and exit 1 when findings fail at or above high', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarc-ci-'));
    const high = await example('ci-gating', [join(dir, 'high.sarif'), 'high']);
    expect(high.code).toBe(1);
    expect(high.stdout).toMatch(/SARIF written to .*high\.sarif: \d+ findings\.\n[1-9]\d* failing at or above high; [1-9]\d* unverified/);
    const sarif = JSON.parse(readFileSync(join(dir, 'high.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'high.sarif'))).toBe(true);
  });

  it('model-tour: the normalized model in one page', async () => {
    const run = await example('model-tour');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"With SaaS the vendor handles security"? Not quite.');
  });
});
