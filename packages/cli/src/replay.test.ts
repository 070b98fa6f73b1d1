/**
 * A replay is the live scan: `demarc scan --demo --snapshot s.json --json --out live.json` and then
 * `demarc scan --replay s.json --json --out replay.json` (same `--now`) write the same JSON report
 * byte for byte, for the demo estate and for seeded synthetic estates. Run in-process through
 * `runCli`, as a user runs the two commands: each live scan starts one local cloud for its estate,
 * writes the snapshot file, and the replay reads it back with the cloud gone.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from './main';
import type { Io } from './output';

vi.setConfig({ testTimeout: 120_000 });

const work = mkdtempSync(join(tmpdir(), 'demarc-replay-'));
const NOW = '2026-12-01T00:00:00Z';

/** An `Io` whose output is kept, so a failure can show what the CLI said. */
function capture(): { readonly io: Io; readonly stderr: () => string } {
  const sink = (chunks: string[]) => new Writable({ write: (chunk: Buffer, _encoding, done) => void (chunks.push(chunk.toString()), done()) });
  const err: string[] = [];
  return { io: { stdout: sink([]), stderr: sink(err), env: { CI: 'true' } }, stderr: () => err.join('') };
}

async function demarc(args: readonly string[]): Promise<void> {
  const { io, stderr } = capture();
  const code = await runCli(['scan', ...args, '--now', NOW], io);
  expect(stderr()).not.toContain('error:');
  expect(code, stderr()).toBe(0);
}

interface Report {
  readonly scopes: readonly { readonly provider: string }[];
  readonly findings: readonly { readonly checkId: string; readonly status: string; readonly resource: { readonly name?: string }; readonly providerManaged?: string }[];
}

const AKS = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-prod';

/**
 * The bundled demo estate and small synthetic ones (four scopes per vendor) at three seeds. `managed`:
 * findings that must carry the provider-managed mark (in the demo, the AKS node resource group's NSG,
 * whose check passes: the mark once came from state the collectors filled, which a replay never had).
 */
const ESTATES: readonly { name: string; args: readonly string[]; managed: readonly { checkId: string; name: string; manager: string }[] }[] = [
  { name: 'demo', args: ['--demo'], managed: [{ checkId: 'azure-network-nsg-admin-ports-internet', name: 'aks-agentpool-12345678-nsg', manager: AKS }] },
  ...[1, 2, 3].map((seed) => ({ name: `synthetic-seed-${seed}`, args: ['--demo', '--estate', 'synthetic', '--estate-scopes', '4', '--estate-seed', String(seed)], managed: [] })),
];

describe('demarc scan --replay of a snapshot is the live scan, byte for byte', () => {
  it.each(ESTATES)('$name estate: the JSON report of the replay equals the live one', async ({ name, args, managed }) => {
    const snapshot = join(work, `${name}-snapshot.json`);
    const live = join(work, `${name}-live.json`);
    const replayed = join(work, `${name}-replay.json`);
    await demarc([...args, '--snapshot', snapshot, '--json', '--out', live]);
    await demarc(['--replay', snapshot, '--json', '--out', replayed]);

    const liveText = readFileSync(live, 'utf8');
    const report = JSON.parse(liveText) as Report;
    expect(new Set(report.scopes.map((s) => s.provider))).toEqual(new Set(['aws', 'azure', 'gcp']));
    for (const { checkId, name: resource, manager } of managed) {
      const finding = report.findings.find((f) => f.checkId === checkId && f.resource.name === resource);
      expect(finding?.providerManaged, `${checkId} on ${resource}`).toContain(manager);
    }
    expect(readFileSync(replayed, 'utf8')).toBe(liveText);
  });
});
