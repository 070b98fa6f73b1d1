/**
 * A tour of the normalized shared responsibility model: the baseline matrix, what the customer still
 * owns under SaaS, and what moves when a workload goes from IaaS to PaaS.
 *
 * Run: `pnpm demo` (or `tsx --conditions=@demarc/source examples/model-tour.ts`).
 */
import {
  BASELINE_MATRIX,
  DOMAINS,
  SERVICE_MODELS,
  compareResponsibilities,
  customerDuties,
  explain,
  type Party,
} from '@demarc/core';

const symbol: Record<Party, string> = { customer: 'C', shared: 'S', provider: 'P' };

console.log('Who owns what: C = customer, S = shared, P = provider\n');
console.log(`${'domain'.padEnd(26)}${SERVICE_MODELS.map((m) => m.id.padEnd(13)).join('')}`);
for (const domain of DOMAINS) {
  const row = SERVICE_MODELS.map((m) => symbol[BASELINE_MATRIX[domain.id][m.id].party].padEnd(13)).join('');
  console.log(`${domain.id.padEnd(26)}${row}`);
}

const saas = customerDuties('saas');
console.log('\n"With SaaS the vendor handles security"? Not quite. Under SaaS the customer still owns:');
for (const duty of saas.owned) console.log(`  - ${duty.domain}: ${duty.rationale}`);
console.log('…shares:');
for (const duty of saas.shared) console.log(`  - ${duty.domain} (${duty.sharedMode})`);
console.log('…and keeps every organisational measure:');
for (const measure of saas.measures) console.log(`  - ${measure.name}`);

console.log('\nMoving a workload from IaaS to PaaS hands these to the provider (or shares them):');
for (const change of compareResponsibilities('iaas', 'paas')) console.log(`  - ${change.domain}: ${change.from.party} → ${change.to.party}`);

const why = explain('client-endpoints', 'saas').answers[0]!;
console.log(`\nWhy are client endpoints the customer's under SaaS? ${why.rationale}`);
for (const citation of why.citations) console.log(`  ${citation.says}\n    — ${citation.document.publisher}, ${citation.document.url}`);
if (why.vendorNuance) console.log(`  Note: ${why.vendorNuance}`);
