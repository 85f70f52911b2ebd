/**
 * The Lindungi client SDK: validated, cached protection content and (with an API) reports.
 * No Lit and no DOM requirement: runs in browsers and in Node ≥ 20.
 */
export { createClient, createContentClient, withReporting, orderHotlines, DEFAULT_CORRIDOR } from './client.js';
export type { ClientOptions, ContentClient, LindungiClient } from './client.js';
export type { ContentResult, PackSource } from './pack-source.js';
export { shippedPackUrl } from './pack-source.js';
export { LindungiError, LindungiValidationError, LindungiNetworkError, LindungiApiError } from './errors.js';
export type { ValidationIssue } from './errors.js';
export { parseContentPack } from './validate.js';
export { pickText, pickTextLocale } from './text.js';
export { slicePack, sliceLocale } from './slice.js';
export * from './schema.js';
export { LindungiNotConfiguredError } from './errors.js';
export {
  ReportDraftSchema,
  ReportStatusSchema,
  OperatorSchema,
  REPORT_STAGES,
  REPORT_STATUSES,
  CONTACT_METHODS,
  CONSENT_BY,
  CALLING_CODES,
  DESCRIPTION_MAX,
  PHONE_COUNTRIES,
  latestToday,
  readPhone,
  toE164,
} from './report-schema.js';
export type { PhoneReading } from './phone.js';
export type { ReportDraft, ValidReport, ReportStatus, ReportStatusResponse, ApiErrorBody, Operator } from './report-schema.js';
export { ApiErrorSchema, API_ERROR_CODES, WITHDRAWAL_KEY_PATTERN, WithdrawalKeySchema, IdempotencyKeySchema, SubmitResponseSchema } from './report-schema.js';
export { DESK_ROLES, DESK_STATUSES, FINAL_STATUSES, DESK_NOTE_MAX, TICKET_PATTERN, CORRIDOR_PATTERN, StatusChangeSchema, nextStatuses } from './desk-schema.js';
export {
  DeskOperatorSchema,
  DeskSessionSchema,
  DeskSignInSchema,
  DeskSignedOutSchema,
  DeskReportSummarySchema,
  DeskReportPageSchema,
  DeskReportSchema,
  DeskRevealSchema,
  DeskStatusAnswerSchema,
  DeskAuditEntrySchema,
  DeskAuditPageSchema,
} from './desk-schema.js';
export type { DeskRole, DeskStatus, StatusChange, DeskOperator, DeskReportSummary, DeskReport, DeskAuditEntry } from './desk-schema.js';
export type { ReportsApi } from './client.js';
export type { OutboxEntry, SubmitResult, SubmitOptions, RetryOptions, SavedDraft } from './outbox.js';
export { OutboxChangeEvent, isRetryable } from './outbox.js';
export { memoryStorage, indexedDbStorage, fileStorage, defaultStorage, LindungiStorageError } from './storage.js';
export type { KeyValueStorage } from './storage.js';
export { parseWith, toIssues } from './validate.js';
export { fetchReportStatus } from './report-status.js';
