/**
 * The Lindungi API as a Hono app: content with ETags, reports stored exactly once per
 * Idempotency-Key, report status by ticket, the OpenAPI document, and the demo page.
 * Runs on Node through @hono/node-server; nothing here is Node-specific but the static files.
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as v from 'valibot';
import { IdempotencyKeySchema, ReportDraftSchema, WithdrawalKeySchema, sliceLocale, toIssues } from 'lindungi/sdk';

const LOCALE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
import { etagFor, matchesAnyEncoding, negotiate } from './compression.js';
import { open } from './crypto.js';
import { openApiDocument } from './openapi.js';
import { createRateLimiter } from './rate-limit.js';
import { clientAddress, fail } from './http.js';
import type { App, AppEnv } from './http.js';
import { requestLog } from './middleware/request-log.js';
import { apiHeaders, strictTransport } from './middleware/headers.js';
import { rateLimited } from './middleware/rate-limited.js';
import { compressJson } from './middleware/compress-json.js';
import { injectFaults } from './middleware/faults.js';
import { deskRoutes } from './desk.js';
import { embedRoutes } from './embed.js';
import { serveFile } from './static.js';
import { serveServerRendered } from './server-rendered.js';
import { newTicket } from './tickets.js';
import { canonicalHash, createdEvent, storedReport, hashKey } from './reports.js';
import { checkHealth } from './health.js';
import { latestNoteOf, stagesOf } from './report-status.js';
import type { Encoding } from './compression.js';
import type { ReportStore } from './store/contract.js';
import type { ContentPack, Operator } from 'lindungi/sdk';
import type { createWebhook } from './webhook.js';
import type { Context } from 'hono';

/** Fault injection for tests; all off by default. */
export interface Faults {
  /** share of API requests answered 500 (half before, half after the work is done) */
  errorRate?: number | undefined;
  /** up to this many ms of random delay per API request */
  delayMs?: number | undefined;
  /** exactly this many ms of delay per API request (a request surely in flight) */
  holdMs?: number | undefined;
  /** share of API requests whose connection is cut without an answer */
  dropRate?: number | undefined;
}

/** A content pack as served: its bodies in every encoding, one ETag. */
export interface ServedPack {
  /** the validated pack (the embed renders from it) */
  pack: ContentPack;
  bodies: Record<Encoding, Buffer>;
  etag: string;
  /** the pack in each of its locales alone (`?locale=`), as served */
  slices: Map<string, { bodies: Record<Encoding, Buffer>; etag: string }>;
  categories: Set<string>;
  /** the version of the pack's current consent text */
  consentVersion: string;
}

export interface AppOptions {
  store: ReportStore;
  packs: Map<string, ServedPack>;
  /** who receives reports; without one, reports are refused */
  operator: Operator | undefined;
  /** seals new values */
  dataKey: Buffer;
  /** open values: the data key, then earlier ones during a key rotation */
  readKeys?: Buffer[] | undefined;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  /** how many trusted proxies append to X-Forwarded-For */
  trustProxy: number;
  /** failed desk sign-ins allowed per address and minute */
  deskFailuresPerMinute?: number | undefined;
  faults: Faults;
  log: (line: string) => void;
  /** project folder, for the demo page and the built files */
  root: string;
  /** observes each request path (tests count requests) */
  onRequest?: ((path: string) => void) | undefined;
  /** the clock (tests move it) */
  now?: (() => Date) | undefined;
  /** forwarding to the partner's system, if configured */
  webhook?: ReturnType<typeof createWebhook> | undefined;
}

