import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runDeskCommand } from '../../build/server/desk-cli.js';
import { signature } from '../../build/server/webhook.js';
import { webhookUrlAllowed } from '../../build/server/main.js';
import { draft, readRows, startTestServer, storedText } from '../support/server.js';
import { listen } from '../support/net.js';

const SECRET = 'a-webhook-secret-for-tests-only-0123';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A partner's receiver on loopback: it can fail, answer late, and de-duplicates by delivery id. */
async function receiver(behaviour: (n: number) => { status: number; delayMs?: number }) {
  const deliveries: Array<{ id: string; signature: string; body: string }> = [];
  const processed = new Map<string, { event: string; data: Record<string, unknown> }>();
  let n = 0;
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- node:http ignores the promise; the handler answers every request itself
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const id = String(req.headers['lindungi-webhook-id']);
    deliveries.push({ id, signature: String(req.headers['lindungi-signature']), body });
    const { status, delayMs } = behaviour(n++);
    // Work done before answering (even when the answer is an error): the same id again is a repeat.
    if (!processed.has(id)) processed.set(id, JSON.parse(body));
    if (delayMs) await sleep(delayMs);
    res.writeHead(status).end();
  });
  await listen(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, deliveries, processed, close: () => new Promise((r) => server.close(r)) };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('webhook', () => {
  it('forwards new reports, status changes and withdrawals, signed, at least once through failures and delays, each with an id to de-duplicate on', async () => {
    // The first two attempts fail (one after a delay), the fourth is answered late but well.
    const hook = await receiver((n) =>
      n === 0 ? { status: 500 } : n === 1 ? { status: 503, delayMs: 200 } : n === 3 ? { status: 200, delayMs: 300 } : { status: 204 },
    );
    const server = await startTestServer({ webhook: { url: hook.url, secret: SECRET, includeContact: false, pollMs: 30, retryBaseMs: 30 } });
    try {
      const key = 'w'.repeat(43);
      const response = await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), 'Withdrawal-Key': key },
        body: JSON.stringify(draft({ description: 'Forwarded words', contact: { anonymous: false, method: 'email', value: 'hidden@example.org' } })),
      });
      const { ticket } = await response.json();
      const lines: string[] = [];
      const env = server.cliEnv;
      await runDeskCommand(['operator', 'add', '--name', 'H', '--role', 'handler'], { env, print: (l) => lines.push(l) });
      const token = lines[1].match(/: ([\w-]{43})$/)![1];
      await fetch(`${server.url}/v1/desk/reports/${ticket}/status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify({ status: 'verified', publicNote: 'Checked' }),
      });
      await until(async () => hook.processed.size === 2 && (await server.store.pendingWebhooks(ticket)) === 0, 'two events delivered');
      await fetch(`${server.url}/v1/reports/${ticket}`, { method: 'DELETE', headers: { 'Withdrawal-Key': key } });
      await until(async () => hook.processed.size === 3 && (await server.store.pendingWebhooks(ticket)) === 0, 'the withdrawal delivered');

      const events = [...hook.processed.values()];
      assert.deepEqual(
        events.map((e) => e.event),
        ['report.created', 'report.status', 'report.withdrawn'],
      );
      assert.equal(events[0].data.description, 'Forwarded words');
      assert.equal(events[0].data.ticket, ticket);
      assert.ok(!JSON.stringify(events[0]).includes('hidden@example.org'), 'contact details only when configured');
      assert.deepEqual(events[1].data, { ticket, status: 'verified', publicNote: 'Checked', at: events[1].data.at });
      // At least once: the failed attempts were repeated with the same id; every delivery is signed.
      assert.ok(hook.deliveries.length >= 5, `${hook.deliveries.length} deliveries`);
      assert.equal(new Set(hook.deliveries.map((d) => d.id)).size, 3);
      for (const d of hook.deliveries) {
        const [, t, v1] = d.signature.match(/^t=(\d+),v1=([0-9a-f]{64})$/)!;
        assert.equal(v1, signature(SECRET, Number(t), d.body), 'the signature verifies');
        assert.equal(JSON.parse(d.body).id, d.id);
      }
      assert.ok(server.logs.some((l) => /^webhook: report\.created not delivered \(500\), attempt 1$/.test(l)));
      assert.ok(!server.logs.some((l) => l.includes('Forwarded words')));
    } finally {
      await server.dispose();
      await hook.close();
    }
  });

  it('carries contact details when configured, and none of a withdrawn report still waiting', async () => {
    const hook = await receiver(() => ({ status: 200 }));
    // No delivery runs on its own here: the events wait until the test delivers them, after the withdrawal.
    const server = await startTestServer({ webhook: { url: hook.url, secret: SECRET, includeContact: true, pollMs: 3_600_000, retryBaseMs: 30 } });
    try {
      const post = async (description: string, key?: string) =>
        (
          await (
            await fetch(`${server.url}/v1/reports`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...(key ? { 'Withdrawal-Key': key } : {}) },
              body: JSON.stringify(draft({ description, contact: { anonymous: false, method: 'email', value: 'shown@example.org' } })),
            })
          ).json()
        ).ticket as string;
      const key = 'z'.repeat(43);
      const kept = await post('Kept report');
      const gone = await post('Withdrawn before delivery', key);
      await fetch(`${server.url}/v1/reports/${gone}`, { method: 'DELETE', headers: { 'Withdrawal-Key': key } });
      assert.equal(await server.deliverWebhooks(), 3);
      assert.equal((await server.store.pendingWebhooks(kept)) + (await server.store.pendingWebhooks(gone)), 0);
      const byTicket = (ticket: string) => [...hook.processed.values()].filter((e) => (e.data as { ticket?: string }).ticket === ticket);
      assert.deepEqual((byTicket(kept)[0].data as { contact: unknown }).contact, { method: 'email', value: 'shown@example.org' });
      const goneText = JSON.stringify(byTicket(gone));
      assert.ok(!goneText.includes('Withdrawn before delivery') && !goneText.includes('shown@example.org'), goneText);
      assert.deepEqual(
        byTicket(gone).map((e) => e.event),
        ['report.created', 'report.withdrawn'],
      );
      // The contact details that left the server are on the audit log: one entry, for the report that carried them.
      const sent = (await server.store.listAudit({ limit: 1000 })).filter((e) => e.action === 'webhook-contact');
      assert.deepEqual(
        sent.map((e) => e.ticket),
        [kept],
      );
    } finally {
      await server.dispose();
      await hook.close();
    }
  });

  it('follows no redirect: the signed body goes only to the configured URL, and a 3xx is not a delivery', async () => {
    const elsewhere = await receiver(() => ({ status: 200 }));
    const redirecting = createServer((req, res) => {
      req.resume();
      res.writeHead(307, { Location: elsewhere.url }).end();
    });
    await listen(redirecting);
    const url = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/hook`;
    const server = await startTestServer({ webhook: { url, secret: SECRET, includeContact: true, pollMs: 3_600_000, retryBaseMs: 30 } });
    try {
      const sent = await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(draft({ contact: { anonymous: false, method: 'email', value: 'secret@example.org' } })),
      });
      assert.equal(sent.status, 201);
      assert.equal(await server.deliverWebhooks(), 0);
      assert.equal(elsewhere.deliveries.length, 0, 'the body was re-sent where the redirect pointed');
      assert.equal(await server.store.pendingWebhooks(), 1, 'still waiting, to be tried again');
      assert.ok(!(await server.store.listAudit({ limit: 1000 })).some((e) => e.action === 'webhook-contact'));
    } finally {
      await server.dispose();
      await elsewhere.close();
      redirecting.close();
    }
  });

  it('refuses to start with a webhook URL that is not https (plain http only to loopback, for tests)', async () => {
    for (const url of ['http://partner.example/hook', 'http://10.0.0.5/hook', 'ftp://partner.example/hook', 'not a url']) {
      await assert.rejects(startTestServer({ webhook: { url, secret: SECRET, includeContact: false } }), /LINDUNGI_WEBHOOK_URL must be https/, url);
    }
    assert.deepEqual(['https://partner.example/hook', 'http://127.0.0.1:9/hook', 'http://[::1]:9/hook', 'http://localhost:9/hook'].map(webhookUrlAllowed), [
      true,
      true,
      true,
      true,
    ]);
  });
});

