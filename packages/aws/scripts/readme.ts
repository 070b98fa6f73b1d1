/**
 * Regenerates the generated parts of README.md (the check table and the least-privilege policy) from
 * the code. `src/readme.test.ts` fails when they drift. Run:
 *   cd packages/aws && node --conditions=@demarc/source --import tsx scripts/readme.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { AWS_CATALOG, AWS_CHECKS, leastPrivilegePolicy } from '@demarc/aws';

const path = new URL('../README.md', import.meta.url);
let readme = readFileSync(path, 'utf8');
const table = ['| id | title | domain | level | severity |', '|---|---|---|---|---|', ...AWS_CHECKS.map((c) => `| \`${c.meta.id}\` | ${c.meta.title} | ${c.meta.domain} | ${c.meta.level ?? 'scope'} | ${c.meta.severity} |`)].join('\n');
const policy = JSON.stringify(leastPrivilegePolicy(AWS_CHECKS.map((c) => c.meta)), null, 2);
readme = readme.replace(/<!-- checks:start -->[\s\S]*?<!-- checks:end -->/, `<!-- checks:start -->\n${table}\n<!-- checks:end -->`);
readme = readme.replace(/<!-- least-privilege-policy:start -->[\s\S]*?<!-- least-privilege-policy:end -->/, `<!-- least-privilege-policy:start -->\n\`\`\`json\n${policy}\n\`\`\`\n<!-- least-privilege-policy:end -->`);
readme = readme.replace(/holds \d+ services/, `holds ${AWS_CATALOG.length} services`);
writeFileSync(path, readme);
