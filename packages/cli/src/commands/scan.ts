/**
 * `demarc scan`: providers from flags or the config file, against the real clouds (default
 * credentials), a snapshot (`--replay`) or the bundled demo estate on the local cloud (`--demo`);
 * reports to stdout or `--out`; exit code 1 when a finding fails at or above `--fail-on`.
 * @module
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import {
  ATTESTATION_CHECKS,
  ConfigError,
  DemarcError,
  PluginLoadError,
  loadAttestations,
  loadCheckPack,
  loadProvider,
  parseConfig,
  parseShardSpec,
  readSnapshot,
  scan,
  type AnyCheck,
  type AttestationSet,
  type ConcurrencyOptions,
  type ProviderV1,
  type ScanResult,
  type ShardSpec,
  type Snapshot,
} from '@demarc/core';
import type { Estate, LocalCloud } from '@demarc/local-cloud';
import { configErrorToCli, loadConfig, loadConfigAttestations, type LoadedConfig } from '../config';
import { CliError, EXIT } from '../errors';
import { type SkippedProvider } from '../formats';
import { type Io, type Palette } from '../output';
import { checkOutputPaths, saveSnapshot } from '../output-files';
import { createProgress } from '../progress';
import { parseRequestTimeoutFlag, requestTimeoutOf } from '../request-timeout';
import { emitReport, parseOutputFlags } from '../report-output';
import { pluginHint, providerLoadError } from '../provider-names';
import { DEMO_AWS_ROLE, VENDOR_IDS, VendorNotReadyError, builtInVendor, createVendorProvider, type ProviderTarget } from '../vendors';

/** The options of `demarc scan`, as commander parses them. */
export interface ScanCommandOptions {
  /** `--provider aws,gcp` (repeatable). */
  readonly provider?: readonly string[];
  /** `--config <file>`. */
  readonly config?: string;
  /** `--format <format>`. */
  readonly format?: string;
  /** `--json`: the same as `--format json`. */
  readonly json?: boolean;
  /** `--out <file>`. */
  readonly out?: string;
  /** `--fail-on <severity>`. */
  readonly failOn?: string;
  /** `--allow-unverified`: `error` findings do not fail the `--fail-on` gate. */
  readonly allowUnverified?: boolean;
  /** `false` with `--no-metadata-credentials`: the vendor SDKs do not ask the instance metadata address for credentials. */
  readonly metadataCredentials?: boolean;
  /** `--concurrency <n>`. */
  readonly concurrency?: string;
  /** `--request-timeout <ms>`: the time limit of one cloud API request. */
  readonly requestTimeout?: string;
  /** `--snapshot <file>`: record the collected data. */
  readonly snapshot?: string;
  /** `--replay <file>`: scan a snapshot offline. */
  readonly replay?: string;
  /** `--demo`: the demo estate on the local cloud. */
  readonly demo?: boolean;
  /** `--attestations <file>`: overrides the config's. */
  readonly attestations?: string;
  /** `--now <iso date>`: the scan's clock. */
  readonly now?: string;
  /** `--shard <i/n>`: scan only the i-th of n shards of the scopes (1-based). */
  readonly shard?: string;
  /** `--run-id <id>`: the sharded run this shard belongs to; shards merge only with the same run id. */
  readonly runId?: string;
  /** `--estate <name>` with `--demo`: `demo` (default) or `synthetic`. */
  readonly estate?: string;
  /** `--estate-scopes <n>` with `--estate synthetic`: scopes per vendor. */
  readonly estateScopes?: string;
  /** `--estate-seed <n>` with `--estate synthetic`: the generator's seed. */
  readonly estateSeed?: string;
}

/** What {@link runScan} needs from its caller. */
export interface ScanEnvironment {
  /** Where output goes. */
  readonly io: Io;
  /** Colours for stdout. */
  readonly colours: Palette;
  /** Colours for stderr. */
  readonly errColours: Palette;
  /** The working directory (config discovery, relative paths). */
  readonly cwd: string;
}

/** The estates `--demo` can serve on the local cloud. */
export const DEMO_ESTATES = ['demo', 'synthetic'] as const;

/** Scopes per vendor of `--estate synthetic` when `--estate-scopes` is not given. */
export const DEFAULT_SYNTHETIC_SCOPES = 8;