describe('webhook queue and retention', () => {
  it('the retention purge also empties events of a purged report that were never delivered', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    // Nobody listens on this port: every delivery fails, and the events wait in the queue.
    const server = await startTestServer({
      now: () => now,
      webhook: { url: 'http://127.0.0.1:9/hook', secret: SECRET, includeContact: true, pollMs: 3_600_000, retryBaseMs: 3_600_000 },
    });
    try {
      const lines: string[] = [];
      const env = server.cliEnv;
      await runDeskCommand(['operator', 'add', '--name', 'H', '--role', 'handler'], { env, print: (l) => lines.push(l) });
      const token = lines[1].match(/: ([\w-]{43})$/)![1];
      const response = await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(draft({ description: 'Never delivered', contact: { anonymous: false, method: 'email', value: 'queued@example.org' } })),
      });
      const { ticket } = await response.json();
      await fetch(`${server.url}/v1/desk/reports/${ticket}/status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify({ status: 'resolved' }),
      });
      await server.deliverWebhooks(); // fails: the events stay queued
      const bodies = async () =>
        (await readRows(server, 'SELECT body_sealed AS body FROM webhook_queue WHERE ticket = ?', [ticket])).map((r) => r.body as string | null);
      const sealed = (await bodies()).filter((b): b is string => b !== null);
      assert.equal(sealed.length, 2, 'created and status events wait, encrypted');
      now = new Date('2026-07-01T00:00:00Z'); // past the 180 days
      assert.deepEqual(await server.purge(), [ticket]);
      assert.deepEqual(await bodies(), [null, null]);
      for (const [where, text] of await storedText(server)) {
        for (const body of sealed) assert.ok(!text.includes(body), `${where} still holds a queued event of the purged report`);
      }
    } finally {
      await server.dispose();
    }
  });
});
