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

/** The statuses a caseworker can set, in order; `closed` ends a report at any stage. */
export const DESK_STATUSES = [...REPORT_STAGES.slice(1), 'closed'] as const;
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

/** Who is signed in to the desk. */
export interface DeskOperator {
  id: string;
  name: string;
  role: DeskRole;
}

/** A report in the desk's list: nothing personal. */
export interface DeskReportSummary {
  ticket: string;
  category: string;
  inDanger: boolean;
  status: ReportStatus;
  receivedAt: string;
  locationCountry: string | null;
}

/** A report opened on the desk (a read that is audited); contact details need a separate reveal. */
export interface DeskReport extends DeskReportSummary {
  description: string | null;
  occurredOn: string | null;
  locationPlace: string | null;
  employerOrAgency: string | null;
  locale: string;
  anonymous: boolean;
  closedReason: string | null;
  consent: { version: string; by: string };
  stages: Array<{ stage: string; at: string; publicNote: string | null; internalNote: string | null }>;
}

/** One line of the append-only audit log. */
export interface DeskAuditEntry {
  seq: number;
  at: string;
  operatorId: string | null;
  operatorName?: string | null;
  action: string;
  ticket: string | null;
  detail: unknown;
}

/** Every status a report can have, for the desk's filter. */
export const DESK_FILTER_STATUSES = REPORT_STATUSES;
