/**
 * Starting the Lindungi API: configuration from the environment, the store (SQLite or PostgreSQL), the content
 * packs (validated with the shared schema before anything is served), and the HTTP server.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { OperatorSchema, parseContentPack, parseWith, slicePack } from 'lindungi/sdk';
import { LOCALES } from 'lindungi/ssr';
import { createApp } from './app.js';
import { compressAll } from './compression.js';
import { loadDataKey, loadPreviousKeys, seal } from './crypto.js';
import { describeLocation, openStore } from './store/index.js';
import { createWebhook } from './webhook.js';
import { SESSION_IDLE_MINUTES } from './desk.js';
import type { Faults, ServedPack } from './app.js';
import type { Operator } from 'lindungi/sdk';
import type { ReportStore } from './store/contract.js';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The project folder: the server runs from build/server/, built from server/. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** the SQLite file, when there is no database URL */
  dbFile: string;
  /** PostgreSQL (`postgres://…`): several instances share it */
  databaseUrl: string | undefined;
  dataKey: string | undefined;
  /** earlier keys, comma-separated, during a key rotation */
  previousDataKeys: string | undefined;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  /** how many reverse proxies in front of the server add to X-Forwarded-For (0: none) */
  trustProxy: number;
  /** failed desk sign-ins allowed per address and minute */
  deskFailuresPerMinute: number;
  /** days personal data is kept after a report is resolved, closed or withdrawn */
  retentionDays: number;
  /** forwarding (LINDUNGI_WEBHOOK_*) */
  webhook: { url: string; secret: string; includeContact: boolean; pollMs?: number; retryBaseMs?: number; timeoutMs?: number } | undefined;
  /** fault injection, for tests only (LINDUNGI_FAULT_* with LINDUNGI_TEST_FAULTS=1) */
  faults: Faults;
  /** LINDUNGI_FAULT_* was set without LINDUNGI_TEST_FAULTS=1 */
  ignoredFaults?: boolean | undefined;
  /** `npm start`'s demonstration (`--demo`, LINDUNGI_DEMO=1): a development key may be generated */
  demo: boolean;
  contentDir: string;
  /** who receives reports (LINDUNGI_OPERATOR_*) */
  operator: Operator | undefined;
}

/** Configuration from environment variables; every one is optional. */
export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const dataDir = env.LINDUNGI_DATA_DIR ?? join(ROOT, '.data');
  const number = (value: string | undefined, fallback: number) => (value === undefined || value === '' ? fallback : Number(value));
  return {
    port: number(env.PORT, 8787),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    dbFile: env.LINDUNGI_DB_FILE ?? join(dataDir, 'lindungi.sqlite'),
    databaseUrl: env.LINDUNGI_DATABASE_URL || undefined,
    dataKey: env.LINDUNGI_DATA_KEY,
    previousDataKeys: env.LINDUNGI_DATA_KEY_PREVIOUS,
    corsOrigins: (env.LINDUNGI_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    rateLimitPerMinute: number(env.LINDUNGI_RATE_LIMIT, 120),
    bodyLimitBytes: number(env.LINDUNGI_BODY_LIMIT, 64 * 1024),
    trustProxy: proxyHops(env.LINDUNGI_TRUST_PROXY),
    deskFailuresPerMinute: number(env.LINDUNGI_DESK_FAILURES_PER_MINUTE, 10),
    retentionDays: number(env.LINDUNGI_RETENTION_DAYS, 180),
    webhook: env.LINDUNGI_WEBHOOK_URL
      ? {
          url: env.LINDUNGI_WEBHOOK_URL,
          secret: env.LINDUNGI_WEBHOOK_SECRET ?? '',
          includeContact: env.LINDUNGI_WEBHOOK_CONTACT === '1',
          pollMs: number(env.LINDUNGI_WEBHOOK_POLL_MS, 1000),
          retryBaseMs: number(env.LINDUNGI_WEBHOOK_RETRY_MS, 2000),
          timeoutMs: number(env.LINDUNGI_WEBHOOK_TIMEOUT_MS, 10_000),
        }
      : undefined,
    // Fault injection is for tests: a stray LINDUNGI_FAULT_* in a deployment does nothing (and is reported).
    faults:
      env.LINDUNGI_TEST_FAULTS === '1'
        ? {
            errorRate: number(env.LINDUNGI_FAULT_ERROR_RATE, 0),
            delayMs: number(env.LINDUNGI_FAULT_DELAY_MS, 0),
            dropRate: number(env.LINDUNGI_FAULT_DROP_RATE, 0),
          }
        : {},
    ignoredFaults: env.LINDUNGI_TEST_FAULTS !== '1' && Object.keys(env).some((k) => k.startsWith('LINDUNGI_FAULT_')),
    demo: env.LINDUNGI_DEMO === '1',
    contentDir: env.LINDUNGI_CONTENT_DIR ?? join(ROOT, 'content'),
    operator: operatorFromEnv(env),
  };
}