/** The largest `--estate-scopes`: a local cloud in one process, not a benchmark. */
const MAX_SYNTHETIC_SCOPES = 5000;

/** The estate `--demo` serves: the bundled demo, or a seeded synthetic organization per vendor. */
export type DemoEstateSpec = { readonly kind: 'demo' } | { readonly kind: 'synthetic'; readonly scopes: number; readonly seed: number };

const wholeNumber = (text: string): number | undefined => (/^\d+$/.test(text.trim()) ? Number(text) : undefined);

/** Validates `--estate`, `--estate-scopes` and `--estate-seed` (usage errors name the fix). */
function parseEstate(options: ScanCommandOptions): DemoEstateSpec | undefined {
  const synthetic = options.estate?.toLowerCase() === 'synthetic';
  if (options.estate !== undefined && !(DEMO_ESTATES as readonly string[]).includes(options.estate.toLowerCase())) {
    throw new CliError(`Unknown estate '${options.estate}'.`, `Use one of: ${DEMO_ESTATES.join(', ')} (with --demo), e.g. --demo --estate synthetic --estate-scopes 8 --estate-seed 1.`);
  }
  if (!options.demo && (options.estate !== undefined || options.estateScopes !== undefined || options.estateSeed !== undefined)) {
    throw new CliError('--estate, --estate-scopes and --estate-seed choose what the local cloud serves, and need --demo.', 'Add --demo, e.g. demarc scan --demo --estate synthetic --estate-scopes 8 --estate-seed 1.');
  }
  if (!options.demo) return undefined;
  if (!synthetic) {
    if (options.estateScopes !== undefined || options.estateSeed !== undefined) {
      throw new CliError('--estate-scopes and --estate-seed size and seed a synthetic estate; the bundled demo estate is fixed.', 'Add --estate synthetic, or drop them.');
    }
    return { kind: 'demo' };
  }
  const scopes = options.estateScopes === undefined ? DEFAULT_SYNTHETIC_SCOPES : wholeNumber(options.estateScopes);
  if (scopes === undefined || scopes < 1 || scopes > MAX_SYNTHETIC_SCOPES) {
    throw new CliError(`--estate-scopes must be a whole number from 1 to ${MAX_SYNTHETIC_SCOPES}, got '${options.estateScopes}'.`, `For example --estate-scopes 8 (scopes per vendor; default ${DEFAULT_SYNTHETIC_SCOPES}).`);
  }
  const seed = options.estateSeed === undefined ? 1 : wholeNumber(options.estateSeed);
  if (seed === undefined || seed > 0xffffffff) throw new CliError(`--estate-seed must be a whole number, got '${options.estateSeed}'.`, 'For example --estate-seed 1 (the same seed always gives the same estate).');
  return { kind: 'synthetic', scopes, seed };
}

/** Validates `--shard` and `--run-id`. */
function parseShard(options: ScanCommandOptions): ShardSpec | undefined {
  if (options.shard === undefined) {
    if (options.runId !== undefined) throw new CliError('--run-id names a sharded run and needs --shard.', 'Add --shard i/n, e.g. --shard 1/3 --run-id "$CI_RUN_ID", or drop --run-id.');
    return undefined;
  }
  let spec: ShardSpec;
  try {
    spec = parseShardSpec(options.shard);
  } catch (error) {
    if (!DemarcError.isInstance(error)) throw error;
    throw new CliError(
      `--shard ${error.message.replace(/^Shard /, '')}`,
      'Give --shard i/n with i from 1 to n, e.g. --shard 2/3 for the second of three processes (a Kubernetes Indexed Job: --shard $((JOB_COMPLETION_INDEX+1))/N).',
    );
  }
  if (options.runId !== undefined && options.runId.trim() === '') throw new CliError('--run-id is empty.', 'Give the id of the sharded run, e.g. --run-id "$GITHUB_RUN_ID", or drop --run-id.');
  return { ...spec, ...(options.runId === undefined ? {} : { runId: options.runId }) };
}

