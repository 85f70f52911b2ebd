/**
 * The report store on SQLite (better-sqlite3), the embedded default. The schema is versioned by
 * numbered migrations recorded in `PRAGMA user_version`, applied in one immediate (write-locked)
 * transaction so that two processes opening the file together do not race; data survives restarts.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { SEALED_COLUMNS, redactionOf } from './contract.js';
import { newTicket } from '../tickets.js';
import { MIGRATIONS } from './sqlite-migrations.js';

import type { ReportStore } from './contract.js';
import type { StoredReport } from './contract.js';
import type { WebhookEvent } from './contract.js';
import type { StatusChange } from './contract.js';
import type { DeskQuery } from './contract.js';
import type { DeskReport } from './contract.js';
import type { StageRecord } from './contract.js';
import type { OperatorRecord } from './contract.js';
import type { Migration } from './sqlite-migrations.js';

/** What a store method answers, as its statement reads it from the database. */
type Row<M extends keyof ReportStore> = ReportStore[M] extends (...args: never[]) => Promise<infer R> ? R : never;

/** How long a page of the export is. */
const PAGE = 500;

/**
 *
 * @param context how migrations encrypt values they move
 */
export function openSqliteStore(file: string, context: { seal: (plaintext: string) => string }): ReportStore {
  if (file !== ':memory:') {
    // Only the server's own user reads the database: the folder 0700, the file 0600 (its WAL and
    // shared-memory files take the file's mode), tightened on files made by an earlier version.
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    closeSync(openSync(file, 'a', 0o600));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Deleted and overwritten values are zeroed on disk, not left in free pages.
  db.pragma('secure_delete = ON');
  // The version is read inside the write-locked transaction: a second process waits, then sees it.
  const migrated = db
    .transaction(() => {
      const version = db.pragma('user_version', { simple: true }) as number;
      for (let i = version; i < MIGRATIONS.length; i++) {
        const migration = MIGRATIONS[i] as Migration;
        if (typeof migration === 'string') db.exec(migration);
        else migration(db, context);
        db.pragma(`user_version = ${i + 1}`);
      }
      return version > 0 && version < MIGRATIONS.length;
    })
    .immediate();
  // After a migration rewrote values, no old copy may stay in the write-ahead log.
  if (migrated) db.pragma('wal_checkpoint(TRUNCATE)');

  /** A checkpoint could not empty the WAL yet (a reader held it): the next pass finishes it. */
  let residue = false;
  /**
   * Copy the WAL into the database and empty it, so no earlier copy of erased values stays on disk.
   * A reader with an open snapshot keeps it busy: tried again for about 2 s without blocking the
   * server (each try without waiting), then left for the next pass. Answers whether it is empty.
   * */
  const truncateWal = async () => {
    const wait = db.pragma('busy_timeout', { simple: true }) as number;
    for (let attempt = 0; attempt < 40; attempt++) {
      db.pragma('busy_timeout = 0');
      let busy;
      try {
        busy = (db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]?.busy;
      } finally {
        db.pragma(`busy_timeout = ${wait}`);
      }
      if (!busy) return !(residue = false);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    residue = true;
    return false;
  };

  const byKey = db.prepare('SELECT ticket, body_hash AS bodyHash, status FROM reports WHERE idempotency_key = ?');
  const ticketTaken = db.prepare('SELECT 1 FROM reports WHERE ticket = ?');
  const byTicket = db.prepare('SELECT ticket, status, updated_at AS updatedAt FROM reports WHERE ticket = ?');
  const insert = db.prepare(`INSERT INTO reports (
    ticket, idempotency_key, body_hash, corridor, category, description, occurred_on, location_country,
    location_place, employer_or_agency, in_danger, anonymous, contact_sealed, consent_version, locale,
    status, created_at, updated_at, consent_by, consent_given_at, withdrawal_key_hash) VALUES (
    @ticket, @idempotencyKey, @bodyHash, @corridor, @category, @description, @occurredOn, @locationCountry,
    @locationPlace, @employerOrAgency, @inDanger, @anonymous, @contactSealed, @consentVersion, @locale,
    @status, @createdAt, @updatedAt, @consentBy, @consentGivenAt, @withdrawalKeyHash)`);
  const byWithdrawal = db.prepare('SELECT withdrawal_key_hash AS withdrawalKeyHash, status FROM reports WHERE ticket = ?');
  // Withdrawal ends processing: contact details destroyed, every free text and note redacted.
  const withdrawReport = db.prepare(
    `UPDATE reports SET status = 'withdrawn', ${redactionOf('reports')}, withdrawn_at = @at, updated_at = @at WHERE ticket = @ticket`,
  );
  const redactNotes = db.prepare(`UPDATE report_stages SET ${redactionOf('report_stages')} WHERE ticket = ?`);
  const dropPendingBodies = db.prepare(`UPDATE webhook_queue SET ${redactionOf('webhook_queue')} WHERE ticket = ? AND delivered_at IS NULL`);
  const insertWebhook = db.prepare(
    'INSERT INTO webhook_queue (id, event, ticket, body_sealed, created_at, next_at) VALUES (@id, @event, @ticket, @bodySealed, @createdAt, @nextAt)',
  );
  const withdraw = db.transaction((w: { ticket: string; at: string }, webhook: WebhookEvent | undefined) => {
    withdrawReport.run(w);
    redactNotes.run(w.ticket);
    // Events not yet delivered carry nothing of the report any more; the receiver is told it was withdrawn.
    dropPendingBodies.run(w.ticket);
    if (webhook) insertWebhook.run(webhook);
  });
  const raw = db.prepare('SELECT * FROM reports WHERE ticket = ?');
  const sealedContact = db.prepare('SELECT anonymous, contact_sealed AS contactSealed FROM reports WHERE ticket = ?');
  const insertStage = db.prepare(
    `INSERT INTO report_stages (ticket, stage, at, public_note, internal_note_sealed) VALUES (@ticket, @stage, @at, @publicNote, @internalNoteSealed)
     ON CONFLICT (ticket, stage) DO UPDATE SET at = excluded.at, public_note = excluded.public_note, internal_note_sealed = excluded.internal_note_sealed`,
  );
  const stagesOf = db.prepare(
    'SELECT stage, at, public_note AS publicNote, internal_note_sealed AS internalNoteSealed FROM report_stages WHERE ticket = ? ORDER BY at, rowid',
  );
  const setStatus = db.prepare(
    'UPDATE reports SET status = @status, closed_reason = @closedReason, updated_at = @at WHERE ticket = @ticket AND status = @from',
  );
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
  const auditPage = db.prepare('SELECT seq, at, operator_id AS operatorId, action, ticket, detail FROM audit WHERE seq > @after ORDER BY seq LIMIT @limit');
  const expired = db.prepare(`SELECT ticket FROM reports WHERE status IN ('resolved', 'closed', 'withdrawn') AND updated_at < ? AND purged_at IS NULL`);
  const purge = db.prepare(`UPDATE reports SET ${redactionOf('reports')}, purged_at = @at WHERE ticket = @ticket`);
  // SQLite takes one writer at a time: the immediate transaction is the purge's lock.
  const purgeExpired = db.transaction((endedBefore: string, at: string) => {
    const tickets = (expired.all(endedBefore) as { ticket: string }[]).map((r) => r.ticket);
    for (const ticket of tickets) {
      purge.run({ ticket, at });
      redactNotes.run(ticket);
      // Events never delivered lose what they carried, as on withdrawal.
      dropPendingBodies.run(ticket);
    }
    return tickets;
  });
  const claim = db.prepare(
    `UPDATE webhook_queue SET next_at = @leaseUntil WHERE id IN (
       SELECT id FROM webhook_queue WHERE delivered_at IS NULL AND next_at <= @now ORDER BY created_at, rowid LIMIT @limit)
     RETURNING id, event, ticket, body_sealed AS bodySealed, created_at AS createdAt, attempts, next_at AS nextAt`,
  );
  const delivered = db.prepare(
    'UPDATE webhook_queue SET delivered_at = @at, last_status = @status, body_sealed = NULL, attempts = attempts + 1 WHERE id = @id',
  );
  const failed = db.prepare('UPDATE webhook_queue SET attempts = attempts + 1, next_at = @nextAt, last_status = @status WHERE id = @id');
  const pendingFor = db.prepare('SELECT COUNT(*) AS n FROM webhook_queue WHERE ticket = ? AND delivered_at IS NULL');
  const pendingAll = db.prepare('SELECT COUNT(*) AS n FROM webhook_queue WHERE delivered_at IS NULL');
  const insertSession = db.prepare(
    'INSERT INTO desk_sessions (id_hash, operator_id, created_at, expires_at, last_seen_at) VALUES (@idHash, @operatorId, @createdAt, @expiresAt, @createdAt)',
  );
  // A session in use is seen now; one past its end or idle too long is not found.
  const touchSession = db.prepare(
    'UPDATE desk_sessions SET last_seen_at = @now WHERE id_hash = @idHash AND expires_at > @now AND last_seen_at > @idleSince RETURNING operator_id AS operatorId',
  );
  const operatorById = db.prepare(`SELECT ${OPERATOR_COLUMNS} FROM operators WHERE id = ?`);
  const dropEndedSessions = db.prepare('DELETE FROM desk_sessions WHERE expires_at <= @now OR last_seen_at <= @idleSince');
  const deleteSession = db.prepare('DELETE FROM desk_sessions WHERE id_hash = ?');
  const reportPage = db.prepare(
    `SELECT ${DESK_COLUMNS}, contact_sealed AS contactSealed FROM reports
     WHERE created_at > @createdAt OR (created_at = @createdAt AND ticket > @ticket) ORDER BY created_at, ticket LIMIT @limit`,
  );
  const changeStatus = db.transaction((change: StatusChange, webhook: WebhookEvent | undefined) => {
    const changed =
      setStatus.run({ ticket: change.ticket, status: change.status, closedReason: change.closedReason, at: change.at, from: change.from }).changes > 0;
    if (!changed) return false;
    insertStage.run({
      ticket: change.ticket,
      stage: change.status,
      at: change.at,
      publicNote: change.publicNote,
      internalNoteSealed: change.internalNoteSealed,
    });
    if (webhook) insertWebhook.run(webhook);
    return true;
  });

  const listReports = (q: DeskQuery) => {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: q.limit };
    // Every value is a bound parameter; only these fixed fragments are ever put in the SQL.
    if (q.status) {
      where.push('status = @status');
      params.status = q.status;
    }
    if (q.category) {
      where.push('category = @category');
      params.category = q.category;
    }
    if (q.inDanger !== undefined) {
      where.push('in_danger = @inDanger');
      params.inDanger = q.inDanger ? 1 : 0;
    }
    if (q.corridor) {
      where.push('corridor = @corridor');
      params.corridor = q.corridor;
    }
    if (q.receivedFrom) {
      where.push('created_at >= @from');
      params.from = q.receivedFrom;
    }
    if (q.receivedTo) {
      where.push('created_at < @to');
      params.to = q.receivedTo;
    }
    if (q.after) {
      params.afterCreated = q.after.createdAt;
      params.afterTicket = q.after.ticket;
      if (q.dangerFirst) {
        params.afterDanger = q.after.inDanger ?? 0;
        where.push(
          '(in_danger < @afterDanger OR (in_danger = @afterDanger AND (created_at < @afterCreated OR (created_at = @afterCreated AND ticket < @afterTicket))))',
        );
      } else where.push('(created_at < @afterCreated OR (created_at = @afterCreated AND ticket < @afterTicket))');
    }
    const order = q.dangerFirst ? 'in_danger DESC, created_at DESC, ticket DESC' : 'created_at DESC, ticket DESC';
    const sql = `SELECT ${DESK_COLUMNS} FROM reports ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT @limit`;
    return db.prepare(sql).all(params) as DeskReport[];
  };
  const count = db.prepare('SELECT COUNT(*) AS n FROM reports');

  const insertOnce = db.transaction((report: StoredReport, webhook: ((ticket: string) => WebhookEvent | undefined) | undefined) => {
    const existing = byKey.get(report.idempotencyKey) as { ticket: string; bodyHash: string; status: string } | undefined;
    if (existing) return { ...existing, created: false };
    // One writer at a time: a ticket that is free now stays free until this transaction ends.
    let ticket = report.ticket;
    while (ticketTaken.get(ticket)) ticket = newTicket();
    insert.run({ ...report, ticket, inDanger: report.inDanger ? 1 : 0, anonymous: report.anonymous ? 1 : 0 });
    insertStage.run({ ticket, stage: 'received', at: report.createdAt, publicNote: null, internalNoteSealed: null });
    const event = webhook?.(ticket);
    if (event) insertWebhook.run(event);
    return { ticket, bodyHash: report.bodyHash, status: report.status, created: true };
  });

  const resealAll = db.transaction((reseal: (sealed: string) => string | undefined) => {
    let changed = 0;
    for (const [table, { key, columns }] of Object.entries(SEALED_COLUMNS)) {
      const keys = key.split(', ');
      const rows = db.prepare(`SELECT ${key}, ${columns.join(', ')} FROM ${table}`).all() as Record<string, string | null>[];
      for (const row of rows) {
        for (const column of columns) {
          const value = row[column];
          const next = value ? reseal(value) : undefined;
          if (next === undefined) continue;
          db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`).run(next, ...keys.map((k) => row[k]));
          changed++;
        }
      }
    }
    return changed;
  });

  return {
    kind: 'sqlite',
    insertOnce: async (report, webhook) => insertOnce.immediate(report, webhook),
    findByTicket: async (ticket) => byTicket.get(ticket) as Row<'findByTicket'>,
    findWithdrawal: async (ticket) => byWithdrawal.get(ticket) as Row<'findWithdrawal'>,
    withdraw: async (ticket, at, webhook) => {
      withdraw.immediate({ ticket, at }, webhook);
      // No earlier copy of what was removed may stay in the write-ahead log.
      return { residue: !(await truncateWal()) };
    },
    rawRow: async (ticket) => raw.get(ticket) as Row<'rawRow'>,
    reveal: async (ticket) => {
      const row = sealedContact.get(ticket) as { anonymous: number; contactSealed: string | null } | undefined;
      return row && { anonymous: row.anonymous === 1, contactSealed: row.contactSealed };
    },
    stages: async (ticket) => stagesOf.all(ticket) as StageRecord[],
    changeStatus: async (change, webhook) => changeStatus.immediate(change, webhook),
    deskReport: async (ticket) => deskOne.get(ticket) as Row<'deskReport'>,
    listReports: async (q) => listReports(q),
    addOperator: async (operator) => void insertOperator.run(operator),
    listOperators: async () => allOperators.all() as OperatorRecord[],
    revokeOperator: async (id, at) => revoke.run({ id, at }).changes > 0,
    operatorByTokenHash: async (hash) => operatorByHash.get(hash) as Row<'operatorByTokenHash'>,
    audit: async (entry) => void insertAudit.run(entry),
    purgeExpired: async (endedBefore, at) => {
      const tickets = purgeExpired.immediate(endedBefore, at);
      if (tickets.length) await truncateWal();
      return tickets;
    },
    eraseResidue: async () => (residue ? truncateWal() : true),
    enqueueWebhook: async (event) => void insertWebhook.run(event),
    claimWebhooks: async (now, leaseUntil, limit) =>
      (claim.all({ now, leaseUntil, limit }) as WebhookEvent[]).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    webhookDelivered: async (id, at, status) => void delivered.run({ id, at, status }),
    webhookFailed: async (id, nextAt, status) => void failed.run({ id, nextAt, status }),
    pendingWebhooks: async (ticket) => ((ticket === undefined ? pendingAll.get() : pendingFor.get(ticket)) as { n: number }).n,
    addSession: async (session) => void insertSession.run(session),
    operatorBySession: async (idHash, now, idleSince) => {
      const session = touchSession.get({ idHash, now, idleSince }) as { operatorId: string } | undefined;
      return session ? (operatorById.get(session.operatorId) as Row<'operatorBySession'>) : undefined;
    },
    endEndedSessions: async (now, idleSince) => dropEndedSessions.run({ now, idleSince }).changes,
    endSession: async (idHash) => void deleteSession.run(idHash),
    allReports: async function* () {
      let after = { createdAt: '', ticket: '' };
      for (;;) {
        const page = reportPage.all({ ...after, limit: PAGE }) as (DeskReport & { contactSealed: string | null })[];
        yield* page;
        const last = page.at(-1);
        if (!last || page.length < PAGE) return;
        after = { createdAt: last.createdAt, ticket: last.ticket };
      }
    },
    listAudit: async (query) => auditPage.all({ after: query.after ?? 0, limit: query.limit }) as Row<'listAudit'>,
    resealAll: async (reseal) => {
      const changed = resealAll.immediate(reseal);
      // The values under the old key must not stay in the write-ahead log.
      await truncateWal();
      return changed;
    },
    count: async () => (count.get() as { n: number }).n,
    ping: async () => void db.prepare('SELECT 1').get(),
    close: async () => void db.close(),
  };
}

/** The number of migrations this version of the server knows (tests). */
export const MIGRATION_COUNT = MIGRATIONS.length;
