/** Requests per address and minute, answered 429 with Retry-After once over. */
import { fail } from '../http.js';
import type { createRateLimiter } from '../rate-limit.js';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http.js';

export const rateLimited =
  (take: ReturnType<typeof createRateLimiter>, addressOf: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const verdict = take(addressOf(c));
    if (!verdict.ok) {
      c.header('Retry-After', String(Math.ceil(verdict.retryAfterMs / 1000)));
      return fail(c, 429, 'rate_limited', 'Too many requests; try again later.');
    }
    return next();
  };
