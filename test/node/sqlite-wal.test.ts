import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { draft, startTestServer } from '../support/server.js';

/**
 * Erasure on SQLite while another connection reads: an open read transaction keeps the write-ahead
 * log from being emptied (a real second connection on the same file, not a stand-in). The server
 * says so on the audit log and finishes on its next pass, once the reader is gone.
 */
describe('erasure that a reader holds up (SQLite)', () => {
  it('records a withdrawal whose WAL could not be emptied yet, and empties it on the next pass', async () => {
    const server = await startTestServer({ databaseUrl: undefined });
    try {
      const key = 'r'.repeat(43);
      const sent = await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), 'Withdrawal-Key': key },
        body: JSON.stringify(draft({ contact: { anonymous: false, method: 'email', value: 'held@example.org' } })),
      });
      const ticket = (await sent.json()).ticket as string;
      const sealed = (await server.store.rawRow(ticket))!.contact_sealed as string;
      const onDisk = () =>
        ['lindungi.sqlite', 'lindungi.sqlite-wal']
          .map((f) => join(server.dataDir, f))
          .filter((f) => existsSync(f))
          .some((f) => readFileSync(f).toString('latin1').includes(sealed));

      // Another connection reads, and keeps its snapshot open.
      const reader = new Database(join(server.dataDir, 'lindungi.sqlite'));
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM reports').get();
      try {
        const started = Date.now();
        assert.equal((await fetch(`${server.url}/v1/reports/${ticket}`, { method: 'DELETE', headers: { 'Withdrawal-Key': key } })).status, 200);
        assert.ok(Date.now() - started < 5000, 'the withdrawal did not wait on the reader');
        const entry = (await server.store.listAudit({ limit: 1000 })).find((e) => e.action === 'withdraw' && e.ticket === ticket)!;
        assert.deepEqual(JSON.parse(entry.detail!), { residue: 'wal' });
        assert.equal(onDisk(), true, 'the reader really held the old copy on disk');
        assert.equal(await server.store.eraseResidue(), false, 'still held while the reader is open');
      } finally {
        reader.exec('COMMIT');
        reader.close();
      }
      // The next retention pass finishes the erasure.
      await server.purge();
      assert.equal(await server.store.eraseResidue(), true);
      assert.equal(onDisk(), false, 'no copy of the erased contact is left on disk');
    } finally {
      await server.dispose();
    }
  });
});
