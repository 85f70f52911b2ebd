/**
 * Soak: reports typed into `<lindungi-report-form>` on real Chromium pages and sent through the
 * form's own outbox (IndexedDB, idempotency keys, retries), while the server fails 30 % of API
 * requests (half of them after the report is stored, so only the answer is lost) and delays the
 * rest, the network is cut twice and every page is reloaded twice mid-run: once while it waits for
 * a report to go out, once right as Send is pressed (the report may or may not be kept yet; either
 * way it must go out once). At the end: one row per report, no duplicate, none lost, and how long
 * the outbox took to settle.
 *
 *   npm run soak                       SQLite (one instance), then PostgreSQL (two instances
 *                                      behind a round-robin balancer) where it is available
 *   REPORTS=1000 PHONES=8 STORES=sqlite,postgres node bench/soak.mjs
 *
 * Everything runs on loopback. Each run is bounded: it stops with an error after TIMEOUT_S
 * (default 1200) seconds. PostgreSQL is LINDUNGI_BENCH_DATABASE_URL, or a throwaway server when
 * Debian's `postgresql` package is installed. Exits 1 if any report is lost or stored twice.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { open } from '../build/server/crypto.js';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { postgresBin, startPostgres } from '../scripts/postgres.mjs';

const REPORTS = Number(process.env.REPORTS ?? 1000);
/**
 * Pages, each in a browser context of its own: a phone with its own IndexedDB. (Two tabs of one
 * form on one phone share its draft, as they should, so one reader types on each phone.)
 */
const PHONES = Number(process.env.PHONES ?? 8);
const STORES = (process.env.STORES ?? 'sqlite,postgres').split(',');
const TIMEOUT_MS = Number(process.env.TIMEOUT_S ?? 1200) * 1000;
const CUT_MS = 8000;
const root = new URL('..', import.meta.url).pathname;
const DATA_KEY = Buffer.alloc(32, 7);

let chromiumVersion = '';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** One `node server` process with faults on; resolves with its URL once its health check answers. */
async function startInstance(env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['server'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LINDUNGI_DATA_KEY: DATA_KEY.toString('base64'),
      LINDUNGI_OPERATOR_NAME: 'Soak operator',
      LINDUNGI_OPERATOR_CONTACT: 'reports@example.org',
      LINDUNGI_RATE_LIMIT: '1000000000',
      // 30 % of /v1/ requests fail, half of them after the work is done; every request waits up to 300 ms.
      LINDUNGI_TEST_FAULTS: '1',
      LINDUNGI_FAULT_ERROR_RATE: '0.3',
      LINDUNGI_FAULT_DELAY_MS: '300',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop: () => child.kill('SIGTERM') };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

const PAGE = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lapor</title><script type="module" src="/dist/cdn/report-form.js"></script></head>
<body><main><h1>Laporkan eksploitasi</h1><lindungi-report-form api="/" heading-level="2"></lindungi-report-form></main></body></html>`;

/**
 * The partner's site on one origin: the form's page, and every other request passed to the API
 * instances in turn (a round-robin balancer). Answers its URL and `close()`.
 */
async function startSite(upstreams) {
  let turn = 0;
  const site = createServer((req, res) => {
    if (req.url === '/soak.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(PAGE);
      return;
    }
    const upstream = new URL(upstreams[turn++ % upstreams.length]);
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${site.address().port}`, close: () => new Promise((resolve) => site.close(resolve)) };
}

/**
 * One run: PHONES pages type REPORTS reports between them. Each report's description
 * carries its number, so the stored rows can be matched to what was typed.
 */
