/**
 * `demarc explain <domain|check-id|service>`: who owns it, why (with sources), which checks cover it.
 * @module
 */
import { CLOUD_SERVICE_MODEL_IDS, DOMAIN_IDS, DOMAINS, customerDuties, explain, ownerOf, resolveCitation, type AnyCheck, type Citation, type DomainId, type ServiceCatalogEntry, type Source } from '@demarc/core';
import { CliError } from '../errors';
import { renderTable, type Palette } from '../output';
import { VENDOR_IDS, isVendorId, loadAllVendors, type VendorModule } from '../vendors';
import { nearestVendor } from '../provider-names';

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
  const worded = vendors.filter((vendor) => (vendor.domainWords[domain] ?? []).length > 0);
  if (worded.length > 0) lines.push('', 'In the vendors\' own words:');
  for (const vendor of worded) {
    lines.push(`  ${colours.bold(vendor.name)}`);
    for (const line of vendor.domainWords[domain] ?? []) lines.push(`    ${line}`);
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
    `Who owns ${meta.domain}: ${CLOUD_SERVICE_MODEL_IDS.map((model) => `${model} ${ownerOf(meta.domain, model)}`).join(', ')} (demarc explain ${meta.domain} says why).`,
    `Why: ${meta.rationale}`,
    `Fix: ${meta.remediation}`,
    ...meta.references.map((reference) => `See: ${reference}`),
  ];
  return lines.join('\n') + '\n';
};

/** A citation with its document's address, when the source is known (core's or the vendor's). */
const cited = (citation: Citation, sources: Readonly<Record<string, Source>>): string[] => {
  try {
    const resolved = resolveCitation(citation, sources);
    return [`  ${citation.says}`, `    ${resolved.document.publisher}, ${resolved.document.url}`];
  } catch {
    return [`  ${citation.says}`];
  }
};

/** Checks that look at a service: by its resource types, else by its provider and service model. */
const checksForService = (vendor: VendorModule, service: ServiceCatalogEntry): AnyCheck[] =>
  vendor.checks.filter((check) => {
    const types = check.meta.appliesTo?.resourceTypes;
    if (types) return types.some((type) => service.resourceTypes.includes(type));
    const models = check.meta.appliesTo?.serviceModels;
    return models !== undefined && models.includes(service.model);
  });

const renderService = (vendor: VendorModule, service: ServiceCatalogEntry, colours: Palette): string => {
  const lines = [`${colours.bold(`${vendor.name} — ${service.name}`)}: ${service.model}${service.variant ? ` / ${service.variant}` : ''}`];
  for (const citation of service.citations) lines.push(...cited(citation, vendor.sources));
  const overrides = Object.entries(service.overrides ?? {});
  lines.push('', overrides.length > 0 ? 'Where it differs from the baseline:' : `It follows the ${service.model} baseline in every domain.`);
  for (const [domain, override] of overrides) {
    if (!override) continue;
    lines.push(`  - ${domain}: ${override.party} — ${override.rationale}`);
    for (const citation of override.citations) lines.push(...cited(citation, vendor.sources).map((line) => `  ${line}`));
  }
  const duties = customerDuties(service);
  const name = (id: DomainId) => DOMAINS.find((d) => d.id === id)?.id ?? id;
  lines.push('', `You own: ${duties.owned.map((d) => name(d.domain)).join(', ')}.`);
  if (duties.shared.length > 0) lines.push(`You share: ${duties.shared.map((d) => `${name(d.domain)}${d.sharedMode ? ` (${d.sharedMode})` : ''}`).join(', ')}.`);
  const checks = checksForService(vendor, service);
  lines.push('', checks.length > 0 ? `Checks that look at it (${checks.length}):` : 'No shipped check looks at this service specifically (account-wide checks still apply).');
  for (const check of checks) lines.push(`  - ${check.meta.id}: ${check.meta.title}`);
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
  if (vendorPart !== undefined && !isVendorId(vendorPart)) {
    const near = nearestVendor(vendorPart);
    const hint = `${near ? `Did you mean '${near}:${servicePart}'? ` : ''}Vendors: ${VENDOR_IDS.join(', ')}.`;
    throw new CliError(`Unknown vendor '${vendorPart}' in '${subject}'.`, hint);
  }
  for (const vendor of vendors) {
    if (vendorPart && vendor.id !== vendorPart) continue;
    const service = vendor.catalog.find((entry) => entry.id === servicePart);
    if (service) return options.json ? JSON.stringify(service, null, 2) + '\n' : renderService(vendor, service, colours);
  }
  // Suggest what the user may have meant: services and checks whose id or name contains the term.
  const term = servicePart ?? key;
  const services = vendors.filter((vendor) => !vendorPart || vendor.id === vendorPart).flatMap((vendor) =>
    vendor.catalog.filter((entry) => entry.id.includes(term) || entry.name.toLowerCase().includes(term)).map((entry) => `${vendor.id}:${entry.id}`),
  );
  const checks = vendors
    .filter((vendor) => !vendorPart || vendor.id === vendorPart)
    .flatMap((vendor) => vendor.checks.map((c) => c.meta.id))
    .filter((id) => id.includes(term));
  const near = [...services, ...checks].slice(0, 12);
  throw new CliError(
    `Nothing called '${subject}': it is not a domain, a check id or a service.`,
    near.length > 0
      ? `Did you mean: ${near.join(', ')}?`
      : `Domains: ${DOMAIN_IDS.join(', ')}. Services and checks per vendor: \`demarc matrix <aws|gcp|azure>\` lists them.`,
  );
}
