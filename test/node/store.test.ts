import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { open, seal } from '../../build/server/crypto.js';
import { runDeskCommand } from '../../build/server/desk-cli.js';
import { openStore } from '../../build/server/store/index.js';
import type { ReportStore, StoredReport, WebhookEvent } from '../../build/server/store/contract.js';
import { draft, freshStoreLocation, readRows, startTestServer, STORE_KIND, TEST_DATA_KEY, writeRaw } from '../support/server.js';

// One suite for both stores: `npm test` runs it on SQLite, and again on PostgreSQL when a test
// database is given (README, "Tests on PostgreSQL"). Two handles on one database stand for two
// instances of the server.

const key = Buffer.from(TEST_DATA_KEY, 'base64');
const context = { seal: (plaintext: string) => seal(key, plaintext) };

function report(overrides: Partial<StoredReport> = {}): StoredReport {
  const at = new Date().toISOString();
  return {
    ticket: `LDG-${randomUUID().slice(0, 4).toUpperCase()}-${randomUUID().slice(0, 4).toUpperCase()}`,
    idempotencyKey: randomUUID(),
    bodyHash: 'hash',
    corridor: 'ID-KH',
    category: 'unpaid-wages',
    description: seal(key, 'sealed words'),
    occurredOn: null,
    locationCountry: 'KH',
    locationPlace: null,
    employerOrAgency: null,
    inDanger: false,
    anonymous: true,
    contactSealed: null,
    consentVersion: 'v',
    consentBy: 'reporter',
    consentGivenAt: at,
    withdrawalKeyHash: null,
    locale: 'id',
    status: 'received',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

const webhookEvent = (ticket: string, at: string): WebhookEvent => ({
  id: randomUUID(),
  event: 'report.created',
  ticket,
  bodySealed: seal(key, '{}'),
  createdAt: at,
  nextAt: at,
});

describe(`the report store (${STORE_KIND})`, () => {
  let place: Awaited<ReturnType<typeof freshStoreLocation>>;
  let a: ReportStore;
  let b: ReportStore;

  before(async () => {
    place = await freshStoreLocation();
    // Two instances starting at the same moment on an empty database: the migrations run once.
    [a, b] = await Promise.all([openStore(place.location, context), openStore(place.location, context)]);
  });
  after(async () => {
    await a.close();
    await b.close();
    await place.drop();
  });

  it('applies the numbered migrations once, recorded in the database, when two instances start together', async () => {
    if (STORE_KIND === 'postgres') {
      const { MIGRATION_COUNT } = await import('../../build/server/store/postgres.js');
      const versions = (await readRows(place, 'SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
      assert.deepEqual(
        versions,
        Array.from({ length: MIGRATION_COUNT }, (_, i) => i + 1),
      );
    } else {
      const [row] = await readRows(place, 'SELECT * FROM pragma_user_version');
      const { MIGRATION_COUNT: sqliteMigrations } = await import('../../build/server/store/sqlite.js');
      assert.equal(row.user_version, sqliteMigrations);
    }
    // A third start finds nothing to do and the data in place.
    const c = await openStore(place.location, context);
    await c.insertOnce(report());
    assert.equal(await a.count(), 1);
    await c.close();
  });

  it('stores one report when the same idempotency key reaches two instances at once', async () => {
    const idempotencyKey = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).insertOnce(report({ idempotencyKey }))));
    assert.equal(answers.filter((x) => x.created).length, 1, 'created once');
    assert.equal(new Set(answers.map((x) => x.ticket)).size, 1, 'every answer names the same ticket');
    assert.equal((await readRows(place, 'SELECT COUNT(*) AS n FROM reports WHERE idempotency_key = ?', [idempotencyKey]))[0].n, 1);
    assert.equal((await readRows(place, 'SELECT COUNT(*) AS n FROM report_stages WHERE ticket = ?', [answers[0].ticket]))[0].n, 1);
  });

  it('gives a report whose ticket is already taken a new ticket, and loses neither', async () => {
    const first = await a.insertOnce(report({ ticket: 'LDG-2222-2222' }));
    const second = await b.insertOnce(report({ ticket: 'LDG-2222-2222' }));
    assert.equal(first.ticket, 'LDG-2222-2222');
    assert.notEqual(second.ticket, 'LDG-2222-2222');
    assert.ok(second.created);
    assert.ok(await a.findByTicket(second.ticket));
  });

  it('hands each due webhook event to one instance only, leased until the attempt can no longer be running', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    const { ticket } = await a.insertOnce(report());
    const ids = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const event = webhookEvent(ticket, at);
      ids.add(event.id);
      await a.enqueueWebhook(event);
    }
    const now = '2026-01-01T00:00:01.000Z';
    const lease = '2026-01-01T00:01:00.000Z';
    const [x, y] = await Promise.all([a.claimWebhooks(now, lease, 20), b.claimWebhooks(now, lease, 20)]);
    const claimed = [...x, ...y].map((e) => e.id);
    assert.equal(claimed.length, 30, 'every due event was claimed');
    assert.equal(new Set(claimed).size, 30, 'none by both');
    assert.deepEqual(new Set(claimed), ids);
    assert.deepEqual(await a.claimWebhooks(now, lease, 50), [], 'nothing while leased');
    for (const e of x) await a.webhookDelivered(e.id, now, 200);
    // The lease of the others ends (their instance died mid-attempt): they are due again, and only they.
    const again = await b.claimWebhooks('2026-01-01T00:01:00.001Z', '2026-01-01T00:02:00.000Z', 50);
    assert.deepEqual(new Set(again.map((e) => e.id)), new Set(y.map((e) => e.id)));
    assert.equal(await a.pendingWebhooks(ticket), y.length);
  });

  it('takes one of two concurrent status changes made on the same status, and refuses the other', async () => {
    const { ticket } = await a.insertOnce(report());
    const change = (store: ReportStore, status: string) =>
      store.changeStatus({ ticket, from: 'received', status, at: new Date().toISOString(), publicNote: null, internalNoteSealed: null, closedReason: null });
    const results = await Promise.all([change(a, 'verified'), change(b, 'in-handling')]);
    assert.deepEqual(results.filter(Boolean).length, 1);
    const stages = (await a.stages(ticket)).map((s) => s.stage);
    assert.equal(stages.length, 2, `one stage added: ${stages.join(', ')}`);
  });

  it('purges each ended report once when two instances purge together', async () => {
    const old = '2025-01-01T00:00:00.000Z';
    const ended: string[] = [];
    for (let i = 0; i < 10; i++) {
      const { ticket } = await a.insertOnce(report({ createdAt: old, updatedAt: old, contactSealed: seal(key, 'contact') }));
      await a.changeStatus({ ticket, from: 'received', status: 'closed', at: old, publicNote: null, internalNoteSealed: null, closedReason: 'test' });
      ended.push(ticket);
    }
    const at = new Date().toISOString();
    const [x, y] = await Promise.all([a.purgeExpired('2025-06-01T00:00:00.000Z', at), b.purgeExpired('2025-06-01T00:00:00.000Z', at)]);
    assert.deepEqual([...x, ...y].sort(), [...ended].sort(), 'every ended report purged, none twice');
    for (const ticket of ended) assert.equal((await a.rawRow(ticket))!.contact_sealed, null);
    assert.deepEqual(await a.purgeExpired('2025-06-01T00:00:00.000Z', at), []);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await a.audit({ at: new Date().toISOString(), operatorId: null, action: 'read', ticket: null, detail: null });
    await assert.rejects(writeRaw(place, `UPDATE audit SET action = 'nothing'`), /append-only/);
    await assert.rejects(writeRaw(place, 'DELETE FROM audit'), /append-only/);
    assert.ok((await a.listAudit({ limit: 10 })).some((e) => e.action === 'read'));
  });

  it('exports every report a page at a time, oldest first', async () => {
    const seen: string[] = [];
    for await (const r of a.allReports()) seen.push(`${r.createdAt} ${r.ticket}`);
    assert.equal(seen.length, await a.count());
    assert.deepEqual(seen, [...seen].sort());
  });
});

