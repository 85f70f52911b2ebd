/**
 * The report outbox: every report is written to storage before any network attempt, sent with an
 * idempotency key (so the server stores it once however often it is sent), and retried with
 * exponential backoff and jitter until the server has it. A 4xx that retrying cannot fix is
 * surfaced, not retried.
 */
import { LindungiApiError, LindungiError, type ValidationIssue } from './errors.js';
import { request } from './http.js';
import { ReportDraftSchema, SubmitResponseSchema, type ReportDraft } from './report-schema.js';
import type { KeyValueStorage } from './storage.js';
import { parseWith } from './validate.js';
import { isOffline, isRetryable, randomKey, refusalCode, summary } from './outbox-rules.js';
import {
  OutboxChangeEvent,
  type OutboxEntry,
  type RetryOptions,
  type SavedDraft,
  type StoredEntry,
  type SubmitOptions,
  type SubmitResult,
} from './outbox-types.js';

export { OutboxChangeEvent } from './outbox-types.js';
export type { OutboxEntry, RetryOptions, SavedDraft, SubmitOptions, SubmitResult } from './outbox-types.js';

const PREFIX = 'outbox:';
const DRAFT_PREFIX = 'draft:';

const FLUSH_CONCURRENCY = 4;

export class Outbox {
  private inFlight = new Map<string, Promise<StoredEntry | undefined>>();
  /** Storage writes under way: `erase()` waits for them before it deletes. */
  private writes = new Set<Promise<unknown>>();
  /** Requests under way, by the report they send: `erase()` and `remove()` abort them. */
  private requests = new Map<AbortController, string>();
  /** Reports removed one by one: work begun before writes nothing of them after. */
  private removed = new Set<string>();
  /** Goes up with every erase: work begun before it writes nothing after it. */
  private epoch = 0;
  private stopped = false;
  private timer?: ReturnType<typeof setTimeout> | undefined;
  private timerDue = Infinity;
  private readonly baseMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly api: string,
    private readonly storage: KeyValueStorage,
    private readonly http: { fetch?: typeof fetch | undefined; timeoutMs: number },
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
  async submit(draft: ReportDraft, options: SubmitOptions = {}): Promise<SubmitResult> {
    const report = parseWith(ReportDraftSchema, draft, 'report');
    const epoch = this.epoch;
    const entry: StoredEntry = {
      localId: `local-${crypto.randomUUID()}`,
      idempotencyKey: crypto.randomUUID(),
      withdrawalKey: randomKey(),
      report,
      createdAt: new Date().toISOString(),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: Date.now(),
    };
    const replaced = options.replaceDraft;
    const alongside = replaced
      ? ([[DRAFT_PREFIX + replaced.id, { value: replaced.value(entry.localId), savedAt: entry.createdAt } satisfies SavedDraft]] as const)
      : [];
    const sent = (await this.save(entry, epoch, alongside)) ? await this.send(entry, epoch) : undefined;
    if (!sent) throw new LindungiError('The report was erased from this device before it was sent', 'erased');
    if (sent.state === 'sent') return { ticket: sent.ticket!, status: sent.status! };
    if (sent.state === 'failed') {
      const { status, code, message, issues } = sent.error!;
      throw new LindungiApiError(message, status, { error: { code, message, issues } });
    }
    return { queued: sent.localId };
  }

  /**
   * Withdraw a report sent from this device: the server marks it withdrawn and removes its contact
   * details at once. Only this device holds the key that allows it.
   */
  async withdraw(ticket: string): Promise<{ ticket: string; status: 'withdrawn' }> {
    const wanted = ticket.trim().toUpperCase();
    const entry = (await this.stored()).find((e) => e.ticket === wanted);
    if (!entry?.withdrawalKey) {
      throw new LindungiError(`No report with the ticket ${wanted} was sent from this device, so it cannot be withdrawn here`, 'not-on-device');
    }
    const epoch = this.epoch;
    await request(`${this.api}/v1/reports/${encodeURIComponent(wanted)}`, {
      method: 'DELETE',
      headers: { 'Withdrawal-Key': entry.withdrawalKey },
      timeoutMs: this.http.timeoutMs,
      fetch: this.http.fetch,
      cache: 'no-store',
    });
    const { withdrawalKey: _key, ...rest } = entry;
    await this.save({ ...rest, state: 'withdrawn', status: 'withdrawn' }, epoch);
    return { ticket: wanted, status: 'withdrawn' };
  }

