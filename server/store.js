// @ts-check
/**
 * Report storage behind a small interface, on SQLite (better-sqlite3). The schema is versioned by
 * numbered migrations recorded in `PRAGMA user_version`; data survives restarts.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @typedef {object} StoredReport
 * @property {string} ticket
 * @property {string} idempotencyKey
 * @property {string} bodyHash
 * @property {string} corridor
 * @property {string} category
 * @property {string} description  encrypted
 * @property {string | null} occurredOn
 * @property {string | null} locationCountry
 * @property {string | null} locationPlace  encrypted
 * @property {string | null} employerOrAgency  encrypted
 * @property {boolean} inDanger
 * @property {boolean} anonymous
 * @property {string | null} contactSealed  contact details, encrypted
 * @property {string} consentVersion
 * @property {string} consentBy  `reporter`, or `guardian` for a reporter under 18
 * @property {string} consentGivenAt  when consent was given (the time the report was received)
 * @property {string | null} withdrawalKeyHash  SHA-256 of the reporter's withdrawal key
 * @property {string} locale
 * @property {string} status
 * @property {string} createdAt
 * @property {string} updatedAt
 */

/**
 * @typedef {object} ReportStore
 * @property {(key: string) => { ticket: string; bodyHash: string; status: string } | undefined} findByKey
 * @property {(report: StoredReport) => { ticket: string; bodyHash: string; status: string; created: boolean }} insertOnce
 *   Store the report unless its idempotency key is known; answers the stored one either way.
 * @property {(ticket: string) => { ticket: string; status: string; updatedAt: string } | undefined} findByTicket
 * @property {(ticket: string) => { withdrawalKeyHash: string | null; status: string } | undefined} findWithdrawal
 * @property {(ticket: string, at: string) => void} withdraw  marks the report withdrawn and destroys its contact details
 * @property {(ticket: string) => Record<string, unknown> | undefined} rawRow  the stored row as it is on disk (tests, audits)
 * @property {() => number} count
 * @property {() => void} close
 */

/**
 * A migration is SQL, or a function for changes SQL cannot make (encrypting existing values).
 * @typedef {string | ((db: import('better-sqlite3').Database, context: { seal: (plaintext: string) => string }) => void)} Migration
 */

/** @type {Migration[]} */
const MIGRATIONS = [
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
    const rows = /** @type {{ ticket: string; description: string; place: string | null; employer: string | null }[]} */ (
      db.prepare('SELECT ticket, description, location_place AS place, employer_or_agency AS employer FROM reports').all()
    );
    const update = db.prepare('UPDATE reports SET description = ?, location_place = ?, employer_or_agency = ? WHERE ticket = ?');
    for (const row of rows) update.run(seal(row.description), row.place === null ? null : seal(row.place), row.employer === null ? null : seal(row.employer), row.ticket);
  },
  // 3: proof of consent (who, when) and withdrawal by the reporter.
  `ALTER TABLE reports ADD COLUMN consent_by TEXT NOT NULL DEFAULT 'reporter';
   ALTER TABLE reports ADD COLUMN consent_given_at TEXT;
   ALTER TABLE reports ADD COLUMN withdrawal_key_hash TEXT;
   ALTER TABLE reports ADD COLUMN withdrawn_at TEXT;
   UPDATE reports SET consent_given_at = created_at;`,
];

/**
 * @param {string} file
 * @param {{ seal: (plaintext: string) => string }} context  how migrations encrypt values they move
 * @returns {ReportStore}
 */
export function openSqliteStore(file, context) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Deleted and overwritten values are zeroed on disk, not left in free pages.
  db.pragma('secure_delete = ON');
  const version = /** @type {number} */ (db.pragma('user_version', { simple: true }));
  db.transaction(() => {
    for (let i = version; i < MIGRATIONS.length; i++) {
      const migration = /** @type {Migration} */ (MIGRATIONS[i]);
      if (typeof migration === 'string') db.exec(migration);
      else migration(db, context);
      db.pragma(`user_version = ${i + 1}`);
    }
  })();
  // After a migration rewrote values, no old copy may stay in the write-ahead log.
  if (version > 0 && version < MIGRATIONS.length) db.pragma('wal_checkpoint(TRUNCATE)');

  const byKey = db.prepare('SELECT ticket, body_hash AS bodyHash, status FROM reports WHERE idempotency_key = ?');
  const byTicket = db.prepare('SELECT ticket, status, updated_at AS updatedAt FROM reports WHERE ticket = ?');
  const insert = db.prepare(`INSERT INTO reports (
    ticket, idempotency_key, body_hash, corridor, category, description, occurred_on, location_country,
    location_place, employer_or_agency, in_danger, anonymous, contact_sealed, consent_version, locale,
    status, created_at, updated_at, consent_by, consent_given_at, withdrawal_key_hash) VALUES (
    @ticket, @idempotencyKey, @bodyHash, @corridor, @category, @description, @occurredOn, @locationCountry,
    @locationPlace, @employerOrAgency, @inDanger, @anonymous, @contactSealed, @consentVersion, @locale,
    @status, @createdAt, @updatedAt, @consentBy, @consentGivenAt, @withdrawalKeyHash)`);
  const byWithdrawal = db.prepare('SELECT withdrawal_key_hash AS withdrawalKeyHash, status FROM reports WHERE ticket = ?');
  const withdraw = db.prepare(
    `UPDATE reports SET status = 'withdrawn', contact_sealed = NULL, withdrawn_at = @at, updated_at = @at WHERE ticket = @ticket`,
  );
  const raw = db.prepare('SELECT * FROM reports WHERE ticket = ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM reports');

  const insertOnce = db.transaction((/** @type {StoredReport} */ report) => {
    const existing = /** @type {{ ticket: string; bodyHash: string; status: string } | undefined} */ (byKey.get(report.idempotencyKey));
    if (existing) return { ...existing, created: false };
    insert.run({ ...report, inDanger: report.inDanger ? 1 : 0, anonymous: report.anonymous ? 1 : 0 });
    return { ticket: report.ticket, bodyHash: report.bodyHash, status: report.status, created: true };
  });

  return {
    findByKey: (key) => /** @type {any} */ (byKey.get(key)),
    insertOnce: (report) => insertOnce(report),
    findByTicket: (ticket) => /** @type {any} */ (byTicket.get(ticket)),
    findWithdrawal: (ticket) => /** @type {any} */ (byWithdrawal.get(ticket)),
    withdraw: (ticket, at) => void withdraw.run({ ticket, at }),
    rawRow: (ticket) => /** @type {any} */ (raw.get(ticket)),
    count: () => /** @type {{ n: number }} */ (count.get()).n,
    close: () => db.close(),
  };
}
