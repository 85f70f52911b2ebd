/** API JSON is compressed when the client accepts it and the body is worth it. */
import { compressOne, MIN_COMPRESS_BYTES, negotiate } from '../compression.js';
import type { MiddlewareHandler } from 'hono';

export const compressJson = (): MiddlewareHandler => async (c, next) => {
  await next();
  const res = c.res;
  if (res.headers.has('Content-Encoding') || !res.body || !res.headers.get('Content-Type')?.startsWith('application/json')) return;
  if (!/accept-encoding/i.test(res.headers.get('Vary') ?? '')) res.headers.append('Vary', 'Accept-Encoding');
  const encoding = negotiate(c.req.header('Accept-Encoding'));
  if (encoding === 'identity') return;
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length < MIN_COMPRESS_BYTES) {
    c.res = new Response(new Uint8Array(body), res);
    return;
  }
  const headers = new Headers(res.headers);
  headers.set('Content-Encoding', encoding);
  headers.delete('Content-Length');
  c.res = new Response(new Uint8Array(compressOne(body, encoding)), { status: res.status, headers });
};