/** The demonstration operator of `npm start`: it says plainly, in each shipped language, that nobody reads what is sent. */
export const DEMO_OPERATOR = Object.freeze({
  name: {
    id: 'Server demonstrasi Lindungi (tidak ada yang membaca laporan yang dikirim ke sini)',
    en: 'Lindungi demonstration server (nobody reads reports sent here)',
    km: 'ម៉ាស៊ីនមេសាកល្បងរបស់ Lindungi (គ្មាននរណាម្នាក់អានរបាយការណ៍ដែលផ្ញើមកទីនេះទេ)',
    ms: 'Pelayan demonstrasi Lindungi (tiada sesiapa membaca laporan yang dihantar ke sini)',
    ar: 'خادم Lindungi التجريبي (لا أحد يقرأ البلاغات المرسلة إلى هنا)',
  },
  contact: {
    id: 'tidak ada, ini hanya demonstrasi',
    en: 'none, this is a demonstration',
    km: 'គ្មានទេ នេះគ្រាន់តែជាការសាកល្បងប៉ុណ្ណោះ',
    ms: 'tiada, ini hanya demonstrasi',
    ar: 'لا يوجد، هذا عرض تجريبي',
  },
  retentionDays: 30,
  demonstration: true,
});

/**
 * A text the operator may give per language: `PREFIX` for every reader, `PREFIX_ID`, `PREFIX_KM`,
 * `PREFIX_EN`… for readers of that language. A plain string when no language is given.
 *
 */
function localizedFromEnv(env: NodeJS.ProcessEnv, prefix: string): string | Record<string, string> | undefined {
  const byLocale: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const locale = key.startsWith(`${prefix}_`)
      ? key
          .slice(prefix.length + 1)
          .toLowerCase()
          .replace('_', '-')
      : undefined;
    if (locale && /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(locale) && value) byLocale[locale] = value;
  }
  const plain = env[prefix];
  if (!Object.keys(byLocale).length) return plain;
  // The plain text stands in for every shipped language without its own, so no reader falls to another language's.
  if (plain) for (const locale of LOCALES) byLocale[locale] ??= plain;
  return byLocale;
}

/**
 * Who receives reports, from LINDUNGI_OPERATOR_NAME, _CONTACT (each also per language, e.g.
 * LINDUNGI_OPERATOR_NAME_KM), _PRIVACY_URL, LINDUNGI_RETENTION_DAYS (default 180) and
 * LINDUNGI_DATA_LOCATION; `LINDUNGI_DEMO=1` uses the demonstration operator.
 * Without a name there is no operator, and reports are refused.
 */
