import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createClient,
  fileStorage,
  LindungiApiError,
  LindungiNetworkError,
  LindungiNotConfiguredError,
  LindungiValidationError,
  memoryStorage,
} from '../../src/sdk/index.js';
import { draft, startTestServer } from '../support/server.js';
import { listen } from '../support/net.js';
import { shippedPackJson } from '../support/pack.js';

const contentRequests = (requests: string[]) => requests.filter((p) => p.startsWith('/v1/content/')).length;

describe('SDK content from the API', () => {
  it('coalesces four concurrent loads into one request, revalidates with the ETag, and falls back offline', async () => {
    const server = await startTestServer();
    try {
      const storage = memoryStorage();
      const page1 = createClient({ api: server.url, storage });
      const packs = await Promise.all([page1.content(), page1.hotlines(), page1.rights(), page1.timeline('agreement-id-kh')]);
      assert.equal(contentRequests(server.requests), 1);
      assert.equal(packs[0].corridor.id, 'ID-KH');

      // A second visit (new page, same device storage): a 304 and the same content.
      const page2 = createClient({ api: server.url, storage });
      const again = await page2.load();
      assert.equal(contentRequests(server.requests), 2);
      assert.ok(server.logs.includes(server.logs.find((l) => l.startsWith('GET /v1/content/:corridor 304'))!));
      assert.deepEqual(again.pack, packs[0]);
      assert.equal(again.offline, false);

      // The API goes away: the saved copy, marked offline, with when it was saved.
      await server.close();
      const page3 = createClient({ api: server.url, storage, timeoutMs: 1000 });
      const offline = await page3.load();
      assert.equal(offline.offline, true);
      assert.ok(offline.savedAt && Date.parse(offline.savedAt) <= Date.now());
      assert.deepEqual(offline.pack, packs[0]);

      // No saved copy and no API: a network error, not a blank widget.
      await assert.rejects(createClient({ api: server.url, storage: memoryStorage(), timeoutMs: 1000 }).load(), LindungiNetworkError);
    } finally {
      await server.dispose().catch(() => undefined);
    }
  });

  it("loads the content in a reader's language only, each language once, each kept apart for offline", async () => {
    const server = await startTestServer();
    try {
      const storage = memoryStorage();
      const client = createClient({ api: server.url, storage });
      const [km, again, id] = await Promise.all([client.load({ locale: 'km' }), client.load({ locale: 'km' }), client.load({ locale: 'id' })]);
      assert.equal(again, km);
      assert.deepEqual(km.pack.locales, ['km']);
      assert.deepEqual(id.pack.locales, ['id']);
      // One request per language (the slices' locales above show which was asked).
      assert.equal(contentRequests(server.requests), 2);
      // Without a locale, the whole pack, as before.
      assert.deepEqual((await client.load()).pack.locales, ['id', 'en', 'km', 'ms', 'ar']);
      await server.close();
      const offline = await createClient({ api: server.url, storage, timeoutMs: 1000 }).load({ locale: 'km' });
      assert.equal(offline.offline, true);
      assert.deepEqual(offline.pack, km.pack);
      // A language never loaded here has no saved copy of its own.
      await assert.rejects(createClient({ api: server.url, storage, timeoutMs: 1000 }).load({ locale: 'ms' }), LindungiNetworkError);
    } finally {
      await server.dispose().catch(() => undefined);
    }
  });

  it('rejects a malformed content body with the path of the problem', async () => {
    const pack = shippedPackJson();
    pack.hotlines[0].channels[0].value = '021 2924 4800';
    delete pack.hotlines[0].channels[0].display;
    // A real HTTP server that answers a damaged pack (the Lindungi server refuses to serve one).
    const broken = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(pack)));
    await listen(broken);
    try {
      const api = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
      await assert.rejects(createClient({ api, storage: memoryStorage() }).content(), (error: unknown) => {
        assert.ok(error instanceof LindungiValidationError);
        assert.deepEqual(error.issues, [{ path: 'hotlines[0].channels[0].value', message: 'not an E.164 phone number' }]);
        return true;
      });
    } finally {
      broken.close();
    }
  });

  it('times out and honours an AbortSignal', async () => {
    const server = await startTestServer({ faults: { delayMs: 0 } });
    const slow = createServer(() => undefined); // accepts, never answers
    await listen(slow);
    try {
      const api = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
      await assert.rejects(
        createClient({ api, storage: memoryStorage(), timeoutMs: 200 }).load(),
        (e: unknown) => e instanceof LindungiNetworkError && e.reason === 'timeout',
      );
      const controller = new AbortController();
      const pending = createClient({ api, storage: memoryStorage(), timeoutMs: 5000 }).load({ signal: controller.signal });
      controller.abort();
      await assert.rejects(pending, (e: unknown) => e instanceof LindungiNetworkError && e.reason === 'aborted');
    } finally {
      slow.closeAllConnections();
      slow.close();
      await server.dispose();
    }
  });
});

