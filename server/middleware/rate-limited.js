// @ts-check
/** Requests per address and minute, answered 429 with Retry-After once over. */
import { fail } from '../http.js';

/**
 * @param {ReturnType<typeof import('../rate-limit.js').createRateLimiter>} take
 * @param {(c: import('hono').Context) => string} addressOf
 * @returns {import('hono').MiddlewareHandler}
 */
export const rateLimited = (take, addressOf) => async (c, next) => {
  if (c.req.method === 'OPTIONS') return next();
  const verdict = take(addressOf(c));
  if (!verdict.ok) {
    c.header('Retry-After', String(Math.ceil(verdict.retryAfterMs / 1000)));
    return fail(c, 429, 'rate_limited', 'Too many requests; try again later.');
  }
  return next();
};
