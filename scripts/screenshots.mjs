/**
 * Screenshots of the demo page in each locale, on a phone-sized and a desktop viewport, in
 * Debian's Chromium: `npm run screenshots` (with `npm start` running, or BASE_URL set).
 * Also reports CSP violations and requests to other origins seen while loading.
 */
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { DEMO_OPERATOR, startServer } from '../build/server/main.js';
import { runDeskCommand } from '../build/server/desk-cli.js';

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
    for (const locale of ['id', 'en', 'km', 'ms', 'ar']) {
      await page.click(`[data-lang="${locale}"]`);
      await page.waitForFunction(
        (l) =>
          [...document.querySelectorAll('lindungi-hotline, lindungi-rights-card, lindungi-stage-timeline')].every(
            (h) =>
              h.shadowRoot?.querySelector('[part="base"]')?.getAttribute('lang') === l ||
              h.shadowRoot?.querySelector('[part="launcher"]')?.getAttribute('lang') === l,
          ),
        locale,
      );
      await page.locator('section.hotline').screenshot({ path: `${out}/hotline-${locale}-${name}-${scheme}.png` });
      const rights = page.locator('section.widget lindungi-rights-card').first();
      await rights.locator('[part="toggle"]').first().click();
      await rights.screenshot({ path: `${out}/rights-${locale}-${name}-${scheme}.png` });
      await page.locator('section.widget.timeline').screenshot({ path: `${out}/timeline-${locale}-${name}-${scheme}.png` });
      await page.locator('section.wallet').screenshot({ path: `${out}/wallet-${locale}-${name}-${scheme}.png` });
      if (locale === 'km' || locale === 'ar' || name === 'phone') {
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
  for (const locale of ['id', 'en', 'km', 'ms', 'ar']) {
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
    await form.locator('#contactValue').fill('0812 3456 7890');
    await shot('3-number-read');
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
// The worker's timeline at every status, and the case desk, on a server of their own (a throwaway
// data folder): reports are moved along by a caseworker through the desk API, as on the desk.
const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-screens-'));
const desk = await startServer({
  port: 0,
  dataDir,
  dbFile: join(dataDir, 'lindungi.sqlite'),
  operator: { ...DEMO_OPERATOR },
  demo: true,
  log: () => undefined,
});
try {
  const env = { ...process.env, LINDUNGI_DATA_DIR: dataDir, LINDUNGI_DB_FILE: join(dataDir, 'lindungi.sqlite') };
  const lines = [];
  await runDeskCommand(['operator', 'add', '--name', 'Sari Handayani', '--role', 'admin'], { env, print: (l) => lines.push(l) });
  const token = lines[1].match(/: ([\w-]{43})$/)[1];
  const consentVersion = (await (await fetch(`${desk.url}/v1/content/ID-KH`)).json()).consent.version;
  const report = async (overrides, headers = {}) => {
    const body = {
      corridor: 'ID-KH',
      category: 'unpaid-wages',
      description: 'Example report for screenshots',
      inDanger: false,
      contact: { anonymous: true },
      consent: { version: consentVersion, given: true },
      locale: 'id',
      ...overrides,
    };
    const response = await fetch(`${desk.url}/v1/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers },
      body: JSON.stringify(body),
    });
    return (await response.json()).ticket;
  };
  const move = (ticket, change) =>
    fetch(`${desk.url}/v1/desk/reports/${ticket}/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(change),
    });
  const tickets = {};
  tickets.received = await report({});
  tickets.verified = await report({});
  await move(tickets.verified, { status: 'verified', publicNote: 'Kami sudah memeriksa laporan Anda.' });
  tickets['in-handling'] = await report({ locale: 'km', occurredOn: 'unknown', contact: { anonymous: false, method: 'whatsapp', value: '0812 3456 7890' } });
  await move(tickets['in-handling'], { status: 'verified', publicNote: 'We checked your report.' });
  await move(tickets['in-handling'], { status: 'in-handling', publicNote: 'The embassy has contacted the company.' });
  tickets.resolved = await report({});
  for (const status of ['verified', 'in-handling', 'resolved'])
    await move(tickets.resolved, { status, ...(status === 'resolved' ? { publicNote: 'Your wages were paid.' } : {}) });
  tickets.closed = await report({});
  await move(tickets.closed, { status: 'verified' });
  await move(tickets.closed, { status: 'closed', reason: 'duplicate', publicNote: 'We already have this report under another ticket.' });
  const key = 'k'.repeat(43);
  tickets.withdrawn = await report({}, { 'Withdrawal-Key': key });
  await move(tickets.withdrawn, { status: 'verified' });
  await fetch(`${desk.url}/v1/reports/${tickets.withdrawn}`, { method: 'DELETE', headers: { 'Withdrawal-Key': key } });

  const phone = await browser.newPage({ viewport: viewports.phone, deviceScaleFactor: 2 });
  phone.on('pageerror', (e) => console.log(`[timeline] page error: ${e.message}`));
  await phone.goto(`${desk.url}/`);
  for (const locale of ['id', 'en', 'km', 'ms', 'ar']) {
    await phone.click(`[data-lang="${locale}"]`);
    for (const [status, ticket] of Object.entries(tickets)) {
      await phone.evaluate(
        ({ ticket, api, locale }) => {
          document.querySelector('#status-shot')?.remove();
          const box = document.createElement('div');
          box.id = 'status-shot';
          box.lang = locale;
          box.style.cssText = 'padding: 8px; background: Canvas';
          const timeline = document.createElement('lindungi-stage-timeline');
          timeline.setAttribute('ticket', ticket);
          timeline.setAttribute('api', api);
          box.append(timeline);
          document.body.prepend(box);
        },
        { ticket, api: desk.url, locale },
      );
      await phone.locator('#status-shot lindungi-stage-timeline [part="stages"]').waitFor();
      await phone.locator('#status-shot').screenshot({ path: `${out}/status-${status}-${locale}-phone.png` });
    }
  }
  await phone.close();

  for (const language of ['id', 'en']) {
    const context = await browser.newContext({ viewport: viewports.desktop });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log(`[desk ${language}] page error: ${e.message}`));
    await page.goto(`${desk.url}/desk/`);
    await page.locator('lindungi-desk #token').waitFor();
    await page.locator(`lindungi-desk nav button[lang="${language}"]`).click();
    await page.locator('lindungi-desk #token').fill(token);
    await page.locator('lindungi-desk #token').press('Enter');
    await page.locator('lindungi-desk tbody tr').first().waitFor();
    await page.screenshot({ path: `${out}/desk-list-${language}.png`, fullPage: true });
    await page.goto(`${desk.url}/desk/#/reports/${tickets['in-handling']}`);
    await page.locator('lindungi-desk #report-title').waitFor();
    await page.locator('lindungi-desk section[aria-labelledby="contact-title"] button').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/desk-report-${language}.png`, fullPage: true });
    await page.locator('lindungi-desk #new-status').selectOption('resolved');
    await page.locator('lindungi-desk #public-note').fill(language === 'id' ? 'Kasus Anda selesai.' : 'Your case is resolved.');
    await page.locator('lindungi-desk form button.primary').click();
    await page.locator('lindungi-desk .message').waitFor();
    await page.screenshot({ path: `${out}/desk-status-changed-${language}.png`, fullPage: true });
    await page.goto(`${desk.url}/desk/#/audit`);
    await page.locator('lindungi-desk tbody tr').first().waitFor();
    await page.screenshot({ path: `${out}/desk-audit-${language}.png`, fullPage: true });
    await context.close();
    // The next round starts from the same reports: the one moved to resolved goes back to a fresh one.
    tickets['in-handling'] = await report({ locale: 'km', occurredOn: 'unknown', contact: { anonymous: false, method: 'whatsapp', value: '0812 3456 7890' } });
    await move(tickets['in-handling'], { status: 'in-handling', publicNote: 'The embassy has contacted the company.' });
  }
} finally {
  await desk.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await browser.close();
console.log(`Screenshots in ${out}/`);
