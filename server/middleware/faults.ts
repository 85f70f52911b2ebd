/** Fault injection for tests: delays, cut connections and 500s. Every rate is 0 unless configured. */
import { fail } from '../http.js';
import type { Faults } from '../app.js';
import type { MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';

export const injectFaults =
  (faults: Faults): MiddlewareHandler<{ Bindings: HttpBindings }> =>
  async (c, next) => {
    if (faults.delayMs) await new Promise((r) => setTimeout(r, Math.random() * (faults.delayMs as number)));
    if (faults.holdMs) await new Promise((r) => setTimeout(r, faults.holdMs));
    if (faults.dropRate && Math.random() < faults.dropRate) {
      c.env.incoming.socket.destroy();
      return c.body(null, 500);
    }
    if (faults.errorRate && Math.random() < faults.errorRate) {
      // Half of the failures happen after the work is done: the answer is lost, the report is not.
      if (Math.random() < 0.5) {
        await next();
        c.res = new Response(JSON.stringify({ error: { code: 'internal', message: 'Injected fault' } }), {
          status: 500,
          headers: { 'Content-Type': 'application/json' },
        });
        return;
      }
      return fail(c, 500, 'internal', 'Injected fault');
    }
    return next();
  };
