/**
 * Throughput and latency of the API on loopback: content GETs and report POSTs, with autocannon.
 * `npm run bench:api` (after `npm run build`). DURATION (seconds) and CONNECTIONS may be set.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEMO_OPERATOR, startServer } from '../server/main.js';

const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-bench-'));
const server = await startServer({
  port: 0,
  dataDir,
  dbFile: join(dataDir, 'bench.sqlite'),
  dataKey: Buffer.alloc(32, 1).toString('base64'),
  rateLimitPerMinute: 1e9,
  operator: { ...DEMO_OPERATOR },
  log: () => undefined,
});

const report = JSON.stringify({
  corridor: 'ID-KH',
  category: 'unpaid-wages',
  description: 'My wages have not been paid for three months and my passport was taken by the agency.',
  occurredOn: '2026-10-01',
  location: { country: 'KH', place: 'Phnom Penh' },
  inDanger: false,
  contact: { anonymous: false, method: 'whatsapp', value: '+6281234567890' },
  consent: { version: '2026-11-27.1', given: true },
  locale: 'id',
});

const run = (title, options) =>
  new Promise((resolve, reject) => {
    autocannon({ url: server.url, connections, duration, ...options }, (error, result) => (error ? reject(error) : resolve({ title, result })));
  });

const results = [];
results.push(await run('GET /v1/content/ID-KH', { requests: [{ method: 'GET', path: '/v1/content/ID-KH' }] }));
results.push(
  await run('POST /v1/reports (new report each)', {
    requests: [
      {
        method: 'POST',
        path: '/v1/reports',
        body: report,
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() } }),
      },
    ],
  }),
);
const rows = results.map(({ title, result }) => ({
  endpoint: title,
  requestsPerSecond: Math.round(result.requests.average),
  p50ms: result.latency.p50,
  p99ms: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
}));
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
console.log(`Lindungi API on loopback — ${machine}; ${connections} connections, ${duration} s each`);
console.table(rows);
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/bench-api.json', JSON.stringify({ machine, connections, duration, rows, stored: server.store.count() }, null, 2));
await server.close();
rmSync(dataDir, { recursive: true, force: true });
