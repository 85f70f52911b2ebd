import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { hasFirefox, launchChromium, launchFirefox, wcagViolations } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Every state a server-rendered widget can be in, as the embed endpoint answers it, per locale. */
const STATES = [
  { name: 'hotline', widget: 'hotline', query: '', expect: 'lines' },
  { name: 'hotline, emergency only', widget: 'hotline', query: 'emergency-only=true', expect: 'lines' },
  { name: 'floating hotline', widget: 'hotline', query: 'variant=floating', expect: 'launcher' },
  { name: 'hotline of a country without lines', widget: 'hotline', query: 'country=ZZ', expect: 'error' },
  { name: 'rights card', widget: 'rights-card', query: '', expect: 'rights' },
  { name: 'rights card, one topic', widget: 'rights-card', query: 'topic=documents', expect: 'rights' },
  { name: 'rights card, a topic with no rights', widget: 'rights-card', query: 'topic=no-such-topic', expect: 'error' },
  { name: 'stage timeline', widget: 'stage-timeline', query: 'timeline=agreement-id-kh', expect: 'stages' },
  { name: 'compact stage timeline', widget: 'stage-timeline', query: 'timeline=agreement-id-kh&compact=true', expect: 'stages' },
  { name: 'report form', widget: 'report-form', query: '', expect: 'needs-script' },
] as const;
const LOCALES = ['id', 'en', 'km', 'ms', 'ar'] as const;

/** What a reader sees in each state's widget (run in the page, which has no script of its own). */
function readStates() {
  const visible = (el: Element | null | undefined) => {
    const box = el?.getBoundingClientRect();
    return !!box && box.width > 0 && box.height > 0;
  };
  const roots = (el: Element): ShadowRoot[] => {
    const root = el.shadowRoot;
    if (!root) return [];
    return [root, ...[...root.querySelectorAll('*')].flatMap(roots)];
  };
  return [...document.querySelectorAll<HTMLElement>('section[data-state]')].map((section) => {
    const widget = section.firstElementChild!;
    const root = widget.shadowRoot;
    const base = root?.querySelector('[part="base"]');
    const all = roots(widget);
    const find = (selector: string) => all.map((r) => r.querySelector(selector)).find(Boolean) ?? null;
    return {
      state: section.dataset['state']!,
      locale: section.dataset['locale']!,
      attached: !!root,
      lang: base?.getAttribute('lang') ?? null,
      direction: base ? getComputedStyle(base).direction : null,
      launcherDirection: root?.querySelector('summary[part="launcher"]') ? getComputedStyle(root.querySelector('summary[part="launcher"]')!).direction : null,
      busy: base?.getAttribute('aria-busy') ?? null,
      styled: base ? getComputedStyle(base).overflowWrap === 'anywhere' : false,
      heading: visible(root?.querySelector('[part="heading"]')),
      tel: visible(find('a[href^="tel:"]')),
      error: visible(root?.querySelector('[part="error"][role="alert"]')) ? root!.querySelector('[part="error"]')!.textContent!.trim() : '',
      launcher: visible(root?.querySelector('summary[part="launcher"]')),
      rights: root?.querySelectorAll('details[data-right]').length ?? 0,
      stages: root?.querySelectorAll('details[data-stage]').length ?? 0,
      needsScript: visible(root?.querySelector('[part="needs-script"], .rf-needs-script')),
      // A radio can be chosen without a script (the script keeps the choice); nothing else can be used.
      buttons: all.reduce((n, r) => n + r.querySelectorAll('button, form, textarea, select, input:not([type="radio"])').length, 0),
      question: visible(root?.querySelector('[part="step-heading"]')),
      radios: [...(root?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])].map((r) => ({
        checked: r.checked,
        label: visible(root!.querySelector(`label[for="${r.id}"]`)) ? root!.querySelector(`label[for="${r.id}"]`)!.textContent!.trim() : '',
      })),
      // What only the script does ("Exit now" erasing what was typed, Shift three times) is not promised.
      exitHelp: !!root?.querySelector('.exit-help'),
      needsScriptAfterQuestion:
        !!root?.querySelector('[part="step-heading"]') &&
        !!root?.querySelector('[part="needs-script"]') &&
        !!(
          root.querySelector('[part="step-heading"]')!.compareDocumentPosition(root.querySelector('[part="needs-script"]')!) & Node.DOCUMENT_POSITION_FOLLOWING
        ),
    };
  });
}

// As an expression: the test's compiler names inner functions with a helper the page does not have.
const READ_STATES = `(() => { const __name = (f) => f; return (${readStates.toString()})(); })()`;
type Shown = ReturnType<typeof readStates>;

