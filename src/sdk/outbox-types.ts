/**
 * What the report outbox answers and keeps: its entries as the page may see them (nothing the
 * reporter wrote), what is stored on the device until the server has a report, and its events.
 */
import type { ValidationIssue } from './errors.js';
import type { ReportStatus, ValidReport } from './report-schema.js';

/**
 * A report on this device as the reporter and the page may see it: its state and, once the server
 * has it, its ticket. Carries nothing the reporter wrote, so it is safe in events and logs.
 */
export interface OutboxEntry {
  /** Id of the report on this device, until the server gives it a ticket. */
  localId: string;
  state: 'pending' | 'sent' | 'failed' | 'withdrawn';
  createdAt: string;
  attempts: number;
  /** When the next attempt is due (epoch ms), while pending. */
  nextAttemptAt?: number | undefined;
  ticket?: string | undefined;
  status?: ReportStatus | undefined;
  /** When the server confirmed it has the report. */
  sentAt?: string | undefined;
  /** Why the server refused the report, for a `failed` entry (field paths and messages, no values). */
  error?: { status: number; code: string; message: string; issues?: ValidationIssue[] | undefined } | undefined;
}

/**
 * What is kept on the device. The report itself and its idempotency key stay only until the
 * server has it: a delivered report leaves nothing of what the reporter wrote behind.
 */
export interface StoredEntry extends OutboxEntry {
  idempotencyKey?: string | undefined;
  report?: ValidReport | undefined;
  /**
   * Made on this device and sent with the report (the server keeps only its hash): whoever holds it
   * can withdraw the report. Kept until the report is withdrawn; never in events or `entries()`.
   */
  withdrawalKey?: string | undefined;
}

export type SubmitResult = { ticket: string; status: ReportStatus } | { queued: string };

export interface SubmitOptions {
  /**
   * The form's draft, replaced in the same write that keeps the report on the device: a page
   * closed at any moment leaves either the draft or the report, never both (which would offer the
   * answers to be sent a second time). `value` gets the report's local id.
   */
  replaceDraft?: { id: string; value: (localId: string) => unknown } | undefined;
}

export interface RetryOptions {
  /** First retry delay; doubles with each attempt. Default 2 s. */
  baseMs?: number | undefined;
  /** Longest delay between attempts. Default 5 min. */
  maxMs?: number | undefined;
}

/** A draft as kept on the device: whatever the form had, and when it was saved. */
export interface SavedDraft<T = unknown> {
  value: T;
  savedAt: string;
}

/** Fired on `client.reports` whenever an entry is added or changes state. No personal data. */
export class OutboxChangeEvent extends Event {
  constructor(readonly entry: OutboxEntry) {
    super('change');
  }
}
