/**
 * Screenshots of the demo page in each locale, on a phone-sized and a desktop viewport, in
 * Debian's Chromium: `npm run screenshots` (with `npm start` running, or BASE_URL set).
 * Also reports CSP violations and requests to other origins seen while loading.
 */
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8787/';
const out = process.env.OUT_DIR ?? 'screenshots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});
const viewports = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 900 } };
const schemes = (process.env.SCHEMES ?? 'light').split(',');
for (const [name, viewport] of Object.entries(viewports)) {
  for (const scheme of schemes) {
    const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: name === 'phone' ? 2 : 1 });
    page.on('console', (m) => m.type() !== 'debug' && console.log(`[${name}] console.${m.type()}: ${m.text()}`));
    page.on('request', (r) => !r.url().startsWith(new URL(base).origin) && console.log(`[${name}] third-party request: ${r.url()}`));
    await page.goto(base);
    for (const locale of ['id', 'en', 'km']) {
      await page.click(`[data-lang="${locale}"]`);
      await page.waitForFunction(
        (l) => [...document.querySelectorAll('lindungi-hotline, lindungi-rights-card, lindungi-stage-timeline')].every((h) => h.shadowRoot?.querySelector('[part="base"]')?.getAttribute('lang') === l || h.shadowRoot?.querySelector('[part="launcher"]')?.getAttribute('lang') === l),
        locale,
      );
      await page.locator('section.hotline').screenshot({ path: `${out}/hotline-${locale}-${name}-${scheme}.png` });
      const rights = page.locator('section.widget lindungi-rights-card').first();
      await rights.locator('[part="toggle"]').first().click();
      await rights.screenshot({ path: `${out}/rights-${locale}-${name}-${scheme}.png` });
      await page.locator('section.widget.timeline').screenshot({ path: `${out}/timeline-${locale}-${name}-${scheme}.png` });
      await page.locator('section.wallet').screenshot({ path: `${out}/wallet-${locale}-${name}-${scheme}.png` });
      if (locale === 'km' || name === 'phone') {
        await page.locator('lindungi-hotline[variant="floating"]').locator('[part="launcher"]').click();
        await page.screenshot({ path: `${out}/floating-${locale}-${name}-${scheme}.png` });
        await page.keyboard.press('Escape');
      }
    }
    // Print preview of the wallet card: only the card, in black and white.
    await page.locator('section.wallet lindungi-rights-card').evaluate((card) => {
      window.print = () => undefined;
      card.shadowRoot.querySelector('[part="print"]').click();
    });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: `${out}/print-wallet-${name}-${scheme}.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  }
}

// Every step of the report form, its problems and its done page, in each locale and viewport.
// The demo server's reports go nowhere (a demonstration operator).
for (const [name, viewport] of Object.entries(viewports)) {
  for (const locale of ['id', 'en', 'km']) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: name === 'phone' ? 2 : 1 });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log(`[form ${locale} ${name}] page error: ${e.message}`));
    await page.goto(base);
    await page.click(`[data-lang="${locale}"]`);
    const form = page.locator('lindungi-report-form');
    const shot = async (step) => {
      await page.waitForTimeout(300);
      await form.screenshot({ path: `${out}/form-${step}-${locale}-${name}.png` });
    };
    const next = () => form.locator('[part="continue"]').click();
    await form.locator('[part="continue"]').waitFor();
    await shot('1-start');
    await next();
    await shot('1-problem');
    await form.locator('#inDanger-yes').check();
    await form.locator('lindungi-hotline .organisation').first().waitFor();
    await shot('1-in-danger');
    await next();
    await form.locator('#description').waitFor();
    await next();
    await shot('2-problems');
    await form.locator('#category-forced-scam-work').check();
    await form.locator('#description').fill('They took my passport and keep me in the compound.');
    await form.locator('#place').fill('Sihanoukville');
    await shot('2-what-happened');
    await next();
    await form.locator('#contact-whatsapp').check();
    await form.locator('#contactValue').fill('12345');
    await next();
    await shot('3-problems');
    await form.locator('#contactValue').fill('+62 812 3456 7890');
    await next();
    await form.locator('[part="answers"]').waitFor();
    await shot('4-check');
    await form.locator('#adult-yes').check();
    await form.locator('#consent').check();
    await next();
    await form.locator('[part="ticket"]').waitFor();
    await form.locator('lindungi-stage-timeline [part="stages"]').waitFor();
    await shot('5-sent');
    await context.close();
  }
}
await browser.close();
console.log(`Screenshots in ${out}/`);