/** Server-rendered widgets in each locale and state, in Chromium and Firefox, with no script at all. */
describe('server-rendered widgets in every state, in Chromium and Firefox', () => {
  let server: TestServer;
  let site: Server;
  let pageUrl: string;

  before(async () => {
    server = await startTestServer();
    const sections: Record<string, string[]> = {};
    for (const locale of LOCALES) {
      for (const state of STATES) {
        const response = await fetch(`${server.url}/v1/embed/ID-KH/${state.widget}?locale=${locale}&${state.query}`);
        assert.equal(response.status, 200, `${state.name} (${locale})`);
        (sections[locale] ??= []).push(`<section data-state="${state.name}" data-locale="${locale}">${await response.text()}</section>`);
      }
    }
    const page = (body: string[]) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>States</title></head><body>${body.join('\n')}</body></html>`;
    // The partner's page: only HTML, as a CMS would serve it with the fragments included. `/` has
    // every locale; `/id`, `/en`, `/km`, `/ms`, `/ar` one each (one floating help button per page, as on a site).
    site = createServer((req, res) => {
      const locale = req.url?.slice(1);
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(page(locale && sections[locale] ? sections[locale] : Object.values(sections).flat()));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  });

  after(async () => {
    await new Promise((resolve) => site?.close(resolve));
    await server?.dispose();
  });

  function check(shown: Shown, browser: string): void {
    assert.equal(shown.length, STATES.length * LOCALES.length, browser);
    for (const s of shown) {
      const what = `${browser}: ${s.state} (${s.locale})`;
      const expect = STATES.find((x) => x.name === s.state)!.expect;
      assert.ok(s.attached, `${what}: the declarative shadow root is attached`);
      assert.equal(s.lang, s.locale, `${what}: in its locale`);
      // Arabic reads right to left on this page, which is left to right; the others left to right.
      assert.equal(s.direction, s.locale === 'ar' ? 'rtl' : 'ltr', `${what}: its direction`);
      if (s.launcherDirection) assert.equal(s.launcherDirection, s.direction, `${what}: the help button's direction`);
      assert.equal(s.busy, 'false', `${what}: content, not a loading state`);
      assert.ok(s.styled, `${what}: styled`);
      assert.equal(s.buttons, 0, `${what}: no control that needs a script`);
      if (expect === 'lines') assert.ok(s.heading && s.tel, `${what}: a help number laid out`);
      if (expect === 'launcher') assert.ok(s.launcher, `${what}: the help button`);
      if (expect === 'error') assert.ok(s.error.length > 10, `${what}: says why nothing is shown`);
      if (expect === 'rights') assert.ok(s.heading && s.rights > 0, `${what}: rights to open`);
      if (expect === 'stages') assert.ok(s.heading && s.stages > 0, `${what}: stages to open`);
      if (expect === 'needs-script') {
        assert.ok(s.needsScript && s.tel, `${what}: says sending needs JavaScript, and the lines to try`);
        // The first step itself: its question and two answers, neither chosen for the reader.
        assert.ok(s.question, `${what}: the first step's question`);
        assert.equal(s.radios.length, 2, `${what}: yes and no`);
        for (const radio of s.radios) {
          assert.equal(radio.checked, false, `${what}: no answer chosen for the reader`);
          assert.ok(radio.label.length > 0, `${what}: each answer labelled`);
        }
        assert.ok(s.needsScriptAfterQuestion, `${what}: that sending needs JavaScript comes where "Continue" would`);
        assert.equal(s.exitHelp, false, `${what}: no promise that needs the script`);
      } else assert.equal(s.radios.length, 0, `${what}: no form`);
    }
    // The same state says it differently in each language.
    for (const state of STATES.filter((x) => x.expect === 'error')) {
      const messages = new Set(shown.filter((s) => s.state === state.name).map((s) => s.error));
      assert.equal(messages.size, LOCALES.length, `${browser}: ${state.name} in each language`);
    }
  }

  it('renders each state in Chromium with JavaScript off', async () => {
    const chromium: Browser = await launchChromium();
    try {
      const context = await chromium.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(pageUrl);
      check((await page.evaluate(READ_STATES)) as Shown, 'Chromium');
      // The floating help button opens its lines natively, in the reader's corner: bottom left in
      // Arabic, bottom right in Khmer (one page per language, one button per page, as on a site).
      for (const locale of ['km', 'ar']) {
        await page.goto(`${pageUrl}${locale}`);
        const floating = page.locator('section[data-state="floating hotline"] lindungi-hotline');
        const launcher = floating.locator('summary[part="launcher"]');
        const box = (await launcher.boundingBox())!;
        assert.ok(locale === 'ar' ? box.x < 40 : box.x + box.width > 320, `${locale}: the button at ${box.x}..${box.x + box.width}`);
        await launcher.click();
        assert.ok(await floating.locator('a[href="tel:117"]').first().isVisible(), locale);
      }
      // axe over every state and locale as the server rendered it (the page has no script of its own).
      const checking = await chromium.newContext({ viewport: { width: 360, height: 740 } });
      for (const locale of LOCALES) {
        const audited = await checking.newPage();
        await audited.goto(`${pageUrl}${locale}`);
        const violations = await wcagViolations(audited);
        assert.deepEqual(violations, [], locale);
      }
    } finally {
      await chromium.close();
    }
  });

  it('renders each state in Firefox', { skip: !hasFirefox && 'no Firefox ESR on this machine' }, async () => {
    const firefox = await launchFirefox();
    try {
      const page = await firefox.newPage();
      await page.setViewport({ width: 360, height: 740 });
      await page.goto(pageUrl);
      check((await page.evaluate(READ_STATES)) as Shown, 'Firefox');
    } finally {
      await firefox.close();
    }
  });
});
