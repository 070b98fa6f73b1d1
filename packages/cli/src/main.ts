/**
 * The `demarc` program: argument parsing (commander), output conventions and exit codes.
 * @module
 */
import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './errors';
import { palette, processIo, wantsColor, type Io } from './output';
import { runExplain } from './commands/explain';
import { runMatrix } from './commands/matrix';
import { runScan, type ScanCommandOptions } from './commands/scan';
import { runMerge, type MergeCommandOptions } from './commands/merge';
import { runPermissions } from './commands/permissions';
import { renderChecks } from './commands/checks';
import { ATTESTATION_CHECKS } from '@demarc/core';
import { loadAllVendors } from './vendors';
import { FORMATS } from './formats';

/** The CLI's version, reported by `--version`. */
export const CLI_VERSION = '0.1.0';

/**
 * Runs the CLI with `argv` (without the node and script entries) and returns the exit code:
 * 0 ok, 1 the `--fail-on` gate failed, 2 usage or runtime error, an interrupted scan, or a provider
 * whose discovery failed (e.g. no credentials).
 *
 * @example
 * ```ts
 * const code = await runCli(['matrix', 'aws', 'lambda', '--json']);
 * ```
 */
export async function runCli(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const colours = palette(wantsColor(io.stdout, io.env));
  const errColours = palette(wantsColor(io.stderr, io.env));
  let exitCode: number = EXIT.ok;
  const print = (text: string) => void io.stdout.write(text);

  const program = new Command()
    .name('demarc')
    .description('The cloud shared responsibility model, as typed, cited data that code can check.')
    .version(CLI_VERSION)
    .showHelpAfterError('(run `demarc --help` for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  program
    .command('scan')
    .description('Scan providers for the customer\'s side of the shared responsibility line and report what is verified, failing and unverified.')
    .option('--demo', 'scan the bundled demo estate on a local cloud (127.0.0.1): no cloud account needed')
    .option('-p, --provider <names...>', 'providers to scan: aws, gcp, azure or a provider package (comma-separated or repeated); default: the config file\'s')
    .option('-c, --config <file>', 'config file (default: demarc.config.ts|mts|js|mjs|json in the working directory)')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')} (default: text)`)
    .option('--json', 'print the JSON report (same as --format json)')
    .option('-o, --out <file>', 'write the report to a file; the text summary still goes to stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding fails, or is unverified (error), at or above this severity: critical, high, medium, low, informational, none')
    .option('--allow-unverified', 'let error findings (duties the scan could not verify) pass the --fail-on gate; config: allowUnverified')
    .option('--no-metadata-credentials', 'never ask the instance metadata address (169.254.169.254) for credentials: fail fast without them, as in CI; config: metadataCredentials')
    .option('--concurrency <n>', 'checks in flight at once (default 16)')
    .option('--request-timeout <ms>', 'time limit of one cloud API request, then retried (default 20000)')
    .option('--snapshot <file>', 'record the collected data to a file (credentials are never stored)')
    .option('--replay <file>', 'scan a snapshot offline instead of the cloud')
    .option('--attestations <file>', 'attestation file (YAML or JSON); overrides the config\'s')
    .option('--now <date>', 'the scan\'s clock (ISO date), for reproducible reports and expiry checks')
    .option('--shard <i/n>', 'scan only shard i of n (1-based): each scope lands in one shard by a stable hash of its id; merge the JSON reports with `demarc merge`')
    .option('--run-id <id>', 'with --shard: the sharded run this shard belongs to (e.g. the CI run id); shards merge only with the same run id')
    .option('--estate <name>', 'with --demo: what the local cloud serves: demo (default) or synthetic (a seeded organization per vendor)')
    .option('--estate-scopes <n>', 'with --estate synthetic: scopes per vendor (default 8)')
    .option('--estate-seed <n>', 'with --estate synthetic: the seed (default 1); the same seed always gives the same estate')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok; 1 failing or unverified (error) findings at or above --fail-on, or nothing verified;\n2 usage or runtime error, interrupted, or a provider that could not be scanned at all (e.g. no credentials).\nExamples:\n  demarc scan --demo\n  demarc scan --demo --format sarif --out demarc.sarif --fail-on high\n  demarc scan --provider aws --snapshot aws.json\n  demarc scan --replay aws.json --format md\n  demarc scan --shard 2/3 --run-id "$GITHUB_RUN_ID" --format json --out shard-2.json',
    )
    .action(async (options: ScanCommandOptions) => {
      exitCode = await runScan(options, { io, colours, errColours, cwd: process.cwd() });
    });

  program
    .command('merge')
    .description('Merge the JSON reports of the shards of one scan (demarc scan --shard i/n --format json) into the report a single scan would have produced.')
    .argument('<results...>', 'the JSON report of every shard, in any order')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')} (default: text)`)
    .option('--json', 'print the merged JSON report (same as --format json)')
    .option('-o, --out <file>', 'write the merged report to a file; the text summary still goes to stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding fails, or is unverified (error), at or above this severity: critical, high, medium, low, informational, none')
    .option('-c, --config <file>', 'the scan\'s config file, which SARIF results point at (default: demarc.config.* here)')
    .option('--allow-unverified', 'let error findings (duties the scan could not verify) pass the --fail-on gate')
    .addHelpText(
      'after',
      '\nRefuses (exit 2, naming the file and the reason) a missing or duplicated shard, a shard of another scan\n(version, providers, config, shard count, run id or estate), and a corrupt file.\nExit codes: 0 ok; 1 failing or unverified (error) findings at or above --fail-on; 2 refused, usage error,\ninterrupted shard, or a provider no shard could scan.\nExamples:\n  demarc merge shard-*.json --format sarif --out demarc.sarif --fail-on high\n  demarc merge results/*.json --json > demarc.json',
    )
    .action(async (results: string[], options: MergeCommandOptions) => {
      exitCode = await runMerge(results, options, { io, colours, errColours, cwd: process.cwd() });
    });

  program
    .command('matrix')
    .description('Show the responsibility matrix: normalized, or in a vendor\'s own framing, or for one service.')
    .argument('[vendor]', 'aws, gcp or azure')
    .argument('[service]', 'a service id from that vendor\'s catalog, e.g. lambda')
    .option('--json', 'print JSON for machines')
    .action(async (vendor: string | undefined, service: string | undefined, options: { json?: boolean }) => {
      print(await runMatrix(vendor, service, { json: options.json === true }, colours));
    });

  program
    .command('explain')
    .description('Explain who owns a domain, check or service, why (with sources), and which checks cover it.')
    .argument('<subject>', 'a domain id (e.g. accounts-access), a check id, or a service id (e.g. lambda or aws:lambda)')
    .option('--json', 'print JSON for machines')
    .action(async (subject: string, options: { json?: boolean }) => {
      print(await runExplain(subject, { json: options.json === true }, colours));
    });

  program
    .command('permissions')
    .description('List the read-only permissions a scan needs per vendor (generated from the checks), the roles that cover them, and a least-privilege policy.')
    .argument('[vendor]', 'aws, gcp or azure (default all three)')
    .option('--json', 'print JSON for machines (includes the policy / custom role document)')
    .option('--markdown', 'print the Markdown of docs/guide/permissions.md')
    .action(async (vendor: string | undefined, options: { json?: boolean; markdown?: boolean }) => {
      print(await runPermissions(vendor, { json: options.json === true, markdown: options.markdown === true }, colours));
    });

  program
    .command('checks')
    .description('List every check a scan runs: id, severity, domain, level and compliance controls; --json adds operations, permissions, options and source file.')
    .option('-p, --provider <names...>', 'only these providers (comma-separated or repeated), e.g. aws or organization')
    .option('--json', 'print JSON for machines')
    .action(async (options: { provider?: string[]; json?: boolean }) => {
      const vendors = await loadAllVendors();
      const checks = [...ATTESTATION_CHECKS, ...vendors.flatMap((vendor) => vendor.checks)];
      const providers = (options.provider ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
      print(renderChecks(checks, { json: options.json === true, providers }, colours));
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.error;
    } else if (error instanceof CliError) {
      for (const line of error.message.split('\n')) io.stderr.write(`${errColours.red('error:')} ${line}\n`);
      io.stderr.write(`${error.hint}\n`);
      exitCode = EXIT.error;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr.write(`${errColours.red('error:')} ${message}\nRe-run with DEMARC_DEBUG=1 for the stack trace, and report it if it looks like a bug.\n`);
      if (io.env.DEMARC_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
      exitCode = EXIT.error;
    }
  }
  return exitCode;
}
