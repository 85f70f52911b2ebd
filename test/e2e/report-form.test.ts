import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { open } from '../../build/server/crypto.js';
import { startTestServer, TEST_DATA_KEY, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';

/**
 * The report form on the demo partner page (CDN build, strict CSP with Trusted Types) against the
 * real API server and its SQLite file, in Chromium: what a reader does, and what the server and
 * the device keep afterwards.
 */
describe('report form on a partner page, against the real API', () => {
  let server: TestServer;
  let browser: Browser;
  let origin: string;
  const key = Buffer.from(TEST_DATA_KEY, 'base64');

  before(async () => {
    server = await startTestServer();
    origin = server.url;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /** A fresh reader (own IndexedDB) on the demo page, in English, with page errors collected. */
  async function openForm(context?: BrowserContext): Promise<{ page: Page; form: Locator; context: BrowserContext; errors: string[]; consoleText: string[] }> {
    context ??= await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const consoleText: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => consoleText.push(m.text()));
    await page.addInitScript(() => {
      const w = window as unknown as { formEvents: Array<{ type: string; detail: unknown }>; violations: string[] };
      w.formEvents = [];
      w.violations = [];
      for (const type of ['lindungi-submitted', 'lindungi-queued', 'lindungi-invalid', 'lindungi-exit']) {
        document.addEventListener(type, (e) => w.formEvents.push({ type, detail: (e as CustomEvent).detail }));
      }
      document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${origin}/`);
    await page.click('[data-lang="en"]');
    const form = page.locator('lindungi-report-form');
    await form.locator('[part="continue"]').waitFor();
    return { page, form, context, errors, consoleText };
  }

  /** Every value the SDK keeps in the page's IndexedDB (reports, drafts, content). */
  const deviceStore = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
          const opening = indexedDB.open('lindungi');
          opening.onerror = () => reject(opening.error ?? new Error('IndexedDB did not open'));
          opening.onsuccess = () => {
            const all = opening.result.transaction('kv').objectStore('kv').getAll();
            all.onsuccess = () => resolve(all.result);
            all.onerror = () => reject(all.error ?? new Error('IndexedDB did not answer'));
          };
        }),
    );

  /** The focused element, inside shadow roots: its id, or its part. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.id || active?.getAttribute('part') || active?.tagName.toLowerCase() || '';
    });

  /** Press Tab until the focused element is `target` (an id or a part). */
  async function tabTo(page: Page, target: string): Promise<void> {
    for (let i = 0; i < 80; i++) {
      if ((await focused(page)) === target) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reached ${target}; focus is on ${await focused(page)}`);
  }

  async function fillToCheck(
    form: Locator,
    answers: { description: string; place?: string; employer?: string; name?: string; anonymous?: boolean },
  ): Promise<void> {
    await form.locator('#inDanger-no').check();
    await form.locator('[part="continue"]').click();
    await form.locator('#category-unpaid-wages').check();
    await form.locator('#description').fill(answers.description);
    if (answers.place) await form.locator('#place').fill(answers.place);
    if (answers.employer) await form.locator('#employer').fill(answers.employer);
    await form.locator('[part="continue"]').click();
    if (answers.anonymous) await form.locator('#contact-anonymous').check();
    else {
      await form.locator('#contact-whatsapp').check();
      await form.locator('#contactValue').fill('+62 812 3456 7890');
      if (answers.name) await form.locator('#name').fill(answers.name);
    }
    await form.locator('[part="continue"]').click();
    await form.locator('[part="answers"]').waitFor();
  }

  it('takes a complete report by keyboard alone; typed markup stays inert text on the page, on the server and in its status', async () => {
    const { page, form, context, errors, consoleText } = await openForm();
    const payloads = {
      description: 'Paid nothing <img src=x onerror="window.pwned=1"> for 3 months',
      place: '<script>window.pwned=2</script>Sihanoukville',
      employer: '"><svg onload="window.pwned=3">Agency',
      name: '<b onmouseover="window.pwned=4">Sari</b>',
    };
    const rowsBefore = await server.store.count();

    // Step 1, reached from the page as a keyboard user does: the first answer, then Continue.
    await form.locator('#inDanger-yes').focus();
    await page.keyboard.press('ArrowDown'); // "No"
    await tabTo(page, 'continue');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.getAttribute('part') === 'step-heading' && active.textContent?.trim() === 'What happened?';
    }); // focus moves to the new step's question

    // Step 2.
    await tabTo(page, 'category-recruitment-fraud');
    await page.keyboard.press('ArrowDown'); // the second category
    await tabTo(page, 'description');
    await page.keyboard.type(payloads.description);
    await tabTo(page, 'place');
    await page.keyboard.type(payloads.place);
    await tabTo(page, 'employer');
    await page.keyboard.type(payloads.employer);
    await tabTo(page, 'continue');
    await page.keyboard.press('Enter');

    // Step 3.
    await tabTo(page, 'contact-phone');
    await page.keyboard.press('ArrowDown'); // WhatsApp
    await tabTo(page, 'contactValue');
    await page.keyboard.type('+62 812-3456-7890');
    await tabTo(page, 'name');
    await page.keyboard.type(payloads.name);
    await tabTo(page, 'continue');
    await page.keyboard.press('Enter');

    // Step 4: every answer as inert text; then age, consent, send.
    const answers = form.locator('[part="answers"]');
    await answers.waitFor();
    const shown = await answers.innerText();
    for (const text of Object.values(payloads)) assert.ok(shown.includes(text), `check page shows ${text}`);
    assert.ok(shown.includes('0812-3456-7890 (Indonesia)'), 'the number grouped as Indonesia writes it, with the country');
    assert.equal(await answers.locator('img, script, svg, b').count(), 0);
    await tabTo(page, 'adult-yes');
    await page.keyboard.press('Space');
    await tabTo(page, 'consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'continue');
    await page.keyboard.press('Enter');

    const ticket = (await form.locator('[part="ticket"]').innerText()).trim();
    assert.match(ticket, /^LDG-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(await server.store.count(), rowsBefore + 1);
    const row = (await server.store.rawRow(ticket))!;
    assert.equal(row.category, 'forced-scam-work');
    assert.equal(row.in_danger, 0);
    assert.equal(row.consent_by, 'reporter');
    assert.equal(open(key, row.description as string), payloads.description);
    assert.equal(open(key, row.location_place as string), payloads.place);
    assert.equal(open(key, row.employer_or_agency as string), payloads.employer);
    assert.deepEqual(JSON.parse(open(key, row.contact_sealed as string)), { method: 'whatsapp', value: '+6281234567890', name: payloads.name });

    // The status page has nothing personal, and nothing ran.
    const status = await (await fetch(`${origin}/v1/reports/${ticket}`)).text();
    for (const text of [...Object.values(payloads), '6281234567890']) assert.ok(!status.includes(text), `status leaks ${text}`);
    await form.locator('lindungi-stage-timeline [part="stages"]').waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);

    // Events carry names and ids only.
    const events = await page.evaluate(() => (window as unknown as { formEvents: unknown[] }).formEvents);
    assert.deepEqual(events, [{ type: 'lindungi-submitted', detail: { ticket } }]);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(await context.cookies(), []);
    // Nothing the reader typed reaches the console or the URL.
    for (const text of [...Object.values(payloads), '6281234567890', '812-3456']) {
      assert.ok(!consoleText.some((line) => line.includes(text)), `console shows ${text}`);
      assert.ok(!page.url().includes(encodeURIComponent(text)) && !page.url().includes(text), `URL has ${text}`);
    }
    await context.close();
  });

  it('keeps a report sent while every API connection is cut, and turns it into a ticket once the server is back: one row', async () => {
    const { page, form, context } = await openForm();
    await fillToCheck(form, { description: 'Queued while offline', anonymous: true });
    await form.locator('#adult-yes').check();
    await form.locator('#consent').check();
    const rowsBefore = await server.store.count();
    server.faults.dropRate = 1;
    try {
      await form.locator('[part="continue"]').click();
      await form.locator('[part="queued"]').waitFor();
      assert.match(await form.locator('[part="queued"]').innerText(), /Saved on this device[\s\S]*site data/);
      assert.equal(await server.store.count(), rowsBefore);
      const queued = await page.evaluate(() => (window as unknown as { formEvents: Array<{ type: string; detail: { localId?: string } }> }).formEvents);
      assert.equal(queued.length, 1);
      assert.equal(queued[0].type, 'lindungi-queued');
      assert.match(queued[0].detail.localId!, /^local-/);
    } catch (error) {
      server.faults.dropRate = 0;
      throw error;
    }

    // Back online: the page changes live to the ticket. Connections stay cut until the press itself,
    // so the outbox's own next attempt cannot send it first: a click that waits for the button to
    // hold still could otherwise find it replaced by the ticket.
    const tryNow = form.getByRole('button', { name: 'Try sending now' });
    await tryNow.waitFor();
    server.faults.dropRate = 0;
    await tryNow.evaluate((button) => (button as HTMLButtonElement).click());
    const ticket = (await form.locator('[part="ticket"]').innerText()).trim();
    assert.match(ticket, /^LDG-/);
    assert.equal(await server.store.count(), rowsBefore + 1);
    assert.equal(open(key, (await server.store.rawRow(ticket))!.description as string), 'Queued while offline');
    const events = await page.evaluate(() => (window as unknown as { formEvents: Array<{ type: string }> }).formEvents.map((e) => e.type));
    assert.deepEqual(events, ['lindungi-queued', 'lindungi-submitted']);
    await context.close();
  });

  it('spends no attempt while the phone is offline, so the report goes out the moment the network is back', async () => {
    const { page, form, context } = await openForm();
    await fillToCheck(form, { description: 'Written with no network', anonymous: true });
    await form.locator('#adult-yes').check();
    await form.locator('#consent').check();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/v1/reports')) posts.push(r.url());
    });
    const rowsBefore = await server.store.count();
    await context.setOffline(true);
    await form.locator('[part="continue"]').click();
    await form.locator('[part="queued"]').waitFor();
    // Long enough for two retries under the default backoff (the first comes within 2 s).
    await page.waitForTimeout(4500);
    const waiting = (await deviceStore(page)).filter((v) => v?.localId).map((v) => ({ state: v.state, attempts: v.attempts }));
    // Nothing was tried while the phone knew it was offline: no request, no attempt counted
    // (each would have doubled the wait once the network is back).
    assert.deepEqual(waiting, [{ state: 'pending', attempts: 0 }]);
    assert.deepEqual(posts, []);
    // "Try sending now" says the phone is offline, rather than seem to do nothing.
    await form.getByRole('button', { name: 'Try sending now' }).click();
    await form.locator('[part="notice"]').getByText('This phone is offline, so the report cannot be sent now.').waitFor();
    assert.equal(await focused(page), 'notice');
    assert.deepEqual(posts, []);
    const back = Date.now();
    await context.setOffline(false);
    const ticket = (await form.locator('[part="ticket"]').innerText()).trim();
    assert.match(ticket, /^LDG-/);
    assert.ok(Date.now() - back < 3000, `sent ${Date.now() - back} ms after the network came back`);
    assert.equal(posts.length, 1);
    assert.equal(await server.store.count(), rowsBefore + 1);
    await context.close();
  });

  it('shows a report closed while it was on its way as sent, never as answers to send again', async () => {
    const { page, form, context } = await openForm();
    await fillToCheck(form, { description: 'Sent on a slow connection, then the tab was closed', anonymous: true });
    await form.locator('#adult-yes').check();
    await form.locator('#consent').check();
    const rowsBefore = await server.store.count();
    // A slow connection: the first attempt is still on its way when the page goes.
    server.faults.holdMs = 2000;
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/v1/reports'));
    await form.locator('[part="continue"]').click();
    await posted;
    const postedAt = Date.now();
    server.faults.holdMs = 0;
    await page.reload();
    await page.click('[data-lang="en"]');
    // The report is on the device and goes out: the form follows it instead of offering the
    // answers again (sending those would make a second report).
    const ticket = (await form.locator('[part="ticket"]').innerText()).trim();
    assert.match(ticket, /^LDG-/);
    assert.equal(await form.locator('[part="restored"]').count(), 0);
    assert.equal(await form.locator('#consent').count(), 0);
    // The first attempt, held by the server, has ended too: still one report.
    await page.waitForTimeout(Math.max(0, postedAt + 2500 - Date.now()));
    assert.equal(await server.store.count(), rowsBefore + 1);
    const kept = JSON.stringify(await deviceStore(page));
    // What the reporter wrote is gone from the device once the server has it.
    assert.doesNotMatch(kept, /slow connection/);
    assert.doesNotMatch(await page.evaluate(() => JSON.stringify({ ...localStorage })), /slow connection/);
    await context.close();
  });

  it('restores every answer after a reload, with a note', async () => {
    const { page, form, context } = await openForm();
    await form.locator('#inDanger-no').check();
    await form.locator('[part="continue"]').click();
    await form.locator('#category-violence').check();
    await form.locator('#description').fill('Typed before the battery died');
    await form.locator('#occurredOn').fill('2026-11-01');
    await form.locator('#country').selectOption('MY');
    await form.locator('#place').fill('Johor Bahru');
    await form.locator('#employer').fill('PT Example');
    await page.waitForTimeout(800); // the draft is saved once typing pauses
    await page.reload();
    await page.click('[data-lang="en"]');
    await form.locator('[part="restored"]').waitFor();
    assert.match(await form.locator('[part="restored"]').innerText(), /Your draft was restored/);
    assert.equal(await form.locator('#category-violence').isChecked(), true);
    assert.equal(await form.locator('#description').inputValue(), 'Typed before the battery died');
    assert.equal(await form.locator('#occurredOn').inputValue(), '2026-11-01');
    assert.equal(await form.locator('#country').inputValue(), 'MY');
    assert.equal(await form.locator('#place').inputValue(), 'Johor Bahru');
    assert.equal(await form.locator('#employer').inputValue(), 'PT Example');
    // Back to step 1 keeps its answer too.
    await form.locator('[part="back"]').click();
    assert.equal(await form.locator('#inDanger-no').isChecked(), true);
    await context.close();
  });

  it('loses nothing when the reader leaves with a link and comes back with Back, even right after typing', async () => {
    const { page, form, context } = await openForm();
    await form.locator('#inDanger-no').check();
    await form.locator('[part="continue"]').click();
    await form.locator('#description').fill('Typed just before leaving');
    await page.goto(`${origin}/healthz?elsewhere`); // at once: the draft is written as the page is hidden
    await page.goBack();
    await page.click('[data-lang="en"]');
    await form.locator('#description').waitFor();
    assert.equal(await form.locator('#description').inputValue(), 'Typed just before leaving');
    await page.goForward();
    await page.goBack();
    await form.locator('#description').waitFor();
    assert.equal(await form.locator('#description').inputValue(), 'Typed just before leaving');
    await context.close();
  });

  it('keeps the unsent draft on exit where the partner sets keep-draft-on-exit', async () => {
    const { page, form, context } = await openForm();
    await form.evaluate((el, url) => {
      el.setAttribute('exit-url', url);
      el.setAttribute('keep-draft-on-exit', '');
    }, `${origin}/healthz?exit`);
    await form.locator('#inDanger-no').check();
    await form.locator('[part="continue"]').click();
    await form.locator('#description').fill('Kept for a later visit');
    await page.waitForTimeout(800);
    await form.locator('[part="exit"]').click();
    await page.waitForURL(`${origin}/healthz?exit`);
    assert.ok((await deviceText(page)).includes('Kept for a later visit'));
    await context.close();
  });

  /** Everything this origin keeps in IndexedDB and localStorage, as text. */
  const deviceText = (page: Page) =>
    page.evaluate(async () => {
      const texts: string[] = [JSON.stringify({ ...localStorage })];
      for (const { name } of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name!);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('IndexedDB did not answer'));
        });
        for (const store of db.objectStoreNames) {
          const all = await new Promise<unknown[]>((resolve) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
          });
          texts.push(JSON.stringify(all));
        }
        db.close();
      }
      return texts.join('\n');
    });

  it('erases the draft and a sent report from the device: IndexedDB and localStorage hold nothing of them', async () => {
    const { page, form, context } = await openForm();
    await form.locator('#inDanger-no').check();
    await form.locator('[part="continue"]').click();
    await form.locator('#description').fill('Secret draft words');
    await page.waitForTimeout(800);
    assert.ok((await deviceText(page)).includes('Secret draft words'), 'the draft is kept on the device');
    await form.locator('[part="erase"]').click();
    await form.getByRole('button', { name: 'Erase', exact: true }).click();
    await form.locator('#inDanger-yes').waitFor();
    assert.equal(await form.locator('[part="notice"]').innerText(), 'The report was erased from this device.');
    assert.equal(await focused(page), 'notice', 'focus lands on the message that says what happened');
    assert.ok(!(await deviceText(page)).includes('Secret draft words'));

    // A sent report: its ticket is remembered until erased.
    await fillToCheck(form, { description: 'Sent then erased', anonymous: true });
    await form.locator('#adult-yes').check();
    await form.locator('#consent').check();
    await form.locator('[part="continue"]').click();
    const ticket = (await form.locator('[part="ticket"]').innerText()).trim();
    assert.ok((await deviceText(page)).includes(ticket));
    await form.locator('[part="erase"]').click();
    // Before erasing a sent report: its ticket goes too, so write it down first.
    assert.match(await form.locator('#erase-q').innerText(), /Its ticket will be gone from this device too, so write the ticket down first/);
    await form.getByRole('button', { name: 'Erase', exact: true }).click();
    await form.locator('#inDanger-yes').waitFor();
    assert.equal(await focused(page), 'notice');
    const left = await deviceText(page);
    assert.ok(!left.includes(ticket), 'the ticket is gone');
    assert.ok(!left.includes('Sent then erased'));
    await context.close();
  });

  it('withdraws a report with the key kept on the device; without the key the server refuses and nothing changes', async () => {
    const { page, form, context } = await openForm();
    await fillToCheck(form, { description: 'To be withdrawn', name: 'Rina' });
    await form.locator('#adult-no').check();
    await form.locator('#consent').check();
    await form.locator('[part="continue"]').click();
    const ticket = (await form.locator('[part="ticket"]').innerText()).trim();
    assert.equal((await server.store.rawRow(ticket))!.consent_by, 'guardian', 'a reporter under 18: a guardian consented');

    const forged = await page.evaluate(
      async (t) => (await fetch(`/v1/reports/${t}`, { method: 'DELETE', headers: { 'Withdrawal-Key': 'not-the-key-not-the-key-not-the-key-00' } })).status,
      ticket,
    );
    assert.equal(forged, 403);
    assert.equal((await server.store.rawRow(ticket))!.status, 'received');
    assert.notEqual((await server.store.rawRow(ticket))!.contact_sealed, null);

    const timeline = form.locator('lindungi-stage-timeline');
    await timeline.locator('[part="stage"]').first().waitFor();
    await form.locator('[part="withdraw"]').click();
    await form.getByRole('button', { name: 'Withdraw the report' }).click();
    await form.getByText('Your report was withdrawn').waitFor();
    // Focus on what happened, and the timeline below says withdrawn at once, without a reload.
    assert.equal(await focused(page), 'outcome-message');
    await timeline.getByText('Withdrawn by you').waitFor({ timeout: 3000 });
    assert.match(await timeline.locator('.description').innerText(), /withdrawn by the person who sent it/);
    assert.equal(await timeline.locator('[aria-current]').count(), 0, 'no stage is in progress');
    const row = (await server.store.rawRow(ticket))!;
    assert.equal(row.status, 'withdrawn');
    assert.equal(row.contact_sealed, null);
    await context.close();
  });

  for (const how of ['button', 'Shift three times (left, right, left)'] as const) {
    it(`exits by ${how}: leaves with location.replace, erases the draft, and Back shows no typed text`, async () => {
      const { page, form, context } = await openForm();
      await page.goto(`${origin}/healthz?before`);
      await page.goto(`${origin}/`);
      await page.click('[data-lang="en"]');
      await form.locator('[part="continue"]').waitFor();
      await form.evaluate((el, url) => el.setAttribute('exit-url', url), `${origin}/healthz?exit`);
      await form.locator('#inDanger-no').check();
      await form.locator('[part="continue"]').click();
      await form.locator('#description').fill('Words nobody else may read');
      await page.waitForTimeout(800);
      assert.ok((await deviceText(page)).includes('Words nobody else may read'));
      const historyBefore = await page.evaluate(() => history.length);

      if (how === 'button') await form.locator('[part="exit"]').click();
      else {
        await form.locator('#description').focus();
        for (const key of ['ShiftLeft', 'ShiftRight', 'ShiftLeft']) await page.keyboard.press(key);
      }
      await page.waitForURL(`${origin}/healthz?exit`);
      assert.equal(await page.evaluate(() => history.length), historyBefore, 'the form’s entry was replaced, not added to');
      assert.ok(!(await deviceText(page)).includes('Words nobody else may read'), 'the draft is erased');

      // Back goes to the page before the form, not to the form.
      await page.goBack();
      assert.equal(page.url(), `${origin}/healthz?before`);
      // Coming to the form again: empty, nothing restored.
      await page.goto(`${origin}/`);
      await page.click('[data-lang="en"]');
      await form.locator('#inDanger-yes').waitFor();
      assert.equal(await form.locator('[part="restored"]').count(), 0);
      assert.equal(await form.locator('#inDanger-no').isChecked(), false);
      await context.close();
    });
  }
});
