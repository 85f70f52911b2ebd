import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createClient,
  fileStorage,
  LindungiApiError,
  LindungiStorageError,
  memoryStorage,
  OutboxChangeEvent,
  type KeyValueStorage,
  type OutboxEntry,
} from '../../src/sdk/index.js';
import { draft, startTestServer, type TestServer } from '../support/server.js';

const SECRET = 'Mandor Pak Wiryo menahan paspor saya';
const PHONE = '+6281299887766';
const personal = () => draft({ description: SECRET, contact: { anonymous: false, name: 'Siti Rahma', method: 'whatsapp', value: PHONE } });
const posts = (server: TestServer) => server.requests.filter((p) => p === '/v1/reports').length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** A fresh outbox file and the client that uses it. */
function fileClient(server: TestServer, retry = { baseMs: 60_000 }) {
  const file = join(mkdtempSync(join(tmpdir(), 'lindungi-outbox-')), 'outbox.json');
  const client = createClient({ api: server.url, storage: fileStorage(file), timeoutMs: 5000, retry });
  return { file, client };
}

/** The outbox file as it is on disk: nothing of a report may be left in it after an erase. */
function assertNothingOnDisk(file: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '{}';
  assert.deepEqual(
    Object.keys(JSON.parse(text)).filter((k) => k.startsWith('outbox:')),
    [],
    'no outbox entry in the file',
  );
  for (const secret of [SECRET, PHONE, 'Siti Rahma']) assert.ok(!text.includes(secret), `${secret} left in the file`);
  const leftovers = readdirSync(join(file, '..')).filter((f) => f.endsWith('.tmp'));
  assert.deepEqual(leftovers, [], 'no temporary file left');
}

describe('erasing the outbox', () => {
  it('during a send: the answer that arrives later writes nothing back, and nothing more is sent', async () => {
    const server = await startTestServer({ faults: { holdMs: 400 } });
    try {
      const { file, client } = fileClient(server);
      const submitted = client.reports.submit(personal()).then(
        () => 'not erased',
        (e: { code?: string }) => e.code,
      );
      await until(() => posts(server) === 1, 'the report to reach the server');
      await client.reports.erase();
      assertNothingOnDisk(file);
      assert.deepEqual(await client.reports.entries(), []);
      assert.equal(await submitted, 'erased');
      await sleep(700); // past the held answer
      assertNothingOnDisk(file);
      assert.equal(posts(server), 1);
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });

  it('by one client while another client on the same store is sending it: its answer writes nothing back', async () => {
    // Two clients over one store, as a partner's own client and the report form's on one page share IndexedDB.
    const server = await startTestServer({ faults: { holdMs: 400 } });
    try {
      const storage = memoryStorage();
      const [first, second] = [0, 1].map(() => createClient({ api: server.url, storage, timeoutMs: 5000, retry: { baseMs: 60_000 } }));
      const stored = async () => JSON.stringify(await Promise.all((await storage.keys()).map(async (k) => [k, await storage.get(k)])));
      server.faults.dropRate = 1; // the first attempt fails: the report waits in the store
      assert.ok('queued' in (await first.reports.submit(personal())));
      server.faults.dropRate = 0;
      const flushed = second.reports.flush();
      await until(() => posts(server) === 2, 'the second client to send it');
      await first.reports.erase();
      assert.equal(await stored(), '[]');
      await flushed;
      await sleep(100);
      assert.equal(await stored(), '[]', 'the answer to the other client’s send wrote the report back');
      first.reports.stop();
      second.reports.stop();
    } finally {
      await server.dispose();
    }
  });

  it('during a flush: reports the flush had read but not yet sent are never sent', async () => {
    const server = await startTestServer({ faults: { errorRate: 1 } });
    try {
      const { file, client } = fileClient(server);
      for (let i = 0; i < 6; i++) assert.ok('queued' in (await client.reports.submit(personal())));
      server.faults.errorRate = 0;
      server.faults.holdMs = 400;
      const before = posts(server);
      const flushing = client.reports.flush();
      await until(() => posts(server) - before === 4, 'four sends under way');
      await client.reports.erase();
      assertNothingOnDisk(file);
      await flushing;
      await sleep(700);
      assert.equal(posts(server) - before, 4, 'the two reports still queued in the flush were not sent');
      assertNothingOnDisk(file);
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });

  it('during a backoff wait: the timer is reset, and a later report is still retried on time', async () => {
    const server = await startTestServer({ faults: { errorRate: 1 } });
    try {
      const { file, client } = fileClient(server, { baseMs: 1000 });
      await client.reports.flush(); // the outbox is loaded and idle
      assert.ok('queued' in (await client.reports.submit(personal())));
      await client.reports.erase(); // the retry was due within 1 s
      const afterErase = posts(server);
      await sleep(1100); // past any retry of the erased report
      assert.equal(posts(server), afterErase, 'the erased report was not retried');
      assertNothingOnDisk(file);

      // A report made after the erase fails once, then its retry timer must fire.
      assert.ok('queued' in (await client.reports.submit(draft())));
      server.faults.errorRate = 0;
      let entries: OutboxEntry[] = [];
      for (let i = 0; i < 150 && entries[0]?.state !== 'sent'; i++) {
        await sleep(20);
        entries = await client.reports.entries();
      }
      assert.equal(entries[0]?.state, 'sent', 'the retry timer delivered the new report');
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });
});

describe('what a delivered report leaves on the device', () => {
  it('keeps only its local id, ticket, status and dates, and change events carry nothing personal', async () => {
    const server = await startTestServer();
    try {
      const { file, client } = fileClient(server);
      const events: OutboxEntry[] = [];
      client.reports.addEventListener('change', (e) => events.push((e as OutboxChangeEvent).entry));
      const result = await client.reports.submit(personal());
      assert.ok('ticket' in result);
      const [entry] = await client.reports.entries();
      assert.deepEqual(Object.keys(entry).sort(), ['attempts', 'createdAt', 'localId', 'sentAt', 'state', 'status', 'ticket']);
      assert.equal(entry.ticket, result.ticket);
      const text = readFileSync(file, 'utf8');
      for (const secret of [SECRET, PHONE, 'Siti Rahma', 'idempotencyKey']) assert.ok(!text.includes(secret), `${secret} kept on the device`);
      assert.deepEqual(
        events.map((e) => e.state),
        ['pending', 'sent'],
      );
      const serialized = JSON.stringify(events);
      for (const secret of [SECRET, PHONE, 'Siti Rahma', 'Sihanoukville', 'PT Contoh']) assert.ok(!serialized.includes(secret), `${secret} in a change event`);
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });

  it('names the refusal by what the server said (409 conflict), not always "invalid"', async () => {
    const server = await startTestServer();
    try {
      // Another client already used this key for a different report: the server answers 409.
      const key = 'shared-key-0001';
      await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(draft({ description: 'first' })),
      });
      const fixedKey: typeof fetch = (input, init) =>
        fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'Idempotency-Key': key } });
      const client = createClient({ api: server.url, storage: memoryStorage(), fetch: fixedKey });
      await assert.rejects(client.reports.submit(draft()), (e: unknown) => {
        assert.ok(e instanceof LindungiApiError);
        assert.equal(e.status, 409);
        assert.equal((e.body as { error: { code: string } }).error.code, 'conflict');
        return true;
      });
      const [entry] = await client.reports.entries();
      assert.equal(entry.state, 'failed');
      assert.equal(entry.error!.code, 'conflict');
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });
});

