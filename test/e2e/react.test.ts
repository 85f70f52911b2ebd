import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';

// The React wrappers (`lindungi/react/*`, built into dist/) in a React 19 app bundled the way a
// partner's build would, in Chromium, against the real API.
describe('React wrappers (lindungi/react)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));

  before(async () => {
    server = await startTestServer();
    const bundle = await build({
      entryPoints: [new URL('../react/app.tsx', import.meta.url).pathname],
      bundle: true,
      format: 'esm',
      write: false,
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0].text;
    browser = await launchChromium();
    page = await browser.newPage();
    await page.route(`${server.url}/react/**`, (route) =>
      route.request().url().endsWith('/app.js')
        ? route.fulfill({ contentType: 'text/javascript', body: script })
        : route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><html lang="en"><title>React app</title><div id="root"></div><script type="module" src="/react/app.js"></script></html>',
          }),
    );
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/react/`);
    await page.waitForFunction(
      () =>
        ['lindungi-hotline', 'lindungi-rights-card', 'lindungi-stage-timeline', 'lindungi-report-form'].every(
          (tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false',
        ),
      undefined,
      { timeout: 15_000 },
    );
    assert.deepEqual(errors, []);
  });

  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('wraps every element of the Custom Elements Manifest, with a callback for each of its events', async () => {
    const wrapped: Record<string, Record<string, string>> = await page.evaluate(() => window.wrapperEvents);
    const elements = manifest.modules
      .flatMap((m: { declarations?: { tagName?: string; events?: { name: string }[] }[] }) => m.declarations ?? [])
      .filter((d: { tagName?: string }) => d.tagName);
    assert.deepEqual(Object.keys(wrapped).sort(), elements.map((d: { tagName: string }) => d.tagName).sort(), 'one wrapper per element');
    for (const element of elements) {
      const events = (element.events ?? []).map((e: { name: string }) => e.name).sort();
      assert.deepEqual(Object.values(wrapped[element.tagName]).sort(), events, `${element.tagName}: every event has a callback`);
      for (const [prop, name] of Object.entries(wrapped[element.tagName])) {
        // lindungi-stage-toggle → onLindungiStageToggle
        assert.equal(
          prop,
          `on${name
            .split('-')
            .map((w) => w[0].toUpperCase() + w.slice(1))
            .join('')}`,
        );
      }
    }
  });

  it('passes props as properties: objects, numbers and booleans reach the elements', async () => {
    const state = await page.evaluate(() => {
      const card = document.querySelector('lindungi-rights-card')!;
      const timeline = document.querySelector('lindungi-stage-timeline')!;
      return {
        cardHeading: card.shadowRoot!.querySelector('[part="heading"]')?.getAttribute('aria-level'),
        stages: [...timeline.shadowRoot!.querySelectorAll('[part~="stage"], li')].length,
        topic: (card as unknown as { topic: string }).topic,
      };
    });
    assert.equal(state.cardHeading, '3', 'headingLevel={3}');
    assert.equal(state.topic, 'keep-documents');
    assert.ok(state.stages >= 2, 'stages={[…]} was set as a property');
  });

  it('delivers each widget’s events to its React callback', async () => {
    await page.click('#open-hotline');
    await page.waitForFunction(() => document.querySelector('lindungi-hotline')!.shadowRoot!.querySelector('dialog')?.open === true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('lindungi-hotline')!.shadowRoot!.querySelector('dialog')?.open === false);
    await page.locator('lindungi-rights-card').locator('[part="toggle"]').first().click();
    await page.locator('lindungi-rights-card').locator('[part="need-help"]').first().click();
    await page.locator('lindungi-stage-timeline').locator('[part="toggle"]').first().click();
    await page.locator('lindungi-report-form').locator('[part="continue"]').click();
    const received: string[] = await page.evaluate(() => window.received);
    assert.deepEqual(received, ['show true', 'need-help keep-documents call', 'toggle b true', 'invalid inDanger']);
  });
});
