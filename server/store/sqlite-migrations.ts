/**
 * The SQLite store's schema, as numbered migrations: each applied once, in order, recorded in
 * `PRAGMA user_version`. A new one is appended, never changed once released.
 */

import type { Database } from 'better-sqlite3';

/** A migration is SQL, or a function for changes SQL cannot make (encrypting existing values). */
export type Migration = string | ((db: Database, context: { seal: (plaintext: string) => string }) => void);

export const MIGRATIONS: Migration[] = [
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
     updated_at TEXT NOT NULL
   ) STRICT`,
  // 2: the free-text fields (description, place, employer) are encrypted at rest like contact details.
  (db, { seal }) => {
    const rows = db.prepare('SELECT ticket, description, location_place AS place, employer_or_agency AS employer FROM reports').all() as {
      ticket: string;
      description: string;
      place: string | null;
      employer: string | null;
    }[];
    const update = db.prepare('UPDATE reports SET description = ?, location_place = ?, employer_or_agency = ? WHERE ticket = ?');
    for (const row of rows)
      update.run(seal(row.description), row.place === null ? null : seal(row.place), row.employer === null ? null : seal(row.employer), row.ticket);
  },
  // 3: proof of consent (who, when) and withdrawal by the reporter.
  `ALTER TABLE reports ADD COLUMN consent_by TEXT NOT NULL DEFAULT 'reporter';
   ALTER TABLE reports ADD COLUMN consent_given_at TEXT;
   ALTER TABLE reports ADD COLUMN withdrawal_key_hash TEXT;
   ALTER TABLE reports ADD COLUMN withdrawn_at TEXT;
   UPDATE reports SET consent_given_at = created_at;`,
  // 4: the case desk — operators (token hashes only), an append-only audit log, and the date and
  // public note of every stage a report reaches.
  `CREATE TABLE operators (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('viewer', 'handler', 'admin')),
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   ) STRICT;
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     operator_id TEXT,
     action TEXT NOT NULL,
     ticket TEXT,
     detail TEXT
   ) STRICT;
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TABLE report_stages (
     ticket TEXT NOT NULL,
     stage TEXT NOT NULL,
     at TEXT NOT NULL,
     public_note TEXT,
     internal_note_sealed TEXT,
     PRIMARY KEY (ticket, stage)
   ) STRICT;
   INSERT INTO report_stages (ticket, stage, at) SELECT ticket, 'received', created_at FROM reports;
   ALTER TABLE reports ADD COLUMN closed_reason TEXT;
   CREATE INDEX reports_by_created ON reports (created_at, ticket);`,
  // 5: when a report's personal data was purged after the retention period.
  `ALTER TABLE reports ADD COLUMN purged_at TEXT;`,
  // 6: the webhook's outgoing queue (each event's body encrypted until delivered, then dropped).
  `CREATE TABLE webhook_queue (
     id TEXT PRIMARY KEY,
     event TEXT NOT NULL,
     ticket TEXT NOT NULL,
     body_sealed TEXT,
     created_at TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_at TEXT NOT NULL,
     delivered_at TEXT,
     last_status INTEGER
   ) STRICT;
   CREATE INDEX webhook_due ON webhook_queue (delivered_at, next_at);`,
  // 7: the desk page's sessions (only a hash of each session id is kept).
  `CREATE TABLE desk_sessions (
     id_hash TEXT PRIMARY KEY,
     operator_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   ) STRICT;`,
  // 8: notes to the reporter and close reasons are sealed like every other free text.
  (db, { seal }) => {
    const notes = db.prepare('SELECT ticket, stage, public_note AS note FROM report_stages WHERE public_note IS NOT NULL').all() as {
      ticket: string;
      stage: string;
      note: string;
    }[];
    const sealNote = db.prepare('UPDATE report_stages SET public_note = ? WHERE ticket = ? AND stage = ?');
    for (const n of notes) sealNote.run(seal(n.note), n.ticket, n.stage);
    const reasons = db.prepare('SELECT ticket, closed_reason AS reason FROM reports WHERE closed_reason IS NOT NULL').all() as {
      ticket: string;
      reason: string;
    }[];
    const sealReason = db.prepare('UPDATE reports SET closed_reason = ? WHERE ticket = ?');
    for (const r of reasons) sealReason.run(seal(r.reason), r.ticket);
  },
  // 9: a session also ends after a while without use.
  `ALTER TABLE desk_sessions ADD COLUMN last_seen_at TEXT;
   UPDATE desk_sessions SET last_seen_at = created_at;`,
];
