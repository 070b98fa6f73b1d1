/**
 * `demarc matrix [vendor] [service]`: the responsibility matrix, normalized and in the vendor's words.
 * @module
 */
import { BASELINE_MATRIX, DOMAINS, SERVICE_MODELS, responsibilityOf, type Party, type ServiceCatalogEntry } from '@demarc/core';
import { CliError } from '../errors';
import { unknownVendorHint } from '../provider-names';
import { renderTable, type Palette } from '../output';
import { VENDOR_IDS, isVendorId, loadVendor, type FramingView } from '../vendors';

const PARTY_LABEL: Record<Party, string> = { customer: 'customer', shared: 'shared', provider: 'provider' };

/** The normalized baseline as JSON-ready rows. */
export const baselineRows = () =>
  DOMAINS.map((domain) => ({
    domain: domain.id,
    name: domain.name,
    ...Object.fromEntries(SERVICE_MODELS.map((model) => [model.id, BASELINE_MATRIX[domain.id][model.id].party])),
  }));

/** One service's responsibilities per domain, with overrides marked. */
export const serviceRows = (service: ServiceCatalogEntry) =>
  DOMAINS.map((domain) => {
    const answer = responsibilityOf(domain.id, service);
    return { domain: domain.id, party: answer.party, sharedMode: answer.sharedMode, overridden: answer.overridden, rationale: answer.rationale };
  });

const colourParty = (party: string, colours: Palette): string =>
  party === 'customer' ? colours.yellow(party) : party === 'shared' ? colours.cyan(party) : colours.dim(party);

/** Renders the normalized baseline. */
export function renderBaseline(colours: Palette): string {
  const rows = DOMAINS.map((domain) => [domain.id, ...SERVICE_MODELS.map((model) => PARTY_LABEL[BASELINE_MATRIX[domain.id][model.id].party])]);
  const table = renderTable(['domain', ...SERVICE_MODELS.map((m) => m.id)], rows);
  return `${colours.bold('The normalized shared responsibility model')} (demarc baseline)\n\n${table.replace(/\b(customer|shared|provider)\b/g, (party) => colourParty(party, colours))}`;
}

const renderFraming = (framing: FramingView, colours: Palette): string => {
  const rows = framing.rows.map((row) => [row.group ?? '', row.label, ...row.cells]);
  const hasGroups = framing.rows.some((row) => row.group);
  const table = hasGroups ? renderTable(['group', 'row', ...framing.columns], rows) : renderTable(['row', ...framing.columns], rows.map((row) => row.slice(1)));
  const notes = (framing.notes ?? []).map((note) => `${colours.dim(note)}\n`).join('');
  const sources = framing.sources.length > 0 ? `Sources: ${framing.sources.join(', ')}\n` : '';
  return `${colours.bold(framing.title)}\n${framing.summary}\n\n${table}${notes}${sources}`;
};

/** Options of {@link runMatrix}. */
export interface MatrixOptions {
  /** Print JSON instead of tables. */
  readonly json: boolean;
}

/** Runs `demarc matrix`, returning what to print. */
export async function runMatrix(vendorId: string | undefined, serviceId: string | undefined, options: MatrixOptions, colours: Palette): Promise<string> {
  if (vendorId === undefined) return options.json ? JSON.stringify({ baseline: baselineRows() }, null, 2) + '\n' : renderBaseline(colours);
  if (!isVendorId(vendorId)) {
    const known = `Use one of: ${VENDOR_IDS.join(', ')} (or no vendor for the normalized model).`;
    throw new CliError(`Unknown vendor '${vendorId}'.`, unknownVendorHint(vendorId, known));
  }
  const vendor = await loadVendor(vendorId);
  if (serviceId === undefined) {
    if (options.json) return JSON.stringify({ vendor: vendor.id, framings: vendor.framings, baseline: baselineRows() }, null, 2) + '\n';
    const catalog = `${colours.bold(`${vendor.name} services`)} (demarc matrix ${vendor.id} <service>): ${vendor.catalog.map((entry) => entry.id).join(', ')}\n`;
    const checks = vendor.checks.length > 0 ? `${colours.bold(`${vendor.name} checks`)} (demarc explain <check>): ${vendor.checks.map((check) => check.meta.id).join(', ')}\n` : '';
    return [...vendor.framings.map((framing) => renderFraming(framing, colours)), renderBaseline(colours), catalog + checks].join('\n');
  }
  const service = vendor.catalog.find((entry) => entry.id === serviceId.toLowerCase());
  if (!service) {
    throw new CliError(
      `Unknown ${vendor.name} service '${serviceId}'.`,
      `Known services: ${vendor.catalog.map((entry) => entry.id).join(', ')}.`,
    );
  }
  const rows = serviceRows(service);
  if (options.json) return JSON.stringify({ vendor: vendor.id, service: { id: service.id, name: service.name, model: service.model, variant: service.variant }, responsibilities: rows }, null, 2) + '\n';
  const table = renderTable(
    ['domain', 'party', 'why'],
    rows.map((row) => [row.domain, `${row.party}${row.sharedMode ? ` (${row.sharedMode})` : ''}${row.overridden ? ' *' : ''}`, row.rationale]),
  );
  return `${colours.bold(`${vendor.name} — ${service.name}`)}: ${service.model}${service.variant ? ` / ${service.variant}` : ''}\n\n${table}\n* differs from the ${service.model} baseline for this service.\n`;
}
