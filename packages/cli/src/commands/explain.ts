/**
 * `demarc explain <domain|check-id|service>`: who owns it, why (with sources), which checks cover it.
 * @module
 */
import { DOMAIN_IDS, explain, type AnyCheck, type DomainId, type ServiceCatalogEntry } from '@demarc/core';
import { CliError } from '../errors';
import { renderTable, type Palette } from '../output';
import { loadAllVendors, type VendorModule } from '../vendors';

const checksFor = (vendors: readonly VendorModule[], domain: DomainId): AnyCheck[] =>
  vendors.flatMap((vendor) => vendor.checks).filter((check) => check.meta.domain === domain);

const renderDomain = (domain: DomainId, vendors: readonly VendorModule[], colours: Palette): string => {
  const explanation = explain(domain);
  const lines = [`${colours.bold(explanation.name)} (${domain}): ${explanation.scope}`, ''];
  for (const answer of explanation.answers) {
    lines.push(`${colours.bold(answer.model)}: ${answer.party}${answer.sharedMode ? ` (${answer.sharedMode})` : ''} — ${answer.rationale}`);
    for (const citation of answer.citations) lines.push(`    ${citation.says}`, `      ${colours.dim(`${citation.document.publisher}, ${citation.document.url}`)}`);
    if (answer.vendorNuance) lines.push(`    Note: ${answer.vendorNuance}`);
  }
  if (explanation.measures.length > 0) {
    lines.push('', 'Organisational measures in this domain (the customer\'s in every model):');
    for (const measure of explanation.measures) lines.push(`  - ${measure.id}: ${measure.description}`);
  }
  const checks = checksFor(vendors, domain);
  lines.push('', checks.length > 0 ? `Checks that verify it (${checks.length}):` : 'No shipped check verifies this domain yet.');
  for (const check of checks) lines.push(`  - ${check.meta.id}: ${check.meta.title}`);
  return lines.join('\n') + '\n';
};

const renderCheck = (check: AnyCheck, colours: Palette): string => {
  const meta = check.meta;
  const lines = [
    `${colours.bold(meta.id)}: ${meta.title}`,
    '',
    meta.description,
    '',
    renderTable(['field', 'value'], [
      ['domain', meta.domain],
      ['severity', meta.severity],
      ['kind', meta.kind],
      ['provider', meta.provider ?? '(any)'],
    ]).trimEnd(),
    '',
    `Why: ${meta.rationale}`,
    `Fix: ${meta.remediation}`,
    ...meta.references.map((reference) => `See: ${reference}`),
  ];
  return lines.join('\n') + '\n';
};

const renderService = (vendor: VendorModule, service: ServiceCatalogEntry, colours: Palette): string => {
  const lines = [`${colours.bold(`${vendor.name} — ${service.name}`)}: ${service.model}${service.variant ? ` / ${service.variant}` : ''}`];
  for (const citation of service.citations) lines.push(`  ${citation.says}`);
  const overrides = Object.entries(service.overrides ?? {});
  lines.push('', overrides.length > 0 ? 'Where it differs from the baseline:' : `It follows the ${service.model} baseline in every domain.`);
  for (const [domain, override] of overrides) if (override) lines.push(`  - ${domain}: ${override.party} — ${override.rationale}`);
  lines.push('', `Run \`demarc matrix ${vendor.id} ${service.id}\` for every domain.`);
  return lines.join('\n') + '\n';
};

/** Runs `demarc explain`, returning what to print. */
export async function runExplain(subject: string, options: { readonly json: boolean }, colours: Palette): Promise<string> {
  const vendors = await loadAllVendors();
  const key = subject.toLowerCase();
  if ((DOMAIN_IDS as readonly string[]).includes(key)) {
    const domain = key as DomainId;
    if (options.json) return JSON.stringify({ ...explain(domain), checks: checksFor(vendors, domain).map((check) => check.meta) }, null, 2) + '\n';
    return renderDomain(domain, vendors, colours);
  }
  const check = vendors.flatMap((vendor) => vendor.checks).find((candidate) => candidate.meta.id === key);
  if (check) return options.json ? JSON.stringify(check.meta, null, 2) + '\n' : renderCheck(check, colours);
  const [vendorPart, servicePart] = key.includes(':') ? key.split(':', 2) : [undefined, key];
  for (const vendor of vendors) {
    if (vendorPart && vendor.id !== vendorPart) continue;
    const service = vendor.catalog.find((entry) => entry.id === servicePart);
    if (service) return options.json ? JSON.stringify(service, null, 2) + '\n' : renderService(vendor, service, colours);
  }
  throw new CliError(
    `Nothing called '${subject}': it is not a domain, a check id or a service.`,
    `Domains: ${DOMAIN_IDS.join(', ')}. List checks and services with \`demarc matrix <vendor>\`.`,
  );
}
