/**
 * JUnit XML, for CI test reports: one test suite per check, one test case per resource. `fail` is a
 * failure, `error` an error, and `manual`, `skipped`, `muted` and `provider-managed` are skipped with the reason.
 * The output is valid against Jenkins' JUnit schema (dtkit `junit-4.xsd`), the strictest common reader:
 * `<skipped>` carries its reason as text (the schema gives it no attributes), and `<testsuites>` carries
 * only the attributes that schema allows (the timestamp and skipped count are on each `<testsuite>`).
 * @module
 */
import type { Finding } from '../findings/types';
import type { ScanResult } from '../runner/types';
import { collect } from './common';
import { TOOL_NAME } from '../version';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function testcase(f: Finding): string {
  const name = escapeXml(`${f.resource.provider}/${f.resource.scope}/${f.resource.id}`);
  const open = `    <testcase classname="${escapeXml(f.checkId)}" name="${name}">`;
  const message = escapeXml(f.message);
  switch (f.status) {
    case 'pass':
      return `    <testcase classname="${escapeXml(f.checkId)}" name="${name}"/>\n`;
    case 'fail':
      return `${open}<failure message="${message}" type="${f.severity}">${message}</failure></testcase>\n`;
    case 'error':
      return `${open}<error message="${message}" type="${escapeXml(f.error?.name ?? 'Error')}">${message}</error></testcase>\n`;
    default:
      return `${open}<skipped>${escapeXml(`${f.status}: ${f.providerManaged ?? f.mute?.reason ?? f.message}`)}</skipped></testcase>\n`;
  }
}

/** Writes the JUnit XML as chunks. */
export function* junitReportChunks(result: ScanResult): Generator<string> {
  const suites = new Map<string, Finding[]>();
  for (const f of result.findings) {
    let list = suites.get(f.checkId);
    if (!list) suites.set(f.checkId, (list = []));
    list.push(f);
  }
  const tally = (list: readonly Finding[]) => ({
    tests: list.length,
    failures: list.filter((f) => f.status === 'fail').length,
    errors: list.filter((f) => f.status === 'error').length,
    skipped: list.filter((f) => f.status !== 'pass' && f.status !== 'fail' && f.status !== 'error').length,
  });
  const all = tally(result.findings);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="${TOOL_NAME}" tests="${all.tests}" failures="${all.failures}" errors="${all.errors}">\n`;
  const timestamp = escapeXml(result.startedAt);
  for (const check of [...suites.keys()].sort()) {
    const list = suites.get(check)!;
    const t = tally(list);
    const counts = `tests="${t.tests}" failures="${t.failures}" errors="${t.errors}" skipped="${t.skipped}"`;
    yield `  <testsuite name="${escapeXml(check)}" ${counts} timestamp="${timestamp}">\n`;
    for (const f of list) yield testcase(f);
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}

/** The JUnit XML as one string. */
export function renderJunitReport(result: ScanResult): string {
  return collect(junitReportChunks(result));
}
