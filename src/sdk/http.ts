import { LindungiApiError, LindungiNetworkError } from './errors.js';
import type { ApiErrorBody } from './report-schema.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE' | undefined;
  headers?: Record<string, string> | undefined;
  body?: unknown;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  fetch?: typeof fetch | undefined;
  /** `no-store` for answers with a report or a case's notes: nothing of them stays in a browser's cache. */
  cache?: 'no-cache' | 'no-store' | undefined;
}

/**
 * One request to the API, with a timeout and the caller's signal. Network failures become
 * `LindungiNetworkError`; error statuses become `LindungiApiError` with the API's error body.
 * 304 is returned to the caller (content revalidation), not thrown.
 */
export async function request(url: string, options: RequestOptions): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: options.method ?? 'GET',
      headers: { Accept: 'application/json', ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      signal,
      credentials: 'omit',
      cache: options.cache ?? 'no-cache',
    });
  } catch (cause) {
    if (options.signal?.aborted) throw new LindungiNetworkError('The request was aborted', 'aborted', { cause });
    if (timeout.aborted) throw new LindungiNetworkError(`No answer within ${options.timeoutMs} ms`, 'timeout', { cause });
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    throw new LindungiNetworkError(`Could not reach ${new URL(url).origin}`, offline ? 'offline' : 'failed', { cause });
  }
  if (response.ok || response.status === 304) return response;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const apiError = isApiErrorBody(body) ? body : undefined;
  const message = apiError?.error.message ?? `The server answered ${response.status}`;
  const error = new LindungiApiError(message, response.status, apiError);
  const retryAfter = response.headers.get('Retry-After');
  if (retryAfter) error.retryAfterMs = parseRetryAfter(retryAfter);
  throw error;
}

/** `Retry-After` as milliseconds: seconds, or an HTTP date. */
export function parseRetryAfter(value: string): number | undefined {
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The API's single error shape: `{ error: { code, message, issues? } }`. */
function isApiErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}