describe('SDK reports through the outbox', () => {
  it('refuses reports without an API', async () => {
    await assert.rejects(createClient().reports.submit(draft()), LindungiNotConfiguredError);
  });

  it('rejects an invalid draft on the device, with field paths, without any request', async () => {
    const server = await startTestServer();
    try {
      const client = createClient({ api: server.url, storage: memoryStorage() });
      await assert.rejects(
        client.reports.submit(draft({ description: '   ', occurredOn: '2999-12-31', contact: { anonymous: false, method: 'whatsapp', value: 'call me' } })),
        (error: unknown) => {
          assert.ok(error instanceof LindungiValidationError);
          assert.deepEqual(
            error.issues.map((i) => `${i.path}: ${i.message}`),
            ['description: required', 'occurredOn: in the future', 'contact.value: not a phone number (e.g. +62 812 3456 7890)'],
          );
          return true;
        },
      );
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(server.requests.filter((p) => p === '/v1/reports').length, 0);
      assert.deepEqual(await client.reports.entries(), []);
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });

  it('surfaces a 4xx that retrying cannot fix, and does not retry it', async () => {
    const server = await startTestServer();
    try {
      const client = createClient({ api: server.url, storage: memoryStorage(), retry: { baseMs: 10 } });
      await assert.rejects(client.reports.submit(draft({ category: 'lottery-win' })), (e: unknown) => e instanceof LindungiApiError && e.status === 400);
      await client.reports.flush();
      const [entry] = await client.reports.entries();
      assert.equal(entry.state, 'failed');
      assert.deepEqual(entry.error!.issues, [{ path: 'category', message: 'unknown category "lottery-win"' }]);
      assert.equal(server.requests.filter((p) => p === '/v1/reports').length, 1);
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });

  it('waits as long as a 429 says before trying again', async () => {
    const server = await startTestServer({ rateLimitPerMinute: 1 });
    try {
      await fetch(`${server.url}/v1/content/ID-KH`); // uses the one request of this minute
      const client = createClient({ api: server.url, storage: memoryStorage(), retry: { baseMs: 10 } });
      const started = Date.now();
      const result = await client.reports.submit(draft());
      assert.ok('queued' in result);
      const [entry] = await client.reports.entries();
      // Retry-After is whole seconds, up to 60 at one request a minute: never the 10 ms backoff.
      assert.ok(entry.nextAttemptAt! - started >= 1000, `next attempt after ${entry.nextAttemptAt! - started} ms`);
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });

  it('delivers 500 reports exactly once through 30 % injected failures and delays', async () => {
    const server = await startTestServer({ faults: { errorRate: 0.25, dropRate: 0.05, delayMs: 30 } });
    try {
      const client = createClient({ api: server.url, storage: memoryStorage(), timeoutMs: 2000, retry: { baseMs: 20, maxMs: 200 } });
      const results = await Promise.all(Array.from({ length: 500 }, (_, i) => client.reports.submit(draft({ description: `Report number ${i}` }))));
      assert.ok(
        results.some((r) => 'queued' in r),
        'some reports had to wait for a retry',
      );
      const deadline = Date.now() + 60_000;
      let entries = await client.reports.entries();
      while (entries.some((e) => e.state === 'pending') && Date.now() < deadline) {
        await client.reports.flush();
        entries = await client.reports.entries();
      }
      assert.equal(entries.filter((e) => e.state === 'sent').length, 500);
      assert.equal(await server.store.count(), 500);
      const tickets = new Set(entries.map((e) => e.ticket));
      assert.equal(tickets.size, 500);
      const attempts = server.requests.filter((p) => p === '/v1/reports').length;
      assert.ok(attempts > 500, `${attempts} attempts: faults were injected`);
      client.reports.stop();
      // Every ticket can be looked up (faults off for the check).
      const clean = await startTestServer({}, server.dataDir);
      await server.close();
      try {
        const reader = createClient({ api: clean.url, storage: memoryStorage() });
        for (const ticket of tickets) assert.equal((await reader.reports.status(ticket!)).ticket, ticket);
        reader.reports.stop();
      } finally {
        await clean.dispose();
      }
    } finally {
      await server.close().catch(() => undefined);
    }
  });

  it('delivers reports queued by a process that stopped, once, after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindungi-outbox-'));
    const outboxFile = join(dir, 'outbox.json');
    const server = await startTestServer();
    const api = server.url;
    await server.close(); // the API is down while the first process runs
    const output = execFileSync(process.execPath, ['--import', 'tsx', new URL('../support/queue-reports.ts', import.meta.url).pathname, outboxFile, api, '5'], {
      encoding: 'utf8',
    });
    const queued = JSON.parse(output.trim().split('\n').pop()!);
    assert.equal(queued.filter((r: object) => 'queued' in r).length, 5);

    const restarted = await startTestServer({ port: Number(new URL(api).port) }, server.dataDir);
    try {
      const client = createClient({ api, storage: fileStorage(outboxFile), retry: { baseMs: 10 } });
      await client.reports.flush();
      await client.reports.flush(); // a second flush sends nothing again
      const entries = await client.reports.entries();
      assert.deepEqual(
        entries.map((e) => e.state),
        ['sent', 'sent', 'sent', 'sent', 'sent'],
      );
      assert.equal(await restarted.store.count(), 5);
      assert.equal(restarted.requests.filter((p) => p === '/v1/reports').length, 5);
      client.reports.stop();
    } finally {
      await restarted.dispose();
    }
  });
});

