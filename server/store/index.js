// @ts-check
/**
 * Report storage: one interface (./contract.js), two implementations. SQLite (a file, the embedded
 * default) or PostgreSQL (`LINDUNGI_DATABASE_URL=postgres://…`, for several stateless instances).
 * Both apply numbered migrations at start, recorded in the database, under a lock.
 */

/** @typedef {import('./contract.js').ReportStore} ReportStore */

/**
 * Open the store at `location`: a `postgres://` (or `postgresql://`) URL, or an SQLite file path.
 * @param {string} location
 * @param {{ seal: (plaintext: string) => string }} context  how migrations encrypt values they move
 * @returns {Promise<ReportStore>}
 */
export async function openStore(location, context) {
  if (/^postgres(ql)?:\/\//.test(location)) return (await import('./postgres.js')).openPostgresStore(location, context);
  return (await import('./sqlite.js')).openSqliteStore(location, context);
}

/** Where a URL points, without its password (for logs). @param {string} location */
export function describeLocation(location) {
  if (!/^postgres(ql)?:\/\//.test(location)) return `SQLite ${location}`;
  const url = new URL(location);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}
