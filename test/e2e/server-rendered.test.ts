import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { hasFirefox, launchChromium, launchFirefox, wcagViolations } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const WIDGETS = 'lindungi-hotline, lindungi-rights-card, lindungi-stage-timeline, lindungi-report-form';

/** What the page shows in each widget's shadow root (run in the page; no widget script needed). */
function widgetsOnPage(selector: string) {
  return [...document.querySelectorAll(selector)].map((el) => {
    const root = el.shadowRoot;
    const tel = root?.querySelector<HTMLAnchorElement>('a[href^="tel:"]');
    const box = tel?.getBoundingClientRect();
    return {
      tag: el.localName,
      variant: el.getAttribute('variant'),
      bases: root?.querySelectorAll('[part="base"]').length ?? 0,
      styles: root?.querySelectorAll('style').length ?? 0,
      heading: root?.querySelector('[part="heading"]')?.textContent?.trim() ?? '',
      tel: tel?.getAttribute('href') ?? null,
      telShown: !!box && box.width > 0 && box.height > 0,
      // A style from the widget's own style block, so the block was allowed by the page's policy.
      styled: root ? getComputedStyle(root.querySelector('[part="base"]')!).overflowWrap === 'anywhere' : false,
    };
  });
}

/** Holds the widgets' script back until the returned function is called (a slow connection). */
async function holdScript(page: Page): Promise<() => void> {
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/dist/cdn/lindungi.js', async (route) => {
    await arrived;
    await route.continue();
  });
  return release;
}

