import { LindungiApiError, LindungiNetworkError } from './errors.js';
import type { ApiErrorBody } from './report-schema.js';
import { startRequest, type RequestOptions, type StartedRequest } from './request-start.js';

export type { RequestOptions } from './request-start.js';

/**
 * One request to the API, with a timeout and the caller's signal. Network failures become
 * `LindungiNetworkError`; error statuses become `LindungiApiError` with the API's error body.
 * 304 is returned to the caller (content revalidation), not thrown. `started` is the same request
 * begun earlier with `startRequest` (before this module's code arrived).
 */
export async function request(url: string, options: RequestOptions, started: StartedRequest = startRequest(url, options)): Promise<Response> {
  let response: Response;
  try {
    response = await started.response;
  } catch (cause) {
    if (options.signal?.aborted) throw new LindungiNetworkError('The request was aborted', 'aborted', { cause });
    if (started.timeout.aborted) throw new LindungiNetworkError(`No answer within ${options.timeoutMs} ms`, 'timeout', { cause });
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
