/**
 * Builds the typedoc site, serves it on 127.0.0.1 and opens it in headless Chromium (Debian's
 * `chromium`, driven by playwright-core): the index, a guide page and a symbol page must render, and
 * navigation between them must work. A screenshot of each page is saved next to the built site.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const hasChromium = existsSync(CHROMIUM);
// Locally a missing browser skips the test with a hint; in CI (which installs Chromium) it must run.
if (!hasChromium && !process.env.CI) console.warn(`docs site test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

describe.skipIf(!hasChromium && !process.env.CI)('the docs site', () => {
  let site: string;
  let server: Server;
  let base: string;
  let browser: Browser;
  const screenshots = join(repoRoot, 'docs', 'site-screenshots');

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'demarc-docs-'));
    execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--out', site, '--logLevel', 'Error'], { cwd: repoRoot, stdio: 'pipe' });
    server = createServer((request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      let file = join(site, path);
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) return void response.writeHead(404).end('not found');
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(screenshots, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((resolve) => server.close(resolve));
  });

  it('renders the index, a guide page and a symbol page, with working navigation', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });

    await page.goto(`${base}/index.html`);
    await expect.poll(() => page.title()).toMatch(/demarc/);
    expect(await page.textContent('body')).toContain('shared responsibility model');
    await page.screenshot({ path: join(screenshots, 'index.png') });

    // The guide is reachable from the index's navigation.
    await page.click('text=Guide: concepts');
    await page.waitForURL(/documents\/Concepts\.html/);
    expect(await page.textContent('h1')).toMatch(/Concepts/);
    expect(await page.textContent('body')).toContain('accounts-access');
    await page.screenshot({ path: join(screenshots, 'guide.png') });

    // The CLI guide and the generated permissions page, through the toolbar links of a page below the
    // root (docs/theme/toolbar-links.js makes them relative to the page).
    await page.click('text=Guide: CLI');
    await page.waitForURL(/documents\/CLI\.html/);
    expect(await page.textContent('body')).toContain('demarc scan --demo');
    await page.click('text=Guide: permissions');
    await page.waitForURL(/documents\/Permissions\.html/);
    expect(await page.textContent('body')).toContain('iam:ListUsers');
    await page.screenshot({ path: join(screenshots, 'permissions.png') });

    // A symbol page, reached through the site's own search index rather than a guessed path.
    await page.goto(`${base}/modules.html`);
    await page.click('a:has-text("@demarc/core")');
    await page.click('a:has-text("ownerOf")');
    await page.waitForURL(/ownerOf/);
    expect(await page.textContent('body')).toContain('The party that carries');
    await page.screenshot({ path: join(screenshots, 'symbol.png') });

    expect(failed).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