describe(`two API instances on one database (${STORE_KIND})`, () => {
  it('answer the same ETag, share desk sessions, and report the database in their health check', async () => {
    const one = await startTestServer();
    const two = await startTestServer({}, one.dataDir);
    try {
      const etags = await Promise.all(
        [one, two].map(async (s) => (await fetch(`${s.url}/v1/content/ID-KH`, { headers: { 'Accept-Encoding': 'br' } })).headers.get('ETag')),
      );
      assert.ok(etags[0]);
      assert.equal(etags[0], etags[1], 'a cache in front of either instance holds one copy');
      const revalidated = await fetch(`${two.url}/v1/content/ID-KH`, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etags[0] } });
      assert.equal(revalidated.status, 304, 'an ETag from one instance is valid on the other');

      const lines: string[] = [];
      assert.equal(await runDeskCommand(['operator', 'add', '--name', 'Sari', '--role', 'viewer'], { env: one.cliEnv, print: (l) => lines.push(l) }), 0);
      const token = lines[1].match(/: ([\w-]{43})$/)![1];
      const signIn = await fetch(`${one.url}/v1/desk/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: one.url },
        body: JSON.stringify({ token }),
      });
      const cookie = signIn.headers.get('Set-Cookie')!.split(';')[0];
      assert.equal((await fetch(`${two.url}/v1/desk/me`, { headers: { Cookie: cookie } })).status, 200, 'the session made on one works on the other');
      await fetch(`${two.url}/v1/desk/session`, { method: 'DELETE', headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: two.url } });
      assert.equal((await fetch(`${one.url}/v1/desk/me`, { headers: { Cookie: cookie } })).status, 401, 'signed out on both');

      assert.deepEqual(await (await fetch(`${two.url}/healthz`)).json(), { ok: true, database: 'ok', store: STORE_KIND });
      // The database goes away under the second instance: its load balancer must take it out.
      await two.store.close();
      const down = await fetch(`${two.url}/healthz`);
      assert.equal(down.status, 503);
      assert.deepEqual(await down.json(), { ok: false, database: 'unreachable', store: STORE_KIND });
      assert.equal(down.headers.get('Cache-Control'), 'no-store');
    } finally {
      await two.close();
      await one.dispose();
    }
  });
});

describe(`data key rotation (${STORE_KIND})`, () => {
  const newKey = Buffer.alloc(32, 11).toString('base64');
  const wrongKey = Buffer.alloc(32, 12).toString('base64');

  it('re-encrypts every sealed value with the new key; the old key then opens none of them', async () => {
    const server = await startTestServer();
    const dir = server.dataDir;
    let rotated: Awaited<ReturnType<typeof startTestServer>> | undefined;
    try {
      const response = await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'rotate-0001' },
        body: JSON.stringify(draft({ description: 'Rotated words', contact: { anonymous: false, method: 'email', value: 'rotate@example.org' } })),
      });
      const { ticket } = await response.json();
      const lines: string[] = [];
      await runDeskCommand(['operator', 'add', '--name', 'Admin', '--role', 'admin'], { env: server.cliEnv, print: (l) => lines.push(l) });
      const token = lines[1].match(/: ([\w-]{43})$/)![1];
      await fetch(`${server.url}/v1/desk/reports/${ticket}/status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify({ status: 'verified', internalNote: 'Rotated note' }),
      });
      const before = (await readRows(server, 'SELECT * FROM reports WHERE ticket = ?', [ticket]))[0];
      await server.close();

      const said: string[] = [];
      // Without the old key the command explains what it needs, and changes nothing.
      assert.equal(await runDeskCommand(['rotate-key'], { env: { ...server.cliEnv, LINDUNGI_DATA_KEY: newKey }, print: (l) => said.push(l) }), 2);
      assert.match(said.join('\n'), /LINDUNGI_DATA_KEY_PREVIOUS/);
      // With a wrong old key, no value opens: it stops before writing anything.
      assert.equal(
        await runDeskCommand(['rotate-key'], {
          env: { ...server.cliEnv, LINDUNGI_DATA_KEY: newKey, LINDUNGI_DATA_KEY_PREVIOUS: wrongKey },
          print: (l) => said.push(l),
        }),
        1,
      );
      assert.match(said.at(-1)!, /nothing was changed/);
      assert.deepEqual((await readRows(server, 'SELECT * FROM reports WHERE ticket = ?', [ticket]))[0], before);

      const env = { ...server.cliEnv, LINDUNGI_DATA_KEY: newKey, LINDUNGI_DATA_KEY_PREVIOUS: TEST_DATA_KEY };
      assert.equal(await runDeskCommand(['rotate-key'], { env, print: (l) => said.push(l) }), 0);
      // Description, contact, the internal note, and the two queued-less events' bodies: at least 3 values.
      const count = Number(said.at(-1)!.match(/Re-encrypted (\d+) value/)![1]);
      assert.ok(count >= 3, said.at(-1));
      assert.equal(await runDeskCommand(['rotate-key'], { env, print: (l) => said.push(l) }), 0);
      assert.match(said.at(-1)!, /Re-encrypted 0 value\(s\) with the new key \(\d+ already used it\)/, 'a second run changes nothing');

      const after = (await readRows(server, 'SELECT * FROM reports WHERE ticket = ?', [ticket]))[0];
      assert.throws(() => open(key, after.description as string), /No data key opens/);
      assert.equal(open(Buffer.from(newKey, 'base64'), after.description as string), 'Rotated words');

      // The server with only the new key reads everything back.
      rotated = await startTestServer({ dataKey: newKey }, dir);
      const read = await (await fetch(`${rotated.url}/v1/desk/reports/${ticket}`, { headers: { Authorization: `Bearer ${token}` } })).json();
      assert.equal(read.description, 'Rotated words');
      assert.equal(read.stages.find((s: { stage: string }) => s.stage === 'verified').internalNote, 'Rotated note');
      const revealed = await (
        await fetch(`${rotated.url}/v1/desk/reports/${ticket}/reveal`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })
      ).json();
      assert.equal(revealed.contact.value, 'rotate@example.org');
      const audit = await (await fetch(`${rotated.url}/v1/desk/audit`, { headers: { Authorization: `Bearer ${token}` } })).json();
      assert.ok(
        audit.entries.some((e: { action: string }) => e.action === 'rotate-key'),
        'the rotation is on the audit log',
      );
    } finally {
      await (rotated ?? server).dispose();
    }
  });

  it('serves values under the old key during the rotation, when given the old key as previous', async () => {
    const server = await startTestServer();
    try {
      const response = await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'rotate-0002' },
        body: JSON.stringify(draft({ description: 'Old key words' })),
      });
      const { ticket } = await response.json();
      await server.close();
      const during = await startTestServer({ dataKey: newKey, previousDataKeys: TEST_DATA_KEY }, server.dataDir);
      try {
        const lines: string[] = [];
        await runDeskCommand(['operator', 'add', '--name', 'V', '--role', 'viewer'], {
          env: { ...during.cliEnv, LINDUNGI_DATA_KEY: newKey },
          print: (l) => lines.push(l),
        });
        const token = lines[1].match(/: ([\w-]{43})$/)![1];
        const read = await (await fetch(`${during.url}/v1/desk/reports/${ticket}`, { headers: { Authorization: `Bearer ${token}` } })).json();
        assert.equal(read.description, 'Old key words');
      } finally {
        await during.close();
      }
    } finally {
      await server.dispose();
    }
  });
});