async function soak(label, instances, readDescriptions) {
  const site = await startSite(instances.map((i) => i.url));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  chromiumVersion = browser.version();
  const started = Date.now();
  const deadline = started + TIMEOUT_MS;
  const figures = { cuts: 0, reloads: 0, queuedAtHandover: 0, reloadedWhilePending: 0, reloadedAtSend: 0, sentAgainAfterReload: 0, pageErrors: [] };
  let next = 0;
  let handedOver = 0;
  let lastHandoverAt = 0;
  /** Per report: from the press of "Send" until the page shows its ticket (ms). */
  const toTicket = [];
  /**
   * Set while the pages are to reload: each reloads once, at its next safe point, or, in the round
   * `AT_SEND`, right as it presses Send.
   */
  let reloadRound = 0;
  const AT_SEND = 2;
  const reloadDue = (tab) => tab.reloadedFor < reloadRound && reloadRound !== AT_SEND;

  const phones = await Promise.all(Array.from({ length: PHONES }, () => browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' })));
  const tabs = [];
  for (const phone of phones) {
    const page = await phone.newPage();
    page.on('pageerror', (e) => figures.pageErrors.push(e.message));
    tabs.push({ page, phone, reloadedFor: 0, log: [] });
  }

  /** The driver's last steps on a page, shown if the run goes wrong there. */
  const note = (tab, text) => {
    tab.log.push(`${((Date.now() - started) / 1000).toFixed(1)} s ${text}`);
    if (tab.log.length > 20) tab.log.shift();
  };
  const shown = (form) => form.evaluate((el) => el.shadowRoot?.querySelector('[part="ticket"]')?.textContent?.trim() ?? '').catch(() => '');

  /** Load (or reload) the page until the form is ready; a failed load of the form's content is retried as a reader would. */
  async function ready(tab, reload) {
    if (reload) await tab.page.reload({ waitUntil: 'commit' });
    else await tab.page.goto(`${site.url}/soak.html`, { waitUntil: 'commit' });
    const form = tab.page.locator('lindungi-report-form');
    for (;;) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the form');
      const state = await form
        .evaluate((el) => {
          const base = el.shadowRoot?.querySelector('[part="base"]');
          if (!base || base.getAttribute('aria-busy') !== 'false') return 'loading';
          if (el.shadowRoot.querySelector('[part="sent"]')) return 'sent';
          if (el.shadowRoot.querySelector('[part="queued"]')) return 'queued';
          if (el.shadowRoot.querySelector('[part="continue"]')) return 'form';
          if (el.shadowRoot.querySelector('[part="retry"]')) return 'retry';
          return 'loading';
        })
        .catch(() => 'loading');
      if (state === 'retry')
        await form
          .locator('[part="retry"]')
          .first()
          .click()
          .catch(() => undefined);
      else if (state !== 'loading') {
        note(tab, `${reload ? 'reloaded' : 'loaded'}: ${state} ${await shown(form)}`);
        return state;
      }
      await sleep(100);
    }
  }

  /** Wait until the form shows its report as sent; reload when a reload round is due. */
  async function untilSent(tab) {
    const form = tab.page.locator('lindungi-report-form');
    for (;;) {
      if (Date.now() > deadline) throw new Error('timed out waiting for a report to be sent');
      if (reloadDue(tab)) {
        tab.reloadedFor = reloadRound;
        if ((await form.locator('[part="queued"]').count()) > 0) figures.reloadedWhilePending++;
        const state = await ready(tab, true);
        if (state === 'form') return; // the report was sent and followed elsewhere: nothing to wait for
        continue;
      }
      if ((await form.locator('[part="sent"]').count()) > 0) {
        note(tab, `sent ${await shown(form)}`);
        return;
      }
      await sleep(100);
    }
  }

  /** Tick the consent and send. Who receives the report is loaded from the API: when that fails, the reader presses "Try again". */
  async function agreeAndSend(form) {
    while (!(await form.locator('#consent').count())) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the consent');
      await form
        .locator('[part="consent"] [part="retry"]')
        .click({ timeout: 200 })
        .catch(() => undefined);
    }
    if (!(await form.locator('#consent').isChecked())) await form.locator('#consent').check();
    await form.locator('[part="continue"]').click();
  }

  async function drive(tab) {
    let state = await ready(tab, false);
    const form = tab.page.locator('lindungi-report-form');
    for (;;) {
      if (state === 'queued' || state === 'sent') await untilSent(tab);
      if (await form.locator('[part="sent"]').count()) {
        note(tab, `start a new report after ${await shown(form)}`);
        await form.locator('[part="sent"] .actions button.link').click();
      }
      if (reloadDue(tab)) {
        tab.reloadedFor = reloadRound;
        state = await ready(tab, true);
        continue;
      }
      const n = next++;
      if (n >= REPORTS) return;
      note(tab, `typing report ${n}`);
      await form.locator('#inDanger-no').check();
      await form.locator('[part="continue"]').click();
      await form.locator('#category-unpaid-wages').check();
      await form.locator('#description').fill(`Laporan soak nomor ${n}: gaji tidak dibayar selama tiga bulan.`);
      await form.locator('[part="continue"]').click();
      await form.locator('#contact-anonymous').check();
      await form.locator('[part="continue"]').click();
      await form.locator('#adult-yes').check();
      await agreeAndSend(form);
      if (tab.reloadedFor < reloadRound && reloadRound === AT_SEND) {
        tab.reloadedFor = reloadRound;
        figures.reloadedAtSend++;
        if ((await ready(tab, true)) === 'form') {
          // The page went before the report was kept: the answers are back at the last step, and
          // the reader sends them again. Had the report been kept, this would make it twice.
          if (!(await form.locator('[part="restored"]').count()) || !(await form.locator('#adult-yes').isChecked())) {
            throw new Error(`report ${n}: after the reload the form shows neither the report nor the answers at the last step`);
          }
          figures.sentAgainAfterReload++;
          note(tab, `answers back after the reload: sending ${n} again`);
          await agreeAndSend(form);
        }
      }
      await form.locator('[part="sent"], [part="queued"], [part="notice"]').first().waitFor({ timeout: 60_000 });
      if (await form.locator('[part="queued"]').count()) figures.queuedAtHandover++;
      else if (!(await form.locator('[part="sent"]').count())) {
        // Refused, or not kept on the device: neither may happen to a valid report.
        throw new Error(`report ${n} was not taken: ${await form.locator('[part="notice"]').innerText()}`);
      }
      note(tab, `handed over ${n}: ${(await form.locator('[part="queued"]').count()) ? 'queued' : `sent ${await shown(form)}`}`);
      handedOver++;
      const handedAt = (lastHandoverAt = Date.now());
      state = 'sent-or-queued';
      await untilSent(tab);
      toTicket.push(Date.now() - handedAt);
    }
  }

  /** The faults on the device's side: two network cuts and two reloads, spread over the run. */
  async function disturb() {
    const at = (share) => Math.floor(REPORTS * share);
    const until = async (n) => {
      while (handedOver < n && Date.now() < deadline) await sleep(50);
    };
    const cut = async () => {
      figures.cuts++;
      await Promise.all(phones.map((p) => p.setOffline(true)));
      await sleep(CUT_MS);
      await Promise.all(phones.map((p) => p.setOffline(false)));
    };
    await until(at(0.2));
    // The first reload comes as the first cut ends: reports wait in the outbox, and the flush the
    // return online starts is cut short by the reload.
    await cut();
    reloadRound++;
    figures.reloads++;
    await until(at(0.55));
    await cut();
    await until(at(0.8));
    reloadRound++;
    figures.reloads++;
  }

  let settledMs;
  let stored;
  let onDevices;
  try {
    await Promise.all([
      ...tabs.map((tab, i) =>
        drive(tab).catch(async (error) => {
          // What the reader saw when the run went wrong, for whoever looks into it.
          const shot = join(tmpdir(), `lindungi-soak-${label.split(',')[0].toLowerCase()}-${i}.png`);
          await tab.page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
          throw new Error(`page ${i}: ${error.message.split('\n').slice(0, 4).join('\n')}\nscreenshot: ${shot}\nlast steps:\n  ${tab.log.join('\n  ')}`);
        }),
      ),
      disturb(),
    ]);
    settledMs = Date.now() - lastHandoverAt;
    // What each phone's outbox holds now (read from its IndexedDB): entries, their state and ticket.
    onDevices = (
      await Promise.all(
        phones.map((phone) =>
          phone.pages()[0].evaluate(
            () =>
              new Promise((resolve, reject) => {
                const opening = indexedDB.open('lindungi');
                opening.onerror = () => reject(opening.error);
                opening.onsuccess = () => {
                  const all = opening.result.transaction('kv').objectStore('kv').getAll();
                  all.onsuccess = () =>
                    resolve(all.result.filter((v) => v && typeof v === 'object' && 'localId' in v).map((v) => ({ state: v.state, ticket: v.ticket })));
                  all.onerror = () => reject(all.error);
                };
              }),
          ),
        ),
      )
    ).flat();
    stored = await readDescriptions();
  } finally {
    await browser.close();
    await site.close();
  }

  const numbers = stored.map(({ description }) => Number(/nomor (\d+):/.exec(description)?.[1] ?? -1));
  const distinct = new Set(numbers);
  const missing = Array.from({ length: REPORTS }, (_, i) => i).filter((i) => !distinct.has(i));
  const deviceTickets = new Set(onDevices.filter((e) => e.state === 'sent').map((e) => e.ticket));
  const rowTickets = new Set(stored.map((r) => r.ticket));
  const result = {
    label,
    reports: REPORTS,
    pages: tabs.length,
    rows: stored.length,
    duplicates: numbers.length - distinct.size,
    lost: missing.length,
    pendingOnDevices: onDevices.filter((e) => e.state === 'pending').length,
    sentOnDevices: onDevices.filter((e) => e.state === 'sent').length,
    ticketsMatch: deviceTickets.size === rowTickets.size && [...deviceTickets].every((t) => rowTickets.has(t)),
    totalS: (Date.now() - started) / 1000,
    toTicket: [0.5, 0.95, 1].map((q) => (toTicket.sort((a, b) => a - b)[Math.min(toTicket.length - 1, Math.floor(q * toTicket.length))] ?? 0) / 1000),
    settledS: settledMs / 1000,
    ...figures,
    pageErrors: figures.pageErrors.length,
  };
  console.log([`\n${label}:`, ...HEADER, row(result)].join('\n'));
  return result;
}

