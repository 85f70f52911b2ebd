/**
 * The case desk API (`/v1/desk/*`): operators with bearer tokens read reports, reveal contact
 * details, and move a report along its stages with a note the worker sees. Every read of a report,
 * every reveal and every status change is written to the append-only audit log.
 */
import * as v from 'valibot';
import { YES_NO, about } from './query.js';
import { CORRIDOR_PATTERN, DESK_ROLES, FINAL_STATUSES, REPORT_STATUSES, StatusChangeSchema, nextStatuses, toIssues } from 'lindungi/sdk';
import { open, sealOptional } from './crypto.js';
import { deskSessions, type DeskOptions } from './desk-session.js';
import type { Context } from 'hono';
import type { AuditEntry, DeskReport } from './store/contract.js';
import type { App, AppEnv } from './http.js';

export { SESSION_COOKIE, SESSION_IDLE_MINUTES, hashToken } from './desk-session.js';

export const ROLES = DESK_ROLES;
export type Role = (typeof ROLES)[number];

const DATE = v.pipe(v.string(), v.isoDate('not a date (YYYY-MM-DD)'));

/** The list's filters, as query parameters (the OpenAPI document is made from these). */
export const ListQuery = v.strictObject({
  status: about(v.picklist(REPORT_STATUSES, 'not a status'), 'only this status'),
  category: about(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/, 'not a category id')), 'only this category'),
  inDanger: about(YES_NO, 'only reports whose reporter said they are (not) in danger'),
  corridor: about(v.pipe(v.string(), v.regex(CORRIDOR_PATTERN, 'not a corridor id')), 'only this corridor'),
  from: about(DATE, 'received on or after this day'),
  to: about(DATE, 'received on or before this day'),
  dangerFirst: about(YES_NO, 'reports in danger first'),
  cursor: about(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,300}$/, 'not a cursor')), '`next` of the previous page'),
  limit: about(v.pipe(v.string(), v.regex(/^[1-9][0-9]?$|^100$/, 'not a number from 1 to 100')), 'reports per page, 1 to 100 (50 if not given)'),
});

/** The export's query. */
export const ExportQuery = v.strictObject({ contact: about(YES_NO, 'include contact details') });

/** The audit log's query. */
export const AuditQuery = v.strictObject({
  after: about(v.pipe(v.string(), v.regex(/^[0-9]{1,15}$/, 'not a sequence number')), 'sequence number of the last entry seen'),
  limit: about(v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,2}$|^1000$/, 'not a number from 1 to 1000')), 'entries per page, 1 to 1000 (200 if not given)'),
  format: about(v.picklist(['json', 'jsonl'], 'not json or jsonl'), '`jsonl`: the whole log as JSON Lines'),
});
const Cursor = v.strictObject({ c: v.string(), t: v.string(), d: v.optional(v.number()) });

