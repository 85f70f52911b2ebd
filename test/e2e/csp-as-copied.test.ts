import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';

/**
 * The README's Content-Security-Policy, copied exactly as written, on a partner's page on one
 * origin, with the bundle and the API on another (as most partners host them), and the partner's
 * own Lit app beside the widgets.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Content-Security-Policy'));
const README_POLICY = /```http\nContent-Security-Policy: (.+)\n```/.exec(section)?.[1];

const TAGS = ['lindungi-hotline', 'lindungi-rights-card', 'lindungi-stage-timeline', 'lindungi-report-form'];

describe("the README's Content-Security-Policy, as a partner copies it", () => {
  let api: TestServer;
  let site: Server;
  let siteUrl: string;
  let browser: Browser;
  let partnerApp: string;
  /** The policy the partner's page is served with, per request. */
  let policy = '';

  before(async () => {
    site = createServer((req, res) => {
      if (req.url === '/partner-app.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        res.end(partnerApp);
        return;
      }
      const cdn = `${api.url}/dist/cdn`;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy });
      res.end(`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Partner</title>
        <script type="module" src="${cdn}/lindungi.js"></script>
        <link rel="modulepreload" href="${cdn}/chunks/lindungi.content.js">
        <link rel="modulepreload" href="${cdn}/locales/lindungi.id.js">
        <link rel="preload" as="fetch" crossorigin="anonymous" href="${api.url}/v1/content/ID-KH?locale=id">
        <script type="module" src="/partner-app.js"></script>
        </head><body><main>
        <partner-app></partner-app>
        ${TAGS.map((tag) => `<${tag} api="${api.url}"${tag === 'lindungi-stage-timeline' ? ' timeline="agreement-id-kh"' : ''}></${tag}>`).join('\n')}
        </main></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // The API allows the partner's page, as its operator sets LINDUNGI_CORS_ORIGINS.
    api = await startTestServer({ corsOrigins: [siteUrl] });
    assert.notEqual(new URL(api.url).origin, siteUrl);
    // The partner's own app, with its own copy of Lit, bundled the way a partner's build would.
    const bundle = await build({
      stdin: {
        contents: `import { LitElement, html } from 'lit';
          customElements.define('partner-app', class extends LitElement { render() { return html\`<p>Partner app \${'running'}</p>\`; } });`,
        resolveDir: new URL('../..', import.meta.url).pathname,
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    partnerApp = bundle.outputFiles[0]!.text;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    site?.close();
    await api?.dispose();
  });

  /** The page under `withPolicy`: what each widget and the partner's app showed, and what the browser refused. */
  async function load(withPolicy: string) {
    policy = withPolicy;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { violations: seen });
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await page.goto(siteUrl);
    await page
      .waitForFunction(
        (tags) => tags.every((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false'),
        TAGS,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    await page.waitForLoadState('networkidle');
    // (No named functions inside: the test's compiler would wrap them in a helper the page lacks.)
    const state = await page.evaluate(
      (tags) => ({
        shown: tags.filter(
          (tag) =>
            document.querySelector(tag)?.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false' &&
            !document.querySelector(tag)?.shadowRoot?.querySelector('[part="error"]'),
        ),
        helpLinks: document.querySelector('lindungi-hotline')?.shadowRoot?.querySelectorAll('a[href^="tel:"]').length ?? 0,
        formReady: !!document.querySelector('lindungi-report-form')?.shadowRoot?.querySelector('[part="continue"]'),
        partnerApp: document.querySelector('partner-app')?.shadowRoot?.textContent?.trim() ?? '',
        violations: (window as unknown as { violations: string[] }).violations,
      }),
      TAGS,
    );
    await page.close();
    return { ...state, errors };
  }

  const copied = () => README_POLICY!.replaceAll('https://YOUR-CDN', new URL(api.url).origin).replaceAll('https://YOUR-API', new URL(api.url).origin);

  it('is in the README, with the two origins to fill in', () => {
    assert.ok(README_POLICY, 'a ```http block with the policy in the Content-Security-Policy section');
    assert.match(README_POLICY, /script-src [^;]*https:\/\/YOUR-CDN/);
    assert.match(README_POLICY, /connect-src [^;]*https:\/\/YOUR-API/);
    assert.match(README_POLICY, /trusted-types lit-html 'allow-duplicates'/);
  });

  it('lets every widget and the report form work, and the partner’s own Lit app beside them, with nothing refused', async () => {
    const result = await load(copied());
    assert.deepEqual(result.violations, []);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.shown, TAGS, 'every widget shows its content, none an error');
    assert.ok(result.helpLinks > 0, 'the hotline has its call links');
    assert.equal(result.formReady, true, 'the report form shows its first step');
    assert.equal(result.partnerApp, 'Partner app running');
  });

  it("without 'allow-duplicates' the Lit copy loaded second — the partner's own app — cannot start, as the README warns", async () => {
    const result = await load(copied().replace(" 'allow-duplicates'", ''));
    assert.equal(result.partnerApp, '', 'the partner app rendered');
    assert.ok(
      result.errors.some((e) => /Policy with name "lit-html" already exists/.test(e)),
      `the error the README quotes: ${result.errors.join(' | ')}`,
    );
    assert.deepEqual(result.shown, TAGS, 'the widgets, loaded first, still work');
  });

  it('without the API in connect-src (the policy before it named one) the widgets cannot read their content', async () => {
    const result = await load(copied().replace(/connect-src [^;]*;/, "connect-src 'self';"));
    assert.ok(
      result.violations.some((v) => v.startsWith('connect-src')),
      `refused: ${result.violations.join(', ')}`,
    );
    assert.notDeepEqual(result.shown, TAGS);
  });
});