function operatorFromEnv(env: NodeJS.ProcessEnv): Operator | undefined {
  const name = localizedFromEnv(env, 'LINDUNGI_OPERATOR_NAME');
  if (!name) return env.LINDUNGI_DEMO === '1' ? { ...DEMO_OPERATOR } : undefined;
  const operator = {
    name,
    contact: localizedFromEnv(env, 'LINDUNGI_OPERATOR_CONTACT') ?? '',
    ...(env.LINDUNGI_OPERATOR_PRIVACY_URL ? { privacyUrl: env.LINDUNGI_OPERATOR_PRIVACY_URL } : {}),
    retentionDays: env.LINDUNGI_RETENTION_DAYS ? Number(env.LINDUNGI_RETENTION_DAYS) : 180,
    ...(env.LINDUNGI_DATA_LOCATION ? { dataLocation: env.LINDUNGI_DATA_LOCATION } : {}),
    demonstration: false,
  };
  // A wrong set-up stops the start with the field at fault, rather than a consent text that lies.
  return parseWith(OperatorSchema, operator, 'operator (LINDUNGI_OPERATOR_*, LINDUNGI_RETENTION_DAYS, LINDUNGI_DATA_LOCATION)');
}

/** Reports leave only over HTTPS; a loopback address (127.0.0.0/8, ::1, localhost) is allowed over HTTP for tests. */
export function webhookUrlAllowed(url: string) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return parsed.protocol === 'http:' && (/^127(\.\d{1,3}){3}$/.test(host) || host === '::1' || host === 'localhost');
}

/** `LINDUNGI_TRUST_PROXY`: a number of proxy hops (0–10); anything else is a configuration error. */
function proxyHops(value: string | undefined) {
  if (value === undefined || value === '') return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    throw new Error('LINDUNGI_TRUST_PROXY must be the number of trusted proxies in front of the server (0–10)');
  return hops;
}

