/**
 * The sharding job definitions are configuration for existing engines; this checks they are coherent:
 * as many shards started as the `--shard i/n` count says, every shard index from 1 to n, every report
 * where the merge step looks for it, the merge after the shards. The Kubernetes pod scripts are run
 * with `sh` (with stand-ins for `npm` and `demarc`), so the shell arithmetic is exercised too.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { parseConfig } from '@demarc/core';

const here = new URL('./', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, here), 'utf8');

/** A shell glob (`*` only) as a regular expression over one path. */
const globToRegExp = (glob: string): RegExp => new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);

/** The arguments after `demarc <command>` in a shell line, split on spaces (the examples quote nothing with spaces). */
const demarcArgs = (script: string, command: 'scan' | 'merge'): string[][] =>
  [...script.matchAll(new RegExp(`demarc ${command} ([^\\n]*)`, 'g'))].map((m) => m[1]!.replace(/>.*$/, '').trim().split(/\s+/));

const flag = (args: readonly string[], name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

// ---------------------------------------------------------------------------------------------
// Kubernetes
// ---------------------------------------------------------------------------------------------

interface K8sObject {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  readonly spec?: Record<string, unknown>;
  readonly data?: Record<string, string>;
}
interface PodSpec {
  readonly containers: readonly {
    readonly command: readonly string[];
    readonly args: readonly string[];
    readonly env?: readonly { readonly name: string; readonly value?: string; readonly valueFrom?: { readonly fieldRef?: { readonly fieldPath: string } } }[];
    readonly volumeMounts: readonly { readonly name: string; readonly mountPath: string }[];
  }[];
  readonly volumes: readonly { readonly name: string; readonly configMap?: { readonly name: string }; readonly persistentVolumeClaim?: { readonly claimName: string } }[];
  readonly restartPolicy: string;
}
const podOf = (job: K8sObject): PodSpec => (job.spec!.template as { spec: PodSpec }).spec;

/** Runs a pod's `sh -c` script with `npm` a no-op and `demarc` printing its arguments, one per line. */
function runPodScript(script: string, env: Record<string, string>): string[][] {
  const bin = mkdtempSync(join(tmpdir(), 'demarc-k8s-'));
  const log = join(bin, 'calls.log');
  writeFileSync(join(bin, 'npm'), '#!/bin/sh\nexit 0\n');
  writeFileSync(join(bin, 'demarc'), `#!/bin/sh\n{ for a in "$@"; do printf '%s\\t' "$a"; done; printf '\\n'; } >> '${log}'\n`);
  for (const file of ['npm', 'demarc']) chmodSync(join(bin, file), 0o755);
  writeFileSync(log, '');
  execFileSync('/bin/sh', ['-c', script], { env: { PATH: `${bin}:/usr/bin:/bin`, ...env }, stdio: 'pipe' });
  return readFileSync(log, 'utf8').trimEnd().split('\n').filter(Boolean).map((line) => line.replace(/\t$/, '').split('\t'));
}

describe('examples/sharding/kubernetes-indexed-job.yaml', () => {
  const documents = parseAllDocuments(read('kubernetes-indexed-job.yaml'));
  const objects = documents.map((doc) => doc.toJS() as K8sObject);
  const jobs = objects.filter((o) => o.kind === 'Job');
  const scanJob = jobs.find((job) => job.spec?.completionMode === 'Indexed')!;
  const mergeJob = jobs.find((job) => job !== scanJob)!;
  const count = scanJob.spec?.completions as number;

  it('parses, and holds an Indexed scan Job and a merge Job', () => {
    for (const doc of documents) expect(doc.errors).toEqual([]);
    expect(jobs).toHaveLength(2);
    expect(scanJob).toBeDefined();
    expect(mergeJob).toBeDefined();
    expect(count).toBeGreaterThan(1);
    expect(scanJob.spec?.parallelism).toBe(count);
    expect(mergeJob.spec?.completions).toBe(1);
    // Every object belongs to one of the two steps the comments tell to apply in turn.
    for (const object of objects) expect(['scan', 'merge']).toContain(object.metadata.labels?.['demarc.dev/step']);
    expect(scanJob.metadata.labels?.['demarc.dev/step']).toBe('scan');
    expect(mergeJob.metadata.labels?.['demarc.dev/step']).toBe('merge');
  });

  it('shard pod i runs demarc scan --shard i/n with n = completions, tagged with the Job uid, writing to the shared volume', () => {
    const pod = podOf(scanJob);
    const container = pod.containers[0]!;
    expect(pod.restartPolicy).toBe('Never');
    expect(container.command).toEqual(['/bin/sh', '-c']);
    expect(container.env?.find((e) => e.name === 'RUN_ID')?.valueFrom?.fieldRef?.fieldPath).toBe("metadata.labels['batch.kubernetes.io/controller-uid']");
    const outs: string[] = [];
    for (let index = 0; index < count; index++) {
      const calls = runPodScript(container.args[0]!, { JOB_COMPLETION_INDEX: String(index), RUN_ID: 'job-uid-1' });
      expect(calls).toHaveLength(1);
      const args = calls[0]!;
      expect(args[0]).toBe('scan');
      expect(flag(args, '--shard')).toBe(`${index + 1}/${count}`);
      expect(flag(args, '--run-id')).toBe('job-uid-1');
      expect(flag(args, '--format')).toBe('json');
      outs.push(flag(args, '--out')!);
    }
    // One file per shard, all on the shared volume.
    expect(new Set(outs).size).toBe(count);
    const results = container.volumeMounts.find((m) => outs.every((out) => out.startsWith(`${m.mountPath}/`)));
    expect(results).toBeDefined();
    const claim = pod.volumes.find((v) => v.name === results!.name)?.persistentVolumeClaim?.claimName;
    const pvc = objects.find((o) => o.kind === 'PersistentVolumeClaim' && o.metadata.name === claim);
    expect(pvc?.spec?.accessModes).toEqual(['ReadWriteMany']);

    // The config file the command reads is the mounted ConfigMap's, and it is a valid demarc config.
    const configPath = demarcArgs(container.args[0]!, 'scan').map((a) => flag(a, '--config'))[0]!;
    const configMount = container.volumeMounts.find((m) => configPath.startsWith(`${m.mountPath}/`))!;
    const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === pod.volumes.find((v) => v.name === configMount.name)?.configMap?.name);
    const config = parseConfig(JSON.parse(configMap!.data![posix.basename(configPath)]!));
    expect(config.providers.length).toBeGreaterThan(0);
  });

  it('the merge Job merges exactly the n shard reports from the same volume, and gates with --fail-on', () => {
    const scanPod = podOf(scanJob);
    const outs = Array.from({ length: count }, (_, index) => flag(runPodScript(scanPod.containers[0]!.args[0]!, { JOB_COMPLETION_INDEX: String(index), RUN_ID: 'u' })[0]!, '--out')!);
    const pod = podOf(mergeJob);
    const script = pod.containers[0]!.args[0]!;
    const merges = demarcArgs(script, 'merge');
    expect(merges.length).toBeGreaterThan(0);
    for (const args of merges) {
      const inputs = args.filter((a) => a.endsWith('.json') && a !== flag(args, '--out'));
      expect(inputs).toHaveLength(1);
      const glob = globToRegExp(inputs[0]!);
      expect(outs.every((out) => glob.test(out))).toBe(true);
      expect(inputs[0]).toContain(`-of-${count}.json`);
    }
    expect(merges.some((args) => flag(args, '--fail-on') === 'high' && flag(args, '--format') === 'sarif')).toBe(true);
    // Same claim as the shards, mounted where the shards wrote.
    const claimOf = (p: PodSpec, mountPath: string) => p.volumes.find((v) => v.name === p.containers[0]!.volumeMounts.find((m) => m.mountPath === mountPath)?.name)?.persistentVolumeClaim?.claimName;
    expect(claimOf(pod, '/results')).toBeDefined();
    expect(claimOf(pod, '/results')).toBe(claimOf(scanPod, '/results'));
    // Exit 1 (the gate) and 2 (a refused merge) do not change on a retry.
    expect(mergeJob.spec?.backoffLimit).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// GitHub Actions
// ---------------------------------------------------------------------------------------------

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, string | number | boolean>;
}
interface Workflow {
  readonly jobs: Record<string, { readonly needs?: string | readonly string[]; readonly strategy?: { readonly 'fail-fast'?: boolean; readonly matrix: { readonly shard: readonly number[] } }; readonly steps: readonly Step[]; readonly permissions?: Record<string, string> }>;
}

describe('examples/sharding/github-actions.yml', () => {
  const workflow = parse(read('github-actions.yml')) as Workflow;
  const { scan, merge } = workflow.jobs;
  const scanStep = scan!.steps.find((step) => step.run?.includes('demarc scan'))!;
  // `${{ matrix.shard }}` → `${{matrix.shard}}`, so a command line splits on spaces into its arguments.
  const tight = (text: string): string => text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, '${{$1}}');
  const scanArgs = demarcArgs(tight(scanStep.run!), 'scan')[0]!;
  const count = Number(/\/(\d+)$/.exec(flag(scanArgs, '--shard')!)?.[1]);
  const forShard = (text: string, shard: number): string => tight(text).replaceAll('${{matrix.shard}}', String(shard));

  it('runs a matrix of shards 1..n, n being the count of --shard i/n', () => {
    expect(count).toBeGreaterThan(1);
    expect(flag(scanArgs, '--shard')).toBe(`\${{matrix.shard}}/${count}`);
    expect(scan!.strategy?.matrix.shard).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(scan!.strategy?.['fail-fast']).toBe(false);
    expect(flag(scanArgs, '--run-id')).toBe('${{github.run_id}}');
    expect(flag(scanArgs, '--format')).toBe('json');
  });

  it('uploads each shard report as its own artifact, and the merge job (after the shards) downloads and merges all n', () => {
    const upload = scan!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
    const out = flag(scanArgs, '--out')!;
    expect(tight(String(upload.with?.path))).toBe(out);
    expect(upload.with?.['if-no-files-found']).toBe('error');

    expect([merge!.needs].flat()).toContain('scan');
    const download = merge!.steps.find((step) => step.uses?.startsWith('actions/download-artifact@'))!;
    const pattern = globToRegExp(String(download.with?.pattern));
    expect(download.with?.['merge-multiple']).toBe(true);
    const downloaded = Array.from({ length: count }, (_, i) => {
      // Every shard's artifact is downloaded, its file lands in the download path.
      expect(pattern.test(forShard(String(upload.with?.name), i + 1))).toBe(true);
      return posix.join(String(download.with?.path), posix.basename(forShard(out, i + 1)));
    });
    expect(new Set(downloaded).size).toBe(count);

    const merges = merge!.steps.filter((step) => step.run?.includes('demarc merge')).flatMap((step) => demarcArgs(tight(step.run!), 'merge'));
    expect(merges.length).toBeGreaterThan(0);
    for (const args of merges) {
      const inputs = args.filter((a) => a.endsWith('.json') && a !== flag(args, '--out'));
      expect(inputs).toHaveLength(1);
      expect(inputs[0]).toContain(`-of-${count}.json`);
      const glob = globToRegExp(inputs[0]!);
      expect(downloaded.filter((file) => glob.test(file))).toHaveLength(count);
    }

    // The gated merge writes SARIF, uploaded to code scanning even when the gate fails.
    const gated = merges.find((args) => flag(args, '--fail-on') !== undefined)!;
    expect(flag(gated, '--format')).toBe('sarif');
    const sarifUpload = merge!.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(sarifUpload.with?.sarif_file).toBe(flag(gated, '--out'));
    expect(sarifUpload.if).toMatch(/always\(\)/);
    expect(merge!.permissions?.['security-events']).toBe('write');
  });
});