  /** Every report on this device, oldest first: waiting, sent (with its ticket), refused or withdrawn. */
  async entries(): Promise<OutboxEntry[]> {
    return (await this.stored()).map(summary);
  }

  /** Send every waiting report now (or only those that are due). Resolves when all attempts end. */
  async flush(options: { dueOnly?: boolean } = {}): Promise<OutboxEntry[]> {
    const epoch = this.epoch;
    const now = Date.now();
    const queue = (await this.stored()).filter((e) => e.state === 'pending' && (!options.dueOnly || (e.nextAttemptAt ?? 0) <= now));
    const results: OutboxEntry[] = [];
    // A few at a time, oldest first: a weak connection is not flooded.
    const worker = async () => {
      for (let entry = queue.shift(); entry && epoch === this.epoch; entry = queue.shift()) {
        const result = await this.send(entry, epoch);
        if (result) results.push(summary(result));
      }
    };
    await Promise.all(Array.from({ length: Math.min(FLUSH_CONCURRENCY, queue.length) }, worker));
    if (epoch === this.epoch) await this.schedule();
    return results;
  }

  /**
   * Remove every report, sent or not, from this device. When this resolves, nothing of any report
   * is left in storage and nothing more is sent: requests under way are aborted, attempts and
   * writes begun before are waited for, and the retry timer is reset.
   */
  async erase(): Promise<void> {
    this.epoch++;
    this.clearTimer();
    for (const controller of this.requests.keys()) controller.abort();
    await Promise.allSettled([...this.inFlight.values(), ...this.writes]);
    const keys = (await this.storage.keys()).filter((k) => k.startsWith(PREFIX) || k.startsWith(DRAFT_PREFIX));
    await Promise.all(keys.map((key) => this.storage.delete(key)));
  }

  /**
   * Remove one report from this device, by its local id or its ticket: waiting (its send is aborted
   * and never retried), sent or refused. When this resolves, nothing of it is left in storage.
   * Answers whether there was such a report.
   */
  async remove(idOrTicket: string): Promise<boolean> {
    const wanted = idOrTicket.trim();
    const entry = (await this.stored()).find((e) => e.localId === wanted || e.ticket === wanted.toUpperCase());
    if (!entry) return false;
    this.removed.add(entry.localId);
    for (const [controller, localId] of this.requests) if (localId === entry.localId) controller.abort();
    await Promise.allSettled([this.inFlight.get(entry.localId), ...this.writes]);
    await this.storage.delete(PREFIX + entry.localId);
    return true;
  }

  /** Keep what a form has so far under `id` (nothing is validated or sent), replacing what was kept. */
  async saveDraft(id: string, value: unknown): Promise<void> {
    const epoch = this.epoch;
    const write = this.storage.set(DRAFT_PREFIX + id, { value, savedAt: new Date().toISOString() } satisfies SavedDraft);
    this.writes.add(write);
    try {
      await write;
    } finally {
      this.writes.delete(write);
    }
    // An erase that came while this was being written must win.
    if (epoch !== this.epoch) await this.storage.delete(DRAFT_PREFIX + id);
  }

  /** The draft kept under `id`, if any. */
  draft<T>(id: string): Promise<SavedDraft<T> | undefined> {
    return this.storage.get<SavedDraft<T>>(DRAFT_PREFIX + id);
  }

  /** Forget the draft kept under `id`. */
  deleteDraft(id: string): Promise<void> {
    return this.storage.delete(DRAFT_PREFIX + id);
  }

  /** No more automatic retries (a page or test that tears the client down); `flush()` still works. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }

  private async stored(): Promise<StoredEntry[]> {
    const keys = (await this.storage.keys()).filter((k) => k.startsWith(PREFIX));
    const entries = await Promise.all(keys.map((k) => this.storage.get<StoredEntry>(k)));
    return entries.filter((e): e is StoredEntry => !!e).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /**
   * Write `entry`, with `alongside` in the same write, unless an erase came since `epoch`; answers
   * whether it was written.
   */
  private async save(entry: StoredEntry, epoch: number, alongside: ReadonlyArray<readonly [string, unknown]> = []): Promise<boolean> {
    if (epoch !== this.epoch || this.removed.has(entry.localId)) return false;
    const all = [[PREFIX + entry.localId, entry] as const, ...alongside];
    const write =
      all.length > 1 && this.storage.setMany
        ? this.storage.setMany(all)
        : all.reduce<Promise<void>>((done, [key, value]) => done.then(() => this.storage.set(key, value)), Promise.resolve());
    this.writes.add(write);
    try {
      await write;
    } finally {
      this.writes.delete(write);
    }
    this.events.dispatchEvent(new OutboxChangeEvent(summary(entry)));
    return true;
  }