describe('a client with an api', () => {
  it('touches report storage only on first use, and stop() ends its retries', async () => {
    const server = await startTestServer();
    try {
      const calls: string[] = [];
      const inner = memoryStorage();
      const counting: KeyValueStorage = {
        get: (k) => (calls.push(`get ${k}`), inner.get(k)),
        set: (k, v) => (calls.push(`set ${k}`), inner.set(k, v)),
        delete: (k) => (calls.push(`delete ${k}`), inner.delete(k)),
        keys: () => (calls.push('keys'), inner.keys()),
      };
      const client = createClient({ api: server.url, storage: counting, retry: { baseMs: 100 } });
      await sleep(50);
      assert.equal(calls.length, 0, 'creating the client read nothing');
      await client.content();
      assert.deepEqual(
        calls.filter((c) => c.includes('outbox')),
        [],
        'content did not open the outbox',
      );

      server.faults.errorRate = 1;
      assert.ok('queued' in (await client.reports.submit(draft())));
      client.reports.stop();
      server.faults.errorRate = 0;
      const after = posts(server);
      await sleep(500);
      assert.equal(posts(server), after, 'no retry after stop()');
    } finally {
      await server.dispose();
    }
  });
});

describe('file storage', () => {
  it('reports a failed write to its caller and still makes the next one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindungi-file-'));
    const file = join(dir, 'store.json');
    const storage = fileStorage(file);
    await storage.set('a', 0);
    // A folder where the file should be: the rename fails for real, even for root.
    rmSync(file);
    mkdirSync(join(file, 'in-the-way'), { recursive: true });
    await assert.rejects(storage.set('x', 1), LindungiStorageError);
    rmSync(file, { recursive: true });
    await storage.set('y', 2); // not poisoned by the failure before it
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { a: 0, x: 1, y: 2 });
    assert.deepEqual(readdirSync(dir), ['store.json'], 'no temporary file left');
  });

  it('keeps a damaged file aside with a clear error and never overwrites it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindungi-file-'));
    const file = join(dir, 'outbox.json');
    const damaged = '{"outbox:local-1": {"report": {"description": "half a rep';
    writeFileSync(file, damaged);
    const storage = fileStorage(file);
    await assert.rejects(storage.keys(), (e: unknown) => {
      assert.ok(e instanceof LindungiStorageError);
      assert.match(e.message, /damaged.*kept as .*outbox\.json\.corrupt-/);
      return true;
    });
    const aside = readdirSync(dir).filter((f) => f.startsWith('outbox.json.corrupt-'));
    assert.equal(aside.length, 1);
    assert.equal(readFileSync(join(dir, aside[0]), 'utf8'), damaged, 'the damaged file is kept as it was');
    await storage.set('fresh', true);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { fresh: true });
    assert.equal(readFileSync(join(dir, aside[0]), 'utf8'), damaged);
  });
});

