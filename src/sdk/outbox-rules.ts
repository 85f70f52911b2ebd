/**
 * The outbox's rules: what a report may show of itself, what is retried and what is a refusal,
 * whether the device is offline, and the withdrawal key it makes.
 */
import { LindungiApiError, LindungiNetworkError } from './errors.js';
import type { OutboxEntry, StoredEntry } from './outbox-types.js';

/** The public view of a stored entry: everything but the report and its key. */
export function summary(entry: StoredEntry): OutboxEntry {
  const { idempotencyKey: _key, report: _report, withdrawalKey: _withdrawal, ...rest } = entry;
  return rest;
}

/** 32 random bytes, base64url: a withdrawal key nobody can guess. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The API's error code for a refusal, from its body or, failing that, its status. */
export function refusalCode(error: LindungiApiError): string {
  const code = (error.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  if (typeof code === 'string') return code;
  const byStatus: Record<number, string> = { 400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'too_large' };
  return byStatus[error.status] ?? `http_${error.status}`;
}

/** The browser says there is no network at all (never true in Node, which has no `navigator.onLine`). */
export function isOffline(): boolean {
  return (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
}

/** Network failures, timeouts, 408, 429 and 5xx may succeed later; other 4xx will not. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof LindungiNetworkError) return error.reason !== 'aborted';
  if (error instanceof LindungiApiError) return error.status === 408 || error.status === 429 || error.status >= 500;
  return false;
}
