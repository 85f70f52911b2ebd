/**
 * Who is at the desk: an operator's bearer token, or the desk page's session cookie (exchanged for
 * the token at sign-in, HttpOnly, SameSite=Strict, ending after 8 hours or 30 idle minutes). Failed
 * sign-ins are counted per address and written to the audit log with the address as a keyed hash.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import * as v from 'valibot';
import { DeskSignInSchema } from 'lindungi/sdk';
import { createRateLimiter } from './rate-limit.js';
import type { Context } from 'hono';
import type { OperatorRecord, ReportStore } from './store/contract.js';
import type { App, AppEnv, Fail } from './http.js';
import type { createWebhook } from './webhook.js';

/** What a desk token looks like: 32 random bytes, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The desk page's session cookie: HttpOnly, SameSite=Strict, 8 hours. Over HTTPS it is
 * `__Host-lindungi_desk`, Secure: the browser then refuses it from a sibling subdomain or over HTTP.
 */
export const SESSION_COOKIE = 'lindungi_desk';
const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
const SESSION_HOURS = 8;
/** A session also ends after this long without a request. */
export const SESSION_IDLE_MINUTES = 30;

/** SHA-256 of a token, base64url: all the server keeps of it. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** What the desk's routes need from the app. */
export interface DeskOptions {
  store: ReportStore;
  dataKey: Buffer;
  readKeys: Buffer[];
  fail: Fail;
  /** The client's address, for counting failed sign-ins. */
  address: (c: Context<AppEnv>) => string;
  now?: (() => Date) | undefined;
  failedAttemptsPerMinute?: number | undefined;
  webhook?: ReturnType<typeof createWebhook> | undefined;
  /** Reached over HTTPS: the session cookie is then `__Host-` and Secure. */
  secure?: ((c: Context<AppEnv>) => boolean) | undefined;
  /** The origin the desk page is served from (writes with the cookie must come from it). */
  ownOrigin: (c: Context<AppEnv>) => string;
}

/**
 * @param app the desk routes' app: the sign-in routes and the check of every other desk request are added
 */
