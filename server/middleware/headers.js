// @ts-check
/** The security and caching headers of every answer. */

/**
 * Behind a trusted HTTPS proxy (or served over HTTPS), browsers are told to use nothing else.
 * @param {(c: import('hono').Context) => boolean} isHttps @returns {import('hono').MiddlewareHandler}
 */
export const strictTransport = (isHttps) => async (c, next) => {
  await next();
  if (isHttps(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
};

/**
 * The API's own headers. Answers that carry a report, a note or anything about a case are never
 * kept by a browser or a proxy.
 * @returns {import('hono').MiddlewareHandler}
 */
export const apiHeaders = () => async (c, next) => {
  await next();
  if (/^\/v1\/(reports|desk)(\/|$)/.test(c.req.path)) c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
};