describe('the SDK keeps case data out of caches', () => {
  it("asks for a report's status, a new report and a withdrawal with cache: no-store and no credentials (content as a page preloads it)", async () => {
    const server = await startTestServer();
    try {
      const seen: string[] = [];
      // The real fetch, to the real server; only what the SDK asks of it is noted.
      const noting: typeof fetch = (input, init) => {
        seen.push(
          `${init?.method ?? 'GET'} ${new URL(input instanceof Request ? input.url : input).pathname.replace(/LDG-[\w-]+/, '{ticket}')} ${init?.cache} ${init?.credentials}`,
        );
        return fetch(input, init);
      };
      const client = createClient({ api: server.url, storage: memoryStorage(), fetch: noting });
      await client.content();
      const sent = await client.reports.submit(draft());
      assert.ok('ticket' in sent);
      await client.reports.status(sent.ticket);
      await client.reports.withdraw(sent.ticket);
      client.reports.stop();
      assert.deepEqual(seen, [
        // The answer is no-cache: the HTTP cache revalidates it every time. `same-origin` so that a
        // page's <link rel="preload" crossorigin="anonymous"> is this request.
        'GET /v1/content/ID-KH default same-origin',
        'POST /v1/reports no-store omit',
        'GET /v1/reports/{ticket} no-store omit',
        'DELETE /v1/reports/{ticket} no-store omit',
      ]);
    } finally {
      await server.dispose();
    }
  });
});
