/**
 * The report outbox: every report is written to storage before any network attempt, sent with an
 * idempotency key (so the server stores it once however often it is sent), and retried with
 * exponential backoff and jitter until the server has it. A 4xx that retrying cannot fix is
 * surfaced, not retried.
 */
import { LindungiApiError, LindungiNetworkError, type ValidationIssue } from './errors.js';
import { request } from './http.js';
import { ReportDraftSchema, SubmitResponseSchema, type ReportDraft, type ReportStatus, type ValidReport } from './report-schema.js';
import type { KeyValueStorage } from './storage.js';
import { parseWith } from './validate.js';

export interface OutboxEntry {
  /** Id of the report on this device, until the server gives it a ticket. */
  localId: string;
  idempotencyKey: string;
  report: ValidReport;
  createdAt: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  /** When the next attempt is due (epoch ms). */
  nextAttemptAt: number;
  ticket?: string;
  status?: ReportStatus;
  /** Why the server refused the report, for a `failed` entry. */
  error?: { status: number; message: string; issues?: ValidationIssue[] };
}

export type SubmitResult = { ticket: string; status: ReportStatus } | { queued: string };

export interface RetryOptions {
  /** First retry delay; doubles with each attempt. Default 2 s. */
  baseMs?: number;
  /** Longest delay between attempts. Default 5 min. */
  maxMs?: number;
}

const PREFIX = 'outbox:';
const FLUSH_CONCURRENCY = 4;

/** Fired on `client.reports` whenever an entry is added or changes state. */
export class OutboxChangeEvent extends Event {
  constructor(readonly entry: OutboxEntry) {
    super('change');
  }
}

