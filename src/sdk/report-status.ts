import { request } from './http.js';
import { ReportStatusSchema, type ReportStatusResponse } from './report-schema.js';
import { parseWith } from './validate.js';

/** A report's status as timeline stages, by ticket: `GET {api}/v1/reports/{ticket}`, validated. */
export async function fetchReportStatus(
  api: string,
  ticket: string,
  options: { signal?: AbortSignal | undefined; timeoutMs?: number | undefined; fetch?: typeof fetch | undefined } = {},
): Promise<ReportStatusResponse> {
  const base = new URL(api, globalThis.location?.href).href.replace(/\/+$/, '');
  const response = await request(`${base}/v1/reports/${encodeURIComponent(ticket.trim().toUpperCase())}`, {
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? 10_000,
    fetch: options.fetch,
    // A report's status and its notes are not kept in the browser's cache (a watched phone).
    cache: 'no-store',
  });
  return parseWith(ReportStatusSchema, await response.json(), 'report status');
}
