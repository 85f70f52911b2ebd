import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATION_COUNT, openSqliteStore } from '../../build/server/store/sqlite.js';

// Two server processes starting together on one new SQLite file: the second must see the schema
// the first one wrote, not the version it read before the first one committed.
describe('SQLite migrations under a lock', () => {
  it('a process that starts while another migrates waits, then finds nothing left to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindungi-migrate-'));
    try {
      // The finished schema, from a store opened elsewhere.
      const model = join(dir, 'model.sqlite');
      await openSqliteStore(model, { seal: (s) => s }).close();
      const schema = new Database(model, { readonly: true })
        .prepare(`SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'`)
        .all()
        .map((r) => (r as { sql: string }).sql);

      // The first process: holds the write lock while it "migrates".
      const file = join(dir, 'lindungi.sqlite');
      const first = new Database(file);
      first.pragma('journal_mode = WAL');
      first.exec('BEGIN IMMEDIATE');

      // The second process opens the same file meanwhile.
      const storeModule = new URL('../../build/server/store/sqlite.js', import.meta.url).href;
      const second = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `
        const { openSqliteStore } = await import(${JSON.stringify(storeModule)});
        console.log('opening');
        const store = openSqliteStore(${JSON.stringify(file)}, { seal: (s) => s });
        console.log('count ' + await store.count());
        await store.close();`,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      second.stdout.on('data', (d) => (out += d));
      second.stderr.on('data', (d) => (err += d));
      const exited = new Promise<number | null>((resolve) => second.on('exit', resolve));
      while (!out.includes('opening')) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300)); // it has read what it reads before waiting

      for (const sql of schema) first.exec(sql);
      first.pragma(`user_version = ${MIGRATION_COUNT}`);
      first.exec('COMMIT');
      first.close();

      assert.equal(await exited, 0, err);
      assert.match(out, /count 0/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite migration of notes written before they were sealed', () => {
  it('seals every note to the reporter and close reason already stored, and leaves no plain copy in the WAL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindungi-notes-'));
    try {
      const file = join(dir, 'lindungi.sqlite');
      const seal = (plaintext: string) => `sealed(${Buffer.from(plaintext).toString('base64')})`;
      await openSqliteStore(file, { seal }).close();
      // The database as version 7 left it: notes and reasons in plain text, no last-seen column.
      const old = new Database(file);
      old.exec(`INSERT INTO reports (ticket, idempotency_key, body_hash, corridor, category, description, in_danger, anonymous, consent_version, locale, status, created_at, updated_at, closed_reason)
        VALUES ('LDG-AAAA-AAAA', 'k-1', 'h', 'ID-KH', 'other', 'x', 0, 1, '1', 'id', 'closed', '2026-01-01', '2026-01-02', 'Moved to Jalan Mawar')`);
      old.exec(`INSERT INTO report_stages (ticket, stage, at, public_note) VALUES ('LDG-AAAA-AAAA', 'closed', '2026-01-02', 'Call +62 812 5555 0101')`);
      old.exec('ALTER TABLE desk_sessions DROP COLUMN last_seen_at');
      old.pragma('user_version = 7');
      old.close();

      const store = openSqliteStore(file, { seal });
      const [stage] = await store.stages('LDG-AAAA-AAAA');
      assert.equal(stage.publicNote, seal('Call +62 812 5555 0101'));
      assert.equal((await store.rawRow('LDG-AAAA-AAAA'))!.closed_reason, seal('Moved to Jalan Mawar'));
      await store.close();
      for (const f of ['lindungi.sqlite', 'lindungi.sqlite-wal']) {
        const path = join(dir, f);
        const text = existsSync(path) ? readFileSync(path).toString('latin1') : '';
        assert.ok(!text.includes('Jalan Mawar') && !text.includes('5555 0101'), `${f} still holds a plain note`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
