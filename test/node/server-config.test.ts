import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv, DEMO_OPERATOR, startServer } from '../../build/server/main.js';
import { runDeskCommand } from '../../build/server/desk-cli.js';
import { draft, startTestServer } from '../support/server.js';

/** What the server refuses to start with, and what it keeps from other users of the machine. */
describe('what the server needs and keeps to itself', () => {
  it('refuses to start without LINDUNGI_DATA_KEY, and says which variable to set, unless it is the demonstration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindungi-nokey-'));
    try {
      // A real deployment, as `node server` runs it: the process ends with the reason, and leaves no key behind.
      const child = spawn(process.execPath, ['server'], {
        env: {
          PATH: process.env.PATH,
          PORT: '0',
          LINDUNGI_DATA_DIR: dir,
          LINDUNGI_OPERATOR_NAME: 'Migrant Care',
          LINDUNGI_OPERATOR_CONTACT: 'help@example.org',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.notEqual(code, 0);
      assert.match(err, /LINDUNGI_DATA_KEY is not set/);
      assert.equal(existsSync(join(dir, 'dev-data-key')), false, 'no key was written beside the data');
      // The demonstration (npm start) keeps its development key.
      const demo = await startServer({
        port: 0,
        dataDir: dir,
        dbFile: join(dir, 'lindungi.sqlite'),
        dataKey: undefined,
        operator: { ...DEMO_OPERATOR },
        demo: true,
        log: () => undefined,
      });
      await demo.close();
      assert.equal(existsSync(join(dir, 'dev-data-key')), true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the desk command never makes a key of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindungi-cli-'));
    try {
      const lines: string[] = [];
      const code = await runDeskCommand(['operator', 'list'], { env: { LINDUNGI_DATA_DIR: dir }, print: (l) => lines.push(l) });
      assert.equal(code, 2);
      assert.match(lines.join('\n'), /LINDUNGI_DATA_KEY is not set/);
      assert.equal(existsSync(join(dir, 'dev-data-key')), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // SQLite's files (this file runs with the SQLite suite; a PostgreSQL server keeps its own files).
  it('creates its data folder 0700 and the database, its WAL and shared memory 0600', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'lindungi-modes-'));
    const dir = join(parent, 'data');
    const server = await startTestServer({ databaseUrl: undefined }, dir);
    try {
      const sent = await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(draft()),
      });
      assert.equal(sent.status, 201);
      const modes = Object.fromEntries(
        ['', '-wal', '-shm'].map((suffix) => [`lindungi.sqlite${suffix}`, (statSync(join(dir, `lindungi.sqlite${suffix}`)).mode & 0o777).toString(8)]),
      );
      assert.deepEqual(modes, { 'lindungi.sqlite': '600', 'lindungi.sqlite-wal': '600', 'lindungi.sqlite-shm': '600' });
      assert.equal((statSync(dir).mode & 0o777).toString(8), '700');
    } finally {
      await server.dispose();
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('ignores fault injection unless started for tests, and says so', async () => {
    assert.deepEqual(configFromEnv({ LINDUNGI_FAULT_ERROR_RATE: '1' }).faults, {});
    assert.equal(configFromEnv({ LINDUNGI_TEST_FAULTS: '1', LINDUNGI_FAULT_ERROR_RATE: '1' }).faults.errorRate, 1);
    const logs: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'lindungi-faults-'));
    const server = await startServer({
      ...configFromEnv({ LINDUNGI_FAULT_ERROR_RATE: '1' }),
      port: 0,
      dataDir: dir,
      dbFile: join(dir, 'db.sqlite'),
      databaseUrl: undefined,
      dataKey: Buffer.alloc(32, 7).toString('base64'),
      log: (l) => logs.push(l),
    });
    try {
      for (let i = 0; i < 5; i++) assert.equal((await fetch(`${server.url}/v1/content/ID-KH`)).status, 200);
      assert.ok(logs.some((l) => l.includes('LINDUNGI_FAULT_* is set but ignored')));
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
