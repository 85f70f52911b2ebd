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
 * @property {(report: StoredReport, webhook?: (ticket: string) => WebhookEvent | undefined) => { ticket: string; bodyHash: string; status: string; created: boolean }} insertOnce
 *   Store the report unless its idempotency key is known (with its webhook event, in one transaction); answers the stored one either way.
 * @property {(ticket: string) => { ticket: string; status: string; updatedAt: string } | undefined} findByTicket
 * @property {(ticket: string) => { withdrawalKeyHash: string | null; status: string } | undefined} findWithdrawal
 * @property {(ticket: string, at: string, webhook?: WebhookEvent) => void} withdraw  marks the report withdrawn, destroys its contact details and redacts its free texts and internal notes
 * @property {(ticket: string) => Record<string, unknown> | undefined} rawRow  the stored row as it is on disk (tests, audits)
 * @property {(ticket: string) => StageRecord[]} stages  the stages a report has reached, oldest first
 * @property {(change: StatusChange, webhook?: WebhookEvent) => void} changeStatus  records a new status with its date and notes (and its webhook event)
 * @property {(ticket: string) => DeskReport | undefined} deskReport  a report as the desk reads it (still sealed)
 * @property {(query: DeskQuery) => DeskReport[]} listReports  newest first (in danger first if asked), after the cursor
 * @property {(operator: OperatorRecord) => void} addOperator
 * @property {() => OperatorRecord[]} listOperators
 * @property {(id: string, at: string) => boolean} revokeOperator
 * @property {(tokenHash: string) => OperatorRecord | undefined} operatorByTokenHash
 * @property {(entry: AuditEntry) => void} audit  appends to the audit log
 * @property {(query: { after?: number; limit: number }) => (AuditEntry & { seq: number })[]} listAudit
 * @property {() => Iterable<DeskReport & { contactSealed: string | null }>} allReports  every report, oldest first (export)
 * @property {(event: WebhookEvent) => void} enqueueWebhook  queues an event for the webhook
 * @property {(now: string, limit: number) => WebhookEvent[]} dueWebhooks  events due for an attempt, oldest first
 * @property {(id: string, at: string, status: number) => void} webhookDelivered  marks it delivered and drops its body
 * @property {(id: string, nextAt: string, status: number | null) => void} webhookFailed  counts the attempt, sets the next
 * @property {(ticket: string) => number} pendingWebhooks  undelivered events of a ticket (tests)
 * @property {(session: { idHash: string; operatorId: string; createdAt: string; expiresAt: string }) => void} addSession
 * @property {(idHash: string, now: string) => OperatorRecord | undefined} operatorBySession  the operator of a session that has not expired
 * @property {(idHash: string) => void} endSession
 * @property {(endedBefore: string, at: string) => string[]} purgeExpired  redacts every report resolved, closed or withdrawn before the date; answers their tickets
 * @property {() => number} count
 * @property {() => void} close
 */

