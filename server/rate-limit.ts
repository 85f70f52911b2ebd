/**
 * Per-client rate limit: a token bucket per client key (its address), refilled continuously.
 * Buckets of clients that went quiet are dropped, so memory stays bounded.
 */
export function createRateLimiter({ perMinute }: { perMinute: number }) {
  const buckets: Map<string, { tokens: number; at: number }> = new Map();
  const refillPerMs = perMinute / 60_000;
  let lastSweep = Date.now();

  /**
   * Take one token for `client`; answers the wait in ms when there is none.
   *
   *
   * */
  function take(client: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = Date.now();
    if (now - lastSweep > 60_000) {
      for (const [key, bucket] of buckets) if (now - bucket.at > 120_000) buckets.delete(key);
      lastSweep = now;
    }
    const bucket = buckets.get(client) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / refillPerMs) };
  }
  /**
   * The wait in ms before `client` has a token again, taking none (0: it has one now).
   *
   * */
  take.waitFor = (client: string) => {
    const bucket = buckets.get(client);
    if (!bucket) return 0;
    const tokens = Math.min(perMinute, bucket.tokens + (Date.now() - bucket.at) * refillPerMs);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / refillPerMs);
  };
  return take;
}
