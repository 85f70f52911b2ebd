/** The security and caching headers of every answer. */

import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http.js';

/**
 * Behind a trusted HTTPS proxy (or served over HTTPS), browsers are told to use nothing else.
 */
export const strictTransport =
  (isHttps: (c: Context<AppEnv>) => boolean): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    await next();
    if (isHttps(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };

/**
 * The API's own headers. Answers that carry a report, a note or anything about a case are never
 * kept by a browser or a proxy.
 */
export const apiHeaders = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (/^\/v1\/(reports|desk)(\/|$)/.test(c.req.path)) c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
};
