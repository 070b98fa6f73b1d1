/**
 * CSV, for spreadsheets: one row per finding, a fixed header, RFC 4180 quoting (csv-stringify, loaded
 * the first time a CSV is written).
 * @module
 */
import { csvStringify } from '../internal/lazy';
import type { Finding } from '../findings/types';
import type { ScanResult } from '../runner/types';

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'check_id', 'status', 'original_status', 'severity', 'domain', 'owner', 'service_model', 'provider', 'scope', 'region',
  'resource_id', 'resource_type', 'service', 'message', 'provider_managed', 'mute_reason', 'error',
] as const;

function row(f: Finding): string[] {
  const r = f.resource;
  return [
    f.checkId, f.status, f.originalStatus ?? '', f.severity, f.domain, f.owner ?? '', f.serviceModel ?? '', r.provider, r.scope, r.region ?? '',
    r.id, r.type ?? '', r.service ?? '', f.message, f.providerManaged ?? '', f.mute?.reason ?? '', f.error ? `${f.error.name}: ${f.error.message}` : '',
  ];
}

/** Writes the CSV as chunks: the header, then batches of rows. */
export function* csvReportChunks(result: ScanResult, batchSize = 10_000): Generator<string> {
  const { stringify } = csvStringify();
  yield stringify([[...CSV_COLUMNS]]);
  for (let i = 0; i < result.findings.length; i += batchSize) yield stringify(result.findings.slice(i, i + batchSize).map(row));
}

/** The CSV as one string. */
export function renderCsvReport(result: ScanResult): string {
  let out = '';
  for (const chunk of csvReportChunks(result)) out += chunk;
  return out;
}
