// @ts-check
/** What every route shares: the error body, and the client's address behind trusted proxies. */

/** @param {import('hono').Context} c @param {number} status @param {import('lindungi/sdk').ApiErrorBody['error']['code']} code @param {string} message @param {{ path: string; message: string }[]} [issues] */
export function fail(c, status, code, message, issues) {
  return c.json({ error: { code, message, ...(issues ? { issues } : {}) } }, /** @type {any} */ (status));
}

/**
 * The client's address for rate limiting. Each trusted proxy appends the address it saw to
 * X-Forwarded-For, so the client is the entry `hops` from the right; everything left of it was
 * written by the client itself and is never trusted.
 * @param {string | undefined} forwardedFor @param {string | undefined} socketAddress @param {number} hops
 */
export function clientAddress(forwardedFor, socketAddress, hops) {
  if (!hops) return socketAddress ?? 'unknown';
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through all of them, so the header may be
  // the client's own; the connection's address is the one that cannot be forged.
  return (entries.length >= hops ? entries[entries.length - hops] : socketAddress) ?? 'unknown';
}