const HEADER = [
  '| deployment | reports | pages | rows | duplicates | lost | pending on phones | sent on phones, tickets match | queued at hand-over | cuts | reload rounds: pages with a report queued; pages reloaded at Send (answers back, sent again) | page errors | total | settled after last hand-over | Send → ticket on screen, median / p95 / max |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
/** One result as a table row (printed as soon as its run ends, and again with the others at the end). */
const row = (r) =>
  `| ${r.label} | ${r.reports} | ${r.pages} | ${r.rows} | ${r.duplicates} | ${r.lost} | ${r.pendingOnDevices} | ${r.sentOnDevices}, ${r.ticketsMatch ? 'yes' : 'NO'} | ${r.queuedAtHandover} | ${r.cuts} | ${r.reloads}: ${r.reloadedWhilePending}; ${r.reloadedAtSend} (${r.sentAgainAfterReload}) | ${r.pageErrors} | ${r.totalS.toFixed(0)} s | ${r.settledS.toFixed(1)} s | ${r.toTicket.map((s) => s.toFixed(1)).join(' / ')} s |`;

const results = [];
const sealed = (value) => open(DATA_KEY, value);

if (STORES.includes('sqlite')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-soak-'));
  const dbFile = join(dataDir, 'soak.sqlite');
  const instance = await startInstance({ LINDUNGI_DATA_DIR: dataDir, LINDUNGI_DB_FILE: dbFile });
  try {
    results.push(
      await soak('SQLite, 1 instance', [instance], async () => {
        const db = new Database(dbFile, { readonly: true });
        try {
          return db
            .prepare('SELECT ticket, description FROM reports')
            .all()
            .map((r) => ({ ticket: r.ticket, description: sealed(r.description) }));
        } finally {
          db.close();
        }
      }),
    );
  } finally {
    instance.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (STORES.includes('postgres')) {
  const throwaway = !process.env.LINDUNGI_BENCH_DATABASE_URL && postgresBin() ? await startPostgres({ durable: true }) : undefined;
  const databaseUrl = process.env.LINDUNGI_BENCH_DATABASE_URL ?? throwaway?.url;
  if (!databaseUrl) console.log('PostgreSQL: not available (no LINDUNGI_BENCH_DATABASE_URL, no postgresql package); skipped.');
  else {
    const schema = `soak_${process.pid}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-soak-pg-'));
    const env = { LINDUNGI_DATABASE_URL: url.toString(), LINDUNGI_DATA_DIR: dataDir };
    const instances = [await startInstance(env), await startInstance(env)];
    try {
      results.push(
        await soak('PostgreSQL, 2 instances', instances, async () => {
          const { rows } = await admin.query(`SELECT ticket, description FROM ${schema}.reports`);
          return rows.map((r) => ({ ticket: r.ticket, description: sealed(r.description) }));
        }),
      );
    } finally {
      for (const instance of instances) instance.stop();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
      await admin.end();
      throwaway?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

console.log(
  `\nSoak on ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, Chromium ${chromiumVersion}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log([...HEADER, ...results.map(row)].join('\n'));
const failed = results.filter((r) => r.rows !== r.reports || r.duplicates || r.lost || r.pendingOnDevices || !r.ticketsMatch || r.pageErrors);
if (failed.length) {
  console.error(`\nFAILED: ${failed.map((r) => r.label).join(', ')}`);
  process.exit(1);
}
