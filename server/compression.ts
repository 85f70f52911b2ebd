/**
 * Compressed answers. Static files and content packs are compressed once per version (brotli at
 * its best quality, gzip at level 9) and kept in memory; API JSON is compressed per answer. Each
 * encoding has its own ETag, and every answer that could vary says `Vary: Accept-Encoding`, so a
 * cache never hands a brotli body to a client that asked for gzip.
 */
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type Encoding = 'br' | 'gzip' | 'identity';

/** Bodies smaller than this gain nothing from compression. */
export const MIN_COMPRESS_BYTES = 1024;

/**
 * The best encoding the client accepts: brotli, then gzip, else none. Honours `q=0`.
 * @param header the request's Accept-Encoding
 */
export function negotiate(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const accepted: Map<string, number> = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    accepted.set(name, Number.isFinite(quality) ? quality : 0);
  }
  const quality = (name: string) => accepted.get(name) ?? (accepted.has('*') ? (accepted.get('*') as number) : 0);
  if (quality('br') > 0) return 'br';
  if (quality('gzip') > 0) return 'gzip';
  return 'identity';
}

/**
 * One body in every encoding, compressed now.
 *
 */
export function compressAll(body: Buffer): Record<Encoding, Buffer> {
  if (body.length < MIN_COMPRESS_BYTES) return { identity: body, br: body, gzip: body };
  return {
    identity: body,
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzip: gzipSync(body, { level: 9 }),
  };
}

/**
 * `compressAll` off the main thread (zlib's thread pool): for files compressed while the server
 * answers other requests, since brotli at its best quality takes over 100 ms for a bundle.
 *
 */
export async function compressAllInBackground(body: Buffer): Promise<Record<Encoding, Buffer>> {
  if (body.length < MIN_COMPRESS_BYTES) return { identity: body, br: body, gzip: body };
  const [br, gz] = await Promise.all([
    brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipAsync(body, { level: 9 }),
  ]);
  return { identity: body, br, gzip: gz };
}

/**
 * A body compressed for one answer (API JSON: small, so fast settings).
 */
export function compressOne(body: Buffer, encoding: Encoding) {
  if (encoding === 'br') return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  return body;
}

/**
 * The ETag of one encoding of a body: the body's own tag with the encoding added inside the quotes.
 * @param etag e.g. `"abc"`
 */
export function etagFor(etag: string, encoding: Encoding) {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

/**
 * Whether `If-None-Match` names any encoding of the body tagged `etag`: a 304 is right for all of
 * them, since they decode to the same bytes.
 */
export function matchesAnyEncoding(header: string | undefined, etag: string) {
  if (!header) return false;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || ['identity', 'br', 'gzip'].some((e) => tags.includes(etagFor(etag, e as Encoding)));
}
