/**
 * The demo partner page with every widget rendered on the server (`/server-rendered/`): the same
 * page as `/`, each `<lindungi-…>` tag replaced by its rendering, under the strict policy with the
 * hashes of the widgets' styles. Readable before any script; the script then takes over.
 * `?locale=km` renders it in Khmer, `?script=none` leaves every script out.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCALES, SERVER_ATTRIBUTES, WIDGETS, renderWidget, styleHashes, type WidgetName } from 'lindungi/ssr';
import type { Context } from 'hono';
import type { ServedPack } from './app.js';
import { MIN_COMPRESS_BYTES, compressOne, negotiate } from './compression.js';
import { PAGE_CSP } from './static.js';

/** The page's policy with the widgets' style hashes added to `style-src` (what a partner adds too). */
export function serverRenderedCsp(): string {
  return PAGE_CSP.replace("style-src 'self'", `style-src 'self' ${styleHashes().join(' ')}`);
}

const TAG = /<lindungi-([a-z-]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*><\/lindungi-\1>/g;
const ATTRIBUTE = /([a-z-]+)(?:="([^"]*)")?/g;

/** Each widget tag of `page` replaced by its server rendering; attributes it does not render with stay on the tag. */
export async function renderPage(page: string, packs: Map<string, ServedPack>, locale: string): Promise<string> {
  const jobs: Array<Promise<string>> = [];
  for (const [, name, attributes] of page.matchAll(TAG)) {
    const widget = name as WidgetName;
    if (!WIDGETS.includes(widget)) continue;
    const rendered: Record<string, string | boolean> = {};
    const kept: string[] = [];
    let corridor = 'ID-KH';
    for (const [raw, attribute, value] of (attributes ?? '').matchAll(ATTRIBUTE)) {
      if (attribute === 'corridor') corridor = value ?? corridor;
      else if (SERVER_ATTRIBUTES[widget].includes(attribute!)) rendered[attribute!] = value ?? true;
      else kept.push(raw);
    }
    const served = packs.get(corridor);
    if (!served) throw new Error(`No pack for the demo page's corridor ${corridor}`);
    jobs.push(renderWidget({ widget, pack: served.pack, locale, attributes: rendered }).then((html) => html.replace(/^<([a-z-]+)/, `<$1 ${kept.join(' ')}`)));
  }
  const rendered = await Promise.all(jobs);
  let i = 0;
  return page.replace(TAG, (tag, name: string) => (WIDGETS.includes(name as WidgetName) ? rendered[i++]! : tag));
}

export async function serveServerRendered(c: Context, root: string, packs: Map<string, ServedPack>) {
  // One of the widgets' locales, never the query as it came: it is written into the page.
  const locale = LOCALES.find((l) => l === c.req.query('locale')) ?? 'id';
  const page = await readFile(join(root, 'demo', 'index.html'), 'utf8');
  let html = (await renderPage(page, packs, locale)).replace(/<html lang="[^"]*"/, `<html lang="${locale}"`);
  // `?script=none`: the page as a browser without the script gets it (tests, and to look at).
  if (c.req.query('script') === 'none') html = html.replace(/<script\b[^>]*><\/script>\s*/g, '');
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': serverRenderedCsp(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
  };
  // Compressed, as a partner's web server sends its pages: the widgets' HTML is a fifth of it.
  const body = Buffer.from(html);
  const encoding = body.length < MIN_COMPRESS_BYTES ? 'identity' : negotiate(c.req.header('Accept-Encoding'));
  if (encoding === 'identity') return c.body(new Uint8Array(body), 200, headers);
  return c.body(new Uint8Array(compressOne(body, encoding)), 200, { ...headers, 'Content-Encoding': encoding });
}
