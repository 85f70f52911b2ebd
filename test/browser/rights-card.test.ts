import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/rights-card.js';
import '../../src/hotline.js';
import type { LindungiRightsCard } from '../../src/rights-card.js';
import type { LindungiNeedHelpEvent } from '../../src/components/rights-card/events.js';
import { createClient } from '../../src/sdk/index.js';
import { inEveryLocale, shippedPack } from '../fixtures/packs.js';
import { captureWarnings, printMedia, ready, text } from './helpers.js';

async function card(template: ReturnType<typeof html>): Promise<LindungiRightsCard> {
  const host = await fixture<HTMLElement>(template);
  const el = (host.matches('lindungi-rights-card') ? host : host.querySelector('lindungi-rights-card')) as LindungiRightsCard;
  await ready(el);
  return el;
}

const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const toggleOf = (el: Element, id: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`#toggle-${id}`)!;
const detailsOf = (el: Element, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`#details-${id}`)!;

describe('lindungi-rights-card', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('groups the 13 rights of UU 18/2017 Pasal 6(1) by category, with summaries', async () => {
    const el = await card(html`<div lang="en"><lindungi-rights-card></lindungi-rights-card></div>`);
    expect(all(el, '[part="category"]').map(text)).to.deep.equal([
      'Information and recruitment',
      'Wages and contract',
      'Your documents',
      'Freedom and communication',
      'Fair treatment and legal protection',
      'Going home',
    ]);
    expect(all(el, '[part="right"]')).to.have.length(13);
    // Every right is stated as the law states it: a right, never a permission.
    const summaries = all(el, '[part="right"] .summary').map(text);
    expect(summaries[0]).to.equal('You have the right to choose work that matches your skills.');
    for (const summary of summaries) expect(summary).to.match(/^You have the right to /);
    // Heading levels follow the card's: 2 → categories 3 → rights 4.
    expect(el.shadowRoot!.querySelector('[part="category"]')!.getAttribute('aria-level')).to.equal('3');
    expect(el.shadowRoot!.querySelector('.right-heading')!.getAttribute('aria-level')).to.equal('4');
  });

  it('opens and closes a right with the keyboard, as a disclosure', async () => {
    const el = await card(html`<div lang="en"><lindungi-rights-card></lindungi-rights-card></div>`);
    const toggle = toggleOf(el, 'keep-documents');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal('details-keep-documents');
    expect(detailsOf(el, 'keep-documents').hidden).to.equal(true);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const details = detailsOf(el, 'keep-documents');
    expect(details.hidden).to.equal(false);
    expect(text(details.querySelector('[part="citation"]'))).to.equal('Legal basis: UU 18/2017 Pasal 6 ayat (1) huruf j (Law 18/2017, Article 6(1)(j))');
    expect(text(details.querySelector('[part="source"]'))).to.equal(
      'Source: SBMI (Serikat Buruh Migran Indonesia). Checked against the source on Nov 27, 2026.',
    );
    // The right as the law states it, and the advice on photos with its caution.
    expect(text(details)).not.to.contain('without your agreement');
    expect(text(details.querySelector('[part="safety"]'))).to.contain('Keep them where your employer or agent cannot see them');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(detailsOf(el, 'keep-documents').hidden).to.equal(true);
  });

  it('shows one category or one right with topic', async () => {
    const byCategory = await card(html`<div lang="id"><lindungi-rights-card topic="documents"></lindungi-rights-card></div>`);
    expect(all(byCategory, '.toggle .title').map(text)).to.deep.equal(['Memegang paspor sendiri', 'Menerima dokumen dan kontrak kerja']);
    const one = await card(html`<div lang="en"><lindungi-rights-card topic="safe-return" variant="compact"></lindungi-rights-card></div>`);
    expect(all(one, '.toggle .title').map(text)).to.deep.equal(['A safe return home']);
  });

  it('opens the right a link points to (#right-…), on load and on hash change', async () => {
    history.replaceState(null, '', '#right-fair-wages');
    const el = await card(html`<div lang="en"><lindungi-rights-card></lindungi-rights-card></div>`);
    await waitUntil(() => toggleOf(el, 'fair-wages').getAttribute('aria-expanded') === 'true', 'linked right did not open');
    expect(el.shadowRoot!.activeElement).to.equal(toggleOf(el, 'fair-wages'));
    location.hash = '#right-communication';
    await waitUntil(() => toggleOf(el, 'communication').getAttribute('aria-expanded') === 'true', 'right did not open on hash change');
  });

  it('ignores a malformed link (#right-%) with one warning, and still shows the rights', async () => {
    history.replaceState(null, '', '#right-%');
    const errors: string[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push(String('reason' in e ? e.reason : e.message));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const warnings = captureWarnings();
    try {
      const el = await card(html`<div lang="en"><lindungi-rights-card></lindungi-rights-card></div>`);
      expect(all(el, '[part="right"]')).to.have.length(13);
      expect(all(el, '[aria-expanded="true"]')).to.have.length(0);
      expect(warnings.messages.filter((m) => m.includes('#right-%'))).to.have.length(1);
      await new Promise((r) => setTimeout(r, 50));
      expect(errors).to.deep.equal([]);
    } finally {
      warnings.restore();
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
  });

  it('opens the linked right once: a later "Try again" or new client leaves the reader where they are', async () => {
    history.replaceState(null, '', '#right-fair-wages');
    const host = await fixture<HTMLElement>(html`<div lang="en"><button id="elsewhere">Elsewhere</button><lindungi-rights-card></lindungi-rights-card></div>`);
    const el = host.querySelector('lindungi-rights-card')!;
    await ready(el);
    await waitUntil(() => toggleOf(el, 'fair-wages').getAttribute('aria-expanded') === 'true', 'linked right did not open');
    toggleOf(el, 'fair-wages').click(); // the reader closes it and goes on reading elsewhere
    host.querySelector<HTMLButtonElement>('#elsewhere')!.focus();
    el.client = createClient({ pack: await shippedPack() });
    await ready(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(toggleOf(el, 'fair-wages').getAttribute('aria-expanded')).to.equal('false');
    expect(document.activeElement).to.equal(host.querySelector('#elsewhere'));
  });

  it('fires lindungi-need-help; a partner can handle it, otherwise the card shows who to call', async () => {
    const el = await card(html`<div lang="en"><lindungi-rights-card topic="keep-documents"></lindungi-rights-card></div>`);
    toggleOf(el, 'keep-documents').click();
    await el.updateComplete;
    const [call, report] = all(el, '[part="need-help"]');
    expect(text(call)).to.equal('Get help now');
    expect(text(report)).to.equal('Report what happened');

    const handled = (e: Event) => e.preventDefault();
    el.addEventListener('lindungi-need-help', handled);
    setTimeout(() => report.click());
    const event = (await oneEvent(el, 'lindungi-need-help')) as LindungiNeedHelpEvent;
    expect(event.detail).to.deep.equal({ rightId: 'keep-documents', action: 'report' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.inline-help')).to.equal(null);
    el.removeEventListener('lindungi-need-help', handled);

    call.click();
    await el.updateComplete;
    const help = el.shadowRoot!.querySelector('.inline-help')!;
    expect(help.getAttribute('aria-label')).to.equal('Who to call for help');
    expect([...help.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['tel:+622129244800', 'https://wa.me/628118080141']);
  });

  it('takes the reader to a hotline on the same page', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="en">
      <lindungi-rights-card topic="keep-documents"></lindungi-rights-card>
      <div style="block-size: 2000px"></div>
      <lindungi-hotline></lindungi-hotline>
    </div>`);
    const el = host.querySelector('lindungi-rights-card')!;
    const hotline = host.querySelector('lindungi-hotline')!;
    await ready(el);
    toggleOf(el, 'keep-documents').click();
    await el.updateComplete;
    all(el, '[part="need-help"]')[0].click();
    // Through the hotline's public focus(): its heading has focus, and nothing was set on the element.
    expect(document.activeElement).to.equal(hotline);
    expect(hotline.shadowRoot!.activeElement).to.equal(hotline.shadowRoot!.querySelector('[part="heading"]'));
    expect(hotline.hasAttribute('tabindex')).to.equal(false);
    expect(el.shadowRoot!.querySelector('.inline-help')).to.equal(null);
  });

  it('opens a floating hotline when that is the only one on the page', async () => {
    const floatingHost = await fixture<HTMLElement>(html`<div lang="en">
      <lindungi-rights-card topic="keep-documents"></lindungi-rights-card>
      <lindungi-hotline variant="floating"></lindungi-hotline>
    </div>`);
    const second = floatingHost.querySelector('lindungi-rights-card')!;
    const floating = floatingHost.querySelector('lindungi-hotline')!;
    await ready(second);
    await ready(floating);
    toggleOf(second, 'keep-documents').click();
    await second.updateComplete;
    const shown = oneEvent(floating, 'lindungi-show');
    all(second, '[part="need-help"]')[0].click();
    await shown;
    await floating.updateComplete;
    expect(floating.open).to.equal(true);
    expect(floating.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    floating.hide();
    await floating.updateComplete;
  });

  it('prints the card alone: the rest of the page and the buttons are hidden in print', async () => {
    const host = await fixture<HTMLElement>(
      html`<div lang="en"><p id="page-text">Partner page text</p><lindungi-rights-card variant="wallet"></lindungi-rights-card></div>`,
    );
    const el = host.querySelector('lindungi-rights-card')!;
    await ready(el);
    // The print dialog cannot be driven headless: window.print is replaced for this test only.
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    let undo: () => Promise<void> = async () => undefined;
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="print"]')!.click();
      expect(printed).to.equal(1);
      undo = await printMedia([el.shadowRoot!]);
      expect(getComputedStyle(host.querySelector('#page-text')!).visibility).to.equal('hidden');
      expect(getComputedStyle(host.querySelector('#page-text')!).display).to.equal('none');
      const wallet = el.shadowRoot!.querySelector('[part="wallet"]')!;
      expect(getComputedStyle(wallet).visibility).to.equal('visible');
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part="print"]')!).display).to.equal('none');
      expect(getComputedStyle(wallet).color).to.equal('rgb(0, 0, 0)');
      window.dispatchEvent(new Event('afterprint'));
      expect(getComputedStyle(host.querySelector('#page-text')!).visibility).to.equal('visible');
    } finally {
      window.print = original;
      await undo();
    }
  });

  it('shares a link that reopens the right (copied where the Web Share API is missing)', async () => {
    const el = await card(html`<div lang="en"><lindungi-rights-card topic="keep-documents"></lindungi-rights-card></div>`);
    expect('share' in navigator, 'this browser has no Web Share API, so the fallback runs').to.equal(false);
    toggleOf(el, 'keep-documents').click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="share"]')!.click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('[role="status"]')) !== '');
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Link copied. Paste it to share this right.');
    const link = new URL(await navigator.clipboard.readText());
    expect(link.hash).to.equal('#right-keep-documents');
    expect(link.pathname).to.equal(location.pathname);
    // The page's query (here the test runner's session id) is not shared.
    expect(location.search).not.to.equal('');
    expect(link.search).to.equal('');
  });

  it('names the provision from the pack on the wallet card, every distinct source, and the oldest check', async () => {
    const pack = await shippedPack();
    pack.rightsBasis = { citation: 'Test Act 1/2000 art. 6' };
    pack.rights[9].verified = '2026-01-05';
    pack.rights[12].source = { publisher: 'Second publisher', published: '2025-12-01' };
    const el = await card(
      html`<div lang="en"><lindungi-rights-card variant="wallet" topic="documents" .client=${createClient({ pack })}></lindungi-rights-card></div>`,
    );
    expect(text(el.shadowRoot!.querySelector('.wallet-basis cite'))).to.equal('Test Act 1/2000 art. 6');
    expect(all(el, '.wallet-sources li').map(text)).to.deep.equal([
      'Source: SBMI (Serikat Buruh Migran Indonesia).',
      'Source: Second publisher, published Dec 1, 2025.',
      'Source: en.vietnamplus.vn, published Aug 31, 2022.',
      'Source: lampung7.com, published Jan 22, 2026.',
      'Source: mediamasakini.id; planet.merdeka.com, published Apr 10, 2025.',
      'Source: medcom.id, published Aug 19, 2020.',
      'Checked against the sources on Jan 5, 2026.',
    ]);
  });

  it('puts the help where the worker is on the wallet card: police 117 (only from inside Cambodia) and the embassy in person, then KP2MI', async () => {
    const el = await card(html`<div lang="en"><lindungi-rights-card variant="wallet"></lindungi-rights-card></div>`);
    const help = all(el, '.wallet-help').map(text);
    expect(help).to.deep.equal([
      'Help: Cambodian National Police, Hotline 117 Call 117 Only from inside Cambodia.',
      "Help: Indonesian Embassy in Phnom Penh (KBRI) Go in person: The embassy's own building across from the Norodom Sihanouk Memorial (the King Father's statue), Phnom Penh.",
      'Help: KP2MI call centre Call +62 21 2924 4800 WhatsApp +62 811-8080-141',
    ]);
    expect(all(el, '.wallet-line').map((a) => a.getAttribute('href'))).to.deep.equal(['tel:117', 'tel:+622129244800', 'https://wa.me/628118080141']);
  });

  it('re-renders in the new language when lang changes', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="en"><lindungi-rights-card variant="wallet"></lindungi-rights-card></div>`);
    const el = host.querySelector('lindungi-rights-card')!;
    await ready(el);
    expect(text(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Know your rights');
    host.lang = 'km';
    await waitUntil(() => text(el.shadowRoot!.querySelector('[part="heading"]')) === 'ស្គាល់សិទ្ធិរបស់អ្នក');
    expect(text(el.shadowRoot!.querySelector('.wallet-rights li'))).to.equal('ជ្រើសរើសការងាររបស់អ្នក');
  });

  it('renders HTML in content as inert text', async () => {
    const pack = await shippedPack();
    const payload = '<img src=x onerror="window.__pwned=1">';
    pack.rights[0].title = inEveryLocale(payload);
    const el = await card(html`<div lang="en"><lindungi-rights-card .client=${createClient({ pack })}></lindungi-rights-card></div>`);
    expect(text(el.shadowRoot!.querySelector('.toggle .title'))).to.equal(payload);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('gives a localized error and one warning for an unknown topic or variant', async () => {
    const warnings = captureWarnings();
    try {
      const topic = await card(html`<div lang="id"><lindungi-rights-card topic="lottery"></lindungi-rights-card></div>`);
      expect(text(topic.shadowRoot!.querySelector('[part="error"]'))).to.equal(
        'Tidak ada topik "lottery" dalam daftar hak ini, jadi tidak ada yang dapat ditampilkan.',
      );
      const variant = await card(html`<div lang="en"><lindungi-rights-card variant="poster"></lindungi-rights-card></div>`);
      expect(text(variant.shadowRoot!.querySelector('[part="error"]'))).to.equal('This rights card cannot be shown: "poster" is not a display option.');
      expect(warnings.messages.filter((m) => m.includes('topic="lottery"'))).to.have.length(1);
      expect(warnings.messages.filter((m) => m.includes('variant="poster"'))).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('fits a 320 px wide screen in Khmer without clipping', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await card(html`<div lang="km" style="inline-size: 100%"><lindungi-rights-card topic="keep-documents"></lindungi-rights-card></div>`);
      toggleOf(el, 'keep-documents').click();
      await el.updateComplete;
      const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
      expect(base.getBoundingClientRect().width).to.be.at.most(320);
      for (const node of all(el, '[part="right"], [part="details"], .violated, .toggle')) {
        expect(node.scrollWidth, `${node.className} overflows`).to.be.at.most(node.clientWidth + 1);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
