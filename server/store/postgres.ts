/**
 * The report store on PostgreSQL (node-postgres), for several stateless API instances behind a
 * load balancer. Nothing lives in an instance's memory: idempotency is a unique constraint, the
 * webhook queue is claimed with `FOR UPDATE SKIP LOCKED`, the retention purge and the migrations
 * run under advisory locks. Migrations are numbered and recorded in `schema_migrations`.
 *
 * Timestamps are ISO 8601 text in UTC with milliseconds, as on SQLite, so both stores order,
 * compare and answer them identically.
 */
import pg from 'pg';
import { SEALED_COLUMNS, redactionOf } from './contract.js';
import { newTicket } from '../tickets.js';
import { MIGRATIONS, migrate } from './postgres-migrations.js';
import { DESK_COLUMNS, OPERATOR_COLUMNS, listQuery } from './postgres-queries.js';

import type { ReportStore } from './contract.js';
import type { StoredReport } from './contract.js';
import type { WebhookEvent } from './contract.js';
import type { DeskReport } from './contract.js';

/** Advisory lock keys (per schema, so separate schemas in one database do not wait on each other). */
const LOCK = { purge: 'lindungi:purge:' };

const PAGE = 500;

/** 64-bit integers (counts, sequence numbers) as numbers: none here comes near 2^53. */
export const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
    oid === (pg.types.builtins.INT8 as number) ? Number : (pg.types.getTypeParser(oid, format) as (value: string) => unknown),
};

/**
 * @param url `postgres://user:password@host:port/database` (libpq parameters such as
 *   `sslmode` and `options` are understood)
 * @param context how migrations encrypt values they move
 */