function parseOptions(options: ScanCommandOptions) {
  const { format, failOn } = parseOutputFlags(options);
  let concurrency: number | undefined;
  if (options.concurrency !== undefined) {
    concurrency = Number(options.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new CliError(`--concurrency must be a positive whole number, got '${options.concurrency}'.`, 'For example --concurrency 8 (checks in flight at once; default 16).');
  }
  let now: Date | undefined;
  if (options.now !== undefined) {
    now = new Date(options.now);
    if (Number.isNaN(now.getTime())) throw new CliError(`--now must be an ISO date or date-time, got '${options.now}'.`, 'For example --now 2026-01-31 or --now 2026-01-31T12:00:00Z.');
  }
  if (options.demo && options.replay) throw new CliError('--demo and --replay cannot be combined.', 'Use --demo to scan the demo estate live, or --replay <file> to scan a snapshot offline.');
  const estate = parseEstate(options);
  const shard = parseShard(options);
  const providers = (options.provider ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  const requestTimeoutMs = parseRequestTimeoutFlag(options.requestTimeout);
  return { format, failOn, concurrency, requestTimeoutMs, now, providers, estate, shard };
}

/** The words the text summary and the shard's run id use for a local-cloud estate. */
export function describeDemoEstate(estate: DemoEstateSpec): string {
  return estate.kind === 'demo' ? 'the demo estate' : `a synthetic estate (${estate.scopes} scope(s) per vendor, seed ${estate.seed})`;
}

/** A provider name from a flag or the config, with its factory options. */
interface ProviderSpec {
  readonly name: string;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** Loads a third-party provider package: a ready provider, or a factory called with the config's options. */
async function loadThirdPartyProvider(spec: ProviderSpec, dir: string): Promise<ProviderV1> {
  if (!spec.options) return loadProvider(spec.name, { cwd: dir });
  let module: Record<string, unknown>;
  try {
    const target = spec.name.startsWith('.') || spec.name.startsWith('/') ? resolve(dir, spec.name) : createRequire(resolve(dir, 'package.json')).resolve(spec.name);
    module = (await import(pathToFileURL(target).href)) as Record<string, unknown>;
  } catch (error) {
    throw new PluginLoadError(spec.name, `cannot be imported: ${(error as Error).message}. Is it installed?`, { cause: error });
  }
  const factory = [module.createProvider, module.default].find((value) => typeof value === 'function') as ((options: unknown) => unknown) | undefined;
  if (!factory) throw new PluginLoadError(spec.name, "has options in the config but exports no factory: expected a function exported as 'createProvider' or as the default export");
  const provider = (await factory(spec.options)) as ProviderV1;
  return loadProvider(spec.name, { importer: async () => ({ provider }) });
}

/** Builds the providers; built-in vendors that are not ready are skipped with the reason. */
async function buildProviders(specs: readonly ProviderSpec[], target: (spec: ProviderSpec) => ProviderTarget, dir: string): Promise<{ providers: ProviderV1[]; skipped: SkippedProvider[] }> {
  const providers: ProviderV1[] = [];
  const skipped: SkippedProvider[] = [];
  for (const spec of specs) {
    const vendor = builtInVendor(spec.name);
    if (vendor === undefined) {
      providers.push(
        await loadThirdPartyProvider(spec, dir).catch((error: unknown) => {
          throw providerLoadError(spec.name, dir, error);
        }),
      );
      continue;
    }
    try {
      providers.push(await createVendorProvider(vendor, target(spec)));
    } catch (error) {
      if (!(error instanceof VendorNotReadyError)) throw error;
      skipped.push({ name: vendor, reason: `${error.message}; this build cannot scan ${vendor} yet.` });
    }
  }
  return { providers, skipped };
}

/** The estate a {@link DemoEstateSpec} describes, built the same in every process. */
async function buildEstate(spec: DemoEstateSpec): Promise<Estate> {
  const { demoEstate, syntheticEstate } = await import('@demarc/local-cloud');
  if (spec.kind === 'demo') return demoEstate();
  // A small group size so even a small estate has several OUs, folders and management groups.
  return syntheticEstate({ seed: spec.seed, awsAccounts: spec.scopes, gcpProjects: spec.scopes, azureSubscriptions: spec.scopes, scopesPerGroup: 4 });
}

async function startDemoCloud(spec: DemoEstateSpec): Promise<LocalCloud> {
  // The demo must never reach a real cloud, whatever a vendor SDK would probe for (instance metadata,
  // Application Default Credentials): refuse every non-loopback connection in this process.
  await import('@demarc/local-cloud/loopback-guard');
  process.env.AWS_EC2_METADATA_DISABLED ??= 'true';
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  // The AWS SDK warns on Node 20 about its future Node 22 requirement; the demo's output is about the estate.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { startLocalCloud } = await import('@demarc/local-cloud');
  return startLocalCloud({ estate: await buildEstate(spec) });
}

/**
 * The role the AWS provider enters member accounts with on the local cloud: the demo estate deploys
 * `DemarcAudit`; the synthetic estate has the role AWS Organizations creates in every account.
 */
const localAwsRole = (spec: DemoEstateSpec): string => (spec.kind === 'demo' ? DEMO_AWS_ROLE : 'OrganizationAccountAccessRole');

/** Runs `demarc scan` and returns the exit code. */
export async function runScan(options: ScanCommandOptions, env: ScanEnvironment): Promise<number> {
  const { io, errColours, cwd } = env;
  const parsed = parseOptions(options);
  await checkOutputPaths([['--out', options.out], ['--snapshot', options.snapshot]], cwd, 'nothing was scanned');

  // The demo reads a config only when one is given explicitly: it must behave the same in any directory.
  let loaded: LoadedConfig;
  try {
    loaded = options.demo && options.config === undefined ? { file: undefined, dir: cwd, config: parseConfig({}) } : await loadConfig(cwd, options.config);
  } catch (error) {
    if (ConfigError.isInstance(error)) throw configErrorToCli(error);
    throw error;
  }
  const { config } = loaded;

  let snapshot: Snapshot | undefined;
  if (options.replay !== undefined) {
    try {
      snapshot = await readSnapshot(resolve(cwd, options.replay));
    } catch (error) {
      if (ConfigError.isInstance(error)) throw new CliError(error.message, 'Give a file written by `demarc scan --snapshot <file>`.');
      throw new CliError(`Cannot read the snapshot ${options.replay}: ${(error as Error).message}`, 'Check the path; write one with `demarc scan --snapshot <file>`.');
    }
  }

  let specs: ProviderSpec[] = parsed.providers.map((name) => ({ name }));
  // --provider, else the config's providers (with --demo, only from a config given explicitly), else
  // the demo's three vendors.
  if (specs.length === 0) specs = config.providers.map((p) => (typeof p === 'string' ? { name: p } : { name: p.package, ...(p.options ? { options: p.options } : {}) }));
  if (specs.length === 0 && options.demo) specs = VENDOR_IDS.map((name) => ({ name }));
  if (specs.length === 0 && snapshot) specs = Object.keys(snapshot.scopes).map((name) => ({ name }));
  if (specs.length === 0) {
    throw new CliError(
      'No provider to scan.',
      'Pass --provider aws,gcp,azure, list providers in demarc.config.json, or try it without a cloud account: demarc scan --demo',
    );
  }

  let attestations: AttestationSet | undefined;
  let packChecks: AnyCheck[] = [];
  try {
    attestations = options.attestations !== undefined ? await loadAttestations(resolve(cwd, options.attestations)) : await loadConfigAttestations(loaded);
    for (const pack of config.checks) packChecks = packChecks.concat(await loadCheckPack(pack, { cwd: loaded.dir }));
  } catch (error) {
    if (ConfigError.isInstance(error)) throw configErrorToCli(error);
    if (PluginLoadError.isInstance(error)) throw new CliError(error.message, pluginHint(error.plugin, 'check pack'));
    throw error;
  }

  let cloud: LocalCloud | undefined;
  try {
    const estate = parsed.estate;
    if (estate) cloud = await startDemoCloud(estate);
    const demoCloud = cloud;
    const optionsOf = (spec: ProviderSpec): ProviderTarget => {
      const requestTimeoutMs = requestTimeoutOf(spec, parsed.requestTimeoutMs, config.requestTimeoutMs, loaded.file);
      const timeout = requestTimeoutMs === undefined ? {} : { requestTimeoutMs };
      return demoCloud && estate
        ? { kind: 'local', cloud: demoCloud, awsRoleName: localAwsRole(estate), ...timeout }
        : {
            kind: 'cloud',
            ...(spec.options ? { options: spec.options } : {}),
            ...timeout,
            metadataCredentials: options.metadataCredentials !== false && config.metadataCredentials !== false,
          };
    };
    let built: { providers: ProviderV1[]; skipped: SkippedProvider[] };
    try {
      built = await buildProviders(specs, optionsOf, loaded.dir);
    } catch (error) {
      if (PluginLoadError.isInstance(error)) throw new CliError(error.message, 'Install the provider package, or fix its name in --provider or the config file.');
      throw error;
    }
    // The text summary names skipped providers itself; a machine format on stdout must not carry the
    // warning, so it goes to stderr.
    const summaryOnStdout = parsed.format === 'text' || options.out !== undefined;
    if (!summaryOnStdout) for (const skipped of built.skipped) io.stderr.write(`${errColours.yellow('warning:')} not scanning ${skipped.name}: ${skipped.reason}\n`);
    if (built.providers.length === 0) {
      throw new CliError('None of the providers asked for can be scanned.', 'See the warnings above; scan another provider with --provider, or update the demarc packages.');
    }

    const concurrency: ConcurrencyOptions = { ...config.concurrency, ...(parsed.concurrency === undefined ? {} : { global: parsed.concurrency }) };
    const progress = createProgress(io);
    // Ctrl-C stops the scan promptly; what finished is still reported (marked partial) and the local
    // cloud is stopped, instead of the process dying mid-write.
    const controller = new AbortController();
    const onInterrupt = (): void => controller.abort(new Error('interrupted'));
    process.once('SIGINT', onInterrupt);
    let result: ScanResult;
    try {
      result = await scan({
        signal: controller.signal,
        providers: built.providers,
        checks: [...ATTESTATION_CHECKS, ...packChecks],
        concurrency,
        mutes: config.mutes,
        ...(config.scopes ? { scopes: config.scopes } : {}),
        ...(config.checkTimeoutMs ? { checkTimeoutMs: config.checkTimeoutMs } : {}),
        ...(attestations ? { attestations } : {}),
        ...(parsed.now ? { now: parsed.now } : {}),
        ...(snapshot ? { replay: snapshot } : {}),
        ...(parsed.shard ? { shard: shardOfRun(parsed.shard, estate) } : {}),
        record: options.snapshot !== undefined,
        onProgress: progress.onEvent,
      });
    } finally {
      process.removeListener('SIGINT', onInterrupt);
      progress.done();
    }

    // A snapshot that cannot be written is kept in a temporary file; the report still follows, then exit 2.
    const recorded = options.snapshot !== undefined ? result.snapshot : undefined;
    const snapshotSaved = recorded === undefined || (await saveSnapshot(recorded, options.snapshot!, env));

    const where = estate ? `${describeDemoEstate(estate)} on the local cloud (127.0.0.1, no cloud account)` : snapshot ? `the snapshot ${options.replay}` : 'your cloud';
    const shardInfo = result.shard;
    if (shardInfo) {
      const total = Object.values(shardInfo.discovered).reduce((n, d) => n + d.scopes, 0);
      const mergeable = parsed.format === 'json' ? '' : ' (merge needs each shard\'s JSON report: --format json --out <file>)';
      io.stderr.write(`Shard ${shardInfo.index + 1}/${shardInfo.count} scanned ${result.scopes.length} of ${total} scope(s). Merge the ${shardInfo.count} shard reports with: demarc merge <files...>${mergeable}\n`);
    }
    const code = await emitReport(
      result,
      {
        format: parsed.format,
        failOn: parsed.failOn,
        ...(options.out === undefined ? {} : { out: options.out }),
        target: shardInfo ? `${where}, shard ${shardInfo.index + 1}/${shardInfo.count}` : where,
        skipped: built.skipped,
        abortedMessage: ['the scan was interrupted; the report above is partial.', 'Run it again to completion before relying on it.'],
        ...(loaded.file === undefined ? {} : { configFile: loaded.file }),
        allowUnverified: options.allowUnverified === true || config.allowUnverified === true,
      },
      env,
    );
    return snapshotSaved ? code : EXIT.error;
  } finally {
    await cloud?.stop();
  }
}

/**
 * The shard as the scan records it. On the local cloud the estate is part of what the scan is: it is
 * added to the run id, so shards of two different estates (another seed or size) never merge.
 */
function shardOfRun(shard: ShardSpec, estate: DemoEstateSpec | undefined): ShardSpec {
  if (!estate) return shard;
  const estateId = estate.kind === 'demo' ? 'local-cloud:demo' : `local-cloud:synthetic:scopes=${estate.scopes}:seed=${estate.seed}`;
  return { ...shard, runId: shard.runId === undefined ? estateId : `${shard.runId} ${estateId}` };
}
