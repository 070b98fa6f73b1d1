/**
 * `demarc scan`: providers from flags or the config file, against the real clouds (default
 * credentials), a snapshot (`--replay`) or the bundled demo estate on the local cloud (`--demo`);
 * reports to stdout or `--out`; exit code 1 when a finding fails at or above `--fail-on`.
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import {
  ATTESTATION_CHECKS,
  ConfigError,
  PluginLoadError,
  SEVERITIES,
  loadAttestations,
  loadCheckPack,
  loadProvider,
  parseConfig,
  readSnapshot,
  scan,
  writeSnapshot,
  type AnyCheck,
  type AttestationSet,
  type ConcurrencyOptions,
  type ProviderV1,
  type ScanResult,
  type Severity,
  type Snapshot,
} from '@demarc/core';
import type { LocalCloud } from '@demarc/local-cloud';
import { configErrorToCli, loadConfig, loadConfigAttestations, type LoadedConfig } from '../config';
import { CliError, EXIT } from '../errors';
import { FORMATS, findingsAtOrAbove, parseFormat, renderReport, renderText, type Format, type SkippedProvider } from '../formats';
import { palette, type Io, type Palette } from '../output';
import { createProgress } from '../progress';
import { VENDOR_IDS, VendorNotReadyError, builtInVendor, createVendorProvider, type ProviderTarget } from '../vendors';

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
  /** `--concurrency <n>`. */
  readonly concurrency?: string;
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

const FAIL_ON = [...SEVERITIES, 'none'] as const;

function parseOptions(options: ScanCommandOptions) {
  const formatName = options.json ? 'json' : (options.format ?? 'text');
  const format = parseFormat(formatName);
  if (!format) throw new CliError(`Unknown format '${formatName}'.`, `Use one of: ${FORMATS.join(', ')} (md is Markdown, ocsf is OCSF NDJSON, junit is JUnit XML).`);
  if (options.json && options.format !== undefined && parseFormat(options.format) !== 'json') {
    throw new CliError(`--json and --format ${options.format} contradict each other.`, 'Give one of them: --json is short for --format json.');
  }
  let failOn: Severity | undefined;
  if (options.failOn !== undefined) {
    const value = options.failOn.toLowerCase();
    if (!(FAIL_ON as readonly string[]).includes(value)) throw new CliError(`Unknown severity '${options.failOn}' for --fail-on.`, `Use one of: ${FAIL_ON.join(', ')}.`);
    failOn = value === 'none' ? undefined : (value as Severity);
  }
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
  const providers = (options.provider ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  return { format, failOn, concurrency, now, providers };
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
      providers.push(await loadThirdPartyProvider(spec, dir));
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

async function startDemoCloud(): Promise<LocalCloud> {
  // The demo must never reach a real cloud, whatever a vendor SDK would probe for (instance metadata,
  // Application Default Credentials): refuse every non-loopback connection in this process.
  await import('@demarc/local-cloud/loopback-guard');
  process.env.AWS_EC2_METADATA_DISABLED ??= 'true';
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  // The AWS SDK warns on Node 20 about its future Node 22 requirement; the demo's output is about the estate.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { startLocalCloud, demoEstate } = await import('@demarc/local-cloud');
  return startLocalCloud({ estate: demoEstate() });
}

/** Runs `demarc scan` and returns the exit code. */
export async function runScan(options: ScanCommandOptions, env: ScanEnvironment): Promise<number> {
  const { io, colours, errColours, cwd } = env;
  const parsed = parseOptions(options);

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
  if (specs.length === 0 && options.demo) specs = VENDOR_IDS.map((name) => ({ name }));
  if (specs.length === 0) specs = config.providers.map((p) => (typeof p === 'string' ? { name: p } : { name: p.package, ...(p.options ? { options: p.options } : {}) }));
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
    if (PluginLoadError.isInstance(error)) throw new CliError(error.message, 'Install the package (npm install <name>) or fix its name in the config file.');
    throw error;
  }

  let cloud: LocalCloud | undefined;
  try {
    if (options.demo) cloud = await startDemoCloud();
    const demoCloud = cloud;
    const optionsOf = (spec: ProviderSpec): ProviderTarget =>
      demoCloud ? { kind: 'local', cloud: demoCloud } : { kind: 'cloud', ...(spec.options ? { options: spec.options } : {}) };
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
        record: options.snapshot !== undefined,
        onProgress: progress.onEvent,
      });
    } finally {
      process.removeListener('SIGINT', onInterrupt);
      progress.done();
    }

    if (options.snapshot !== undefined && result.snapshot) {
      const file = resolve(cwd, options.snapshot);
      await mkdir(dirname(file), { recursive: true });
      await writeSnapshot(file, result.snapshot);
      io.stderr.write(`Snapshot written to ${options.snapshot} (no credentials are stored). Scan it offline with: demarc scan --replay ${options.snapshot}\n`);
    }

    const target = options.demo ? 'the demo estate on the local cloud (127.0.0.1, no cloud account)' : snapshot ? `the snapshot ${options.replay}` : 'your cloud';
    const text = (palette: Palette): string => renderText(result, { target, skipped: built.skipped, failOn: parsed.failOn }, palette);
    const format: Format = parsed.format;
    if (options.out !== undefined) {
      const file = resolve(cwd, options.out);
      await mkdir(dirname(file), { recursive: true });
      // A file never gets colour codes.
      await writeFile(file, format === 'text' ? text(palette(false)) : renderReport(format, result), 'utf8');
      // The person (or CI log) still sees the summary; the report is in the file.
      io.stdout.write(text(colours));
      io.stdout.write(`${format} report written to ${options.out}\n`);
    } else {
      io.stdout.write(format === 'text' ? text(colours) : renderReport(format, result));
    }

    if (result.aborted) {
      io.stderr.write(`${errColours.red('error:')} the scan was interrupted; the report above is partial.\nRun it again to completion before relying on it.\n`);
      return EXIT.error;
    }
    const errors = result.findings.filter((f) => f.status === 'error').length;
    if (errors > 0 && format !== 'text') io.stderr.write(`${errColours.yellow('note:')} ${errors} finding(s) are errors: those duties are unverified, not passed (access denied, throttling or a failed call).\n`);
    if (parsed.failOn && findingsAtOrAbove(result.findings, parsed.failOn).length > 0) return EXIT.findings;
    return EXIT.ok;
  } finally {
    await cloud?.stop();
  }
}