  /**
   * One attempt for `entry`, on behalf of work begun at `epoch` (nothing is sent for work begun
   * before an erase); concurrent calls for the same entry share it.
   */
  private send(entry: StoredEntry, epoch: number): Promise<StoredEntry | undefined> {
    if (epoch !== this.epoch) return Promise.resolve(undefined);
    let pending = this.inFlight.get(entry.localId);
    if (!pending) {
      pending = this.attempt(entry.localId, epoch).finally(() => this.inFlight.delete(entry.localId));
      this.inFlight.set(entry.localId, pending);
    }
    return pending;
  }

  /** Answers the entry after the attempt, or undefined when it is no longer on the device (erased). */
  private async attempt(localId: string, epoch: number): Promise<StoredEntry | undefined> {
    // Read it again: another flush may have sent it, or an erase removed it, since it was listed.
    const entry = await this.storage.get<StoredEntry>(PREFIX + localId);
    if (!entry || epoch !== this.epoch || this.removed.has(localId)) return undefined;
    if (entry.state !== 'pending' || !entry.report || !entry.idempotencyKey) return entry;
    // A device that knows it is offline is not asked: the attempt would fail, and counting it would
    // double the wait once the network is back. The client's `online` listener sends it then.
    if (isOffline()) return entry;
    let next: StoredEntry = { ...entry, attempts: entry.attempts + 1 };
    const controller = new AbortController();
    this.requests.set(controller, localId);
    try {
      const response = await request(`${this.api}/v1/reports`, {
        method: 'POST',
        headers: { 'Idempotency-Key': entry.idempotencyKey, ...(entry.withdrawalKey ? { 'Withdrawal-Key': entry.withdrawalKey } : {}) },
        body: entry.report,
        signal: controller.signal,
        timeoutMs: this.http.timeoutMs,
        fetch: this.http.fetch,
        cache: 'no-store',
      });
      const body = parseWith(SubmitResponseSchema, await response.json(), 'server answer');
      // Delivered: keep only what the reporter needs to follow it.
      next = {
        localId: entry.localId,
        state: 'sent',
        createdAt: entry.createdAt,
        attempts: next.attempts,
        ticket: body.ticket,
        status: body.status,
        sentAt: new Date().toISOString(),
        withdrawalKey: entry.withdrawalKey,
      };
    } catch (error) {
      if (error instanceof LindungiApiError && !isRetryable(error)) {
        const body = error.body as { error?: { message: string; issues?: ValidationIssue[] } } | undefined;
        next.state = 'failed';
        delete next.nextAttemptAt;
        next.error = { status: error.status, code: refusalCode(error), message: body?.error?.message ?? error.message, issues: body?.error?.issues };
      } else {
        // Anything else (offline, timeout, 5xx, 429, a garbled answer) may work next time.
        const delay = error instanceof LindungiApiError ? error.retryAfterMs : undefined;
        next.nextAttemptAt = Date.now() + (delay ?? this.backoff(next.attempts));
      }
    } finally {
      this.requests.delete(controller);
    }
    // Another client on the same store (another tab, or the page's own client beside a widget's)
    // may have erased or removed the report while it was on its way: it is not written back.
    if (!(await this.storage.get(PREFIX + localId))) return undefined;
    if (!(await this.save(next, epoch))) return undefined;
    if (next.state === 'pending') this.wakeAt(next.nextAttemptAt!);
    return next;
  }

  /** Full jitter: a random delay up to base × 2^(attempt−1), capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(attempt - 1, 20));
    return Math.round(Math.random() * ceiling);
  }

  /** Wake up when the earliest waiting report is due. */
  private async schedule(): Promise<void> {
    const pending = (await this.stored()).filter((e) => e.state === 'pending');
    this.clearTimer();
    if (pending.length && !isOffline()) this.wakeAt(Math.min(...pending.map((e) => e.nextAttemptAt ?? 0)));
  }

  /** Set the timer for `due`, unless it is already set for earlier. */
  private wakeAt(due: number): void {
    if (this.stopped || (this.timer && this.timerDue <= due)) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerDue = Infinity;
        void this.flush({ dueOnly: true }).catch(() => undefined);
      },
      Math.max(0, due - Date.now()),
    );
    // In Node, a waiting report should not keep the process alive on its own.
    (this.timer as { unref?: () => void }).unref?.();
  }
}

export { isRetryable } from './outbox-rules.js';
