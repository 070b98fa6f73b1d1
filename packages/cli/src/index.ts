/**
 * `@demarc/cli`: the `demarc` command line (`scan`, `matrix`, `explain`), also callable in-process.
 * @packageDocumentation
 */
export { runCli, CLI_VERSION } from './main';
export { EXIT, CliError } from './errors';
export type { Io } from './output';
export { VENDOR_IDS, type VendorId, type VendorModule, type FramingView } from './vendors';