export class Outbox {
  private inFlight = new Map<string, Promise<OutboxEntry>>();
  private timer?: ReturnType<typeof setTimeout>;
  private timerDue = Infinity;
  private readonly baseMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly api: string,
    private readonly storage: KeyValueStorage,
    private readonly http: { fetch?: typeof fetch; timeoutMs: number },
    retry: RetryOptions = {},
    /** Where change events go (`client.reports`). */
    private readonly events: EventTarget = new EventTarget(),
  ) {
    this.baseMs = retry.baseMs ?? 2000;
    this.maxMs = retry.maxMs ?? 300_000;
  }

  /**
   * Validate, store, then send. Resolves with the ticket when the server has the report, or with
   * the local id when it is kept for a later attempt. Invalid drafts never leave the device.
   */
  async submit(draft: ReportDraft): Promise<SubmitResult> {
    const report = parseWith(ReportDraftSchema, draft, 'report');
    const entry: OutboxEntry = {
      localId: `local-${crypto.randomUUID()}`,
      idempotencyKey: crypto.randomUUID(),
      report,
      createdAt: new Date().toISOString(),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: Date.now(),
    };
    await this.save(entry);
    const sent = await this.send(entry);
    if (sent.state === 'sent') return { ticket: sent.ticket!, status: sent.status! };
    if (sent.state === 'failed') {
      throw new LindungiApiError(sent.error!.message, sent.error!.status, { error: { code: 'invalid', message: sent.error!.message, issues: sent.error!.issues } });
    }
    return { queued: sent.localId };
  }

  /** Every report on this device: waiting, sent (with its ticket) or refused. */
  async entries(): Promise<OutboxEntry[]> {
    const keys = (await this.storage.keys()).filter((k) => k.startsWith(PREFIX));
    const entries = await Promise.all(keys.map((k) => this.storage.get<OutboxEntry>(k)));
    return entries.filter((e): e is OutboxEntry => !!e).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Send every waiting report now (or only those that are due). Resolves when all attempts end. */
  async flush(options: { dueOnly?: boolean } = {}): Promise<OutboxEntry[]> {
    const now = Date.now();
    const pending = (await this.entries()).filter((e) => e.state === 'pending' && (!options.dueOnly || e.nextAttemptAt <= now));
    const results: OutboxEntry[] = [];
    // A few at a time, oldest first: a weak connection is not flooded.
    const queue = [...pending];
    const worker = async () => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) results.push(await this.send(entry));
    };
    await Promise.all(Array.from({ length: Math.min(FLUSH_CONCURRENCY, queue.length) }, worker));
    await this.schedule();
    return results;
  }

  /** Remove every report, sent or not, from this device. */
  async erase(): Promise<void> {
    clearTimeout(this.timer);
    for (const key of (await this.storage.keys()).filter((k) => k.startsWith(PREFIX))) await this.storage.delete(key);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }

  private async save(entry: OutboxEntry): Promise<void> {
    await this.storage.set(PREFIX + entry.localId, entry);
    this.events.dispatchEvent(new OutboxChangeEvent(entry));
  }

  /** One attempt for `entry`; concurrent calls for the same entry share it. */
  private send(entry: OutboxEntry): Promise<OutboxEntry> {
    let pending = this.inFlight.get(entry.localId);
    if (!pending) {
      pending = this.attempt(entry).finally(() => this.inFlight.delete(entry.localId));
      this.inFlight.set(entry.localId, pending);
    }
    return pending;
  }

  private async attempt(stale: OutboxEntry): Promise<OutboxEntry> {
    // Another flush may have sent it since `stale` was read: never turn a sent report back.
    const entry = (await this.storage.get<OutboxEntry>(PREFIX + stale.localId)) ?? stale;
    if (entry.state !== 'pending') return entry;
    const next: OutboxEntry = { ...entry, attempts: entry.attempts + 1 };
    try {
      const response = await request(`${this.api}/v1/reports`, {
        method: 'POST',
        headers: { 'Idempotency-Key': entry.idempotencyKey },
        body: entry.report,
        timeoutMs: this.http.timeoutMs,
        fetch: this.http.fetch,
      });
      const body = parseWith(SubmitResponseSchema, await response.json(), 'server answer');
      Object.assign(next, { state: 'sent', ticket: body.ticket, status: body.status });
    } catch (error) {
      if (error instanceof LindungiApiError && !isRetryable(error)) {
        const body = error.body as { error?: { message: string; issues?: ValidationIssue[] } } | undefined;
        next.state = 'failed';
        next.error = { status: error.status, message: body?.error?.message ?? error.message, issues: body?.error?.issues };
      } else {
        // Anything else (offline, timeout, 5xx, 429, a garbled answer) may work next time.
        const delay = error instanceof LindungiApiError ? error.retryAfterMs : undefined;
        next.nextAttemptAt = Date.now() + (delay ?? this.backoff(next.attempts));
      }
    }
    await this.save(next);
    if (next.state === 'pending') this.wakeAt(next.nextAttemptAt);
    return next;
  }

  /** Full jitter: a random delay up to base × 2^(attempt−1), capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(attempt - 1, 20));
    return Math.round(Math.random() * ceiling);
  }

  /** Wake up when the earliest waiting report is due. */
  private async schedule(): Promise<void> {
    const pending = (await this.entries()).filter((e) => e.state === 'pending');
    this.stop();
    if (pending.length) this.wakeAt(Math.min(...pending.map((e) => e.nextAttemptAt)));
  }

  /** Set the timer for `due`, unless it is already set for earlier. */
  private wakeAt(due: number): void {
    if (this.timer && this.timerDue <= due) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerDue = Infinity;
      void this.flush({ dueOnly: true }).catch(() => undefined);
    }, Math.max(0, due - Date.now()));
    // In Node, a waiting report should not keep the process alive on its own.
    (this.timer as { unref?: () => void }).unref?.();
  }
}

/** Network failures, timeouts, 408, 429 and 5xx may succeed later; other 4xx will not. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof LindungiNetworkError) return error.reason !== 'aborted';
  if (error instanceof LindungiApiError) return error.status === 408 || error.status === 429 || error.status >= 500;
  return false;
}

