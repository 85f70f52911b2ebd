/**
 * Throughput and latency of the API on loopback, with autocannon: content GETs and report POSTs,
 * against three deployments side by side, each server a `node server` process as in production:
 *
 *   1. SQLite, one instance (the embedded default)
 *   2. PostgreSQL, one instance
 *   3. PostgreSQL, two instances (the load is split evenly over them, as a balancer would)
 *
 * PostgreSQL is LINDUNGI_BENCH_DATABASE_URL, or a throwaway server when the package is installed;
 * without either, only the SQLite row is measured. `npm run bench:api` (after `npm run build`).
 * DURATION (seconds per run), RUNS (per endpoint; the median is shown) and CONNECTIONS (in all) may be set.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresBin, startPostgres } from '../scripts/postgres.mjs';

const duration = Number(process.env.DURATION ?? 10);
const runs = Number(process.env.RUNS ?? 3);
const connections = Number(process.env.CONNECTIONS ?? 10);
const root = new URL('..', import.meta.url).pathname;
const consentVersion = JSON.parse(readFileSync(join(root, 'content/ID-KH.json'), 'utf8')).consent.version;

const report = JSON.stringify({
  corridor: 'ID-KH',
  category: 'unpaid-wages',
  description: 'My wages have not been paid for three months and my passport was taken by the agency.',
  occurredOn: '2026-10-01',
  location: { country: 'KH', place: 'Phnom Penh' },
  employerOrAgency: 'PT Contoh Agency',
  inDanger: false,
  contact: { anonymous: false, method: 'whatsapp', value: '+6281234567890' },
  consent: { version: consentVersion, given: true },
  locale: 'id',
});

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** One `node server` process; resolves with its URL once its health check answers. */
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
      LINDUNGI_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
      LINDUNGI_OPERATOR_NAME: 'Benchmark operator',
      LINDUNGI_OPERATOR_CONTACT: 'bench@example.org',
      LINDUNGI_RATE_LIMIT: '1000000000',
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
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

const cannon = (url, options, share) =>
  new Promise((resolve, reject) => {
    autocannon({ url, connections: share, duration, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });

const endpoints = [
  { endpoint: 'GET /v1/content/ID-KH', options: { requests: [{ method: 'GET', path: '/v1/content/ID-KH' }] } },
  {
    endpoint: 'POST /v1/reports (new report each)',
    options: {
      requests: [
        {
          method: 'POST',
          path: '/v1/reports',
          body: report,
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() } }),
        },
      ],
    },
  },
];

/** Every endpoint against the instances at once, the connections split evenly over them. */
async function measure(deployment, urls) {
  // A warm-up of every endpoint first, not recorded: the processes compile their hot paths.
  for (const { options } of endpoints) await Promise.all(urls.map((url) => cannon(url, { ...options, duration: 2 }, 2)));
  const rows = [];
  for (const { endpoint, options } of endpoints) {
    const share = Math.max(1, Math.round(connections / urls.length));
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const results = await Promise.all(urls.map((url) => cannon(url, options, share)));
      samples.push({
        requestsPerSecond: Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
        // The slowest instance's p99: what the worst-served share of clients saw.
        p99ms: Math.max(...results.map((r) => r.latency.p99)),
        p50ms: Math.max(...results.map((r) => r.latency.p50)),
        non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
        errors: results.reduce((sum, r) => sum + r.errors, 0),
      });
    }
    // The median run by throughput, and the spread of all runs (a shared machine is noisy).
    const sorted = [...samples].sort((x, y) => x.requestsPerSecond - y.requestsPerSecond);
    const median = sorted[Math.floor(sorted.length / 2)];
    rows.push({ deployment, endpoint, ...median, range: `${sorted[0].requestsPerSecond}–${sorted.at(-1).requestsPerSecond}` });
  }
  return rows;
}

const rows = [];
const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-bench-'));
try {
  const sqlite = await startInstance({ LINDUNGI_DATA_DIR: dataDir, LINDUNGI_DB_FILE: join(dataDir, 'bench.sqlite') });
  try {
    rows.push(...(await measure('SQLite, 1 instance', [sqlite.url])));
  } finally {
    sqlite.stop();
  }

  const throwaway = !process.env.LINDUNGI_BENCH_DATABASE_URL && postgresBin() ? await startPostgres({ durable: true }) : undefined;
  const databaseUrl = process.env.LINDUNGI_BENCH_DATABASE_URL ?? throwaway?.url;
  if (databaseUrl) {
    try {
      const fresh = async (schema) => {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
        await client.end();
        const url = new URL(databaseUrl);
        url.searchParams.set('options', `-c search_path=${schema}`);
        return url.toString();
      };
      const one = await startInstance({ LINDUNGI_DATA_DIR: dataDir, LINDUNGI_DATABASE_URL: await fresh('bench_one') });
      try {
        rows.push(...(await measure('PostgreSQL, 1 instance', [one.url])));
      } finally {
        one.stop();
      }
      const shared = await fresh('bench_two');
      const pair = await Promise.all([1, 2].map(() => startInstance({ LINDUNGI_DATA_DIR: dataDir, LINDUNGI_DATABASE_URL: shared })));
      try {
        rows.push(
          ...(await measure(
            'PostgreSQL, 2 instances',
            pair.map((p) => p.url),
          )),
        );
      } finally {
        for (const p of pair) p.stop();
      }
    } finally {
      throwaway?.stop();
    }
  } else {
    console.log('PostgreSQL rows not measured: no LINDUNGI_BENCH_DATABASE_URL and no PostgreSQL installed.');
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`Lindungi API on loopback — ${machine}; ${connections} connections in all, median of ${runs} runs of ${duration} s per endpoint`);
console.table(rows);
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/bench-api.json', JSON.stringify({ date: new Date().toISOString(), machine, connections, duration, runs, rows }, null, 2));
