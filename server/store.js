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
 * @property {string} description
 * @property {string | null} occurredOn
 * @property {string | null} locationCountry
 * @property {string | null} locationPlace
 * @property {string | null} employerOrAgency
 * @property {boolean} inDanger
 * @property {boolean} anonymous
 * @property {string | null} contactSealed  contact details, encrypted
 * @property {string} consentVersion
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
 * @property {() => number} count
 * @property {() => void} close
 */

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
];

/** @param {string} file @returns {ReportStore} */
export function openSqliteStore(file) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const version = /** @type {number} */ (db.pragma('user_version', { simple: true }));
  db.transaction(() => {
    for (let i = version; i < MIGRATIONS.length; i++) {
      db.exec(/** @type {string} */ (MIGRATIONS[i]));
      db.pragma(`user_version = ${i + 1}`);
    }
  })();

  const byKey = db.prepare('SELECT ticket, body_hash AS bodyHash, status FROM reports WHERE idempotency_key = ?');
  const byTicket = db.prepare('SELECT ticket, status, updated_at AS updatedAt FROM reports WHERE ticket = ?');
  const insert = db.prepare(`INSERT INTO reports VALUES (
    @ticket, @idempotencyKey, @bodyHash, @corridor, @category, @description, @occurredOn, @locationCountry,
    @locationPlace, @employerOrAgency, @inDanger, @anonymous, @contactSealed, @consentVersion, @locale,
    @status, @createdAt, @updatedAt)`);
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
    count: () => /** @type {{ n: number }} */ (count.get()).n,
    close: () => db.close(),
  };
}