export async function openPostgresStore(url: string, context: { seal: (plaintext: string) => string }): Promise<ReportStore> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.LINDUNGI_DATABASE_POOL ?? 10), types: pgTypes, connectionTimeoutMillis: 5000 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  // Each query says what its rows hold: pg itself types every row as any.
  const rows = async <R extends object>(sql: string, params?: unknown[]) => (await pool.query<R & pg.QueryResultRow>(sql, params)).rows as R[];
  const one = async <R extends object>(sql: string, params?: unknown[]) => (await pool.query<R & pg.QueryResultRow>(sql, params)).rows[0] as R | undefined;
  const count = async (sql: string, params?: unknown[]) => (await one<{ n: number }>(sql, params))?.n ?? 0;

  await migrate(pool, context);
  let closing: Promise<void> | undefined;

  const insertWebhook = (client: pg.PoolClient, e: WebhookEvent) =>
    client.query('INSERT INTO webhook_queue (id, event, ticket, body_sealed, created_at, next_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      e.id,
      e.event,
      e.ticket,
      e.bodySealed,
      e.createdAt,
      e.nextAt,
    ]);
  const redact = async (client: pg.PoolClient, ticket: string) => {
    await client.query(`UPDATE report_stages SET ${redactionOf('report_stages')} WHERE ticket = $1`, [ticket]);
    await client.query(`UPDATE webhook_queue SET ${redactionOf('webhook_queue')} WHERE ticket = $1 AND delivered_at IS NULL`, [ticket]);
  };

  /**
   * One statement, so one round trip and its own transaction: the report, its first stage and its
   * webhook event together, or nothing when the idempotency key is known. A concurrent insert with
   * the same key waits for the first to commit, then inserts nothing.
   *
   * */
  const tryInsert = async (report: StoredReport, webhook: ((ticket: string) => WebhookEvent | undefined) | undefined, ticket: string) => {
    const event = webhook?.(ticket);
    const inserted = await pool.query(
      `WITH inserted AS (
         INSERT INTO reports (ticket, idempotency_key, body_hash, corridor, category, description, occurred_on, location_country,
           location_place, employer_or_agency, in_danger, anonymous, contact_sealed, consent_version, locale, status, created_at,
           updated_at, consent_by, consent_given_at, withdrawal_key_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING ticket
       ), stage AS (
         INSERT INTO report_stages (ticket, stage, at) SELECT ticket, 'received', $17 FROM inserted
       ), event AS (
         INSERT INTO webhook_queue (id, event, ticket, body_sealed, created_at, next_at)
         SELECT $22, $23, ticket, $24, $25, $26 FROM inserted WHERE $22::text IS NOT NULL
       )
       SELECT ticket FROM inserted`,
      [
        ticket,
        report.idempotencyKey,
        report.bodyHash,
        report.corridor,
        report.category,
        report.description,
        report.occurredOn,
        report.locationCountry,
        report.locationPlace,
        report.employerOrAgency,
        report.inDanger ? 1 : 0,
        report.anonymous ? 1 : 0,
        report.contactSealed,
        report.consentVersion,
        report.locale,
        report.status,
        report.createdAt,
        report.updatedAt,
        report.consentBy,
        report.consentGivenAt,
        report.withdrawalKeyHash,
        event?.id ?? null,
        event?.event ?? null,
        event?.bodySealed ?? null,
        event?.createdAt ?? null,
        event?.nextAt ?? null,
      ],
    );
    if (inserted.rowCount) return { ticket, bodyHash: report.bodyHash, status: report.status, created: true };
    const existing = await one<{ ticket: string; bodyHash: string; status: string }>(
      'SELECT ticket, body_hash AS "bodyHash", status FROM reports WHERE idempotency_key = $1',
      [report.idempotencyKey],
    );
    if (!existing) throw new Error('A report that conflicted on its idempotency key is not there.');
    return { ...existing, created: false };
  };

  return {
    kind: 'postgres',
    async insertOnce(report, webhook) {
      for (let ticket = report.ticket, attempt = 0; ; ticket = newTicket(), attempt++) {
        try {
          return await tryInsert(report, webhook, ticket);
        } catch (error) {
          // A ticket already taken (1 in 6.6 × 10^11): the same report under a new ticket.
          const taken = error instanceof pg.DatabaseError && error.code === '23505' && error.constraint === 'reports_pkey';
          if (!taken || attempt >= 5) throw error;
        }
      }
    },
    findByTicket: (ticket) => one('SELECT ticket, status, updated_at AS "updatedAt" FROM reports WHERE ticket = $1', [ticket]),
    findWithdrawal: (ticket) => one('SELECT withdrawal_key_hash AS "withdrawalKeyHash", status FROM reports WHERE ticket = $1', [ticket]),
    withdraw: (ticket, at, webhook) =>
      transaction(async (client) => {
        await client.query(`UPDATE reports SET status = 'withdrawn', ${redactionOf('reports')}, withdrawn_at = $2, updated_at = $2 WHERE ticket = $1`, [
          ticket,
          at,
        ]);
        await redact(client, ticket);
        if (webhook) await insertWebhook(client, webhook);
        // PostgreSQL recycles its own WAL; old row versions go with VACUUM (see the README).
        return { residue: false };
      }),
    eraseResidue: async () => true,
    rawRow: (ticket) => one('SELECT * FROM reports WHERE ticket = $1', [ticket]),
    reveal: async (ticket) => {
      const row = await one<{ anonymous: number; contactSealed: string | null }>(
        'SELECT anonymous, contact_sealed AS "contactSealed" FROM reports WHERE ticket = $1',
        [ticket],
      );
      return row && { anonymous: row.anonymous === 1, contactSealed: row.contactSealed };
    },
    stages: (ticket) =>
      rows(
        'SELECT stage, at, public_note AS "publicNote", internal_note_sealed AS "internalNoteSealed" FROM report_stages WHERE ticket = $1 ORDER BY at, seq',
        [ticket],
      ),
    changeStatus: (change, webhook) =>
      transaction(async (client) => {
        // Decided on the status the caseworker saw: a concurrent change on another instance wins, this one is refused.
        const updated = await client.query('UPDATE reports SET status = $2, closed_reason = $3, updated_at = $4 WHERE ticket = $1 AND status = $5', [
          change.ticket,
          change.status,
          change.closedReason,
          change.at,
          change.from,
        ]);
        if (!updated.rowCount) return false;
        await client.query(
          `INSERT INTO report_stages (ticket, stage, at, public_note, internal_note_sealed) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (ticket, stage) DO UPDATE SET at = excluded.at, public_note = excluded.public_note, internal_note_sealed = excluded.internal_note_sealed`,
          [change.ticket, change.status, change.at, change.publicNote, change.internalNoteSealed],
        );
        if (webhook) await insertWebhook(client, webhook);
        return true;
      }),
    deskReport: (ticket) => one(`SELECT ${DESK_COLUMNS} FROM reports WHERE ticket = $1`, [ticket]),
    listReports: (q) => rows(...listQuery(q)),
    addOperator: async (o) =>
      void (await pool.query('INSERT INTO operators (id, name, role, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        o.id,
        o.name,
        o.role,
        o.tokenHash,
        o.createdAt,
        o.revokedAt,
      ])),
    listOperators: () => rows(`SELECT ${OPERATOR_COLUMNS} FROM operators ORDER BY created_at, id`),
    revokeOperator: async (id, at) =>
      ((await pool.query('UPDATE operators SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at])).rowCount ?? 0) > 0,
    operatorByTokenHash: (hash) => one(`SELECT ${OPERATOR_COLUMNS} FROM operators WHERE token_hash = $1`, [hash]),
    audit: async (e) =>
      void (await pool.query('INSERT INTO audit (at, operator_id, action, ticket, detail) VALUES ($1, $2, $3, $4, $5)', [
        e.at,
        e.operatorId,
        e.action,
        e.ticket,
        e.detail,
      ])),
    listAudit: (query) =>
      rows('SELECT seq, at, operator_id AS "operatorId", action, ticket, detail FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2', [
        query.after ?? 0,
        query.limit,
      ]),
    async *allReports() {
      let after = ['', ''];
      for (;;) {
        const page = await rows<DeskReport & { contactSealed: string | null }>(
          `SELECT ${DESK_COLUMNS}, contact_sealed AS "contactSealed" FROM reports
           WHERE created_at > $1 OR (created_at = $1 AND ticket > $2) ORDER BY created_at, ticket LIMIT $3`,
          [...after, PAGE],
        );
        yield* page;
        const last = page.at(-1);
        if (!last || page.length < PAGE) return;
        after = [last.createdAt, last.ticket];
      }
    },
    enqueueWebhook: async (event) =>
      void (await pool.query('INSERT INTO webhook_queue (id, event, ticket, body_sealed, created_at, next_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        event.id,
        event.event,
        event.ticket,
        event.bodySealed,
        event.createdAt,
        event.nextAt,
      ])),
    async claimWebhooks(now, leaseUntil, limit) {
      // Rows another instance is claiming right now are skipped, not waited for; a claimed row is
      // leased, so nobody else tries it until the lease ends (an instance that died mid-delivery).
      const claimed = await rows<WebhookEvent>(
        `UPDATE webhook_queue q SET next_at = $2 FROM (
           SELECT id FROM webhook_queue WHERE delivered_at IS NULL AND next_at <= $1 ORDER BY created_at, seq LIMIT $3 FOR UPDATE SKIP LOCKED
         ) due WHERE q.id = due.id
         RETURNING q.id, q.event, q.ticket, q.body_sealed AS "bodySealed", q.created_at AS "createdAt", q.attempts, q.next_at AS "nextAt"`,
        [now, leaseUntil, limit],
      );
      return claimed.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    webhookDelivered: async (id, at, status) =>
      void (await pool.query('UPDATE webhook_queue SET delivered_at = $2, last_status = $3, body_sealed = NULL, attempts = attempts + 1 WHERE id = $1', [
        id,
        at,
        status,
      ])),
    webhookFailed: async (id, nextAt, status) =>
      void (await pool.query('UPDATE webhook_queue SET attempts = attempts + 1, next_at = $2, last_status = $3 WHERE id = $1', [id, nextAt, status])),
    pendingWebhooks: async (ticket) =>
      ticket === undefined
        ? count('SELECT COUNT(*) AS n FROM webhook_queue WHERE delivered_at IS NULL')
        : count('SELECT COUNT(*) AS n FROM webhook_queue WHERE ticket = $1 AND delivered_at IS NULL', [ticket]),
    addSession: async (s) =>
      void (await pool.query('INSERT INTO desk_sessions (id_hash, operator_id, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $3)', [
        s.idHash,
        s.operatorId,
        s.createdAt,
        s.expiresAt,
      ])),
    operatorBySession: (idHash, now, idleSince) =>
      one(
        `WITH seen AS (
           UPDATE desk_sessions SET last_seen_at = $2 WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at > $3 RETURNING operator_id
         )
         SELECT o.id, o.name, o.role, o.token_hash AS "tokenHash", o.created_at AS "createdAt", o.revoked_at AS "revokedAt"
         FROM seen JOIN operators o ON o.id = seen.operator_id`,
        [idHash, now, idleSince],
      ),
    endEndedSessions: async (now, idleSince) =>
      (await pool.query('DELETE FROM desk_sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [now, idleSince])).rowCount ?? 0,
    endSession: async (idHash) => void (await pool.query('DELETE FROM desk_sessions WHERE id_hash = $1', [idHash])),
    purgeExpired: (endedBefore, at) =>
      transaction(async (client) => {
        // One instance purges at a time; the others find the lock taken and leave it to that one.
        const locked = (await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1 || current_schema())) AS ok', [LOCK.purge])).rows[0]
          ?.ok;
        if (!locked) return [];
        const purged = await client.query<{ ticket: string }>(
          `UPDATE reports SET ${redactionOf('reports')}, purged_at = $2
           WHERE status IN ('resolved', 'closed', 'withdrawn') AND updated_at < $1 AND purged_at IS NULL RETURNING ticket`,
          [endedBefore, at],
        );
        const tickets = purged.rows.map((r) => r.ticket);
        for (const ticket of tickets) await redact(client, ticket);
        return tickets;
      }),
    resealAll: (reseal) =>
      transaction(async (client) => {
        let changed = 0;
        for (const [table, { key, columns }] of Object.entries(SEALED_COLUMNS)) {
          const keys = key.split(', ');
          // Locked for the rotation: a concurrent change waits, and is not overwritten with an old value.
          const found = await client.query<Record<string, string | null>>(`SELECT ${key}, ${columns.join(', ')} FROM ${table} FOR UPDATE`);
          for (const row of found.rows) {
            for (const column of columns) {
              const sealed = row[column];
              const next = sealed ? reseal(sealed) : undefined;
              if (next === undefined) continue;
              await client.query(`UPDATE ${table} SET ${column} = $1 WHERE ${keys.map((k, i) => `${k} = $${i + 2}`).join(' AND ')}`, [
                next,
                ...keys.map((k) => row[k]),
              ]);
              changed++;
            }
          }
        }
        return changed;
      }),
    count: () => count('SELECT COUNT(*) AS n FROM reports'),
    ping: async () => void (await pool.query('SELECT 1')),
    // Closing twice (a test stopping, then disposing) is harmless.
    close: () => (closing ??= pool.end()),
  };
}

/** The number of migrations this version of the server knows (tests). */
export const MIGRATION_COUNT = MIGRATIONS.length;