export function deskSessions(app: App, options: DeskOptions) {
  const { store, fail } = options;
  const cookieName = (c: Context<AppEnv>) => (options.secure?.(c) ? SECURE_SESSION_COOKIE : SESSION_COOKIE);
  /**
   * A write a browser makes with the session cookie must come from the desk's own page, as JSON:
   * a form or a page on another origin (another port or subdomain too, which SameSite does not
   * cover) is refused before anything is read. Answers the refusal, or undefined.
   *
   * */
  const crossSiteWrite = (c: Context<AppEnv>) => {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return fail(c, 415, 'invalid', 'The desk takes JSON only (Content-Type: application/json).');
    const site = c.req.header('Sec-Fetch-Site');
    const origin = c.req.header('Origin');
    const same = site ? site === 'same-origin' : origin === options.ownOrigin(c);
    if (!same || (origin && origin !== options.ownOrigin(c))) return fail(c, 403, 'forbidden', 'A desk write must come from the desk page itself.');
    return undefined;
  };
  const now = options.now ?? (() => new Date());
  const failures = createRateLimiter({ perMinute: options.failedAttemptsPerMinute ?? 10 });
  const operators: WeakMap<object, OperatorRecord> = new WeakMap();
  const operatorOf = (c: Context<AppEnv>) => operators.get(c.req.raw) as OperatorRecord;
  /** The operator whose token this is, if it is valid and not revoked. */
  const byToken = async (token: string | undefined) => {
    const hash = token && TOKEN.test(token) ? hashToken(token) : undefined;
    const found = hash ? await store.operatorByTokenHash(hash) : undefined;
    return found && !found.revokedAt && timingSafeEqual(Buffer.from(found.tokenHash), Buffer.from(hash as string)) ? found : undefined;
  };
  /**
   * The client's address as the audit log keeps it: a keyed hash (the same address gives the same
   * value, so repeated failures can be seen), never the address itself.
   * */
  const addressOf = (c: Context<AppEnv>) => createHmac('sha256', options.dataKey).update(options.address(c)).digest('base64url').slice(0, 16);
  /** Addresses locked out now, so that a lockout is recorded once, not every refused attempt.  */
  const lockedUntil: Map<string, number> = new Map();
  const recordSignIn = (c: Context<AppEnv>, operatorId: string | null, outcome: 'success' | 'failure' | 'locked', via: 'session' | 'token') =>
    store.audit({ at: now().toISOString(), operatorId, action: 'sign-in', ticket: null, detail: JSON.stringify({ outcome, via, address: addressOf(c) }) });
  /** A failed sign-in: 401, or 429 once the address failed too often; each is on the audit log. */
  const refuse = async (c: Context<AppEnv>, via: 'session' | 'token') => {
    const address = options.address(c);
    const verdict = failures(address);
    if (!verdict.ok) {
      const at = now().getTime();
      if ((lockedUntil.get(address) ?? 0) < at) await recordSignIn(c, null, 'locked', via);
      lockedUntil.set(address, at + verdict.retryAfterMs);
      c.header('Retry-After', String(Math.ceil(verdict.retryAfterMs / 1000)));
      return fail(c, 429, 'rate_limited', 'Too many failed sign-in attempts; try again later.');
    }
    await recordSignIn(c, null, 'failure', via);
    return fail(c, 401, 'unauthorized', 'A valid operator token is required (Authorization: Bearer …).');
  };

  // The desk page exchanges a token for a session cookie (its script never holds the token after).
  app.post('/v1/desk/session', async (c) => {
    // Signing in sets the cookie, so it is held to the same rule (no sign-in forced from another site).
    const refused = crossSiteWrite(c);
    if (refused) return refused;
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      body = undefined;
    }
    const signIn = v.safeParse(DeskSignInSchema, body);
    const operator = await byToken(signIn.success ? signIn.output.token : undefined);
    if (!operator) return refuse(c, 'session');
    await recordSignIn(c, operator.id, 'success', 'session');
    const id = randomBytes(32).toString('base64url');
    const created = now();
    const expires = new Date(created.getTime() + SESSION_HOURS * 3_600_000);
    await store.addSession({ idHash: hashToken(id), operatorId: operator.id, createdAt: created.toISOString(), expiresAt: expires.toISOString() });
    setCookie(c, cookieName(c), id, { httpOnly: true, sameSite: 'Strict', secure: options.secure?.(c) ?? false, path: '/', maxAge: SESSION_HOURS * 3600 });
    return c.json({ operator: { id: operator.id, name: operator.name, role: operator.role }, expiresAt: expires.toISOString() });
  });

  app.delete('/v1/desk/session', async (c) => {
    const refused = crossSiteWrite(c);
    if (refused) return refused;
    const id = getCookie(c, cookieName(c));
    if (id) await store.endSession(hashToken(id));
    deleteCookie(c, cookieName(c), { path: '/', secure: options.secure?.(c) ?? false });
    return c.json({ signedOut: true });
  });

  // Every other desk request carries a token of an operator who is not revoked, or the page's
  // session; failures are counted per address, and too many are refused with 429.
  app.use(
    '/v1/desk/*',
    createMiddleware<AppEnv>(async (c, next) => {
      if (c.req.path === '/v1/desk/session') return next();
      const bearer = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
      const session = bearer === undefined ? getCookie(c, cookieName(c)) : undefined;
      // A bearer token cannot be sent by another site; a cookie can, so cookie writes are checked.
      if (session !== undefined && !['GET', 'HEAD'].includes(c.req.method)) {
        const refused = crossSiteWrite(c);
        if (refused) return refused;
      }
      const found =
        bearer !== undefined
          ? await byToken(bearer)
          : session && /^[A-Za-z0-9_-]{43}$/.test(session)
            ? await store.operatorBySession(hashToken(session), now().toISOString(), new Date(now().getTime() - SESSION_IDLE_MINUTES * 60_000).toISOString())
            : undefined;
      // A request with no credential at all (the sign-in page asking who is signed in) guesses
      // nothing: it is answered 401, not counted or recorded as a failed sign-in.
      if (bearer === undefined && session === undefined) return fail(c, 401, 'unauthorized', 'A valid operator token is required (Authorization: Bearer …).');
      if (!found || found.revokedAt) return refuse(c, bearer !== undefined ? 'token' : 'session');
      operators.set(c.req.raw, found);
      return next();
    }),
  );

  return { operatorOf };
}