/** Every `XX-YY.json` pack in `dir`, validated; a pack that fails validation stops the start. */
export function loadPacks(dir: string) {
  const packs: Map<string, ServedPack> = new Map();
  for (const file of readdirSync(dir).filter((f) => /^[A-Z]{2}-[A-Z]{2}\.json$/.test(f))) {
    const body = readFileSync(join(dir, file), 'utf8');
    const pack = parseContentPack(JSON.parse(body));
    const etag = (text: string) => `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
    // One slice per locale, each a pack in that locale only: a reader downloads only their language.
    const slices = new Map(
      pack.locales.map((locale) => {
        const slice = JSON.stringify(slicePack(pack, locale));
        return [locale, { bodies: compressAll(Buffer.from(slice)), etag: etag(slice) }] as const;
      }),
    );
    // Compressed once here: every content request is then answered from memory.
    packs.set(pack.corridor.id, {
      pack,
      bodies: compressAll(Buffer.from(body)),
      etag: etag(body),
      slices,
      categories: new Set(pack.reportCategories.map((c) => c.id)),
      consentVersion: pack.consent.version,
    });
  }
  return packs;
}

const DAY_MS = 86_400_000;

/**
 * The retention purge: every report resolved, closed or withdrawn more than `retentionDays` ago
 * loses its personal data and free texts; each purge is on the audit log. Answers the tickets.
 */
export async function purgeExpired(store: ReportStore, retentionDays: number, now: Date) {
  const at = now.toISOString();
  const tickets = await store.purgeExpired(new Date(now.getTime() - retentionDays * DAY_MS).toISOString(), at);
  // An erasure an open reader kept from finishing (a withdrawal, a purge) is finished now, or said to be pending.
  const clean = await store.eraseResidue();
  for (const ticket of tickets)
    await store.audit({ at, operatorId: null, action: 'purge', ticket, detail: JSON.stringify({ retentionDays, ...(clean ? {} : { residue: 'wal' }) }) });
  // Desk sessions past their end or idle are deleted, not only refused.
  await store.endEndedSessions(at, new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000).toISOString());
  return tickets;
}

/**
 * Start the server. Answers its URL and a `close()` that stops it and closes the database.
 */
export async function startServer(
  overrides: Partial<ServerConfig> & { log?: (line: string) => void; onRequest?: (path: string) => void; now?: () => Date } = {},
) {
  const config = { ...configFromEnv(process.env), ...overrides };
  const log = overrides.log ?? ((line: string) => console.log(line));
  // Instances sharing a database must share one key: a key generated on one machine would not open another's values.
  if (config.databaseUrl && !config.dataKey) throw new Error('LINDUNGI_DATA_KEY is needed with LINDUNGI_DATABASE_URL (every instance uses the same key).');
  // A webhook without a secret could not be verified by its receiver: the server does not start.
  if (config.webhook && config.webhook.secret.length < 16)
    throw new Error('LINDUNGI_WEBHOOK_SECRET (16 characters or more) is needed with LINDUNGI_WEBHOOK_URL.');
  if (config.webhook && !webhookUrlAllowed(config.webhook.url)) {
    throw new Error('LINDUNGI_WEBHOOK_URL must be https:// (plain http:// only to a loopback address, for tests).');
  }
  // The key must live outside the data folder: a copy of the folder (a backup) must not open what it holds.
  if (!config.dataKey && !config.demo) {
    throw new Error(
      'LINDUNGI_DATA_KEY is not set. Set it to 32 random bytes, base64 (for example: node -e "console.log(crypto.randomBytes(32).toString(\'base64\'))"), kept outside the data folder. Only the demonstration (npm start, --demo) generates a development key.',
    );
  }
  if (config.ignoredFaults) log('LINDUNGI_FAULT_* is set but ignored: fault injection is for tests (LINDUNGI_TEST_FAULTS=1).');
  const dataKey = loadDataKey(config.dataKey, join(config.dataDir, 'dev-data-key'), log);
  const readKeys = [dataKey, ...loadPreviousKeys(config.previousDataKeys)];
  const location = config.databaseUrl ?? config.dbFile;
  const store = await openStore(location, { seal: (plaintext) => seal(dataKey, plaintext) });
  log(`Store: ${describeLocation(location)}`);
  const webhook = config.webhook ? createWebhook({ ...config.webhook, store, dataKey, readKeys, log, now: overrides.now }) : undefined;
  if (!config.operator) log('No operator is configured (LINDUNGI_OPERATOR_NAME is not set): this server refuses reports. See the README.');
  const app = createApp({
    store,
    operator: config.operator,
    packs: loadPacks(config.contentDir),
    dataKey,
    readKeys,
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    deskFailuresPerMinute: config.deskFailuresPerMinute,
    faults: config.faults,
    log,
    root: ROOT,
    onRequest: overrides.onRequest,
    now: overrides.now,
    webhook,
  });
  let server: Server | undefined;
  const address: AddressInfo = await new Promise((resolveListen) => {
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, resolveListen) as Server;
  });
  const url = `http://${config.host}:${address.port}`;
  // The operator's retention is the one the consent text states; the purge runs now and hourly.
  const retentionDays = config.operator?.retentionDays ?? config.retentionDays;
  const now = overrides.now ?? (() => new Date());
  const purge = async () => {
    const tickets = await purgeExpired(store, retentionDays, now());
    if (tickets.length) log(`retention: personal data of ${tickets.length} report(s) purged after ${retentionDays} days`);
    return tickets;
  };
  await purge();
  const purgeTimer = setInterval(() => void purge().catch((error) => log(`retention: ${error instanceof Error ? error.message : error}`)), 3_600_000);
  purgeTimer.unref();
  webhook?.start();
  return {
    url,
    port: address.port,
    store,
    /** Every route the API serves, as `METHOD /path` (middleware and the catch-alls aside): the OpenAPI document is checked against these. */
    routes: [
      ...new Set(app.routes.filter((r) => r.method !== 'ALL' && /^\/(v1\/|healthz)/.test(r.path) && !r.path.includes('*')).map((r) => `${r.method} ${r.path}`)),
    ],
    /** The fault-injection settings in force; tests may change them while the server runs. */
    faults: config.faults,
    /** Run the retention purge now (it also runs hourly); answers the purged tickets. */
    purge,
    /** Deliver the webhook events that are due now (they are also tried every second). */
    deliverWebhooks: () => webhook?.deliverDue() ?? Promise.resolve(0),
    close: () =>
      new Promise((resolveClose) => {
        clearInterval(purgeTimer);
        webhook?.stop();
        server?.closeAllConnections();
        server?.close(() => void store.close().then(() => resolveClose(undefined)));
      }),
  };
}
