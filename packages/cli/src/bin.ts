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

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
