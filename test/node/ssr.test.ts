import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseContentPack, type ContentPack } from '../../src/sdk/index.js';
import { renderWidget, styleHashes, WIDGETS, type RenderOptions } from '../../src/ssr/index.js';
import { shippedPackJson } from '../support/pack.js';

/** lindungi/ssr in Node: each widget as HTML with a declarative shadow root, as a page would get it. */
describe('server rendering (lindungi/ssr)', () => {
  const pack: ContentPack = parseContentPack(shippedPackJson());
  const render = (options: Omit<RenderOptions, 'pack'> & { pack?: ContentPack }) => renderWidget({ pack, ...options });
  /** The text a reader sees: tags, styles and comments out, spaces collapsed. */
  const text = (html: string) =>
    html
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');

  it('renders every widget as its element with an open declarative shadow root, its styles and its content', async () => {
    for (const widget of WIDGETS) {
      const html = await render({ widget, attributes: widget === 'stage-timeline' ? { timeline: 'agreement-id-kh' } : {} });
      assert.match(html, new RegExp(`^<lindungi-${widget} lang="id" corridor="ID-KH"[^>]*><template shadowroot="open" shadowrootmode="open"><style>`), widget);
      assert.match(html, new RegExp(`</template></lindungi-${widget}>$`), widget);
      assert.match(html, /aria-busy="false"/, `${widget} renders its content, not its loading state`);
      assert.doesNotMatch(html, /part="loading"|<!--lit|defer-hydration/, widget);
    }
  });

  it('gives the help lines as working links, and nothing that needs a script', async () => {
    const html = await render({ widget: 'hotline' });
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(hrefs.includes('tel:117'), hrefs.join(' '));
    assert.ok(
      hrefs.some((h) => h.startsWith('https://wa.me/')),
      hrefs.join(' '),
    );
    assert.doesNotMatch(html, /part="copy"|<button/);
    const floating = await render({ widget: 'hotline', attributes: { variant: 'floating' } });
    // The floating help button opens without a script: a native disclosure holding the lines.
    assert.match(floating, /<details class="static-panel">\s*<summary part="launcher"[^>]*>[\s\S]*Minta bantuan/);
    assert.ok(floating.includes('href="tel:117"'));
    assert.doesNotMatch(floating, /<dialog|<button/);
  });

  it('opens each right with native details, and offers no print, share or help button', async () => {
    const html = await render({ widget: 'rights-card' });
    assert.equal([...html.matchAll(/<details data-right="/g)].length, pack.rights.length);
    assert.doesNotMatch(html, /<button/);
    assert.match(text(html), /Dasar hukum: UU/);
  });

  it('opens each stage of the timeline with native details, and renders no button a script would have to work', async () => {
    const timeline = pack.timelines.find((t) => t.id === 'agreement-id-kh')!;
    const html = await render({ widget: 'stage-timeline', locale: 'km', attributes: { timeline: timeline.id } });
    assert.doesNotMatch(html, /<button/);
    const withDetails = timeline.stages.filter((s) => s.description || s.parties?.length || s.dates);
    assert.ok(withDetails.length > 0);
    assert.equal([...html.matchAll(/<details class="stage-details" data-stage="/g)].length, withDetails.length);
    assert.ok(text(html).includes('កំពុងដំណើរការ'), 'the status in Khmer');
    // Dates as the script will show them in every browser: Chromium has no Khmer date data, so
    // Khmer dates are numeric everywhere, on this server (whose ICU has it) too.
    const updated = timeline.updated!.slice(0, 10).split('-').reverse().join('/');
    assert.ok(text(html).includes(updated), `"${updated}" in ${text(html).slice(-300)}`);
  });

  it("renders the report form's first step, then that sending needs JavaScript and the lines to try, with a plain exit link", async () => {
    for (const [locale, phrase, question] of [
      ['id', 'Untuk mengirim laporan diperlukan JavaScript', 'Apakah Anda dalam bahaya saat ini?'],
      ['km', 'ការផ្ញើរបាយការណ៍ត្រូវការ JavaScript', 'តើអ្នកកំពុងមានគ្រោះថ្នាក់ឥឡូវនេះឬទេ?'],
      ['en', 'Sending a report needs JavaScript', 'Are you in danger right now?'],
    ] as const) {
      const html = await render({ widget: 'report-form', locale, attributes: { 'exit-url': 'https://example.org/weather' } });
      assert.ok(text(html).includes(phrase), locale);
      assert.ok(text(html).indexOf(question) >= 0 && text(html).indexOf(question) < text(html).indexOf(phrase), `${locale}: the question, then the sentence`);
      assert.match(html, /<a class="exit" part="exit" href="https:\/\/example.org\/weather"/);
      // The step's two answers, neither chosen (Lit's renderer would write checked="false", which checks it).
      const radios = html.match(/<input[^>]*>/g) ?? [];
      assert.equal(radios.length, 2, locale);
      for (const radio of radios) {
        assert.match(radio, /type="radio"/);
        assert.doesNotMatch(radio, /checked/, locale);
      }
      // Nothing that needs the script: no form to submit, no button, no promise of what "Exit now" erases.
      assert.doesNotMatch(html, /<form|<button|<textarea|<select/, locale);
      assert.doesNotMatch(html, /class="exit-help"/, locale);
      // The urgent lines inside it, in the same language.
      const nested = /<lindungi-hotline\s([^>]*)><template/.exec(html)?.[1] ?? '';
      assert.match(nested, /emergency-only/, nested);
      assert.match(nested, new RegExp(`lang="${locale}"`), nested);
      assert.ok(html.includes('href="tel:117"'), locale);
    }
  });

  it('renders each request in its own language while others render in other languages at the same moment', async () => {
    const asked = ['id', 'km', 'en', 'ar', 'km', 'ms', 'id', 'en', 'ar', 'km', 'id'];
    const rendered = await Promise.all(asked.map((locale) => render({ widget: 'hotline', locale })));
    const headings = {
      id: 'Siapa yang bisa dihubungi untuk minta bantuan',
      km: 'ទាក់ទងអ្នកណាដើម្បីសុំជំនួយ',
      en: 'Who to call for help',
      ms: 'Siapa yang boleh dihubungi untuk bantuan',
      ar: 'بمن تتصل لطلب المساعدة',
    } as Record<string, string>;
    rendered.forEach((html, i) => {
      assert.match(html, new RegExp(`^<lindungi-hotline lang="${asked[i]}"`));
      assert.ok(text(html).includes(headings[asked[i]!]!), `${asked[i]}: ${text(html).slice(0, 200)}`);
      for (const [other, heading] of Object.entries(headings)) if (other !== asked[i]) assert.ok(!text(html).includes(heading), `${asked[i]} has ${other}`);
    });
  });

  it("takes a partner's own words, for that render only, as text and never as markup", async () => {
    const payload = '<img src=x onerror=alert(1)>Hubungi kami';
    const [own, plain] = await Promise.all([
      render({
        widget: 'hotline',
        locale: 'id',
        messages: { id: { se7b1f7a00705b17e: payload } },
        texts: { 'hotlines[0].organisation': { id: 'Pusat panggilan <b>KP2MI</b>' } },
      }),
      render({ widget: 'hotline', locale: 'id' }),
    ]);
    assert.ok(own.includes('&lt;img src=x onerror=alert(1)&gt;Hubungi kami'), own.slice(0, 400));
    assert.ok(own.includes('Pusat panggilan &lt;b&gt;KP2MI&lt;/b&gt;'));
    assert.ok(!/<img|<b>/.test(own));
    assert.ok(text(plain).includes('Siapa yang bisa dihubungi untuk minta bantuan'));
    assert.ok(!plain.includes('Hubungi kami') && !plain.includes('Pusat panggilan &lt;b'));
    // The pack given stays as it was.
    assert.equal((pack.hotlines[0]!.organisation as Record<string, string>)['id'], 'Call center KP2MI');
  });

  it('writes no interface text in English for a reader in Indonesian, Khmer, Malay or Arabic, in any widget', async () => {
    for (const locale of ['id', 'km', 'ms', 'ar'] as const) {
      const xliff = readFileSync(new URL(`../../locales/${locale}.xlf`, import.meta.url), 'utf8');
      // Each translated string's longest literal run (placeholders out), where it differs from its translation.
      const english = [...xliff.matchAll(/<source>([\s\S]*?)<\/source>\s*<target>([\s\S]*?)<\/target>/g)]
        .filter(([, source, target]) => source !== target)
        .map(([, source]) => source!.split(/<x [^>]*\/>|<[^>]+>/).map((piece) => piece.replace(/\s+/g, ' ').trim()))
        .map((pieces) => pieces.sort((a, b) => b.length - a.length)[0]!)
        .filter((piece) => piece.length >= 10);
      assert.ok(english.length > 50, `${locale}: ${english.length} strings to look for`);
      for (const widget of WIDGETS) {
        for (const attributes of widget === 'hotline'
          ? [{}, { variant: 'floating' }, { country: 'ZZ' }]
          : widget === 'stage-timeline'
            ? [{ timeline: 'agreement-id-kh' }]
            : [{}]) {
          const shown = text(await render({ widget, locale, attributes }));
          const left = english.filter((piece) => shown.includes(piece));
          assert.deepEqual(left, [], `${widget} ${JSON.stringify(attributes)} in ${locale} shows English`);
        }
      }
    }
  });

  it('says a line’s weekly hours as written, in its own time, never an "open now" that a cached page would make stale', async () => {
    const weekly = structuredClone(shippedPackJson());
    weekly.hotlines[0].hours = { type: 'weekly', timeZone: 'Asia/Phnom_Penh', periods: [{ days: [1, 2, 3, 4, 5], open: '08:00', close: '17:00' }] };
    const html = await render({ widget: 'hotline', locale: 'en', pack: parseContentPack(weekly) });
    assert.match(text(html), /Open Mon, Tue, Wed, Thu, Fri, 08:00–17:00 \(time in Indonesia\)\./);
    assert.doesNotMatch(text(html), /Open now|Closed now/);
  });

  it('shows the widget’s own localized message for a country it has no lines for', async () => {
    const html = await render({ widget: 'hotline', locale: 'en', attributes: { country: 'ZZ' } });
    assert.match(html, /part="error" role="alert"/);
  });

  it('refuses a widget or an attribute it does not render, by name', async () => {
    await assert.rejects(render({ widget: 'banner' as never }), /Unknown widget "banner"/);
    await assert.rejects(render({ widget: 'hotline', attributes: { topic: 'documents' } }), /not rendered on the server with topic/);
  });

  it('publishes the hash of every style block it writes, for a page’s style-src', async () => {
    const hashes = styleHashes();
    assert.equal(hashes.length, WIDGETS.length);
    for (const widget of WIDGETS) {
      const html = await render({ widget, attributes: widget === 'stage-timeline' ? { timeline: 'agreement-id-kh' } : {} });
      for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
        assert.ok(hashes.includes(`'sha256-${createHash('sha256').update(css!).digest('base64')}'`), widget);
      }
    }
  });
});
