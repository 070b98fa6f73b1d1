/**
 * demarc's Node.js support statement and what follows from it at start-up.
 *
 * The AWS SDK for JavaScript warns on every Node below 22 that its releases from January 2027 will
 * require Node 22. demarc supports Node 20.19+ (the `engines` of its packages) and pins the SDK
 * versions it ships with, so on a supported Node 20 that warning is not about the user's setup: the
 * CLI turns it off there, and nowhere else (an older Node 20, which demarc does not support either,
 * still sees it). A value the user set, `false` included, is kept.
 * @module
 */

/** The Node.js versions demarc supports: the `engines` range of its packages. */
export const SUPPORTED_NODE_RANGE = '^20.19.0 || ^22.12.0 || >=24.0.0';

/** The environment variable the AWS SDK reads to skip its Node version warning. */
export const AWS_SDK_NODE_WARNING_VARIABLE = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/** True when `version` (as `process.version` gives it) is a Node 20 release demarc supports: 20.19 or later. */
export function isSupportedNode20(version: string): boolean {
  const match = /^v?(\d+)\.(\d+)\.\d+/.exec(version);
  return match !== null && Number(match[1]) === 20 && Number(match[2]) >= 19;
}

/**
 * Turns the AWS SDK's Node version warning off in `env` when `version` is a supported Node 20 and the
 * variable is not set; returns whether it did.
 * @example
 * ```ts
 * silenceAwsSdkNodeWarning(process.env, process.version); // at the top of the `demarc` executable
 * ```
 */
export function silenceAwsSdkNodeWarning(env: Record<string, string | undefined>, version: string): boolean {
  if (!isSupportedNode20(version) || env[AWS_SDK_NODE_WARNING_VARIABLE] !== undefined) return false;
  env[AWS_SDK_NODE_WARNING_VARIABLE] = 'true';
  return true;
}
