import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The README's Eleventy setup, word for word: a shortcode that renders a widget with lindungi/ssr. */
function readmeConfig(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```js\n(\/\/ eleventy\.config\.mjs[\s\S]*?)```/.exec(readme);
  assert.ok(block, 'the README shows an eleventy.config.mjs');
  return block[1]!;
}

/**
 * A partner's site built with Eleventy (3.x, on Node 20) from the installed package: the widgets
 * rendered into the pages at build time, loaded in Chromium with JavaScript off and then with the
 * script tag, which takes them over.
 */
describe('a partner site built with Eleventy', () => {
  const site = mkdtempSync(join(tmpdir(), 'lindungi-eleventy-'));
  let server: Server;
  let origin: string;
  let chromium: Browser;

  before(async () => {
    // The package as a partner's `npm install lindungi` leaves it: node_modules/lindungi.
    mkdirSync(join(site, 'node_modules'));
    symlinkSync(ROOT, join(site, 'node_modules', 'lindungi'), 'dir');
    writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'partner-site', private: true, type: 'module' }));
    writeFileSync(join(site, 'eleventy.config.mjs'), readmeConfig());
    mkdirSync(join(site, 'src'));
    writeFileSync(
      join(site, 'src', 'index.liquid'),
      `---
permalink: index.html
---
<!doctype html>
<html lang="km">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Partner</title>
    <script type="module" src="/dist/cdn/lindungi.js"></script>
  </head>
  <body>
    <h1>ពលករចំណាកស្រុកនៅកម្ពុជា</h1>
    {% lindungi "hotline", "km" %}
    {% lindungi "stage-timeline", "km", "timeline=agreement-id-kh" %}
  </body>
</html>
`,
    );
    // Eleventy ships no types; its programmatic API is this constructor and write().
    const specifier = '@11ty/eleventy';
    const { default: Eleventy } = (await import(specifier)) as {
      default: new (input: string, output: string, options: object) => { write(): Promise<unknown> };
    };
    const previous = process.cwd();
    process.chdir(site);
    try {
      await new Eleventy('src', '_site', { quietMode: true, configPath: 'eleventy.config.mjs' }).write();
    } finally {
      process.chdir(previous);
    }
    // The partner's web server: the built pages, and the package's CDN folder beside them.
    const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://site').pathname;
      const file = path.startsWith('/dist/cdn/') ? join(ROOT, normalize(path)) : join(site, '_site', path.endsWith('/') ? `${path}index.html` : path);
      let body: Buffer;
      try {
        body = readFileSync(file);
      } catch {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    chromium = await launchChromium();
  });

  after(async () => {
    await chromium?.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(site, { recursive: true, force: true });
  });

  const read = () =>
    [...document.querySelectorAll('lindungi-hotline, lindungi-stage-timeline')].map((el) => ({
      tag: el.localName,
      lang: el.shadowRoot?.querySelector('[part="base"]')?.getAttribute('lang') ?? null,
      heading: el.shadowRoot?.querySelector('[part="heading"]')?.textContent?.trim() ?? '',
      tel: !!el.shadowRoot?.querySelector('a[href="tel:117"]')?.getBoundingClientRect().height,
      styles: el.shadowRoot?.querySelectorAll('style').length ?? 0,
    }));

  it('writes the widgets into the built page, readable in Khmer with JavaScript off', async () => {
    const html = readFileSync(join(site, '_site', 'index.html'), 'utf8');
    assert.match(html, /<lindungi-hotline lang="km"[^>]*><template shadowroot="open" shadowrootmode="open">/);
    const context = await chromium.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const widgets = await page.evaluate(read);
      assert.equal(widgets.length, 2);
      for (const w of widgets) assert.equal(w.lang, 'km', w.tag);
      assert.equal(widgets[0]!.heading, 'ទាក់ទងអ្នកណាដើម្បីសុំជំនួយ');
      assert.ok(widgets[0]!.tel, 'the help number is laid out');
      assert.ok(widgets[1]!.heading.length > 0);
    } finally {
      await context.close();
    }
  });

  it('is taken over by the script tag with nothing lost', async () => {
    const context = await chromium.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${origin}/`);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('lindungi-hotline, lindungi-stage-timeline')].every((el) => !el.shadowRoot?.querySelector('style')),
      );
      const widgets = await page.evaluate(read);
      assert.equal(widgets[0]!.heading, 'ទាក់ទងអ្នកណាដើម្បីសុំជំនួយ');
      assert.ok(widgets[0]!.tel);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
