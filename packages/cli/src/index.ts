/**
 * `@demarc/cli`: the `demarc` command line (`scan`, `merge`, `matrix`, `explain`, `permissions`), also
 * callable in-process. See the CLI guide for every option, the config file and the exit codes.
 *
 * @example
 * ```ts
 * import { runCli, EXIT } from '@demarc/cli';
 * const code = await runCli(['scan', '--demo', '--format', 'sarif', '--out', 'demarc.sarif', '--fail-on', 'high']);
 * if (code === EXIT.findings) console.log('high findings: see demarc.sarif');
 * ```
 * @packageDocumentation
 */
export { runCli, CLI_VERSION } from './main';
export { EXIT, CliError } from './errors';
export { decideExit, discoveryFailureLines, type ExitDecision, type Gate } from './exit';
export type { Io } from './output';
export { VENDOR_IDS, VENDOR_PACKAGES, type VendorId, type VendorModule, type FramingView } from './vendors';
export { FORMATS, parseFormat, type Format } from './formats';
export { CONFIG_FILE_NAMES, loadConfig, type LoadedConfig } from './config';
export { allVendorPermissions, vendorPermissions, renderPermissionsMarkdown, type VendorPermissions } from './commands/permissions';
