export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE' | undefined;
  headers?: Record<string, string> | undefined;
  body?: unknown;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  fetch?: typeof fetch | undefined;
  /** `no-store` for answers with a report or a case's notes: nothing of them stays in a browser's cache. */
  cache?: 'default' | 'no-cache' | 'no-store' | undefined;
  /** `omit` unless said otherwise; `same-origin` only where a page's preload must match (public content). */
  credentials?: 'omit' | 'same-origin' | undefined;
}

/** A request on its way, and the timeout that bounds it. */
export interface StartedRequest {
  readonly response: Promise<Response>;
  readonly timeout: AbortSignal;
}

/**
 * Send a request to the API now. Kept apart from `request()` (which reads the answer) so that the
 * widgets' first code can start the content and the operator while the rest of the SDK is on its way.
 */
export function startRequest(url: string, options: RequestOptions): StartedRequest {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Promise<Response>;
  try {
    response = (options.fetch ?? fetch)(url, {
      method: options.method ?? 'GET',
      headers: { Accept: 'application/json', ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      signal,
      credentials: options.credentials ?? 'omit',
      cache: options.cache ?? 'no-cache',
    });
  } catch (error) {
    response = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  // Read by `request()`, perhaps later: an early failure is not an unhandled rejection meanwhile.
  response.catch(() => undefined);
  return { response, timeout };
}

/** Where the API serves a corridor's content pack: whole, or in one locale only. */
export const contentUrl = (api: string, corridor: string, locale?: string): string =>
  `${api}/v1/content/${encodeURIComponent(corridor)}${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`;

/** Who receives the reports sent to `api`. */
export const operatorUrl = (api: string): string => `${api}/v1/operator`;

/**
 * How the content pack is requested, so that a page's `<link rel="preload" as="fetch"
 * crossorigin="anonymous">` of the same URL is the request (a preload is used only by a request
 * with the same credentials mode). The answer is `no-cache`, so the HTTP cache still revalidates
 * it with its ETag every time. No cookie goes to an API on another origin.
 */
export const CONTENT_REQUEST = { credentials: 'same-origin', cache: 'default' } as const;
