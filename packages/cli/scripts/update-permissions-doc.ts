/**
 * Rewrites the generated block of docs/guide/permissions.md from the providers' check metadata.
 * Run after adding or changing a check: `npx tsx --conditions=@demarc/source packages/cli/scripts/update-permissions-doc.ts`. A test fails while the page is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allVendorPermissions, renderPermissionsMarkdown } from '../src/commands/permissions';

const page = fileURLToPath(new URL('../../../docs/guide/permissions.md', import.meta.url));
const text = readFileSync(page, 'utf8');
const start = '<!-- permissions:start -->\n';
const end = '<!-- permissions:end -->';
const from = text.indexOf(start);
const to = text.indexOf(end);
if (from < 0 || to < from) throw new Error(`${page}: the markers ${start.trim()} and ${end} are missing`);
const updated = text.slice(0, from + start.length) + renderPermissionsMarkdown(await allVendorPermissions()) + text.slice(to);
writeFileSync(page, updated);
console.log(updated === text ? `${page} is up to date.` : `${page} updated.`);
