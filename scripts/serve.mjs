/**
 * Serves the demo partner page, the CDN build and the content packs on http://127.0.0.1:8787
 * (PORT and HOST change it), under the strict Content-Security-Policy partners are advised to use.
 */
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};
// Everything from this origin only; scripts only through Lit's Trusted Types policy.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** Map a URL path to a file under the project: `/` is the demo page; only demo/, dist/ and content/ are served. */
function fileFor(pathname) {
  if (pathname === '/' || pathname === '/index.html') return join(root, 'demo', 'index.html');
  const clean = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  if (!/^(demo|dist|content)[/\\]/.test(clean)) return undefined;
  const file = join(root, clean);
  return file.startsWith(root) ? file : undefined;
}

export function startStaticServer({ port = 8787, host = '127.0.0.1', log = true, onRequest } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    onRequest?.(url.pathname);
    const file = fileFor(url.pathname);
    let stat;
    try {
      stat = file && statSync(file);
    } catch {
      stat = undefined;
    }
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (!file || !stat || !stat.isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const etag = `"${stat.size.toString(16)}-${stat.mtimeMs.toString(16)}"`;
    // Hashed CDN files never change; everything else is revalidated.
    const immutable = /[/\\](locales|chunks|content)[/\\].+-[A-Za-z0-9_-]{8}\.(js|json)$/.test(file);
    Object.assign(headers, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
    });
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': stat.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolveListen) => {
    server.listen(port, host, () => {
      const address = server.address();
      if (log) console.log(`Lindungi demo on http://${host}:${address.port}/`);
      resolveListen(server);
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  startStaticServer({ port: Number(process.env.PORT ?? 8787), host: process.env.HOST ?? '127.0.0.1' });
}
