/**
 * What a partner page with one widget downloads: the autoloader (`dist/cdn/autoloader.js`, which
 * fetches only that widget's entry) against the all-widgets bundle (`dist/cdn/lindungi.js`), and
 * the widget's own entry for reference. Bytes on the wire (compressed as the server sends them)
 * until the widget shows content, in Chromium; one fresh browser context per page and widget.
 *
 *   npm run build && node bench/autoloader.mjs
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_OPERATOR, startServer } from '../build/server/main.js';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const WIDGETS = {
  'lindungi-hotline': 'hotline',
  'lindungi-rights-card': 'rights-card',
  'lindungi-stage-timeline': 'stage-timeline',
  'lindungi-report-form': 'report-form',
};
const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-bench-auto-'));
const server = await startServer({ port: 0, dataDir, dbFile: join(dataDir, 'db.sqlite'), operator: { ...DEMO_OPERATOR }, demo: true, log: () => undefined });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/** Bytes and requests until `tag` shows content on a page that loads `script`. */
async function measure(tag, script) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The partner's page itself, with the widget's content from this server's API.
  await page.route(`${server.url}/partner.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="id"><meta charset="utf-8"><title>Partner</title><${tag} api="${server.url}"></${tag}><script type="module" src="/dist/cdn/${script}"></script></html>`,
    }),
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  await page.goto(`${server.url}/partner.html`);
  await page.waitForFunction((t) => document.querySelector(t)?.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', tag, {
    timeout: 30_000,
  });
  await page.waitForLoadState('networkidle');
  await context.close();
  return { bytes, requests };
}

const rows = [];
try {
  for (const [tag, entry] of Object.entries(WIDGETS)) {
    const autoloaded = await measure(tag, 'autoloader.js');
    const all = await measure(tag, 'lindungi.js');
    const own = await measure(tag, `${entry}.js`);
    rows.push({
      widget: tag,
      'autoloader kB': (autoloaded.bytes / 1000).toFixed(1),
      'lindungi.js kB': (all.bytes / 1000).toFixed(1),
      [`own entry kB`]: (own.bytes / 1000).toFixed(1),
      'requests (auto / all / own)': `${autoloaded.requests} / ${all.requests} / ${own.requests}`,
    });
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log('One widget on a page, first visit, bytes on the wire (the page itself included):');
console.table(rows);
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/bench-autoloader.json', JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
