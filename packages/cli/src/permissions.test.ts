/**
 * `demarc permissions` and `docs/guide/permissions.md`: the page lists exactly what the providers'
 * check metadata generates, every permission is read-only, and the command prints the policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReadOnlyAction as awsReadOnly } from '@demarc/aws';
import { isReadOnlyPermission as gcpReadOnly } from '@demarc/gcp';
import { isReadOnlyAction as azureReadOnly } from '@demarc/azure';
import { allVendorPermissions, renderPermissionsMarkdown } from './commands/permissions';
import { REPO_ROOT, runBin } from './__helpers__/spawn';

describe('permissions', () => {
  it('docs/guide/permissions.md lists exactly what the providers generate', async () => {
    const page = readFileSync(join(REPO_ROOT, 'docs/guide/permissions.md'), 'utf8');
    const block = /<!-- permissions:start -->\n([\s\S]*)<!-- permissions:end -->/.exec(page)?.[1];
    expect(block, 'the page is stale: run npx tsx --conditions=@demarc/source packages/cli/scripts/update-permissions-doc.ts').toBe(
      renderPermissionsMarkdown(await allVendorPermissions()),
    );
  });

  it('every permission is read-only by its vendor\'s own rule', async () => {
    const [aws, gcp, azure] = await allVendorPermissions();
    expect(aws!.all.length).toBeGreaterThan(10);
    expect(aws!.all.filter((a) => !awsReadOnly(a))).toEqual([]);
    expect(gcp!.all.filter((p) => !gcpReadOnly(p))).toEqual([]);
    expect(azure!.all.filter((a) => !azureReadOnly(a))).toEqual([]);
  });

  it('demarc permissions aws --json prints the IAM policy through the binary', async () => {
    const run = await runBin(['permissions', 'aws', '--json']);
    expect(run.code).toBe(0);
    const [aws] = JSON.parse(run.stdout) as { vendor: string; policy: { document: { Statement: { Action: string[] }[] } } }[];
    expect(aws!.vendor).toBe('aws');
    expect(aws!.policy.document.Statement[0]!.Action).toContain('iam:ListUsers');
  }, 60_000);
});
