#!/usr/bin/env node
// The `demarc` executable. Everything but the exit code lives in ./main so it can be tested in-process too.
import { runCli } from './main';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
