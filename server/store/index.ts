/**
 * Report storage: one interface (./contract.js), two implementations. SQLite (a file, the embedded
 * default) or PostgreSQL (`LINDUNGI_DATABASE_URL=postgres://…`, for several stateless instances).
 * Both apply numbered migrations at start, recorded in the database, under a lock.
 */

import type { ReportStore } from './contract.js';

/**
 * Open the store at `location`: a `postgres://` (or `postgresql://`) URL, or an SQLite file path.
 *
 * @param context how migrations encrypt values they move
 */
export async function openStore(location: string, context: { seal: (plaintext: string) => string }): Promise<ReportStore> {
  if (/^postgres(ql)?:\/\//.test(location)) return (await import('./postgres.js')).openPostgresStore(location, context);
  return (await import('./sqlite.js')).openSqliteStore(location, context);
}

/** Where a URL points, without its password (for logs). */
export function describeLocation(location: string) {
  if (!/^postgres(ql)?:\/\//.test(location)) return `SQLite ${location}`;
  const url = new URL(location);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}
