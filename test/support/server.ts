import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startServer } from '../../build/server/main.js';
import { pgTypes } from '../../build/server/store/postgres.js';
import { shippedPack } from './pack.js';

/**
 * The PostgreSQL database the suite runs on, when one is given (`node scripts/postgres.mjs npm run
 * test:node` starts a throwaway one); without it, every test server has its own SQLite file.
 * Each test server then gets its own schema in that database, named after its data folder.
 */
export const TEST_DATABASE_URL = process.env.LINDUNGI_TEST_DATABASE_URL || undefined;
export const STORE_KIND: 'sqlite' | 'postgres' = TEST_DATABASE_URL ? 'postgres' : 'sqlite';

/** The schema of a test server's data folder. */
const schemaOf = (dir: string) =>
  `t_${basename(dir)
    .replace(/[^A-Za-z0-9]/g, '_')
    .toLowerCase()}`;

/** A database URL whose connections use `schema`. */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** Run SQL as the test database's owner (schemas made and dropped for test servers). */
export async function adminQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export type TestServer = Awaited<ReturnType<typeof startServer>> & {
  dataDir: string;
  /** Where its data is: the SQLite file, or the PostgreSQL URL of its own schema. */
  databaseUrl: string | undefined;
  /** The environment of `npm run desk` on this server's data. */
  cliEnv: NodeJS.ProcessEnv;
  logs: string[];
  requests: string[];
  /** Stop the server; `dispose()` also removes its data. */
  dispose(): Promise<void>;
};

/** The data key of test servers (32 bytes, base64), so tests can open what was sealed. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

/** The version of the shipped pack's consent text: the only one the server accepts. */
export const CONSENT_VERSION: string = shippedPack().consent.version;

/** Who receives reports on test servers. */
export const TEST_OPERATOR = { name: 'Test operator', contact: 'reports@example.org', retentionDays: 180, dataLocation: 'ID', demonstration: false };

/**
 * The real Lindungi API on a random loopback port, with its own SQLite file in a temporary folder,
 * or its own schema of the test PostgreSQL database. The same folder again is the same data.
 */
export async function startTestServer(overrides: Parameters<typeof startServer>[0] = {}, dataDir?: string): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'lindungi-test-'));
  let databaseUrl: string | undefined;
  if (TEST_DATABASE_URL) {
    await adminQuery(`CREATE SCHEMA IF NOT EXISTS ${schemaOf(dir)}`);
    databaseUrl = urlWithSchema(TEST_DATABASE_URL, schemaOf(dir));
  }
  const logs: string[] = [];
  const requests: string[] = [];
  const server = await startServer({
    port: 0,
    dataDir: dir,
    dbFile: join(dir, 'lindungi.sqlite'),
    databaseUrl,
    dataKey: TEST_DATA_KEY,
    rateLimitPerMinute: 100_000,
    operator: TEST_OPERATOR,
    log: (line) => logs.push(line),
    onRequest: (path) => requests.push(path),
    ...overrides,
  });
  return {
    ...server,
    dataDir: dir,
    databaseUrl,
    cliEnv: {
      LINDUNGI_DATA_DIR: dir,
      LINDUNGI_DB_FILE: join(dir, 'lindungi.sqlite'),
      LINDUNGI_DATA_KEY: TEST_DATA_KEY,
      ...(databaseUrl ? { LINDUNGI_DATABASE_URL: databaseUrl } : {}),
    },
    logs,
    requests,
    dispose: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
      if (TEST_DATABASE_URL) await adminQuery(`DROP SCHEMA IF EXISTS ${schemaOf(dir)} CASCADE`);
    },
  };
}

/** A valid report draft; `overrides` replace top-level fields. */
export function draft(overrides: Record<string, unknown> = {}) {
  return {
    corridor: 'ID-KH',
    category: 'unpaid-wages',
    description: 'My wages have not been paid for three months.',
    occurredOn: '2026-10-01',
    location: { country: 'KH', place: 'Sihanoukville' },
    employerOrAgency: 'PT Contoh Agency',
    inDanger: false,
    contact: { anonymous: true },
    consent: { version: CONSENT_VERSION, given: true },
    locale: 'id',
    ...overrides,
  } as const;
}

/**
 * Read the server's data directly, as someone with the database would: `?` placeholders, rows as
 * objects. SQLite is opened read-only; PostgreSQL is read in the server's schema.
 */
export async function readRows(server: Pick<TestServer, 'dataDir' | 'databaseUrl'>, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (server.databaseUrl) {
    let n = 0;
    const client = new pg.Client({ connectionString: server.databaseUrl, types: pgTypes });
    await client.connect();
    try {
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(join(server.dataDir, 'lindungi.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/**
 * Everything the store holds, as text, to search for what must not be there: on SQLite the bytes
 * of the database file and its write-ahead log (deleted pages included); on PostgreSQL every row
 * of every table of the server's schema. Answers [where, text] pairs.
 */
export async function storedText(server: Pick<TestServer, 'dataDir' | 'databaseUrl'>): Promise<[string, string][]> {
  if (server.databaseUrl) {
    const tables = await readRows(server, `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`);
    const texts: [string, string][] = [];
    for (const { name } of tables as Array<{ name: string }>) texts.push([`table ${name}`, JSON.stringify(await readRows(server, `SELECT * FROM "${name}"`))]);
    return texts;
  }
  return readdirSync(server.dataDir)
    .filter((f) => f.startsWith('lindungi.sqlite'))
    .map((f) => join(server.dataDir, f))
    .filter((f) => existsSync(f))
    .map((f) => [f, readFileSync(f).toString('latin1')]);
}

/** A new, empty place for a store of the kind under test: an SQLite file, or a PostgreSQL schema. */
export async function freshStoreLocation(): Promise<{ location: string; dataDir: string; databaseUrl: string | undefined; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-store-'));
  let databaseUrl: string | undefined;
  if (TEST_DATABASE_URL) {
    await adminQuery(`CREATE SCHEMA ${schemaOf(dataDir)}`);
    databaseUrl = urlWithSchema(TEST_DATABASE_URL, schemaOf(dataDir));
  }
  return {
    location: databaseUrl ?? join(dataDir, 'lindungi.sqlite'),
    dataDir,
    databaseUrl,
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (TEST_DATABASE_URL) await adminQuery(`DROP SCHEMA IF EXISTS ${schemaOf(dataDir)} CASCADE`);
    },
  };
}

/** Run one writing statement on the store's database directly, as someone with access to it would. */
export async function writeRaw(where: { dataDir: string; databaseUrl: string | undefined }, sql: string): Promise<void> {
  if (where.databaseUrl) {
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(join(where.dataDir, 'lindungi.sqlite'));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}
