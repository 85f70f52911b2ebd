// @ts-check
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

/** @typedef {'br' | 'gzip' | 'identity'} Encoding */

/** Bodies smaller than this gain nothing from compression. */
export const MIN_COMPRESS_BYTES = 1024;

/**
 * The best encoding the client accepts: brotli, then gzip, else none. Honours `q=0`.
 * @param {string | undefined} header  the request's Accept-Encoding
 * @returns {Encoding}
 */
export function negotiate(header) {
  if (!header) return 'identity';
  /** @type {Map<string, number>} */
  const accepted = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    accepted.set(name, Number.isFinite(quality) ? quality : 0);
  }
  const quality = (/** @type {string} */ name) => accepted.get(name) ?? (accepted.has('*') ? /** @type {number} */ (accepted.get('*')) : 0);
  if (quality('br') > 0) return 'br';
  if (quality('gzip') > 0) return 'gzip';
  return 'identity';
}

/**
 * One body in every encoding, compressed now.
 * @param {Buffer} body
 * @returns {Record<Encoding, Buffer>}
 */
export function compressAll(body) {
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
 * @param {Buffer} body
 * @returns {Promise<Record<Encoding, Buffer>>}
 */
export async function compressAllInBackground(body) {
  if (body.length < MIN_COMPRESS_BYTES) return { identity: body, br: body, gzip: body };
  const [br, gz] = await Promise.all([
    brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipAsync(body, { level: 9 }),
  ]);
  return { identity: body, br, gzip: gz };
}

/**
 * A body compressed for one answer (API JSON: small, so fast settings).
 * @param {Buffer} body @param {Encoding} encoding
 */
export function compressOne(body, encoding) {
  if (encoding === 'br') return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  return body;
}

/**
 * The ETag of one encoding of a body: the body's own tag with the encoding added inside the quotes.
 * @param {string} etag  e.g. `"abc"` @param {Encoding} encoding
 */
export function etagFor(etag, encoding) {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

/**
 * Whether `If-None-Match` names any encoding of the body tagged `etag`: a 304 is right for all of
 * them, since they decode to the same bytes.
 * @param {string | undefined} header @param {string} etag
 */
export function matchesAnyEncoding(header, etag) {
  if (!header) return false;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || ['identity', 'br', 'gzip'].some((e) => tags.includes(etagFor(etag, /** @type {Encoding} */ (e))));
}