export function deskRoutes(app: App, options: DeskOptions) {
  const { store, fail } = options;
  const now = options.now ?? (() => new Date());
  const { operatorOf } = deskSessions(app, options);
  const audit = (c: Context<AppEnv>, action: string, ticket: string | null, detail?: unknown) =>
    store.audit({ at: now().toISOString(), operatorId: operatorOf(c).id, action, ticket, detail: detail === undefined ? null : JSON.stringify(detail) });

  const needs = (role: Role) => async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (ROLES.indexOf(operatorOf(c).role) < ROLES.indexOf(role)) return fail(c, 403, 'forbidden', `This needs the ${role} role.`);
    return next();
  };

  /** A sealed value in plain text; a redacted one (withdrawn, purged) is null. */
  const opened = (sealed: string | null) => (sealed ? open(options.readKeys, sealed) : null);

  /** The list's view of a report: what sorts and filters it, nothing anyone wrote. */
  const summary = (r: DeskReport) => ({
    ticket: r.ticket,
    corridor: r.corridor,
    category: r.category,
    inDanger: r.inDanger === 1,
    anonymous: r.anonymous === 1,
    locationCountry: r.locationCountry,
    status: r.status,
    receivedAt: r.createdAt,
    updatedAt: r.updatedAt,
  });

  app.get('/v1/desk/reports', needs('viewer'), async (c) => {
    const parsed = v.safeParse(ListQuery, c.req.query());
    if (!parsed.success) return fail(c, 400, 'invalid', 'The filters are not valid.', toIssues(parsed.issues));
    const q = parsed.output;
    let after: v.InferOutput<typeof Cursor> | undefined;
    if (q.cursor) {
      try {
        after = v.parse(Cursor, JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')));
      } catch {
        return fail(c, 400, 'invalid', 'The filters are not valid.', [{ path: 'cursor', message: 'not a cursor from this list' }]);
      }
    }
    const limit = q.limit ? Number(q.limit) : 50;
    const dangerFirst = q.dangerFirst === 'true';
    const rows = await store.listReports({
      status: q.status,
      category: q.category,
      inDanger: q.inDanger === undefined ? undefined : q.inDanger === 'true',
      corridor: q.corridor,
      receivedFrom: q.from,
      // "to" is a whole day: everything received before the next one.
      receivedTo: q.to ? new Date(Date.parse(q.to) + 86_400_000).toISOString().slice(0, 10) : undefined,
      dangerFirst,
      after: after && { createdAt: after.c, ticket: after.t, inDanger: after.d },
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const next =
      rows.length > limit && last
        ? Buffer.from(JSON.stringify({ c: last.createdAt, t: last.ticket, ...(dangerFirst ? { d: last.inDanger } : {}) })).toString('base64url')
        : undefined;
    return c.json({ reports: page.map(summary), ...(next ? { next } : {}) });
  });

  /**
   * A report in full, free texts opened, without contact details; internal notes only on the desk
   * itself, never in an export.
   * */
  const detail = async (r: DeskReport, with_: { internalNotes: boolean }) => ({
    ...summary(r),
    description: opened(r.description),
    occurredOn: r.occurredOn,
    locationPlace: opened(r.locationPlace),
    employerOrAgency: opened(r.employerOrAgency),
    locale: r.locale,
    closedReason: opened(r.closedReason),
    consent: { version: r.consentVersion, by: r.consentBy },
    stages: (await store.stages(r.ticket)).map((s) => ({
      stage: s.stage,
      at: s.at,
      publicNote: opened(s.publicNote),
      ...(with_.internalNotes ? { internalNote: opened(s.internalNoteSealed) } : {}),
    })),
  });

  app.get('/v1/desk/reports/:ticket', needs('viewer'), async (c) => {
    const ticket = (c.req.param('ticket') ?? '').toUpperCase();
    const r = await store.deskReport(ticket);
    if (!r) return fail(c, 404, 'not_found', 'No report has this ticket.');
    await audit(c, 'read', ticket);
    return c.json(await detail(r, { internalNotes: true }));
  });

  // Contact details only on an explicit request, each one on record.
  app.post('/v1/desk/reports/:ticket/reveal', needs('handler'), async (c) => {
    const ticket = (c.req.param('ticket') ?? '').toUpperCase();
    const stored = await store.reveal(ticket);
    if (!stored) return fail(c, 404, 'not_found', 'No report has this ticket.');
    const contact = stored.contactSealed ? (JSON.parse(open(options.readKeys, stored.contactSealed)) as Record<string, string>) : null;
    await audit(c, 'reveal', ticket, { fields: contact ? Object.keys(contact).sort() : [] });
    return c.json({ ticket, anonymous: stored.anonymous, contact });
  });

  app.post('/v1/desk/reports/:ticket/status', needs('handler'), async (c) => {
    const ticket = (c.req.param('ticket') ?? '').toUpperCase();
    const r = await store.deskReport(ticket);
    if (!r) return fail(c, 404, 'not_found', 'No report has this ticket.');
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return fail(c, 400, 'invalid', 'The body is not valid JSON.', [{ path: '', message: 'not JSON' }]);
    }
    const parsed = v.safeParse(StatusChangeSchema, body);
    if (!parsed.success) return fail(c, 400, 'invalid', 'The status change is not valid.', toIssues(parsed.issues));
    const change = parsed.output;
    if (change.status === 'closed' && !change.reason) {
      return fail(c, 400, 'invalid', 'The status change is not valid.', [{ path: 'reason', message: 'a closed report needs a reason' }]);
    }
    if ((FINAL_STATUSES as readonly string[]).includes(r.status)) {
      return fail(c, 409, 'conflict', `The report is ${r.status}; its status no longer changes.`);
    }
    if (!nextStatuses(r.status).includes(change.status)) {
      return fail(c, 409, 'conflict', `The report is already ${r.status}; a status moves forward only.`);
    }
    const at = now().toISOString();
    const changed = await store.changeStatus(
      {
        ticket,
        from: r.status,
        status: change.status,
        at,
        publicNote: sealOptional(options.dataKey, change.publicNote || null),
        internalNoteSealed: sealOptional(options.dataKey, change.internalNote || null),
        closedReason: sealOptional(options.dataKey, change.status === 'closed' ? (change.reason as string) : null),
      },
      options.webhook?.event('report.status', ticket, { ticket, status: change.status, publicNote: change.publicNote || null, at }),
    );
    // Another caseworker changed it between the read and this write: nothing is overwritten.
    if (!changed) return fail(c, 409, 'conflict', 'The report was changed meanwhile; reload it and try again.');
    await audit(c, 'status', ticket, { from: r.status, to: change.status });
    return c.json({ ticket, status: change.status, updatedAt: at });
  });

  // For a partner's own case system: every report as JSON Lines; contact details only when asked.
  app.get('/v1/desk/export', needs('admin'), async (c) => {
    const parsed = v.safeParse(ExportQuery, c.req.query());
    if (!parsed.success) return fail(c, 400, 'invalid', 'The query is not valid.', toIssues(parsed.issues));
    const withContact = parsed.output.contact === 'true';
    const lines = [];
    const tickets: string[] = [];
    for await (const r of store.allReports()) {
      tickets.push(r.ticket);
      lines.push(
        JSON.stringify({
          ...(await detail(r, { internalNotes: false })),
          ...(withContact ? { contact: r.contactSealed ? (JSON.parse(open(options.readKeys, r.contactSealed)) as unknown) : null } : {}),
        }),
      );
    }
    // The entry names every report that left the server this way.
    await audit(c, 'export', null, { reports: lines.length, contact: withContact, tickets });
    return c.body(lines.map((line) => `${line}\n`).join(''), 200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': 'attachment; filename="lindungi-reports.jsonl"',
    });
  });

  app.get('/v1/desk/me', needs('viewer'), (c) => {
    const { id, name, role } = operatorOf(c);
    return c.json({ id, name, role });
  });

  // The audit log, a page at a time as JSON, or whole as JSON Lines (`format=jsonl`) for an auditor.
  app.get('/v1/desk/audit', needs('admin'), async (c) => {
    const parsed = v.safeParse(AuditQuery, c.req.query());
    if (!parsed.success) return fail(c, 400, 'invalid', 'The query is not valid.', toIssues(parsed.issues));
    // Reading the log is itself on the log.
    await audit(c, 'audit-read', null, { format: parsed.output.format ?? 'json', after: parsed.output.after ? Number(parsed.output.after) : 0 });
    // Each entry names its operator, so the log reads "Sari", not an id (a revoked operator keeps its name).
    const names = new Map((await store.listOperators()).map((o) => [o.id, o.name]));
    const shown = (e: AuditEntry & { seq: number }) => ({
      ...e,
      ...(e.operatorId ? { operatorName: names.get(e.operatorId) ?? null } : {}),
      detail: e.detail ? (JSON.parse(e.detail) as unknown) : null,
    });
    if (parsed.output.format === 'jsonl') {
      const lines = [];
      for (
        let after = 0, page = await store.listAudit({ after, limit: 1000 });
        page.length;
        after = page.at(-1)?.seq ?? after, page = await store.listAudit({ after, limit: 1000 })
      ) {
        for (const e of page) lines.push(`${JSON.stringify(shown(e))}\n`);
      }
      return c.body(lines.join(''), 200, {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': 'attachment; filename="lindungi-audit.jsonl"',
      });
    }
    const limit = parsed.output.limit ? Number(parsed.output.limit) : 200;
    const entries = await store.listAudit({ after: parsed.output.after ? Number(parsed.output.after) : 0, limit });
    return c.json({ entries: entries.map(shown), ...(entries.length === limit ? { next: String(entries.at(-1)?.seq) } : {}) });
  });
}
