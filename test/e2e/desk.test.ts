import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { type Browser, type Page } from 'playwright-core';
import { runDeskCommand } from '../../build/server/desk-cli.js';
import { open } from '../../build/server/crypto.js';
import { draft, startTestServer, TEST_DATA_KEY, type TestServer } from '../support/server.js';
import { listen } from '../support/net.js';
import { launchChromium } from '../support/browser.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Violations axe finds on the page (injected in a context that may add the script). */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (el: Element) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run(
      document.body,
    );
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
    browser = await launchChromium();
    const lines: string[] = [];
    const env = server.cliEnv;
    await runDeskCommand(['operator', 'add', '--name', 'Sari', '--role', 'handler'], { env, print: (l) => lines.push(l) });
    token = lines[1].match(/: ([\w-]{43})$/)![1]!;
  });

  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('a caseworker finds the in-danger report, reveals its contact, moves it to "in handling", and the worker sees it', async () => {
    // An older report, not in danger: the in-danger one must still come first.
    await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(draft()),
    });

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
    assert.equal(cookie.name, 'lindungi_desk');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');

    await firstRow.getByRole('link', { name: ticket }).click();
    await desk.getByRole('heading', { name: `Report ${ticket}` }).waitFor();
    assert.ok(await desk.getByText('Kept in a compound and made to scam people').isVisible());
    assert.equal(await desk.getByText('+62 812 3456 7890').count(), 0, 'contact details hidden until revealed');
    await desk.getByRole('button', { name: 'Reveal contact details' }).click();
    // Grouped as a caseworker reads it aloud, and a link that opens the chat with that number.
    const number = desk.getByRole('link', { name: '+62 812 3456 7890' });
    await number.waitFor();
    assert.equal(await number.getAttribute('href'), 'https://wa.me/6281234567890');
    await desk.getByLabel('New status').selectOption('in-handling');
    await desk.getByLabel('Note to the reporter (optional)').fill('The embassy team is on your case.');
    await desk.getByRole('button', { name: 'Change the status' }).click();
    await desk.getByText('The status was changed from Received to In handling.').waitFor();
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
    assert.match(await handling.innerText(), /Being handled[\s\S]*In progress/);
    assert.match(await stages.nth(3).innerText(), /Resolved[\s\S]*Upcoming/);
    // The caseworker's note is open at the top, with who wrote it.
    const latest = form.locator('lindungi-stage-timeline [part="latest-note"]');
    assert.match(await latest.innerText(), /Latest message from Test operator, .*:\s*The embassy team is on your case\./);

    // The audit log has the read and the reveal, by this caseworker.
    const entries = (await server.store.listAudit({ limit: 1000 })).filter((e) => e.ticket === ticket).map((e) => e.action);
    assert.deepEqual(
      entries.filter((a) => a !== 'read'),
      ['reveal', 'status'],
    );
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
    await tabTo(/^a:LDG-/);
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

  it("keeps nothing of one status change for the next, tells the reporter's language, and has an address for each report and the audit log", async () => {
    const lines: string[] = [];
    await runDeskCommand(['operator', 'add', '--name', 'Dewi Admin', '--role', 'admin'], { env: server.cliEnv, print: (l) => lines.push(l) });
    const adminToken = lines[1].match(/: ([\w-]{43})$/)![1];
    const submit = async (overrides: Record<string, unknown>, headers: Record<string, string> = {}) =>
      (
        await (
          await fetch(`${server.url}/v1/reports`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers },
            body: JSON.stringify(draft(overrides)),
          })
        ).json()
      ).ticket as string;
    const khmer = await submit({ locale: 'km', occurredOn: 'unknown', contact: { anonymous: false, method: 'whatsapp', value: '+855 12 345 678' } });
    const dated = await submit({ occurredOn: '2026-11-03' });
    const arabic = await submit({ locale: 'ar', description: 'لم تُدفع أجوري منذ ثلاثة أشهر.' });
    const withdrawn = await submit({ contact: { anonymous: false, method: 'email', value: 'rina@example.org' } }, { 'Withdrawal-Key': 'w'.repeat(43) });
    await fetch(`${server.url}/v1/reports/${withdrawn}`, { method: 'DELETE', headers: { 'Withdrawal-Key': 'w'.repeat(43) } });

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/desk/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Your operator token').fill(adminToken);
    await page.getByLabel('Your operator token').press('Enter');
    await page.locator('tbody tr').first().waitFor();

    // A description written in Arabic reads right to left on the desk, in whatever language the desk is.
    await page.goto(`${server.url}/desk/#/reports/${arabic}`);
    await page.getByRole('heading', { name: `Report ${arabic}` }).waitFor();
    const description = page.getByText('لم تُدفع أجوري منذ ثلاثة أشهر.');
    assert.equal(await description.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    assert.match(await page.locator('dl').first().innerText(), /Reporter’s language\s*Arabic/);

    // Each report has its own address; a reload stays there, in the language chosen.
    await page.goto(`${server.url}/desk/#/reports/${khmer}`);
    await page.getByRole('heading', { name: `Report ${khmer}` }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: `Report ${khmer}` }).waitFor();
    assert.match(await page.locator('dl').first().innerText(), /Reporter’s language\s*Khmer/);
    assert.match(await page.locator('dl').first().innerText(), /When\s*The reporter does not know/);
    assert.ok(await page.getByText('The reporter reads Khmer; the note is shown as you write it.').isVisible());

    // Revealed once, the contact stays shown through a status change; the form is empty after each change.
    await page.getByRole('button', { name: 'Reveal contact details' }).click();
    await page.getByText('+855 12 345 678').waitFor();
    assert.equal(await page.getByLabel('New status').inputValue(), '', 'no status is chosen for the caseworker');
    await page.getByLabel('New status').selectOption('verified');
    await page.getByLabel('Note to the reporter (optional)').fill('We checked your report.');
    await page.getByLabel('Internal note (optional)').fill('Called the shelter');
    await page.getByRole('button', { name: 'Change the status' }).click();
    await page.getByText('The status was changed from Received to Verified.').waitFor();
    assert.ok(await page.getByText('+855 12 345 678').isVisible(), 'the revealed contact is still shown');
    assert.equal(await page.getByLabel('New status').inputValue(), '');
    assert.equal(await page.getByLabel('Note to the reporter (optional)').inputValue(), '');
    assert.equal(await page.getByLabel('Internal note (optional)').inputValue(), '');
    // Save needs an explicit choice: nothing is sent without one.
    await page.getByLabel('Note to the reporter (optional)').fill('Second note');
    await page.getByRole('button', { name: 'Change the status' }).click();
    assert.equal((await server.store.stages(khmer)).length, 2, 'no second change without a chosen status');
    const key = [Buffer.from(TEST_DATA_KEY, 'base64')];
    const notes = (await server.store.stages(khmer)).map((stage) => (stage.publicNote ? open(key, stage.publicNote) : null));
    assert.deepEqual(notes, [null, 'We checked your report.']);
    const reveals = (await server.store.listAudit({ limit: 1000 })).filter((e) => e.ticket === khmer && e.action === 'reveal');
    assert.equal(reveals.length, 1, 'one reveal, one audit entry');

    // Another report: the old message does not follow, the date is in the reader's language.
    await page.goto(`${server.url}/desk/#/reports/${dated}`);
    await page.getByRole('heading', { name: `Report ${dated}` }).waitFor();
    assert.equal(await page.getByText(/The status was changed/).count(), 0);
    assert.match(await page.locator('dl').first().innerText(), /When\s*November 3, 2026/);
    // A withdrawn report has no contact to reveal.
    await page.goto(`${server.url}/desk/#/reports/${withdrawn}`);
    await page.getByText('Contact details deleted: the reporter withdrew the report.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Reveal contact details' }).count(), 0);

    // Back returns to the report before; the audit log reads as sentences with names.
    await page.goBack();
    await page.getByRole('heading', { name: `Report ${dated}` }).waitFor();
    await page.goto(`${server.url}/desk/#/audit`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const log = await page.locator('tbody').innerText();
    assert.match(log, /Dewi Admin\s+Changed the status\s+LDG-\S+\s+Status Received → Verified/);
    assert.match(log, /Dewi Admin\s+Revealed the contact details/);
    assert.match(log, /The reporter\s+Withdrew the report/);
    assert.match(log, /Command line \(desk command\)\s+Created an operator/);
    assert.ok(!/[{}]/.test(log), 'no JSON in the log');
    await page.reload();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await context.close();
  });

  it("a page on another port of the same host cannot close a report or reveal its contact through a signed-in caseworker's cookie", async () => {
    const ticket = (
      await (
        await fetch(`${server.url}/v1/reports`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify(draft({ contact: { anonymous: false, method: 'email', value: 'rina@example.org' } })),
        })
      ).json()
    ).ticket as string;
    // The attacker's page: a form that posts JSON-looking text/plain, and a no-cors fetch, with the cookie.
    const target = `${server.url}/v1/desk/reports/${ticket}`;
    const page = `<!doctype html><title>Cheap flights</title>
      <form id="f" method="POST" action="${target}/status" enctype="text/plain" target="sink"><input name='{"status":"closed","reason":"forged","x":"' value='"}'></form>
      <iframe name="sink"></iframe>
      <script>
        fetch(${JSON.stringify(`${target}/reveal`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
        fetch(${JSON.stringify(`${target}/status`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ status: 'closed', reason: 'forged' }) });
        document.getElementById('f').submit();
      </script>`;
    const attacker = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page));
    await listen(attacker);
    const context = await browser.newContext();
    try {
      const desk = await context.newPage();
      await desk.goto(`${server.url}/desk/`);
      await desk.getByLabel('Token operator Anda').fill(token);
      await desk.getByLabel('Token operator Anda').press('Enter');
      await desk.locator('tbody tr').first().waitFor();
      const statuses: number[] = [];
      const evil = await context.newPage();
      evil.on('response', (r) => r.url().startsWith(target) && statuses.push(r.status()));
      await evil.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      await evil.waitForTimeout(1500);
      assert.equal((await server.store.rawRow(ticket))!.status, 'received', 'the report was not closed');
      const audit = (await server.store.listAudit({ limit: 1000 })).filter((e) => e.ticket === ticket).map((e) => e.action);
      assert.deepEqual(audit, [], 'nothing was revealed or changed');
      assert.ok(statuses.length > 0 && statuses.every((status) => status === 415 || status === 403), `the server answered ${statuses.join(', ')}`);
    } finally {
      await context.close();
      attacker.close();
    }
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
    await page.locator('tbody tr a').first().click();
    await page.getByRole('heading', { name: /^Laporan LDG-/ }).waitFor();
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
});