describe('one report, and drafts, on the device', () => {
  it('removes one report while it is being sent: never sent again, nothing of it left, others untouched', async () => {
    const server = await startTestServer({ faults: { errorRate: 1 } });
    try {
      const { file, client } = fileClient(server);
      const kept = await client.reports.submit(draft({ description: 'Another report, to be kept' }));
      assert.ok('queued' in kept);
      server.faults.errorRate = 0;
      server.faults.holdMs = 400;
      const gone = client.reports.submit(personal()).then(
        () => 'not removed',
        (e: { code?: string }) => e.code,
      );
      await until(() => posts(server) === 2, 'the second report to reach the server');
      const [, removedEntry] = await client.reports.entries();
      assert.equal(await client.reports.remove(removedEntry.localId), true);
      const text = readFileSync(file, 'utf8');
      for (const secret of [SECRET, PHONE, 'Siti Rahma', removedEntry.localId]) assert.ok(!text.includes(secret), `${secret} left in the file`);
      assert.deepEqual(
        (await client.reports.entries()).map((e) => e.localId),
        [kept.queued],
      );
      assert.equal(await gone, 'erased');
      server.faults.holdMs = 0;
      const results = await client.reports.flush();
      assert.deepEqual(
        results.map((r) => r.state),
        ['sent'],
      );
      await sleep(500);
      assert.ok(!readFileSync(file, 'utf8').includes(SECRET));
      assert.equal(await client.reports.remove('local-no-such-report'), false);
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });

  it('keeps a draft across a restart, and erase() removes it with the reports', async () => {
    const server = await startTestServer();
    try {
      const { file, client } = fileClient(server);
      await client.reports.saveDraft('report-form', { description: SECRET, step: 2 });
      // A new page, the same device.
      const again = createClient({ api: server.url, storage: fileStorage(file) });
      const restored = await again.reports.draft<{ description: string; step: number }>('report-form');
      assert.deepEqual(restored?.value, { description: SECRET, step: 2 });
      assert.ok(restored && Date.parse(restored.savedAt) <= Date.now());
      await again.reports.deleteDraft('report-form');
      assert.equal(await again.reports.draft('report-form'), undefined);
      await again.reports.saveDraft('report-form', { description: SECRET });
      await again.reports.erase();
      assert.equal(await again.reports.draft('report-form'), undefined);
      assert.ok(!readFileSync(file, 'utf8').includes(SECRET), 'the draft is gone from the file');
      client.reports.stop();
      again.reports.stop();
    } finally {
      await server.dispose();
    }
  });
});

describe('handing a form draft over to the outbox', () => {
  it('replaces the draft in the same write that keeps the report: the file never holds both', async () => {
    const server = await startTestServer({ faults: { holdMs: 400 } });
    try {
      const { file, client } = fileClient(server);
      await client.reports.saveDraft('form', { answers: { description: SECRET } });
      const submitted = client.reports.submit(personal(), { replaceDraft: { id: 'form', value: (localId) => ({ outcome: { localId } }) } });
      // While the first attempt is on its way, the file on disk holds the report and, in place of
      // the answers, the outcome that points at it.
      await until(() => posts(server) === 1, 'the report to reach the server');
      const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { value?: { outcome?: { localId: string }; answers?: unknown } }>;
      const [entryKey] = Object.keys(onDisk).filter((k) => k.startsWith('outbox:'));
      assert.ok(entryKey, 'the report is in the file');
      assert.deepEqual(onDisk['draft:form']?.value, { outcome: { localId: entryKey.slice('outbox:'.length) } });
      assert.ok('ticket' in (await submitted));
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });

  it('with a storage of its own that cannot write several keys at once: the report first, then the draft', async () => {
    const server = await startTestServer();
    try {
      const memory = memoryStorage();
      const written: string[] = [];
      const storage: KeyValueStorage = {
        get: memory.get,
        keys: memory.keys,
        delete: memory.delete,
        set: async (key, value) => {
          written.push(key.split(':')[0]);
          await memory.set(key, value);
        },
      };
      const client = createClient({ api: server.url, storage, timeoutMs: 5000, retry: { baseMs: 60_000 } });
      await client.reports.saveDraft('form', { answers: { description: SECRET } });
      written.length = 0;
      const result = await client.reports.submit(personal(), { replaceDraft: { id: 'form', value: () => ({ outcome: 'kept' }) } });
      assert.ok('ticket' in result);
      // A page closed between the two writes finds the report waiting and the answers kept:
      // nothing lost. The other order could lose the answers.
      assert.deepEqual(written.slice(0, 2), ['outbox', 'draft']);
      assert.deepEqual((await client.reports.draft('form'))?.value, { outcome: 'kept' });
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });
});
