/**
 * The case desk's contract, shared by the API server (`/v1/desk/*`) and the desk page: the roles,
 * the statuses a caseworker may set and where each may go next, the limits of the notes, and the
 * shapes of what the desk reads. One copy, so the page cannot offer what the server refuses.
 */
import * as v from 'valibot';
import { REPORT_STAGES, REPORT_STATUSES, type ReportStatus } from './report-schema.js';

export { TICKET_PATTERN } from './report-schema.js';

export const DESK_ROLES = ['viewer', 'handler', 'admin'] as const;
export type DeskRole = (typeof DESK_ROLES)[number];

/** The report's stages after the first (`received`, where every report starts). */
type LaterStages<Stages> = Stages extends readonly [unknown, ...infer Later] ? Later : never;
/** The statuses a caseworker can set, in order; `closed` ends a report at any stage. */
export const DESK_STATUSES = [...REPORT_STAGES.slice(1), 'closed'] as unknown as readonly [...LaterStages<typeof REPORT_STAGES>, 'closed'];
export type DeskStatus = (typeof DESK_STATUSES)[number];

/** The statuses after which nothing changes: the report is done with, or withdrawn by the reporter. */
export const FINAL_STATUSES = ['resolved', 'closed', 'withdrawn'] as const satisfies readonly ReportStatus[];

/** Where a report may go from `status`: a later stage, or closed; nothing once it is final. */
export function nextStatuses(status: string): DeskStatus[] {
  if ((FINAL_STATUSES as readonly string[]).includes(status)) return [];
  const from = (REPORT_STAGES as readonly string[]).indexOf(status);
  if (from < 0) return [];
  return DESK_STATUSES.filter((next) => next === 'closed' || (REPORT_STAGES as readonly string[]).indexOf(next) > from);
}

/** The longest note the reporter sees, note for caseworkers, and reason for closing, in characters. */
export const DESK_NOTE_MAX = { publicNote: 500, internalNote: 2000, reason: 200 } as const;

/** A corridor id: origin and destination country, `ID-KH`. */
export const CORRIDOR_PATTERN = /^[A-Z]{2}-[A-Z]{2}$/;

export const StatusChangeSchema = v.strictObject({
  status: v.picklist(DESK_STATUSES, `not one of ${DESK_STATUSES.join(', ')}`),
  publicNote: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(DESK_NOTE_MAX.publicNote, `longer than ${DESK_NOTE_MAX.publicNote} characters`),
      v.description('shown to the reporter on the status timeline'),
    ),
  ),
  internalNote: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(DESK_NOTE_MAX.internalNote, `longer than ${DESK_NOTE_MAX.internalNote} characters`),
      v.description('for caseworkers only; encrypted at rest'),
    ),
  ),
  reason: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.minLength(1, 'required'),
      v.maxLength(DESK_NOTE_MAX.reason, `longer than ${DESK_NOTE_MAX.reason} characters`),
      v.description('required to close'),
    ),
  ),
});
export type StatusChange = v.InferOutput<typeof StatusChangeSchema>;

const nullableText = v.nullable(v.string());

/** Who is signed in to the desk. */
export const DeskOperatorSchema = v.object({ id: v.string(), name: v.string(), role: v.picklist(DESK_ROLES) });
export type DeskOperator = v.InferOutput<typeof DeskOperatorSchema>;

/** Signing in to the desk page: an operator token, exchanged for a session cookie. */
export const DeskSignInSchema = v.object({ token: v.string() });

/** The answer to signing in: who, and when the session ends (the cookie comes with it). */
export const DeskSessionSchema = v.object({ operator: DeskOperatorSchema, expiresAt: v.pipe(v.string(), v.isoTimestamp()) });

/** The answer to signing out. */
export const DeskSignedOutSchema = v.object({ signedOut: v.literal(true) });

/** A report in the desk's list: what sorts and filters it, nothing anyone wrote. */
export const DeskReportSummarySchema = v.object({
  ticket: v.string(),
  corridor: v.string(),
  category: v.string(),
  inDanger: v.boolean(),
  anonymous: v.boolean(),
  locationCountry: nullableText,
  status: v.picklist(REPORT_STATUSES),
  receivedAt: v.pipe(v.string(), v.isoTimestamp()),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type DeskReportSummary = v.InferOutput<typeof DeskReportSummarySchema>;

/** A page of the list, newest first; `next` is the cursor of the page after it. */
export const DeskReportPageSchema = v.object({ reports: v.array(DeskReportSummarySchema), next: v.optional(v.string()) });

/**
 * A report opened on the desk (a read that is audited), free texts opened; contact details need a
 * separate reveal. A withdrawn or purged report's texts are null. The export has the same shape,
 * without internal notes.
 */
export const DeskReportSchema = v.object({
  ...DeskReportSummarySchema.entries,
  description: nullableText,
  occurredOn: nullableText,
  locationPlace: nullableText,
  employerOrAgency: nullableText,
  locale: v.string(),
  closedReason: nullableText,
  consent: v.object({ version: v.string(), by: v.string() }),
  stages: v.array(v.object({ stage: v.string(), at: v.string(), publicNote: nullableText, internalNote: v.optional(nullableText) })),
});
export type DeskReport = v.InferOutput<typeof DeskReportSchema>;

/** A report's contact details, each reveal on the audit log; null for an anonymous or withdrawn report. */
export const DeskRevealSchema = v.object({
  ticket: v.string(),
  anonymous: v.boolean(),
  contact: v.nullable(v.record(v.string(), v.string())),
});

/** What a status change answers. */
export const DeskStatusAnswerSchema = v.object({ ticket: v.string(), status: v.picklist(DESK_STATUSES), updatedAt: v.pipe(v.string(), v.isoTimestamp()) });

/** One line of the append-only audit log: which fields, which status — never a value. */
export const DeskAuditEntrySchema = v.object({
  seq: v.number(),
  at: v.string(),
  operatorId: nullableText,
  operatorName: v.optional(nullableText),
  action: v.string(),
  ticket: nullableText,
  detail: v.unknown(),
});
export type DeskAuditEntry = v.InferOutput<typeof DeskAuditEntrySchema>;

/** A page of the audit log, oldest first; `next` is the `after` of the page after it. */
export const DeskAuditPageSchema = v.object({ entries: v.array(DeskAuditEntrySchema), next: v.optional(v.string()) });

/** Every status a report can have, for the desk's filter. */
export const DESK_FILTER_STATUSES = REPORT_STATUSES;