/**
 * @typedef {object} StageRecord
 * @property {string} stage
 * @property {string} at
 * @property {string | null} publicNote
 * @property {string | null} internalNoteSealed
 *
 * @typedef {object} StatusChange
 * @property {string} ticket
 * @property {string} status  a stage, or `closed`
 * @property {string} at
 * @property {string | null} publicNote
 * @property {string | null} internalNoteSealed
 * @property {string | null} closedReason
 *
 * @typedef {object} DeskReport  a report as the desk reads it: free texts still sealed, contact details apart
 * @property {string} ticket
 * @property {string} corridor
 * @property {string} category
 * @property {string} description
 * @property {string | null} occurredOn
 * @property {string | null} locationCountry
 * @property {string | null} locationPlace
 * @property {string | null} employerOrAgency
 * @property {number} inDanger
 * @property {number} anonymous
 * @property {string} locale
 * @property {string} status
 * @property {string | null} closedReason
 * @property {string} consentVersion
 * @property {string} consentBy
 * @property {string} createdAt
 * @property {string} updatedAt
 *
 * @typedef {object} DeskQuery
 * @property {string} [status]
 * @property {string} [category]
 * @property {boolean} [inDanger]
 * @property {string} [corridor]
 * @property {string} [receivedFrom]  ISO date, inclusive
 * @property {string} [receivedTo]    ISO date, inclusive
 * @property {boolean} [dangerFirst]
 * @property {{ createdAt: string; ticket: string; inDanger?: number }} [after]  the last report of the previous page
 * @property {number} limit
 *
 * @typedef {object} WebhookEvent
 * @property {string} id  the delivery id the receiver de-duplicates on
 * @property {string} event  `report.created`, `report.status` or `report.withdrawn`
 * @property {string} ticket
 * @property {string | null} bodySealed  the JSON body, encrypted
 * @property {string} createdAt
 * @property {number} [attempts]
 * @property {string} nextAt
 *
 * @typedef {object} OperatorRecord
 * @property {string} id
 * @property {string} name
 * @property {'viewer' | 'handler' | 'admin'} role
 * @property {string} tokenHash
 * @property {string} createdAt
 * @property {string | null} revokedAt
 *
 * @typedef {object} AuditEntry
 * @property {string} at
 * @property {string | null} operatorId
 * @property {string} action
 * @property {string | null} ticket
 * @property {string | null} detail  JSON: which fields, which status — never a value
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
  // Withdrawal ends processing: contact details destroyed, every free text and internal note redacted.
  const withdrawReport = db.prepare(
    `UPDATE reports SET status = 'withdrawn', contact_sealed = NULL, description = '', location_place = NULL, employer_or_agency = NULL,
       withdrawn_at = @at, updated_at = @at WHERE ticket = @ticket`,
  );
  const redactNotes = db.prepare('UPDATE report_stages SET internal_note_sealed = NULL WHERE ticket = ?');
  const dropPendingBodies = db.prepare('UPDATE webhook_queue SET body_sealed = NULL WHERE ticket = ? AND delivered_at IS NULL');
  const withdraw = db.transaction((/** @type {{ ticket: string; at: string }} */ w, /** @type {WebhookEvent | undefined} */ webhook) => {
    withdrawReport.run(w);
    redactNotes.run(w.ticket);
    // Events not yet delivered carry nothing of the report any more; the receiver is told it was withdrawn.
    dropPendingBodies.run(w.ticket);
    if (webhook) insertWebhook.run(webhook);
  });
  const raw = db.prepare('SELECT * FROM reports WHERE ticket = ?');
  const insertStage = db.prepare(
    `INSERT INTO report_stages (ticket, stage, at, public_note, internal_note_sealed) VALUES (@ticket, @stage, @at, @publicNote, @internalNoteSealed)
     ON CONFLICT (ticket, stage) DO UPDATE SET at = excluded.at, public_note = excluded.public_note, internal_note_sealed = excluded.internal_note_sealed`,
  );
  const stagesOf = db.prepare(
    'SELECT stage, at, public_note AS publicNote, internal_note_sealed AS internalNoteSealed FROM report_stages WHERE ticket = ? ORDER BY at, rowid',
  );
  const setStatus = db.prepare('UPDATE reports SET status = @status, closed_reason = @closedReason, updated_at = @at WHERE ticket = @ticket');
  const DESK_COLUMNS = `ticket, corridor, category, description, occurred_on AS occurredOn, location_country AS locationCountry,
    location_place AS locationPlace, employer_or_agency AS employerOrAgency, in_danger AS inDanger, anonymous, locale, status,
    closed_reason AS closedReason, consent_version AS consentVersion, consent_by AS consentBy, created_at AS createdAt, updated_at AS updatedAt`;
  const deskOne = db.prepare(`SELECT ${DESK_COLUMNS} FROM reports WHERE ticket = ?`);
  const insertOperator = db.prepare(
    'INSERT INTO operators (id, name, role, token_hash, created_at, revoked_at) VALUES (@id, @name, @role, @tokenHash, @createdAt, @revokedAt)',
  );
  const OPERATOR_COLUMNS = 'id, name, role, token_hash AS tokenHash, created_at AS createdAt, revoked_at AS revokedAt';
  const allOperators = db.prepare(`SELECT ${OPERATOR_COLUMNS} FROM operators ORDER BY created_at, id`);
  const operatorByHash = db.prepare(`SELECT ${OPERATOR_COLUMNS} FROM operators WHERE token_hash = ?`);
  const revoke = db.prepare('UPDATE operators SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL');
  const insertAudit = db.prepare('INSERT INTO audit (at, operator_id, action, ticket, detail) VALUES (@at, @operatorId, @action, @ticket, @detail)');
  const auditPage = db.prepare(
    'SELECT seq, at, operator_id AS operatorId, action, ticket, detail FROM audit WHERE seq > @after ORDER BY seq LIMIT @limit',
  );
  const expired = db.prepare(
    `SELECT ticket FROM reports WHERE status IN ('resolved', 'closed', 'withdrawn') AND updated_at < ? AND purged_at IS NULL`,
  );
  const purge = db.prepare(
    `UPDATE reports SET contact_sealed = NULL, description = '', location_place = NULL, employer_or_agency = NULL, purged_at = @at WHERE ticket = @ticket`,
  );
  const purgeExpired = db.transaction((/** @type {string} */ endedBefore, /** @type {string} */ at) => {
    const tickets = /** @type {{ ticket: string }[]} */ (expired.all(endedBefore)).map((r) => r.ticket);
    for (const ticket of tickets) {
      purge.run({ ticket, at });
      redactNotes.run(ticket);
      // Events never delivered lose what they carried, as on withdrawal.
      dropPendingBodies.run(ticket);
    }
    return tickets;
  });
  const insertWebhook = db.prepare(
    'INSERT INTO webhook_queue (id, event, ticket, body_sealed, created_at, next_at) VALUES (@id, @event, @ticket, @bodySealed, @createdAt, @nextAt)',
  );
  const due = db.prepare(
    `SELECT id, event, ticket, body_sealed AS bodySealed, created_at AS createdAt, attempts, next_at AS nextAt FROM webhook_queue
     WHERE delivered_at IS NULL AND next_at <= ? ORDER BY created_at, rowid LIMIT ?`,
  );
  const delivered = db.prepare('UPDATE webhook_queue SET delivered_at = @at, last_status = @status, body_sealed = NULL, attempts = attempts + 1 WHERE id = @id');
  const failed = db.prepare('UPDATE webhook_queue SET attempts = attempts + 1, next_at = @nextAt, last_status = @status WHERE id = @id');
  const pendingFor = db.prepare('SELECT COUNT(*) AS n FROM webhook_queue WHERE ticket = ? AND delivered_at IS NULL');
  const insertSession = db.prepare('INSERT INTO desk_sessions (id_hash, operator_id, created_at, expires_at) VALUES (@idHash, @operatorId, @createdAt, @expiresAt)');
  const sessionOperator = db.prepare(
    `SELECT o.id, o.name, o.role, o.token_hash AS tokenHash, o.created_at AS createdAt, o.revoked_at AS revokedAt
     FROM desk_sessions s JOIN operators o ON o.id = s.operator_id WHERE s.id_hash = ? AND s.expires_at > ?`,
  );
  const deleteSession = db.prepare('DELETE FROM desk_sessions WHERE id_hash = ?');
  const everyReport = db.prepare(`SELECT ${DESK_COLUMNS}, contact_sealed AS contactSealed FROM reports ORDER BY created_at, ticket`);
  const changeStatus = db.transaction((/** @type {StatusChange} */ change, /** @type {WebhookEvent | undefined} */ webhook) => {
    setStatus.run({ ticket: change.ticket, status: change.status, closedReason: change.closedReason, at: change.at });
    insertStage.run({ ticket: change.ticket, stage: change.status, at: change.at, publicNote: change.publicNote, internalNoteSealed: change.internalNoteSealed });
    if (webhook) insertWebhook.run(webhook);
  });

  /** @param {DeskQuery} q */
  const listReports = (q) => {
    /** @type {string[]} */
    const where = [];
    /** @type {Record<string, unknown>} */
    const params = { limit: q.limit };
    // Every value is a bound parameter; only these fixed fragments are ever put in the SQL.
    if (q.status) (where.push('status = @status'), (params.status = q.status));
    if (q.category) (where.push('category = @category'), (params.category = q.category));
    if (q.inDanger !== undefined) (where.push('in_danger = @inDanger'), (params.inDanger = q.inDanger ? 1 : 0));
    if (q.corridor) (where.push('corridor = @corridor'), (params.corridor = q.corridor));
    if (q.receivedFrom) (where.push('created_at >= @from'), (params.from = q.receivedFrom));
    if (q.receivedTo) (where.push('created_at < @to'), (params.to = q.receivedTo));
    if (q.after) {
      params.afterCreated = q.after.createdAt;
      params.afterTicket = q.after.ticket;
      if (q.dangerFirst) {
        params.afterDanger = q.after.inDanger ?? 0;
        where.push('(in_danger < @afterDanger OR (in_danger = @afterDanger AND (created_at < @afterCreated OR (created_at = @afterCreated AND ticket < @afterTicket))))');
      } else where.push('(created_at < @afterCreated OR (created_at = @afterCreated AND ticket < @afterTicket))');
    }
    const order = q.dangerFirst ? 'in_danger DESC, created_at DESC, ticket DESC' : 'created_at DESC, ticket DESC';
    const sql = `SELECT ${DESK_COLUMNS} FROM reports ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT @limit`;
    return /** @type {DeskReport[]} */ (db.prepare(sql).all(params));
  };
  const count = db.prepare('SELECT COUNT(*) AS n FROM reports');

  const insertOnce = db.transaction((/** @type {StoredReport} */ report, /** @type {((ticket: string) => WebhookEvent | undefined) | undefined} */ webhook) => {
    const existing = /** @type {{ ticket: string; bodyHash: string; status: string } | undefined} */ (byKey.get(report.idempotencyKey));
    if (existing) return { ...existing, created: false };
    insert.run({ ...report, inDanger: report.inDanger ? 1 : 0, anonymous: report.anonymous ? 1 : 0 });
    insertStage.run({ ticket: report.ticket, stage: 'received', at: report.createdAt, publicNote: null, internalNoteSealed: null });
    const event = webhook?.(report.ticket);
    if (event) insertWebhook.run(event);
    return { ticket: report.ticket, bodyHash: report.bodyHash, status: report.status, created: true };
  });

  return {
    findByKey: (key) => /** @type {any} */ (byKey.get(key)),
    insertOnce: (report, webhook) => insertOnce(report, webhook),
    findByTicket: (ticket) => /** @type {any} */ (byTicket.get(ticket)),
    findWithdrawal: (ticket) => /** @type {any} */ (byWithdrawal.get(ticket)),
    withdraw: (ticket, at, webhook) => {
      withdraw({ ticket, at }, webhook);
      // No earlier copy of what was removed may stay in the write-ahead log.
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    rawRow: (ticket) => /** @type {any} */ (raw.get(ticket)),
    stages: (ticket) => /** @type {StageRecord[]} */ (stagesOf.all(ticket)),
    changeStatus: (change, webhook) => changeStatus(change, webhook),
    deskReport: (ticket) => /** @type {any} */ (deskOne.get(ticket)),
    listReports,
    addOperator: (operator) => void insertOperator.run(operator),
    listOperators: () => /** @type {OperatorRecord[]} */ (allOperators.all()),
    revokeOperator: (id, at) => revoke.run({ id, at }).changes > 0,
    operatorByTokenHash: (hash) => /** @type {any} */ (operatorByHash.get(hash)),
    audit: (entry) => void insertAudit.run(entry),
    purgeExpired: (endedBefore, at) => {
      const tickets = purgeExpired(endedBefore, at);
      if (tickets.length) db.pragma('wal_checkpoint(TRUNCATE)');
      return tickets;
    },
    enqueueWebhook: (event) => void insertWebhook.run(event),
    dueWebhooks: (now, limit) => /** @type {any} */ (due.all(now, limit)),
    webhookDelivered: (id, at, status) => void delivered.run({ id, at, status }),
    webhookFailed: (id, nextAt, status) => void failed.run({ id, nextAt, status }),
    pendingWebhooks: (ticket) => /** @type {{ n: number }} */ (pendingFor.get(ticket)).n,
    addSession: (session) => void insertSession.run(session),
    operatorBySession: (idHash, now) => /** @type {any} */ (sessionOperator.get(idHash, now)),
    endSession: (idHash) => void deleteSession.run(idHash),
    allReports: () => /** @type {any} */ (everyReport.iterate()),
    listAudit: (query) => /** @type {any} */ (auditPage.all({ after: query.after ?? 0, limit: query.limit })),
    count: () => /** @type {{ n: number }} */ (count.get()).n,
    close: () => db.close(),
  };
}
