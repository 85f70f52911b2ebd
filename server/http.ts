/** What every route shares: the app's type, the error body, and the client's address behind trusted proxies. */
import type { HttpBindings } from '@hono/node-server';
import type { Context, Hono } from 'hono';
import type { ApiErrorBody } from 'lindungi/sdk';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The app's environment: Node's request and response behind every context. */
export type AppEnv = { Bindings: HttpBindings };
export type App = Hono<AppEnv>;

export function fail(c: Context, status: number, code: ApiErrorBody['error']['code'], message: string, issues?: { path: string; message: string }[]) {
  return c.json({ error: { code, message, ...(issues ? { issues } : {}) } }, status as ContentfulStatusCode);
}

/** How a route answers an error (the shared error body). */
export type Fail = typeof fail;

/**
 * The client's address for rate limiting. Each trusted proxy appends the address it saw to
 * X-Forwarded-For, so the client is the entry `hops` from the right; everything left of it was
 * written by the client itself and is never trusted.
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, hops: number) {
  if (!hops) return socketAddress ?? 'unknown';
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through all of them, so the header may be
  // the client's own; the connection's address is the one that cannot be forged.
  return (entries.length >= hops ? entries[entries.length - hops] : socketAddress) ?? 'unknown';
}
