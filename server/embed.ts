/**
 * `GET /v1/embed/{corridor}/{widget}`: a widget rendered on the server, as HTML with its
 * declarative shadow root, ready to be put in a partner's page (by a server-side include, or by a
 * page built in Node with `lindungi/ssr`). Readable before any script, and without one.
 */
import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { YES_NO, about } from './query.js';
import { toIssues } from 'lindungi/sdk';
import { LOCALES, SERVER_ATTRIBUTES, WIDGETS, renderWidget, type WidgetName } from 'lindungi/ssr';
import { compressAll, etagFor, matchesAnyEncoding, negotiate, type Encoding } from './compression.js';
import { fail } from './http.js';
import type { App } from './http.js';
import type { ServedPack } from './app.js';

const ID = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'not an id (a-z, 0-9, -)'));

/** The embed's query: the locale, and the widget's attributes (each widget takes its own, see SERVER_ATTRIBUTES). */
export const EmbedQuery = v.strictObject({
  locale: about(v.picklist(LOCALES, `not a locale (${LOCALES.join(', ')})`), 'the language, Indonesian if not given'),
  variant: about(
    v.picklist(['inline', 'floating', 'full', 'compact', 'wallet'], 'not a variant'),
    'hotline: inline or floating; rights card: full, compact or wallet',
  ),
  country: about(v.pipe(v.string(), v.regex(/^[A-Za-z]{2}$/, 'not a country code (two letters)')), 'hotline: whose lines come first'),
  'emergency-only': about(YES_NO, 'hotline: only the lines to try first'),
  topic: about(ID, 'rights card: the rights of one topic'),
  timeline: about(ID, 'stage timeline: which of the pack’s timelines'),
  'current-stage': about(ID, 'stage timeline: the stage reached'),
  compact: about(YES_NO, 'stage timeline: one line per stage'),
  'heading-level': about(v.pipe(v.string(), v.regex(/^[1-6]$/, 'not a heading level (1–6)')), 'the level of the widget’s heading'),
  api: about(v.pipe(v.string(), v.url('not a URL'), v.regex(/^https?:\/\//, 'not an http(s) URL')), 'the API the widget reads from once its script runs'),
});

/** How long a rendering may be reused, and served stale while it is refreshed (seconds). */
export const EMBED_CACHE = { maxAge: 300, staleWhileRevalidate: 86_400 };

interface Rendered {
  etag: string;
  bodies: Record<Encoding, Buffer>;
}

export function embedRoutes(app: App, packs: Map<string, ServedPack>) {
  // Each rendering once per pack version, widget and query; the oldest go first past the limit.
  const cache = new Map<string, Promise<Rendered>>();
  const CACHE_LIMIT = 500;

  app.get('/v1/embed/:corridor/:widget', async (c) => {
    const widget = c.req.param('widget') as WidgetName;
    if (!WIDGETS.includes(widget)) return fail(c, 404, 'not_found', `No widget "${widget}"; there are ${WIDGETS.join(', ')}.`);
    const served = packs.get(c.req.param('corridor'));
    if (!served) return fail(c, 404, 'not_found', `No content for corridor "${c.req.param('corridor')}".`);
    const parsed = v.safeParse(EmbedQuery, c.req.query());
    if (!parsed.success) return fail(c, 400, 'invalid', 'The embed query is not valid.', toIssues(parsed.issues));
    const { locale, ...attributes } = parsed.output;
    const foreign = Object.keys(attributes).filter((name) => !SERVER_ATTRIBUTES[widget].includes(name));
    if (foreign.length) {
      return fail(
        c,
        400,
        'invalid',
        `<lindungi-${widget}> has no ${foreign.join(', ')}.`,
        foreign.map((path) => ({ path, message: `not an attribute of lindungi-${widget}` })),
      );
    }
    if (widget === 'hotline' && attributes.variant && !['inline', 'floating'].includes(attributes.variant)) {
      return fail(c, 400, 'invalid', 'The embed query is not valid.', [{ path: 'variant', message: 'not a hotline variant (inline, floating)' }]);
    }
    if (widget === 'rights-card' && attributes.variant && !['full', 'compact', 'wallet'].includes(attributes.variant)) {
      return fail(c, 400, 'invalid', 'The embed query is not valid.', [{ path: 'variant', message: 'not a rights card variant (full, compact, wallet)' }]);
    }
    const key = JSON.stringify([served.etag, widget, locale ?? 'id', Object.entries(attributes).sort()]);
    let rendering = cache.get(key);
    if (!rendering) {
      rendering = renderWidget({ widget, pack: served.pack, locale, attributes }).then((html) => ({
        etag: `"${createHash('sha256').update(key).update(html).digest('base64url').slice(0, 27)}"`,
        bodies: compressAll(Buffer.from(`${html}\n`)),
      }));
      rendering.catch(() => cache.delete(key));
      cache.set(key, rendering);
      if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    }
    const { etag, bodies } = await rendering;
    const encoding = negotiate(c.req.header('Accept-Encoding'));
    c.header('ETag', etagFor(etag, encoding));
    c.header('Cache-Control', `public, max-age=${EMBED_CACHE.maxAge}, stale-while-revalidate=${EMBED_CACHE.staleWhileRevalidate}`);
    c.header('Vary', 'Accept-Encoding', { append: true });
    // Any site may include it (it holds the public content only).
    c.header('Access-Control-Allow-Origin', '*');
    if (matchesAnyEncoding(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    if (encoding !== 'identity' && bodies[encoding] !== bodies.identity) c.header('Content-Encoding', encoding);
    return c.body(new Uint8Array(bodies[encoding]), 200, { 'Content-Type': 'text/html; charset=utf-8' });
  });
}