/** The demo partner page rendered on the server, in Chromium and Firefox, with and without the script. */
describe('server-rendered widgets on the demo page', () => {
  let server: TestServer;
  let chromium: Browser;
  before(async () => {
    server = await startTestServer();
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium.close();
    await server.dispose();
  });

  const open = async (query: string, options: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {}) => {
    const context = await chromium.newContext({ viewport: { width: 360, height: 740 }, ...options });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => /Content.Security.Policy|Refused/i.test(m.text()) && problems.push(m.text()));
    await page.goto(`${server.url}/server-rendered/?${query}`);
    return { page, context, problems };
  };
  it('shows the help lines, styled and in Khmer, with JavaScript off in Chromium: a working number in the first bytes', async () => {
    const { page, context, problems } = await open('locale=km', { javaScriptEnabled: false });
    const widgets = await page.evaluate(widgetsOnPage, WIDGETS);
    assert.equal(widgets.length, 6);
    for (const w of widgets) {
      assert.equal(w.bases, 1, w.tag);
      assert.equal(w.styles, 1, w.tag);
      assert.ok(w.styled, `${w.tag} keeps its styles under the page's policy`);
    }
    const inline = widgets.find((w) => w.tag === 'lindungi-hotline' && w.variant === null)!;
    assert.equal(inline.heading, 'ទាក់ទងអ្នកណាដើម្បីសុំជំនួយ');
    assert.equal(inline.tel, 'tel:117');
    assert.ok(inline.telShown, 'the first help number is laid out on the page');
    // The floating help button opens without a script.
    const launcher = page.locator('lindungi-hotline[variant="floating"] summary[part="launcher"]');
    await launcher.click();
    assert.ok(await page.locator('lindungi-hotline[variant="floating"] a[href="tel:117"]').first().isVisible());
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('passes axe as the server rendered it and again once the script has taken over', async () => {
    const before = await open('locale=id&script=none', { bypassCSP: true });
    assert.deepEqual(await wcagViolations(before.page), []);
    await before.context.close();
    const after = await open('locale=id', { bypassCSP: true });
    await after.page.waitForFunction((s) => [...document.querySelectorAll(s)].every((el) => !el.shadowRoot?.querySelector('style')), WIDGETS);
    assert.deepEqual(await wcagViolations(after.page), []);
    await after.context.close();
  });

  it('takes over without showing anything twice, moving the page, or losing what the reader opened and focused', async () => {
    const context = await chromium.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: number; violations: string[] };
      w.shifts = 0;
      w.violations = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
          if (!entry.hadRecentInput) w.shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // The widgets' script arrives late, as on a slow connection; the reader acts meanwhile.
    const release = await holdScript(page);
    await page.goto(`${server.url}/server-rendered/?locale=id`, { waitUntil: 'commit' });
    const card = page.locator('lindungi-rights-card:not([variant])');
    const firstRight = card.locator('details[data-right]').first();
    const rightId = await firstRight.getAttribute('data-right');
    await firstRight.locator('summary').click();
    const timeline = page.locator('lindungi-stage-timeline').first();
    await timeline.locator('details[data-stage] summary').first().click();
    assert.ok(await timeline.locator('details[data-stage] [part="details"]').first().isVisible(), 'a stage opens with no script');
    const hotline = page.locator('lindungi-hotline:not([variant])');
    await hotline.locator('a[part="channel"]').nth(1).focus();
    release();
    await page.waitForFunction((s) => [...document.querySelectorAll(s)].every((el) => !el.shadowRoot?.querySelector('style')), WIDGETS);
    const widgets = await page.evaluate(widgetsOnPage, WIDGETS);
    for (const w of widgets) assert.equal(w.bases, 1, `${w.tag} shows its content once`);
    assert.equal(await card.locator(`#toggle-${rightId}`).getAttribute('aria-expanded'), 'true', 'the right opened before the script is still open');
    assert.equal(
      await timeline.locator('button[part="toggle"]').first().getAttribute('aria-expanded'),
      'true',
      'the stage opened before the script is still open',
    );
    const focused = await page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return { host: host?.localName, part: inner?.getAttribute('part'), href: inner?.getAttribute('href') };
    });
    assert.equal(focused.host, 'lindungi-hotline');
    assert.equal(focused.part, 'channel');
    const { shifts, violations } = await page.evaluate(() => {
      const w = window as unknown as { shifts: number; violations: string[] };
      return { shifts: w.shifts, violations: w.violations };
    });
    assert.ok(shifts < 0.01, `layout shift ${shifts}`);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("keeps the answer chosen in the form's first step before the script, and its focus", async () => {
    const context = await chromium.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    const release = await holdScript(page);
    await page.goto(`${server.url}/server-rendered/?locale=id`, { waitUntil: 'commit' });
    const form = page.locator('lindungi-report-form');
    // In the server's rendering: no answer chosen, no urgent lines yet; the reader answers "Yes".
    await form.locator('[part="needs-script"]').waitFor();
    assert.equal(await form.locator('#inDanger-yes').isChecked(), false);
    await form.locator('label[for="inDanger-yes"]').click();
    assert.equal(await form.locator('#inDanger-yes').isChecked(), true);
    release();
    await page.waitForFunction(() => !document.querySelector('lindungi-report-form')?.shadowRoot?.querySelector('style'));
    // The form's own rendering now: the answer kept (with its urgent lines), "Continue", the focus where it was.
    assert.equal(await form.locator('#inDanger-yes').isChecked(), true, 'the answer chosen before the script is kept');
    assert.ok(await form.locator('[part="urgent"]').isVisible(), 'and acted on: the emergency lines');
    assert.ok(await form.locator('[part="continue"]').isVisible());
    assert.equal(await form.locator('[part="needs-script"]').count(), 0);
    const focused = await page.evaluate(() => document.querySelector('lindungi-report-form')?.shadowRoot?.activeElement?.id);
    assert.equal(focused, 'inDanger-yes', 'the focus stays on the answer');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('keeps the server’s copy, links working, when the content cannot be loaded: never an error over working help', async () => {
    const context = await chromium.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // The script arrives, the content does not (the API is unreachable from this phone).
    await page.route('**/v1/content/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/server-rendered/?locale=km`);
    await page.waitForFunction(() => !!customElements.get('lindungi-hotline'));
    await page.waitForTimeout(1500);
    const widgets = await page.evaluate(widgetsOnPage, WIDGETS);
    const inline = widgets.find((w) => w.tag === 'lindungi-hotline' && w.variant === null)!;
    assert.equal(inline.styles, 1, 'still the server’s rendering');
    assert.equal(inline.tel, 'tel:117');
    assert.ok(inline.telShown);
    assert.equal(await page.locator('lindungi-hotline:not([variant]) [part="error"]').count(), 0);
    await context.close();
  });

  it('keeps its styles and takes over under the strict policy in Firefox too', { skip: !hasFirefox && 'no Firefox ESR on this machine' }, async () => {
    const firefox = await launchFirefox();
    try {
      const page = await firefox.newPage();
      await page.setViewport({ width: 360, height: 740 });
      await page.goto(`${server.url}/server-rendered/?locale=km&script=none`);
      const without = await page.evaluate(widgetsOnPage, WIDGETS);
      const inline = without.find((w) => w.tag === 'lindungi-hotline' && w.variant === null)!;
      assert.equal(inline.tel, 'tel:117');
      assert.ok(inline.telShown);
      for (const w of without) assert.ok(w.styled && w.bases === 1, `${w.tag} without the script`);
      await page.goto(`${server.url}/server-rendered/?locale=km`);
      await page.waitForFunction((s: string) => [...document.querySelectorAll(s)].every((el) => !el.shadowRoot?.querySelector('style')), {}, WIDGETS);
      const taken = await page.evaluate(widgetsOnPage, WIDGETS);
      for (const w of taken) assert.ok(w.styled && w.bases === 1 && w.styles === 0, `${w.tag} after the script: ${JSON.stringify(w)}`);
      assert.equal(taken.find((w) => w.tag === 'lindungi-hotline' && w.variant === null)!.heading, 'ទាក់ទងអ្នកណាដើម្បីសុំជំនួយ');
    } finally {
      await firefox.close();
    }
  });
});
