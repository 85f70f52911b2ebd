import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { DEMO_OPERATOR, startServer } from '../../build/server/main.js';
import { launchChromium } from '../support/browser.js';

/**
 * What a page with the widgets waits for, request by request: the script tag alone, and the
 * documented snippet with its preload list. On a 2-second round trip each level of requests the
 * browser finds only after the one before costs 2 seconds.
 */
describe('the critical path of the CDN build', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-critical-'));
  const WIDGETS = `<lindungi-hotline api="/"></lindungi-hotline><lindungi-report-form api="/"></lindungi-report-form>`;

  before(async () => {
    server = await startServer({ port: 0, dataDir, dbFile: join(dataDir, 'db.sqlite'), operator: { ...DEMO_OPERATOR }, demo: true, log: () => undefined });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The page served as `html` at /critical.html; every response of the reference server held back `holdMs`. */
  async function open(
    html: string,
    holdMs: number,
  ): Promise<{ page: Page; sent: Map<string, number>; sentAt: Map<string, number>; answered: Map<string, number>; close: () => Promise<void> }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = Date.now();
    const sent = new Map<string, number>();
    const sentAt = new Map<string, number>();
    const answered = new Map<string, number>();
    const path = (url: string) => new URL(url).pathname;
    // Counted, not rewritten: the browser sees the server's own answers, one round trip late.
    await page.route('**/*', async (route) => {
      const name = path(route.request().url());
      sent.set(name, (sent.get(name) ?? 0) + 1);
      if (!sentAt.has(name)) sentAt.set(name, Date.now() - started);
      if (name === '/critical.html') return route.fulfill({ contentType: 'text/html', body: html });
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, holdMs));
      answered.set(name, Date.now() - started);
      return route.fulfill({ response });
    });
    await page.goto(`${server.url}/critical.html`);
    return { page, sent, sentAt, answered, close: () => context.close() };
  }

  const helpReadable = (page: Page) =>
    page.waitForFunction(() => !!document.querySelector('lindungi-hotline')?.shadowRoot?.querySelector('a[href^="tel:"]'), null, { timeout: 20_000 });

  it('sends the content and operator requests with the first lazy code, not after it', async () => {
    const { page, sent, sentAt, answered, close } = await open(
      `<!doctype html><html lang="id"><script type="module" src="/dist/cdn/lindungi.js"></script>${WIDGETS}</html>`,
      400,
    );
    try {
      await helpReadable(page);
      await page.waitForFunction(
        () => document.querySelector('lindungi-report-form')?.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false',
      );
      assert.equal(sent.get('/v1/content/ID-KH'), 1, 'one content request');
      assert.equal(sent.get('/v1/operator'), 1, 'one operator request');
      // Sent while the code that reads them is still on its way.
      assert.ok(sentAt.get('/v1/content/ID-KH')! < answered.get('/dist/cdn/chunks/lindungi.content.js')!, 'the content is asked for before its reader arrives');
      assert.ok(sentAt.get('/v1/operator')! < answered.get('/dist/cdn/chunks/lindungi.reports.js')!, 'the operator is asked for before the form arrives');
      const lazy = [...sent.keys()].filter((p) => p.startsWith('/dist/cdn/') && p !== '/dist/cdn/lindungi.js');
      // HTTP/1.1 opens six connections to an origin: every file past them waits a round trip more.
      assert.ok(lazy.length <= 4, `at most four lazy files for two widgets: ${lazy.join(', ')}`);
      for (const file of lazy) assert.equal(sent.get(file), 1, `${file} requested once`);
      // A page in Indonesian downloads no other language's strings.
      assert.deepEqual(
        lazy.filter((f) => f.includes('/locales/') && !/\.id[.-]/.test(f)),
        [],
        'only Indonesian locale modules',
      );
      assert.ok(
        lazy.some((f) => f.includes('/locales/') && /\.id[.-]/.test(f)),
        `the Indonesian strings are among ${lazy.join(', ')}`,
      );
    } finally {
      await close();
    }
  });

  it('needs one round trip after the script, and the documented preload list none', async () => {
    // Each answer held 600 ms: a page that finds its chunks only after the entry needs two levels.
    const hold = 600;
    const plain = await open(`<!doctype html><html lang="id"><script type="module" src="/dist/cdn/lindungi.js"></script>${WIDGETS}</html>`, hold);
    let plainHelp: number;
    try {
      await helpReadable(plain.page);
      plainHelp = Math.max(...['/dist/cdn/chunks/lindungi.content.js', '/v1/content/ID-KH'].map((p) => plain.answered.get(p) ?? Infinity));
      // Entry, then everything else together: the content comes in the second level, not the third.
      assert.ok(plainHelp < 4 * hold, `content and its code answered at ${plainHelp} ms, more than two levels of ${hold} ms`);
    } finally {
      await plain.close();
    }
    // The README's snippet as a partner copies it: the script tag and its preload list.
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```html\n((?:<script|<link)[^`]*rel="modulepreload"[^`]*)```/.exec(readme)?.[1];
    assert.ok(block, 'the README documents the preload list');
    const copied = block.replace(/https:\/\/YOUR-CDN\/lindungi|https:\/\/YOUR-API/g, '');
    const hints = [...copied.matchAll(/<link rel="(?:modulepreload|preload)"[^>]*>/g)].map((m) => m[0]);
    assert.ok(hints.length >= 3 && copied.includes('<script type="module" src="/dist/cdn/lindungi.js"></script>'), copied);
    const snippet = await open(`<!doctype html><html lang="id"><head>${copied}</head>${WIDGETS}</html>`, hold);
    try {
      await helpReadable(snippet.page);
      for (const hint of hints) {
        const href = /href="([^"]+)"/.exec(hint)![1]!;
        // Counted by path: a preload whose query differs from the widget's request would be a second request.
        assert.equal(snippet.sent.get(new URL(href, server.url).pathname), 1, `${href}: preloaded and used, requested once`);
      }
      const help = Math.max(...['/dist/cdn/chunks/lindungi.content.js', '/v1/content/ID-KH'].map((p) => snippet.answered.get(p) ?? Infinity));
      // The same level as the entry.
      assert.ok(help < 2 * hold, `with the preload list, content and its code answered at ${help} ms`);
    } finally {
      await snippet.close();
    }
  });

  it('shows the copy saved on the device, marked offline, when the early content request fails', async () => {
    const context = await browser.newContext();
    const page = `<!doctype html><html lang="km"><script type="module" src="/dist/cdn/lindungi.js"></script>${WIDGETS}</html>`;
    let unreachable = false;
    // The content request fails for real in the browser on the second visit (the API is cut off).
    await context.route('**/*', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/critical.html') return route.fulfill({ contentType: 'text/html', body: page });
      if (unreachable && path.startsWith('/v1/')) return route.abort('internetdisconnected');
      return route.continue();
    });
    try {
      const first = await context.newPage();
      await first.goto(`${server.url}/critical.html`);
      await helpReadable(first);
      // The offline copy is written before the content is handed to the widgets.
      await first.close();
      unreachable = true;
      const second = await context.newPage();
      await second.goto(`${server.url}/critical.html`);
      await helpReadable(second);
      const note = await second.evaluate(
        () => document.querySelector('lindungi-hotline')!.shadowRoot!.querySelector('[part="offline"]')?.textContent?.trim() ?? '',
      );
      assert.ok(note.length > 10, 'the hotline says it shows a saved copy');
      assert.equal(
        await second.evaluate(() => document.querySelector('lindungi-hotline')!.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')),
        'km',
      );
    } finally {
      await context.close();
    }
  });

  it("shows a partner's own stages once their checker arrives, after a retry where it could not be downloaded", async () => {
    const context = await browser.newContext();
    const stages = JSON.stringify([
      { id: 'sent', title: 'Dikirim', status: 'done' },
      { id: 'read', title: 'Dibaca', status: 'current' },
    ]).replace(/"/g, '&quot;');
    const page = `<!doctype html><html lang="id"><script type="module" src="/dist/cdn/stage-timeline.js"></script><lindungi-stage-timeline stages="${stages}"></lindungi-stage-timeline></html>`;
    // The chunk with the stage checker, the content reader and the views cannot be downloaded, for
    // real in the browser, until the connection is back.
    let down = true;
    await context.route('**/*', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/critical.html') return route.fulfill({ contentType: 'text/html', body: page });
      if (down && path === '/dist/cdn/chunks/stage-timeline.content.js') return route.abort('connectionreset');
      return route.continue();
    });
    try {
      const tab = await context.newPage();
      await tab.goto(`${server.url}/critical.html`);
      const timeline = tab.locator('lindungi-stage-timeline');
      const retry = timeline.locator('[part="retry"]');
      await retry.waitFor();
      assert.match(await timeline.locator('[part="error"]').innerText(), /Periksa koneksi Anda/);
      down = false;
      await retry.click();
      await timeline.locator('[part="stage"]').nth(1).waitFor();
      assert.deepEqual(await timeline.locator('[part="stage"] .title').allInnerTexts(), ['Dikirim', 'Dibaca']);
      assert.equal(await timeline.locator('[part="error"]').count(), 0);
    } finally {
      await context.close();
    }
  });

  it('documents a preload list of files the build writes under stable names', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const entry = readFileSync(new URL('../../dist/cdn/lindungi.js', import.meta.url), 'utf8');
    const files = [...readme.matchAll(/rel="modulepreload" href="https:\/\/YOUR-CDN\/lindungi\/dist\/cdn\/([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(files.length >= 2, 'module preloads documented');
    for (const file of files) {
      assert.ok(existsSync(new URL(`../../dist/cdn/${file}`, import.meta.url)), `${file} is built`);
      assert.ok(entry.includes(`"./${file}"`), `lindungi.js loads ${file}`);
    }
    // The files the README names for a page with the form or a server-rendered one are built too.
    const named = [...readme.matchAll(/`((?:chunks|locales)\/lindungi\.[\w.]+\.js)`/g)].map((m) => m[1]!);
    assert.ok(named.includes('locales/lindungi.form.id.js'), `the form's strings are named: ${named.join(', ')}`);
    for (const file of named) assert.ok(existsSync(new URL(`../../dist/cdn/${file}`, import.meta.url)), `${file}, named in the README, is built`);
  });

  it("downloads the form's strings and steps only on a page that shows the form", async () => {
    const { page, sent, close } = await open(
      `<!doctype html><html lang="id"><script type="module" src="/dist/cdn/lindungi.js"></script><lindungi-hotline api="/"></lindungi-hotline></html>`,
      0,
    );
    try {
      await helpReadable(page);
      await page.waitForLoadState('networkidle');
      const lazy = [...sent.keys()].filter((p) => p.startsWith('/dist/cdn/') && p !== '/dist/cdn/lindungi.js');
      assert.ok(lazy.includes('/dist/cdn/locales/lindungi.id.js'), lazy.join(', '));
      assert.deepEqual(
        lazy.filter((p) => p.includes('.form.') || p.includes('.reports.')),
        [],
        'no form strings, steps or reporting for a hotline alone',
      );
    } finally {
      await close();
    }
  });
});
