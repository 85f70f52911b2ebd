import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/rights-card.js';
import { directionOf, matchLocale, resolveLocale } from '../../src/internal/locale.js';
import { configure } from '../../src/internal/config.js';

describe('locale resolution', () => {
  afterEach(() => configure({ locale: undefined }));

  it('matches BCP 47 tags to the shipped locales', () => {
    expect(matchLocale('id-ID')).to.equal('id');
    expect(matchLocale('in')).to.equal('id');
    expect(matchLocale('KM-kh')).to.equal('km');
    expect(matchLocale('en_GB')).to.equal('en');
    // Malaysia and Saudi Arabia read the shipped Malay and Arabic.
    expect(matchLocale('ms-MY')).to.equal('ms');
    expect(matchLocale('ar-SA')).to.equal('ar');
    expect(matchLocale('ar')).to.equal('ar');
    expect(matchLocale('fr')).to.equal(undefined);
    expect(matchLocale('')).to.equal(undefined);
  });

  it("falls back to the browser's languages, then to Indonesian, when no lang on the page is supported", async () => {
    const host = await fixture<HTMLElement>(html`<div lang="fr"><span></span></div>`);
    const span = host.querySelector('span')!;
    const html_ = document.documentElement;
    const pageLang = html_.getAttribute('lang');
    html_.removeAttribute('lang');
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')!;
    try {
      // A reader whose browser prefers French, then Khmer.
      Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['fr-FR', 'km-KH'] });
      expect(resolveLocale(span)).to.equal('km');
      // A reader whose browser names no language Lindungi has.
      Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['fr-FR', 'de'] });
      expect(resolveLocale(span)).to.equal('id');
    } finally {
      delete (navigator as { languages?: unknown }).languages;
      Object.defineProperty(Navigator.prototype, 'languages', languages);
      if (pageLang !== null) html_.setAttribute('lang', pageLang);
    }
    expect(navigator.languages.length).to.be.greaterThan(0);
  });

  it('uses the closest supported lang, crossing shadow roots', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="km"><div lang="fr"><span></span></div></div>`);
    const span = host.querySelector('span')!;
    expect(resolveLocale(span)).to.equal('km');

    const outer = await fixture<HTMLElement>(html`<div lang="en"><div class="shadow-host"></div></div>`);
    const root = outer.querySelector('.shadow-host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p></p>';
    expect(resolveLocale(root.querySelector('p')!)).to.equal('en');
  });

  it('lets configure({ locale }) override the page, and undefined return to it', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="en"><span></span></div>`);
    configure({ locale: 'km-KH' });
    expect(resolveLocale(host.querySelector('span')!)).to.equal('km');
    configure({ locale: undefined });
    expect(resolveLocale(host.querySelector('span')!)).to.equal('en');
  });

  it('sets the direction from the locale', () => {
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('ar-EG')).to.equal('rtl');
    expect(directionOf('km')).to.equal('ltr');
  });
});

describe("content in the reader's language only", () => {
  const fetched = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()!);

  it('shows a widget in its own language from its first content, even where another language’s strings are already on the page', async () => {
    const host = await fixture<HTMLElement>(
      html`<div><div lang="id"><lindungi-rights-card></lindungi-rights-card></div><div lang="km" id="later"></div></div>`,
    );
    const first = host.querySelector('lindungi-rights-card') as HTMLElement & { updateComplete: Promise<boolean> };
    await waitUntil(() => first.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', 'the Indonesian card did not render');
    const later = host.querySelector('#later')!;
    later.innerHTML = '<lindungi-rights-card></lindungi-rights-card>';
    const el = later.firstElementChild as HTMLElement;
    const headings = new Set<string>();
    const look = () => headings.add((el.shadowRoot?.querySelector('[part="heading"]')?.textContent ?? '').trim());
    new MutationObserver(look).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await waitUntil(() => (look(), headings.has('ស្គាល់សិទ្ធិរបស់អ្នក')), 'the Khmer card did not render', { timeout: 5000 });
    expect([...headings].filter(Boolean)).to.deep.equal(['ស្គាល់សិទ្ធិរបស់អ្នក']);
  });

  it('loads the shipped pack in the widget’s language alone, and another language’s when the page switches, keeping the content on screen meanwhile', async () => {
    performance.clearResourceTimings();
    const host = await fixture<HTMLElement>(html`<div lang="ms"><lindungi-rights-card></lindungi-rights-card></div>`);
    const el = host.querySelector('lindungi-rights-card') as HTMLElement & { updateComplete: Promise<boolean> };
    const base = () => el.shadowRoot!.querySelector('[part="base"]')!;
    const title = () => (el.shadowRoot!.querySelector('.toggle .title')?.textContent ?? '').trim();
    await waitUntil(() => base().getAttribute('aria-busy') === 'false', 'no content', { timeout: 5000 });
    expect(title()).to.equal('Memilih pekerjaan anda');
    expect(fetched()).to.include('ID-KH.ms.json');
    expect(fetched()).not.to.include('ID-KH.json');
    const busy: string[] = [];
    new MutationObserver(() => busy.push(base().getAttribute('aria-busy')!)).observe(base(), { attributes: true, attributeFilter: ['aria-busy'] });
    host.lang = 'ar';
    // Until the Arabic texts are here the Malay ones stay, marked as Malay.
    await waitUntil(() => title() === 'اختيار عملك', 'the Arabic content did not come', { timeout: 5000 });
    expect(fetched()).to.include('ID-KH.ar.json');
    expect(busy, 'never back to a loading state').not.to.include('true');
    expect(el.shadowRoot!.querySelector('.toggle .title')!.closest('[lang]')!.getAttribute('lang')).to.equal('ar');
  });
});
