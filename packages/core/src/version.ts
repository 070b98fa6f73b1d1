/**
 * The tool's identity, at the bottom of core's layers: the runner (shard keys) and every report read
 * it, so it cannot live with the reports.
 * @module
 */

/** The tool name reports carry. */
export const TOOL_NAME = 'demarc';
/** The version reports carry (kept in step with package.json by a test). */
export const TOOL_VERSION = '0.1.0';
/** The project's address, for reports that link to the tool. */
export const TOOL_URI = 'https://github.com/demarc-dev/demarc';