export function createApp(options: AppOptions) {
  // One clock for every route: the injected one (tests move it), else the system's.
  const clock = options.now ?? (() => new Date());
  const app: App = new Hono();
  /** Reached over HTTPS, directly or through a trusted proxy. */
  const isHttps = (c: Context<AppEnv>) => new URL(c.req.url).protocol === 'https:' || (options.trustProxy > 0 && c.req.header('X-Forwarded-Proto') === 'https');
  const take = createRateLimiter({ perMinute: options.rateLimitPerMinute });
  const readKeys = options.readKeys ?? [options.dataKey];
  /** The client's address, for rate limits (through the trusted proxies). */
  const addressOf = (c: Context<AppEnv>) => clientAddress(c.req.header('X-Forwarded-For'), c.env.incoming.socket.remoteAddress, options.trustProxy);

  app.use(requestLog(options));
  app.use('*', strictTransport(isHttps));
  // No body is read whole past the limit, on any route (streamed and chunked bodies are counted as they arrive).
  app.use(
    '/v1/*',
    bodyLimit({ maxSize: options.bodyLimitBytes, onError: (c) => fail(c, 413, 'too_large', `The body is larger than ${options.bodyLimitBytes} bytes.`) }),
  );
  app.use('/v1/*', apiHeaders());
  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (options.corsOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'DELETE'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'If-None-Match', 'Withdrawal-Key'],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use('/v1/*', rateLimited(take, addressOf));
  app.use('/v1/*', compressJson());
  app.use('/v1/*', injectFaults(options.faults));

  // For the load balancer: this instance answers, and its database does (within 2 s).
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    const health = await checkHealth(options.store);
    return c.json(health, health.ok ? 200 : 503);
  });
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/v1/operator', (c) => {
    if (!options.operator) return fail(c, 404, 'not_found', 'Reporting is not set up on this server: no operator receives reports.');
    return c.json(options.operator);
  });

  app.get('/v1/content/:corridor', (c) => {
    const pack = options.packs.get(c.req.param('corridor'));
    if (!pack) return fail(c, 404, 'not_found', `No content for corridor "${c.req.param('corridor')}".`);
    // `?locale=km`: the pack in that language only (a language the pack lacks gets the one its
    // texts fall back to, as `pickText` would show them). Without it, the whole pack.
    const locale = c.req.query('locale');
    if (locale !== undefined && !LOCALE_TAG.test(locale)) {
      return fail(c, 400, 'invalid', `"${locale}" is not a locale code (like km or ms-MY).`, [{ path: 'locale', message: 'not a locale code' }]);
    }
    const served = locale === undefined ? pack : pack.slices.get(sliceLocale(pack.pack, locale))!;
    const encoding = negotiate(c.req.header('Accept-Encoding'));
    c.header('ETag', etagFor(served.etag, encoding));
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Encoding', { append: true });
    if (matchesAnyEncoding(c.req.header('If-None-Match'), served.etag)) return c.body(null, 304);
    if (encoding !== 'identity') c.header('Content-Encoding', encoding);
    return c.body(new Uint8Array(served.bodies[encoding]), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.post('/v1/reports', async (c) => {
    if (!options.operator) return fail(c, 404, 'not_found', 'Reporting is not set up on this server: no operator receives reports.');
    const key = c.req.header('Idempotency-Key');
    if (key === undefined || !v.is(IdempotencyKeySchema, key)) {
      return fail(c, 400, 'invalid', 'An Idempotency-Key header (8–200 characters) is required.', [{ path: 'Idempotency-Key', message: 'missing' }]);
    }
    const withdrawalKey = c.req.header('Withdrawal-Key');
    if (withdrawalKey !== undefined && !v.is(WithdrawalKeySchema, withdrawalKey)) {
      return fail(c, 400, 'invalid', 'A Withdrawal-Key header must be 16–200 characters of A–Z, a–z, 0–9, - and _.', [
        { path: 'Withdrawal-Key', message: 'malformed' },
      ]);
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return fail(c, 400, 'invalid', 'The body is not valid JSON.', [{ path: '', message: 'not JSON' }]);
    }
    const parsed = v.safeParse(ReportDraftSchema, body, { abortEarly: false });
    if (!parsed.success) return fail(c, 400, 'invalid', 'The report is not valid.', toIssues(parsed.issues));
    const report = parsed.output;
    const pack = options.packs.get(report.corridor);
    if (!pack) return fail(c, 400, 'invalid', 'The report is not valid.', [{ path: 'corridor', message: `unknown corridor "${report.corridor}"` }]);
    if (!pack.categories.has(report.category)) {
      return fail(c, 400, 'invalid', 'The report is not valid.', [{ path: 'category', message: `unknown category "${report.category}"` }]);
    }
    // Consent is valid only for the text the reporter was shown: the pack's current one.
    if (report.consent.version !== pack.consentVersion) {
      return fail(c, 400, 'invalid', 'The report is not valid.', [
        { path: 'consent.version', message: `not the current consent text (${pack.consentVersion})` },
      ]);
    }

    const bodyHash = canonicalHash(report);
    const now = clock().toISOString();
    const stored = await options.store.insertOnce(
      storedReport(report, { ticket: newTicket(), idempotencyKey: key, bodyHash, withdrawalKey, dataKey: options.dataKey, now }),
      (ticket) => options.webhook?.event('report.created', ticket, createdEvent(ticket, report, now, options.webhook.includeContact)),
    );
    if (stored.bodyHash !== bodyHash) {
      return fail(c, 409, 'conflict', 'This Idempotency-Key was already used for a different report.');
    }
    return c.json({ ticket: stored.ticket, status: stored.status }, stored.created ? 201 : 200);
  });

  // Tickets are short (about 39 bits) and the status is public: lookups that miss are counted per
  // address like failed sign-ins, so guessing is slow and stands out (429 for every lookup once over).
  const misses = createRateLimiter({ perMinute: options.deskFailuresPerMinute ?? 10 });
  const tooManyMisses = (c: Context<AppEnv>): Response | undefined => {
    const wait = misses.waitFor(addressOf(c));
    if (!wait) return undefined;
    c.header('Retry-After', String(Math.ceil(wait / 1000)));
    return fail(c, 429, 'rate_limited', 'Too many lookups of tickets that do not exist; try again later.');
  };
  const missed = (c: Context<AppEnv>) => {
    misses(addressOf(c));
    return fail(c, 404, 'not_found', 'No report has this ticket.');
  };

  app.get('/v1/reports/:ticket', async (c) => {
    const refused = tooManyMisses(c);
    if (refused) return refused;
    const found = await options.store.findByTicket(c.req.param('ticket').toUpperCase());
    if (!found) return missed(c);
    // Notes are sealed at rest; a withdrawn or purged report's notes are gone (null).
    const reached = (await options.store.stages(found.ticket)).map((r) => ({ ...r, publicNote: r.publicNote ? open(readKeys, r.publicNote) : null }));
    const latestNote = latestNoteOf(reached, options.operator?.name);
    return c.json({
      ticket: found.ticket,
      status: found.status,
      stages: stagesOf(found.status, reached, found.updatedAt),
      ...(latestNote ? { latestNote } : {}),
      updated: found.updatedAt,
    });
  });

  // Withdrawal by the reporter, with the key made on their device: contact details are destroyed at once.
  app.delete('/v1/reports/:ticket', async (c) => {
    const ticket = c.req.param('ticket').toUpperCase();
    const refused = tooManyMisses(c);
    if (refused) return refused;
    const found = await options.store.findWithdrawal(ticket);
    if (!found) return missed(c);
    const key = c.req.header('Withdrawal-Key');
    const given = key !== undefined && v.is(WithdrawalKeySchema, key) ? Buffer.from(hashKey(key)) : undefined;
    const stored = found.withdrawalKeyHash ? Buffer.from(found.withdrawalKeyHash) : undefined;
    if (!given || !stored || given.length !== stored.length || !timingSafeEqual(given, stored)) {
      return fail(c, 403, 'forbidden', 'Only the device that sent this report can withdraw it.');
    }
    if (found.status !== 'withdrawn') {
      const at = clock().toISOString();
      const { residue } = await options.store.withdraw(ticket, at, options.webhook?.event('report.withdrawn', ticket, { ticket, status: 'withdrawn', at }));
      // Said on the record when an earlier copy is still on disk: the next retention pass erases it.
      await options.store.audit({ at, operatorId: null, action: 'withdraw', ticket, detail: residue ? JSON.stringify({ residue: 'wal' }) : null });
    }
    return c.json({ ticket, status: 'withdrawn' });
  });

  deskRoutes(app, {
    store: options.store,
    dataKey: options.dataKey,
    readKeys: options.readKeys ?? [options.dataKey],
    fail,
    address: addressOf,
    now: options.now,
    failedAttemptsPerMinute: options.deskFailuresPerMinute,
    webhook: options.webhook,
    // The session cookie is Secure (and __Host-) whenever the page was reached over HTTPS.
    secure: isHttps,
    // The origin the desk page is served from, as the browser sees it (through a trusted proxy too).
    ownOrigin: (c) => {
      const url = new URL(c.req.url);
      const host = (options.trustProxy > 0 && c.req.header('X-Forwarded-Host')) || c.req.header('Host') || url.host;
      return `${isHttps(c) ? 'https:' : url.protocol}//${host}`;
    },
  });

  embedRoutes(app, options.packs);

  app.all('/v1/*', (c) => fail(c, 404, 'not_found', 'No such endpoint.'));
  app.get('/server-rendered/', (c) => serveServerRendered(c, options.root, options.packs));
  app.get('/*', (c) => serveFile(c, options.root));

  app.onError((error, c) => {
    // The message only: never the request body.
    options.log(`error ${c.req.method} ${c.req.routePath}: ${error.message}`);
    return fail(c, 500, 'internal', 'Something went wrong on the server.');
  });
  return app;
}

// Kept where tests and the server import it from.
export { clientAddress };
