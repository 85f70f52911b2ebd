/**
 * The PostgreSQL store's schema, as numbered migrations recorded in `schema_migrations` and applied
 * under an advisory lock. A new one is appended, never changed once released.
 */

import type { Pool, PoolClient } from 'pg';

/**
 * PostgreSQL's first migration is the schema the SQLite migrations arrived at by their seventh;
 * later changes are appended to both lists. A migration is SQL, or a function for changes SQL
 * cannot make (encrypting existing values).
 */
export const MIGRATIONS: (string | ((client: PoolClient, context: { seal: (plaintext: string) => string }) => Promise<void>))[] = [
  `CREATE TABLE reports (
     ticket TEXT PRIMARY KEY,
     idempotency_key TEXT NOT NULL UNIQUE,
     body_hash TEXT NOT NULL,
     corridor TEXT NOT NULL,
     category TEXT NOT NULL,
     description TEXT NOT NULL,
     occurred_on TEXT,
     location_country TEXT,
     location_place TEXT,
     employer_or_agency TEXT,
     in_danger INTEGER NOT NULL,
     anonymous INTEGER NOT NULL,
     contact_sealed TEXT,
     consent_version TEXT NOT NULL,
     locale TEXT NOT NULL,
     status TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     consent_by TEXT NOT NULL DEFAULT 'reporter',
     consent_given_at TEXT,
     withdrawal_key_hash TEXT,
     withdrawn_at TEXT,
     closed_reason TEXT,
     purged_at TEXT
   );
   CREATE INDEX reports_by_created ON reports (created_at, ticket);
   CREATE TABLE operators (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('viewer', 'handler', 'admin')),
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE TABLE audit (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at TEXT NOT NULL,
     operator_id TEXT,
     action TEXT NOT NULL,
     ticket TEXT,
     detail TEXT
   );
   CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
   CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
   CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
   CREATE TABLE report_stages (
     ticket TEXT NOT NULL,
     stage TEXT NOT NULL,
     at TEXT NOT NULL,
     public_note TEXT,
     internal_note_sealed TEXT,
     seq BIGINT GENERATED ALWAYS AS IDENTITY,
     PRIMARY KEY (ticket, stage)
   );
   CREATE TABLE webhook_queue (
     id TEXT PRIMARY KEY,
     seq BIGINT GENERATED ALWAYS AS IDENTITY,
     event TEXT NOT NULL,
     ticket TEXT NOT NULL,
     body_sealed TEXT,
     created_at TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_at TEXT NOT NULL,
     delivered_at TEXT,
     last_status INTEGER
   );
   CREATE INDEX webhook_due ON webhook_queue (next_at) WHERE delivered_at IS NULL;
   CREATE INDEX webhook_by_ticket ON webhook_queue (ticket);
   CREATE TABLE desk_sessions (
     id_hash TEXT PRIMARY KEY,
     operator_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );`,
  // 2: notes to the reporter and close reasons are sealed like every other free text.
  async (client, { seal }) => {
    const notes = (
      await client.query<{ ticket: string; stage: string; note: string }>(
        'SELECT ticket, stage, public_note AS note FROM report_stages WHERE public_note IS NOT NULL FOR UPDATE',
      )
    ).rows;
    for (const n of notes) await client.query('UPDATE report_stages SET public_note = $1 WHERE ticket = $2 AND stage = $3', [seal(n.note), n.ticket, n.stage]);
    const reasons = (
      await client.query<{ ticket: string; reason: string }>('SELECT ticket, closed_reason AS reason FROM reports WHERE closed_reason IS NOT NULL FOR UPDATE')
    ).rows;
    for (const r of reasons) await client.query('UPDATE reports SET closed_reason = $1 WHERE ticket = $2', [seal(r.reason), r.ticket]);
  },
  // 3: a session also ends after a while without use.
  `ALTER TABLE desk_sessions ADD COLUMN last_seen_at TEXT;
   UPDATE desk_sessions SET last_seen_at = created_at;`,
];

/** The advisory lock key of the migrations (per schema, so separate schemas in one database do not wait on each other). */
const MIGRATION_LOCK = 'lindungi:migrations:';

/**
 * Apply the migrations not yet recorded, each in its own transaction, holding a session advisory
 * lock: instances starting together take turns, and the later ones find nothing left to do.
 */
export async function migrate(pool: Pool, context: { seal: (plaintext: string) => string }) {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1 || current_schema()))', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const [i, sql] of MIGRATIONS.entries()) {
        if (done.has(i + 1)) continue;
        await client.query('BEGIN');
        try {
          if (typeof sql === 'string') await client.query(sql);
          else await sql(client, context);
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [i + 1, new Date().toISOString()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1 || current_schema()))', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
