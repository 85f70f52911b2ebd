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
await browser.close();
console.log(`Screenshots in ${out}/`);
