/** One log line per request: method, route pattern (never a ticket or a body), status and time. */

import type { MiddlewareHandler } from 'hono';

export const requestLog =
  (options: { log: (line: string) => void; onRequest?: ((path: string) => void) | undefined }): MiddlewareHandler =>
  async (c, next) => {
    const started = performance.now();
    options.onRequest?.(c.req.path);
    await next();
    const route = c.req.routePath && c.req.routePath !== '/*' ? c.req.routePath : c.req.path.startsWith('/v1/') ? '(unknown)' : 'static';
    options.log(`${c.req.method} ${route} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  };
