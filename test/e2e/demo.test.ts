import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { DEMO_OPERATOR, startServer } from '../../build/server/main.js';
import { CONSENT_VERSION } from '../support/server.js';
import { launchChromium } from '../support/browser.js';

/**
 * The demo partner page as a reader's browser sees it: the CDN bundle from one script tag, the
 * tags already in the HTML, under the strict CSP with Trusted Types that `npm start` serves.
 */
describe('demo partner page served by the API server (CDN build, strict CSP)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let origin: string;
  const requests: string[] = [];
  const logs: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-e2e-'));

  before(async () => {
    server = await startServer({
      port: 0,
      dataDir,
      dbFile: join(dataDir, 'db.sqlite'),
      operator: { ...DEMO_OPERATOR },
      demo: true,
      log: (line: string) => logs.push(line.replace(/ \d+ms$/, '')),
      onRequest: (path: string) => requests.push(path),
    });
    origin = server.url;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows both widgets localized, with no CSP violation, no third-party request, no cookie and one content request', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const foreign: string[] = [];
    page.on('request', (r) => !r.url().startsWith(origin) && foreign.push(r.url()));
    requests.length = 0;

    await page.goto(`${origin}/`);
    const inline = page.locator('section.hotline lindungi-hotline');
    await inline.locator('[part="heading"]').waitFor();
    assert.equal(await inline.locator('[part="heading"]').innerText(), 'Siapa yang bisa dihubungi untuk minta bantuan');
    assert.equal(await page.locator('lindungi-hotline[variant="floating"] [part="launcher"]').innerText(), 'Minta bantuan');

    assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    assert.deepEqual(await context.cookies(), []);
    // Four widgets, one content request, to the API (the demo's widgets have api="/").
    assert.deepEqual(
      requests.filter((p) => /^\/(v1\/content|dist\/cdn\/content)\//.test(p)),
      ['/v1/content/ID-KH'],
    );

    // The reader switches the widgets to English: they re-render in place.
    await page.click('[data-lang="en"]');
    await page.waitForFunction(
      () =>
        document.querySelector('section.hotline lindungi-hotline')?.shadowRoot?.querySelector('[part="heading"]')?.textContent?.trim() ===
        'Who to call for help',
    );
    // Their content follows, in English alone: one more content request.
    await page.waitForFunction(
      () =>
        document.querySelector('section.hotline lindungi-hotline')?.shadowRoot?.querySelector('.organisation')?.textContent?.trim() ===
        'Cambodian National Police, Hotline 117',
    );
    assert.deepEqual(
      requests.filter((p) => p.startsWith('/v1/content/')),
      ['/v1/content/ID-KH', '/v1/content/ID-KH'],
    );

    // A repeat visit revalidates with the saved ETag: the server answers 304, no content body.
    requests.length = 0;
    logs.length = 0;
    await page.goto(`${origin}/`);
    await inline.locator('.organisation').first().waitFor();
    assert.deepEqual(
      requests.filter((p) => p.startsWith('/v1/content/')),
      ['/v1/content/ID-KH'],
    );
    assert.ok(logs.includes('GET /v1/content/:corridor 304'), logs.join('\n'));
    await context.close();
  });

  it('takes a second copy of the script (another single-widget bundle) under the same CSP', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/`);
    await page.locator('section.hotline lindungi-hotline .organisation').first().waitFor();
    const headings = await page.evaluate(async () => {
      const bundle = '/dist/cdn/stage-timeline.js'; // its own copy of Lit, as a second partner snippet
      await import(bundle);
      const timeline = document.createElement('lindungi-stage-timeline');
      timeline.setAttribute('timeline', 'agreement-id-kh');
      timeline.setAttribute('lang', 'en');
      document.body.append(timeline);
      for (let i = 0; i < 50 && !timeline.shadowRoot?.querySelector('[part="stages"]'); i++) await new Promise((r) => setTimeout(r, 100));
      return timeline.shadowRoot?.querySelector('[part="heading"]')?.textContent?.trim();
    });
    assert.equal(headings, 'Indonesia–Cambodia agreement on migrant workers');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('opens the floating panel from the keyboard and closes it with Escape', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const launcher = page.locator('lindungi-hotline[variant="floating"] [part="launcher"]');
    await launcher.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('lindungi-hotline[variant="floating"] dialog');
    await dialog.locator('.organisation').first().waitFor();
    assert.equal(await dialog.evaluate((d: HTMLDialogElement) => d.open), true);
    await page.keyboard.press('Escape');
    assert.equal(await dialog.evaluate((d: HTMLDialogElement) => d.open), false);
    await page.close();
  });

  it('keeps a report typed while the API was unreachable, and sends it once after a page reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const before = await server.store.count();
    const submit = () =>
      page.evaluate(async (consentVersion) => {
        const bundle = '/dist/cdn/lindungi.js'; // the CDN build, as a partner page loads it
        const { createClient } = await import(bundle);
        const client = createClient({ api: '/', timeoutMs: 2000, retry: { baseMs: 60_000 } });
        return client.reports.submit({
          corridor: 'ID-KH',
          category: 'forced-scam-work',
          description: 'Held in a compound and made to run online scams.',
          inDanger: true,
          contact: { anonymous: true },
          consent: { version: consentVersion, given: true },
          locale: 'id',
        });
      }, CONSENT_VERSION);
    server.faults.dropRate = 1; // every API connection is cut: the device is as good as offline
    try {
      const result = await submit();
      assert.ok('queued' in result, JSON.stringify(result));
    } finally {
      server.faults.dropRate = 0;
    }
    assert.equal(await server.store.count(), before);

    // The reader reloads the page; the outbox in IndexedDB is sent when the SDK starts.
    await page.reload();
    const entries = await page.evaluate(async () => {
      const bundle = '/dist/cdn/lindungi.js';
      const { createClient } = await import(bundle);
      const client = createClient({ api: '/' });
      for (let i = 0; i < 50; i++) {
        const list = await client.reports.entries();
        if (list.length && list.every((e: { state: string }) => e.state === 'sent')) return list;
        await new Promise((r) => setTimeout(r, 100));
      }
      return client.reports.entries();
    });
    assert.equal(entries.length, 1);
    assert.equal(entries[0].state, 'sent');
    assert.match(entries[0].ticket, /^LDG-/);
    assert.equal(await server.store.count(), before + 1);

    // The ticket's progress, read from the API by the timeline.
    const statuses = await page.evaluate(async (ticket: string) => {
      const timeline = document.createElement('lindungi-stage-timeline');
      timeline.setAttribute('api', '/');
      timeline.setAttribute('ticket', ticket);
      timeline.setAttribute('lang', 'en');
      document.body.append(timeline);
      for (let i = 0; i < 50 && !timeline.shadowRoot?.querySelector('[part="stages"]'); i++) await new Promise((r) => setTimeout(r, 100));
      return [...(timeline.shadowRoot?.querySelectorAll('[part="stage"]') ?? [])].map(
        (s) => `${s.querySelector('.title')?.textContent?.trim()}: ${s.querySelector('[part="status"]')?.textContent?.trim()}`,
      );
    }, entries[0].ticket);
    // Just received: nobody has checked it yet.
    assert.deepEqual(statuses, ['Report received: In progress', 'Report checked: Upcoming', 'Being handled: Upcoming', 'Resolved: Upcoming']);
    await context.close();
  });

  it('erases a report from IndexedDB while it is being sent: nothing of it stays, nothing more is sent', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    // The page's report form has a client of its own over the same store: it sends what it finds
    // waiting when it starts. It has started (its first step is shown, its outbox read) before this
    // client's report is written, so the report in flight is this client's alone.
    await page.waitForFunction(() => !!document.querySelector('lindungi-report-form')?.shadowRoot?.querySelector('[part="continue"]'), undefined, {
      timeout: 30_000,
    });
    await page.waitForTimeout(500);
    server.faults.holdMs = 1500; // the report is surely in flight when the reader erases
    const postsBefore = requests.filter((p) => p === '/v1/reports').length;
    try {
      await page.evaluate((consentVersion) => {
        const bundle = '/dist/cdn/lindungi.js';
        return import(bundle).then(({ createClient }) => {
          const client = createClient({ api: '/', retry: { baseMs: 100 } });
          (window as unknown as { client: unknown }).client = client;
          void client.reports
            .submit({
              corridor: 'ID-KH',
              category: 'document-retention',
              description: 'Mandor Pak Wiryo menahan paspor saya',
              inDanger: false,
              contact: { anonymous: false, method: 'whatsapp', value: '+6281299887766' },
              consent: { version: consentVersion, given: true },
              locale: 'id',
            })
            .catch(() => undefined);
        });
      }, CONSENT_VERSION);
      const deadline = Date.now() + 5000;
      while (requests.filter((p) => p === '/v1/reports').length === postsBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(requests.filter((p) => p === '/v1/reports').length > postsBefore, 'the report reached the server');
      await page.evaluate(() => (window as unknown as { client: { reports: { erase(): Promise<void> } } }).client.reports.erase());
      const postsAtErase = requests.filter((p) => p === '/v1/reports').length;
      // Read IndexedDB itself, now and after the held answer would have arrived.
      const dump = () =>
        page.evaluate(
          () =>
            new Promise<string>((resolve, reject) => {
              const open = indexedDB.open('lindungi');
              open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
              open.onsuccess = () => {
                const store = open.result.transaction('kv').objectStore('kv');
                const keys = store.getAllKeys();
                keys.onsuccess = () => {
                  const values = store.getAll();
                  values.onsuccess = () => resolve(JSON.stringify({ keys: keys.result, values: values.result }));
                };
              };
            }),
        );
      for (const when of ['right after erase', 'after the held answer']) {
        const stored = await dump();
        assert.ok(!stored.includes('outbox:'), `an outbox entry in IndexedDB ${when}: ${stored.slice(0, 200)}`);
        for (const secret of ['Pak Wiryo', '6281299887766']) assert.ok(!stored.includes(secret), `${secret} in IndexedDB ${when}`);
        await new Promise((r) => setTimeout(r, 1800));
      }
      assert.equal(requests.filter((p) => p === '/v1/reports').length, postsAtErase, 'nothing more was sent');
    } finally {
      server.faults.holdMs = 0;
      await context.close();
    }
  });

  it('says the help could not be loaded, with a retry that brings it, while the content and views chunk cannot be had', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // A connection that drops, for real in the browser: the chunk with the content reader and the
    // widgets' views cannot be downloaded until the connection is back.
    let down = true;
    let requests = 0;
    await page.route(/\/dist\/cdn\/chunks\/lindungi\.content\.js$/, (route) => (requests++, down ? route.abort('connectionreset') : route.continue()));
    await page.goto(`${origin}/`);
    const hotline = page.locator('section.hotline lindungi-hotline');
    const error = hotline.locator('[part="error"]');
    await error.waitFor();
    // In the reader's language, and about the connection: a failed download is a network error.
    assert.match(await error.innerText(), /Periksa koneksi Anda/);
    assert.equal(await hotline.locator('[part="hotline"]').count(), 0, 'no half-drawn lines');
    const before = requests;
    down = false;
    await error.locator('[part="retry"]').click();
    await hotline.locator('[part="hotline"] a[href^="tel:"]').first().waitFor();
    assert.ok(requests > before, 'the chunk was asked for again');
    assert.equal(await hotline.locator('[part="error"]').count(), 0);
    // The lines are styled: their own styles came with their views.
    const border = await hotline
      .locator('[part="hotline"]')
      .first()
      .evaluate((line) => getComputedStyle(line).borderTopWidth);
    assert.equal(border, '1px');
    await context.close();
  });

  it("says the form could not be loaded, with a retry that brings it, while the form's chunk cannot be had", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // For real in the browser: the chunk with the form's steps and reporting cannot be downloaded
    // until the connection is back.
    let down = true;
    let requests = 0;
    await page.route(/\/dist\/cdn\/chunks\/lindungi\.reports\.js$/, (route) => (requests++, down ? route.abort('connectionreset') : route.continue()));
    await page.goto(`${origin}/`);
    const form = page.locator('lindungi-report-form');
    const error = form.locator('[part="error"]');
    await error.waitFor();
    assert.match(await error.innerText(), /Periksa koneksi Anda/);
    // It waits for the reader: no request again and again on a connection that is down.
    const asked = requests;
    await page.waitForTimeout(2000);
    assert.equal(requests, asked, `the chunk was asked for ${requests - asked} more times while the error showed`);
    down = false;
    await error.locator('[part="retry"]').click();
    await form.locator('#inDanger-yes').waitFor();
    assert.equal(await form.locator('[part="error"]').count(), 0);
    await context.close();
  });

  it('shows English texts with a retry when the Khmer texts fail to load, then switches when they arrive', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A flaky connection, for real in the browser: the first request for the Khmer texts fails.
    let failed = 0;
    await page.route(/\/dist\/cdn\/locales\/lindungi\.km\.js$/, (route) => (failed++ === 0 ? route.abort('connectionreset') : route.continue()));
    const warnings: string[] = [];
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/`);
    const hotline = page.locator('section.hotline lindungi-hotline');
    await hotline.locator('[part="heading"]').waitFor();
    await page.locator('[data-lang="km"]').click();
    const notice = hotline.locator('[part="base"] > [part="error"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /could not be loaded, so they are shown in English/);
    assert.equal(await hotline.locator('[part="heading"]').innerText(), 'Who to call for help');
    assert.equal(await hotline.locator('[part="base"]').getAttribute('lang'), 'en');
    assert.equal(await hotline.locator('[part="base"]').getAttribute('aria-busy'), 'false');
    await notice.locator('[part="retry"]').click();
    await page.waitForFunction(() => {
      const el = document.querySelector('section.hotline lindungi-hotline');
      return el?.shadowRoot?.querySelector('[part="base"]')?.getAttribute('lang') === 'km';
    });
    assert.equal(await hotline.locator('[part="base"] > [part="error"]').count(), 0);
    assert.notEqual(await hotline.locator('[part="heading"]').innerText(), 'Who to call for help');
    // The other widgets on the page switch too, without a retry of their own.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-widget-lang]')]
        .map((w) =>
          w.matches('lindungi-hotline, lindungi-rights-card, lindungi-stage-timeline, lindungi-report-form')
            ? w
            : w.querySelector('lindungi-hotline, lindungi-rights-card, lindungi-stage-timeline, lindungi-report-form'),
        )
        .every((w) => w?.shadowRoot?.querySelector('[part="base"]')?.getAttribute('lang') === 'km'),
    );
    assert.ok(failed >= 2, 'the texts were requested again');
    assert.ok(warnings.some((w) => w.includes('could not load the "km" texts')));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
