#!/usr/bin/env node
// The `demarc` executable. Everything but the exit code lives in ./main so it can be tested in-process too.
import { runCli } from './main';
import { silenceAwsSdkNodeWarning } from './node-support';

// demarc supports Node 20.19+: the AWS SDK's "will require node >=22" warning is not for its users there.
silenceAwsSdkNodeWarning(process.env, process.version);

// `demarc scan --demo | head` closes stdout early: that is the reader's choice, not an error to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// The last resort: no exception may escape the CLI as a stack trace. A vendor SDK that rejects a
// promise nobody awaits (or throws from a timer) ends the run with one line and exit code 2; the
// stack only with DEMARC_DEBUG=1. Each such escape is a bug to fix where it starts.
const onEscaped = (error: unknown): void => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: unexpected failure outside the scan: ${message.split('\n')[0]}\nRe-run with DEMARC_DEBUG=1 for the stack trace, and report it: it is a bug.\n`);
  if (process.env.DEMARC_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(2);
};
process.on('unhandledRejection', onEscaped);
process.on('uncaughtException', onEscaped);

// google-auth-library warns (MetadataLookupWarning) when its probe of the metadata server fails, at a
// moment of its own, after the scan's error line has already said the metadata server was tried.
// Node's printing of every other warning is kept.
const printWarning = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'MetadataLookupWarning') for (const print of printWarning) print(warning);
});

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
