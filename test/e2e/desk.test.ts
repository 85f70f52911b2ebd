import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runDeskCommand } from '../../server/desk-cli.js';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { draft, startTestServer, type TestServer } from '../node/support/server.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Violations axe finds on the page (injected in a context that may add the script). */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (el: Element) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run(document.body);
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/**
 * A caseworker on the desk page and a worker on a partner page, against the real server: the
 * report sent through <lindungi-report-form> is found (in danger, first), its contact revealed,
 * moved to "in handling" with a note, and the worker's status timeline shows the stage and the note.
 */
describe('case desk page', () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;

  before(async () => {
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const lines: string[] = [];
    const env = server.cliEnv;
    await runDeskCommand(['operator', 'add', '--name', 'Sari', '--role', 'handler'], { env, print: (l) => lines.push(l) });
    token = lines[1]!.match(/: ([\w-]{43})$/)![1]!;
  });

  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('a caseworker finds the in-danger report, reveals its contact, moves it to "in handling", and the worker sees it', async () => {
    // An older report, not in danger: the in-danger one must still come first.
    await fetch(`${server.url}/v1/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(draft()) });

    // The worker reports through the form on the partner page.
    const worker = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await worker.goto(`${server.url}/`);
    await worker.click('[data-lang="en"]');
    const form = worker.locator('lindungi-report-form');
    await form.locator('#inDanger-yes').check();
    await form.locator('[part="continue"]').click();
    await form.locator('#category-forced-scam-work').check();
    await form.locator('#description').fill('Kept in a compound and made to scam people');
    await form.locator('[part="continue"]').click();
    await form.locator('#contact-whatsapp').check();
    await form.locator('#contactValue').fill('+62 812 3456 7890');
    await form.locator('[part="continue"]').click();
    await form.locator('#adult-yes').check();
    await form.locator('#consent').check();
    await form.locator('[part="continue"]').click();
    const ticket = (await form.locator('[part="ticket"]').innerText()).trim();

    // The caseworker, on a laptop, keyboard and mouse alike.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const desk = await context.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    desk.on('pageerror', (e) => errors.push(e.message));
    desk.on('request', (r) => !r.url().startsWith(server.url) && foreign.push(r.url()));
    await desk.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(e.violatedDirective));
    });
    await desk.goto(`${server.url}/desk/`);
    await desk.getByRole('button', { name: 'English' }).click();
    await desk.getByLabel('Your operator token').fill(token);
    await desk.getByLabel('Your operator token').press('Enter');
    const firstRow = desk.locator('tbody tr').first();
    await firstRow.waitFor();
    assert.match(await firstRow.innerText(), new RegExp(`${ticket}[\\s\\S]*In danger`));
    const [cookie] = await context.cookies();
    assert.equal(cookie!.name, 'lindungi_desk');
    assert.equal(cookie!.httpOnly, true);
    assert.equal(cookie!.sameSite, 'Strict');

    await firstRow.getByRole('button', { name: ticket }).click();
    await desk.getByRole('heading', { name: `Report ${ticket}` }).waitFor();
    assert.ok(await desk.getByText('Kept in a compound and made to scam people').isVisible());
    assert.equal(await desk.getByText('+6281234567890').count(), 0, 'contact details hidden until revealed');
    await desk.getByRole('button', { name: 'Reveal contact details' }).click();
    await desk.getByText('+6281234567890').waitFor();
    await desk.getByLabel('New status').selectOption('in-handling');
    await desk.getByLabel('Note to the reporter (optional)').fill('The embassy team is on your case.');
    await desk.getByRole('button', { name: 'Change the status' }).click();
    await desk.getByText('The status was changed.').waitFor();
    assert.deepEqual(await desk.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, [], 'no third-party request');

    // The worker's page: the timeline shows the new stage and the note.
    await worker.reload();
    await worker.click('[data-lang="en"]');
    const stages = form.locator('lindungi-stage-timeline [part="stage"]');
    await stages.first().waitFor();
    const handling = stages.nth(2);
    await handling.getByText('Being handled').waitFor();
    assert.match(await handling.innerText(), /Being handled[\s\S]*Done/);
    await handling.locator('[part="toggle"]').click();
    assert.match(await handling.innerText(), /The embassy team is on your case\./);

    // The audit log has the read and the reveal, by this caseworker.
    const entries = (await server.store.listAudit({ limit: 1000 })).filter((e) => e.ticket === ticket).map((e) => e.action);
    assert.deepEqual(entries.filter((a) => a !== 'read'), ['reveal', 'status']);
    await context.close();
    await worker.context().close();
  });

  it('works by keyboard alone: sign in, open a report, reveal its contact, sign out', async () => {
    const page = await (await browser.newContext({ viewport: { width: 768, height: 1024 } })).newPage();
    const focused = () =>
      page.evaluate(() => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return `${a?.tagName.toLowerCase()}:${a?.id || a?.textContent?.trim()}`;
      });
    const tabTo = async (target: RegExp) => {
      for (let i = 0; i < 40; i++) {
        if (target.test(await focused())) return;
        await page.keyboard.press('Tab');
      }
      assert.fail(`Tab never reached ${target}; focus is on ${await focused()}`);
    };
    await page.goto(`${server.url}/desk/`);
    await page.locator('lindungi-desk #token').waitFor();
    await tabTo(/^button:English$/);
    await page.keyboard.press('Enter');
    await tabTo(/^input:token$/);
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await page.locator('tbody tr').first().waitFor();
    await tabTo(/^button:LDG-/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Report LDG-/ }).waitFor();
    assert.match(await focused(), /^h2:report-title$/, 'focus moves to the report');
    await tabTo(/^button:Reveal contact details$/);
    await page.keyboard.press('Enter');
    await page.getByText('Number or address').waitFor();
    await page.keyboard.press('Shift+Tab');
    await tabTo(/^button:Sign out$/);
    await page.keyboard.press('Enter');
    await page.getByText('You are signed out.').waitFor();
    await page.context().close();
  });

  it('is axe-clean signed out, on the list and on a report', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, bypassCSP: true }); // only so axe can be injected
    const page = await context.newPage();
    await page.goto(`${server.url}/desk/`);
    await page.getByLabel('Token operator Anda').waitFor();
    assert.deepEqual(await axe(page), []);
    await page.getByLabel('Token operator Anda').fill(token);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('tbody tr').first().waitFor();
    assert.deepEqual(await axe(page), []);
    await page.locator('tbody tr button').first().click();
    await page.getByRole('heading', { name: /^Laporan LDG-/ }).waitFor();
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
});
