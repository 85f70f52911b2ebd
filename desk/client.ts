/**
 * How the desk page talks to the API (same origin, the session cookie, nothing cached) and reads
 * its own address and language choice.
 */
import type { ApiErrorBody } from '../src/sdk/report-schema.js';

export class DeskError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  // Nothing the desk reads is kept in the browser's cache: it is all case data.
  const response = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as Partial<ApiErrorBody> | undefined;
    throw new DeskError(response.status, body?.error?.message ?? response.statusText);
  }
  return response.json() as Promise<T>;
}

/** Where the desk is: each report and the audit log have an address of their own (`#/reports/LDG-…`, `#/audit`). */
export type Route = { view: 'list' } | { view: 'report'; ticket: string } | { view: 'audit' };

export function routeOf(hash: string): Route {
  const report = /^#\/reports\/(LDG-[0-9A-Z]{4}-[0-9A-Z]{4})$/i.exec(hash);
  if (report) return { view: 'report', ticket: report[1].toUpperCase() };
  return hash === '#/audit' ? { view: 'audit' } : { view: 'list' };
}

/** The desk's language is kept on its own origin (nothing personal): the caseworker's choice, not the browser's. */
export const LANGUAGE_KEY = 'lindungi-desk-language';

export function storedLanguage(): string | undefined {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return value === 'id' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
}
