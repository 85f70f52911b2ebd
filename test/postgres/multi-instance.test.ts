import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, memoryStorage } from 'lindungi/sdk';
import { adminQuery, draft, readRows, TEST_DATA_KEY, TEST_DATABASE_URL, urlWithSchema } from '../support/server.js';
import { freePort, listen } from '../support/net.js';

// Three API processes on one PostgreSQL, as behind a load balancer: an SDK client sends 500 reports
// spread over them while they inject faults (errors after the row is stored, cut connections), one
// instance is killed and restarted mid-run, and a receiver that de-duplicates takes the webhook.

const REPORTS = 500;
const INSTANCES = 3;
const SECRET = 'multi-instance-webhook-secret';
const root = new URL('../..', import.meta.url).pathname;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('several API instances on one PostgreSQL', () => {
  const schema = `t_multi_${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-multi-'));
  const databaseUrl = TEST_DATABASE_URL ? urlWithSchema(TEST_DATABASE_URL, schema) : '';
  const ports: number[] = [];
  const processes: (ChildProcess | undefined)[] = [];
  /** Deliveries the receiver took, by webhook id (a redelivery counts again). */
  const deliveries = new Map<string, number>();
  const events = new Map<string, string>();
  let badSignatures = 0;
  let receiver: Server;

  /** Start instance `i` on its port; resolves when its health check answers 200. */
  async function startInstance(i: number) {
    const child = spawn(process.execPath, ['server'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PORT: String(ports[i]),
        HOST: '127.0.0.1',
        LINDUNGI_DATABASE_URL: databaseUrl,
        LINDUNGI_DATA_KEY: TEST_DATA_KEY,
        LINDUNGI_DATA_DIR: dataDir,
        LINDUNGI_OPERATOR_NAME: 'Multi-instance test operator',
        LINDUNGI_OPERATOR_CONTACT: 'reports@example.org',
        LINDUNGI_RATE_LIMIT: '1000000',
        LINDUNGI_TEST_FAULTS: '1',
        LINDUNGI_FAULT_ERROR_RATE: '0.2',
        LINDUNGI_FAULT_DROP_RATE: '0.05',
        LINDUNGI_FAULT_DELAY_MS: '20',
        LINDUNGI_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        LINDUNGI_WEBHOOK_SECRET: SECRET,
        LINDUNGI_WEBHOOK_POLL_MS: '200',
        LINDUNGI_WEBHOOK_RETRY_MS: '200',
        LINDUNGI_WEBHOOK_TIMEOUT_MS: '2000',
      },
    });
    processes[i] = child;
    const deadline = Date.now() + 20_000;
    for (;;) {
      // The health check is outside /v1/, where no fault is injected.
      const ok = await fetch(`http://127.0.0.1:${ports[i]}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`instance ${i} did not start`);
      await sleep(100);
    }
  }

  before(async () => {
    assert.ok(TEST_DATABASE_URL, 'This test needs PostgreSQL: node scripts/postgres.mjs npm run test:postgres');
    await adminQuery(`CREATE SCHEMA ${schema}`);
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c) => chunks.push(c));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const [t, v1] = (request.headers['lindungi-signature'] as string).split(',').map((p) => p.split('=')[1]);
        if (createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex') !== v1) badSignatures++;
        const id = request.headers['lindungi-webhook-id'] as string;
        deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
        events.set(id, JSON.parse(body).event);
        response.writeHead(200).end();
      });
    });
    await listen(receiver);
    for (let i = 0; i < INSTANCES; i++) ports.push(await freePort());
    // All three start at once on an empty schema: the migrations run under the lock, once.
    await Promise.all(ports.map((_, i) => startInstance(i)));
  });

  after(async () => {
    for (const child of processes) child?.kill('SIGKILL');
    receiver?.close();
    await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`stores ${REPORTS} reports exactly once through faults and a killed instance, and delivers every event`, async () => {
    let turn = 0;
    // The client's fetch is the load balancer: each request goes to the next instance in turn.
    const balanced: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      url.port = String(ports[turn++ % INSTANCES]);
      return fetch(url, init);
    };
    const client = createClient({
      api: `http://127.0.0.1:${ports[0]}`,
      fetch: balanced,
      storage: memoryStorage(),
      timeoutMs: 3000,
      retry: { baseMs: 50, maxMs: 500 },
    });
    const started = Date.now();
    const sending = Promise.all(Array.from({ length: REPORTS }, (_, i) => client.reports.submit(draft({ description: `Report ${i} from a worker` }))));
    // Mid-run, instance 1 dies without warning, and comes back a moment later.
    await sleep(300);
    processes[1]!.kill('SIGKILL');
    await sleep(1500);
    await startInstance(1);
    const results = await sending;

    const deadline = Date.now() + 120_000;
    let entries = await client.reports.entries();
    while (entries.some((e) => e.state === 'pending') && Date.now() < deadline) {
      await client.reports.flush();
      entries = await client.reports.entries();
    }
    const settledMs = Date.now() - started;
    client.reports.stop();

    const sent = entries.filter((e) => e.state === 'sent');
    const tickets = new Set(sent.map((e) => e.ticket));
    const [{ n: rows }] = (await readRows({ dataDir, databaseUrl }, 'SELECT COUNT(*) AS n FROM reports')) as [{ n: number }];
    const [{ n: distinct }] = (await readRows({ dataDir, databaseUrl }, 'SELECT COUNT(DISTINCT ticket) AS n FROM reports')) as [{ n: number }];
    assert.equal(sent.length, REPORTS, 'every report sent');
    assert.equal(rows, REPORTS, 'exactly one row per report');
    assert.equal(distinct, REPORTS);
    assert.equal(tickets.size, REPORTS, 'every report has its own ticket');

    // Every status is readable from every instance (faults make some reads fail: each is retried).
    const readable = async (port: number, ticket: string) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const response = await fetch(`http://127.0.0.1:${port}/v1/reports/${ticket}`).catch(() => undefined);
        if (response?.status === 200) return (await response.json()).ticket === ticket;
        if (response?.status === 404) return false;
      }
      return false;
    };
    let readableCount = 0;
    for (const ticket of tickets) for (const port of ports) if (await readable(port, ticket!)) readableCount++;
    assert.equal(readableCount, REPORTS * INSTANCES, 'every ticket on every instance');

    // Every queued event reaches the receiver; a redelivery (an instance killed mid-attempt) is
    // recognised by its id.
    const until = Date.now() + 60_000;
    let pending = Infinity;
    while (Date.now() < until) {
      [{ n: pending }] = (await readRows({ dataDir, databaseUrl }, 'SELECT COUNT(*) AS n FROM webhook_queue WHERE delivered_at IS NULL')) as [{ n: number }];
      if (pending === 0) break;
      await sleep(200);
    }
    const [{ n: queued }] = (await readRows({ dataDir, databaseUrl }, 'SELECT COUNT(*) AS n FROM webhook_queue')) as [{ n: number }];
    const redelivered = [...deliveries.values()].filter((n) => n > 1).length;
    assert.equal(pending, 0, 'no event left undelivered');
    assert.equal(queued, REPORTS, 'one report.created event per report');
    assert.equal(deliveries.size, REPORTS, 'the receiver has every event');
    assert.ok([...events.values()].every((e) => e === 'report.created'));
    assert.equal(badSignatures, 0);

    const attempts = results.filter((r) => 'queued' in r).length;
    console.log(
      [
        `instances: ${INSTANCES} (one killed and restarted), reports: ${REPORTS}`,
        `rows: ${rows}, distinct tickets: ${distinct}, queued by the client at first: ${attempts}`,
        `statuses readable: ${readableCount} of ${REPORTS * INSTANCES}`,
        `webhook events: ${queued}, received: ${deliveries.size}, redelivered (de-duplicated): ${redelivered}`,
        `outbox settled after ${(settledMs / 1000).toFixed(1)} s`,
      ].join('\n'),
    );
  });

  it('stores one report when the same Idempotency-Key reaches every instance at the same moment', async () => {
    const body = JSON.stringify(draft({ description: 'One report, sent everywhere at once' }));
    const send = (port: number) =>
      fetch(`http://127.0.0.1:${port}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'same-key-everywhere' },
        body,
      }).then(
        async (r) => (r.status < 300 ? ((await r.json()).ticket as string) : undefined),
        () => undefined,
      );
    // Faults are on: some answers are lost, never the report; every answer that came names one ticket.
    const answers = (await Promise.all(Array.from({ length: 12 }, (_, i) => send(ports[i % INSTANCES])))).filter(Boolean);
    const [{ n }] = (await readRows({ dataDir, databaseUrl }, 'SELECT COUNT(*) AS n FROM reports WHERE idempotency_key = ?', ['same-key-everywhere'])) as [
      { n: number },
    ];
    assert.equal(n, 1);
    assert.ok(answers.length > 0);
    assert.equal(new Set(answers).size, 1);
  });
});
