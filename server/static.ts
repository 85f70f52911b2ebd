/**
 * The demo partner page and the built files, under the strict Content-Security-Policy (with
 * Trusted Types) that partners are advised to use.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { compressAllInBackground, etagFor, matchesAnyEncoding, negotiate } from './compression.js';
import type { Encoding } from './compression.js';
import type { Context } from 'hono';
import type { AppEnv } from './http.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
} as Record<string, string>;

export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  // 'allow-duplicates': a second copy of Lit (a second partner snippet) creates its own "lit-html" policy.
  "trusted-types lit-html 'allow-duplicates'",
].join('; ');

/** `/` is the demo page, `/desk/` the case desk page; only demo/ and dist/ are served besides. */
function fileFor(root: string, pathname: string) {
  if (pathname === '/' || pathname === '/index.html') return join(root, 'demo', 'index.html');
  if (pathname === '/desk/' || pathname === '/desk') return join(root, 'desk', 'index.html');
  let clean;
  try {
    clean = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '');
  } catch {
    return undefined;
  }
  if (!/^(demo|dist)[/\\]/.test(clean) || clean.includes('..')) return undefined;
  return join(root, clean);
}

const COMPRESSIBLE = new Set(['.html', '.js', '.json', '.css', '.map', '.svg']);

/**
 * Each file's bodies in every encoding, compressed once per version of the file (its size and
 * modification time), never per request.
 */
const compressed: Map<string, { version: string; bodies: Promise<Record<Encoding, Buffer>> }> = new Map();

function bodiesOf(file: string, version: string) {
  const cached = compressed.get(file);
  if (cached?.version === version) return cached.bodies;
  const bodies = readFile(file).then((body) => (COMPRESSIBLE.has(extname(file)) ? compressAllInBackground(body) : { identity: body, br: body, gzip: body }));
  compressed.set(file, { version, bodies });
  bodies.catch(() => compressed.delete(file));
  return bodies;
}

export async function serveFile(c: Context<AppEnv>, root: string) {
  const file = fileFor(root, c.req.path);
  const headers = {
    'Content-Security-Policy': PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  } as Record<string, string>;
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) return c.text('Not found', 404, headers);
  const version = `${info.size.toString(16)}-${Math.round(info.mtimeMs).toString(16)}`;
  const bodies = await bodiesOf(file, version);
  const wanted = negotiate(c.req.header('Accept-Encoding'));
  // A body too small to compress is stored once under every encoding: send it as it is.
  const encoding = bodies[wanted] === bodies.identity ? 'identity' : wanted;
  const etag = etagFor(`"${version}"`, encoding);
  // Hashed CDN files never change; everything else is revalidated.
  // (A hash is the whole name or follows a "-"; `chunks/lindungi.content.js` is a stable name.)
  const immutable = /[/\\](locales|chunks|content)[/\\](?:[^/\\]*-)?[A-Za-z0-9_-]{8}\.(js|json)$/.test(file);
  // The built widgets, their chunks, locales and packs load on partners' pages from this server (the
  // one-script-tag embed): readable by any origin, never with credentials. The pages keep their own rules.
  if (/^[/\\]?dist[/\\](?!desk[/\\])/.test(c.req.path.replace(/^\/+/, ''))) {
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
  }
  Object.assign(headers, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
  });
  if (COMPRESSIBLE.has(extname(file))) headers.Vary = 'Accept-Encoding';
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  if (matchesAnyEncoding(c.req.header('If-None-Match'), `"${version}"`)) return c.body(null, 304, headers);
  return c.body(new Uint8Array(bodies[encoding]), 200, headers);
}
