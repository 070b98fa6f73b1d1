/**
 * One domain, three vendors' own words: how AWS, Google Cloud and Microsoft draw the line for network
 * controls, next to demarc's normalized answer. Each vendor package ships its framing as cited data.
 *
 * Run: `tsx --conditions=@demarc/source examples/framings-side-by-side.ts [domain]` (default network-controls).
 */
import { BASELINE_MATRIX, CLOUD_SERVICE_MODEL_IDS, toDomainId } from '@demarc/core';
import { AWS_FRAMING_ROWS, AWS_SERVICE_CATEGORIES } from '@demarc/aws';
import { GOOGLE_FRAMING } from '@demarc/gcp';
import { AZURE_FRAMING, AZURE_ROW_DOMAINS } from '@demarc/azure';

// toDomainId throws with the list of valid ids when the argument is not one.
const domain = toDomainId(process.argv[2] ?? 'network-controls');

console.log(`Domain: ${domain}\n`);
console.log(`demarc baseline: ${CLOUD_SERVICE_MODEL_IDS.map((m) => `${m} ${BASELINE_MATRIX[domain][m].party}`).join(' | ')}\n`);

console.log('AWS (security "of" vs "in" the cloud, by service category):');
for (const row of AWS_FRAMING_ROWS.filter((r) => r.domain === domain)) {
  const cells = AWS_SERVICE_CATEGORIES.map((c) => `${c.name}: ${row.cells[c.id]?.side ?? 'not stated'}`);
  console.log(`  "${row.label}" — ${cells.join('; ')}`);
}

console.log('\nGoogle Cloud (shared responsibility and shared fate):');
for (const row of GOOGLE_FRAMING.rows.filter((r) => r.domains.includes(domain))) {
  console.log(`  "${row.label}" — ${CLOUD_SERVICE_MODEL_IDS.map((m) => `${m}: ${row.cells[m].party}`).join('; ')}`);
}
for (const assist of GOOGLE_FRAMING.sharedFate[domain] ?? []) console.log(`  shared fate: ${assist.name} (${assist.kind}) — ${assist.helpsWith}`);

console.log(`\nMicrosoft Azure (${AZURE_FRAMING.current.title}):`);
for (const row of AZURE_FRAMING.current.rows.filter((r) => AZURE_ROW_DOMAINS[r.id] === domain)) {
  console.log(`  "${row.label}" — ${CLOUD_SERVICE_MODEL_IDS.map((m) => `${AZURE_FRAMING.current.columnLabels[m]}: ${row.cells[m]}`).join('; ')}`);
}
