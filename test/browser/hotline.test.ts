import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/hotline.js';
import type { LindungiHotline } from '../../src/hotline.js';
import type { LindungiContactEvent } from '../../src/components/hotline/events.js';
import { createClient, type ContentPack, type PackSource } from '../../src/sdk/index.js';
import { clock } from '../../src/internal/clock.js';
import { configure } from '../../src/internal/config.js';
import { alwaysOpenLine, inEveryLocale, officeHoursLine, packWith, shippedPack } from '../fixtures/packs.js';
import { captureWarnings, preferDarkColours, ready, text } from './helpers.js';

async function hotline(template: ReturnType<typeof html>, selector = 'lindungi-hotline'): Promise<LindungiHotline> {
  const host = await fixture<HTMLElement>(template);
  const el = (host.matches(selector) ? host : host.querySelector(selector)) as LindungiHotline;
  await ready(el);
  return el;
}

const clientFor = (pack: PackSource) => createClient({ pack });
const names = (el: LindungiHotline) => [...el.shadowRoot!.querySelectorAll('.organisation')].map((n) => text(n));

describe('lindungi-hotline', () => {
  afterEach(() => {
    clock.now = () => new Date();
    clock.timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
  });

  it('lists the origin country lines when the destination has none, and says so', async () => {
    const el = await hotline(html`<div lang="en"><lindungi-hotline .client=${clientFor(await packWith([]))}></lindungi-hotline></div>`);
    expect(text(el.shadowRoot!.querySelector('[part="note"]'))).to.contain('No verified help line in Cambodia is listed yet');
    expect(names(el)).to.deep.equal(['KP2MI call centre', 'SP4N-LAPOR! public complaints']);
  });

  it('shows the help inside Cambodia first: police hotline 117 (only from inside Cambodia, not answered in Indonesian) and the embassy in person, each with its source', async () => {
    const el = await hotline(html`<div lang="en"><lindungi-hotline></lindungi-hotline></div>`);
    expect(names(el)).to.deep.equal([
      'Cambodian National Police, Hotline 117',
      'Indonesian Embassy in Phnom Penh (KBRI)',
      'KP2MI call centre',
      'SP4N-LAPOR! public complaints',
    ]);
    expect(el.shadowRoot!.querySelector('[part="note"]')).to.equal(null);
    const [police, embassy] = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="hotline"]')];
    expect(police.querySelector<HTMLAnchorElement>('a[part="channel"]')!.getAttribute('href')).to.equal('tel:117');
    expect(text(police.querySelector('.reach'))).to.equal('Only from inside Cambodia.');
    expect(text(police.querySelector('[part="languages"]'))).to.equal('Answered in Vietnamese, English, Chinese. Not answered in Indonesian.');
    expect(text(police.querySelector('[part="hours"]'))).to.equal('Opening hours not known. You can still try to call or write.');
    expect(text(police.querySelector('[part="source"]'))).to.equal(
      'Source: en.vietnamplus.vn, published Aug 31, 2022. Checked against the source on Dec 1, 2026.',
    );
    expect(text(police.querySelector('[part="badge"]'))).to.equal('Try first if urgent');
    // The embassy is a place to go: said in words with its source, and no link that pretends to call.
    const place = embassy.querySelector('.in-person')!;
    expect(place.querySelector('a')).to.equal(null);
    expect(place.querySelector('[part="copy"]')).to.equal(null);
    expect(text(place.querySelector('.channel-label'))).to.equal('Go in person');
    expect(text(place.querySelector('.place-text'))).to.equal(
      "The embassy's own building across from the Norodom Sihanouk Memorial (the King Father's statue), Phnom Penh.",
    );
    expect(text(place.querySelector('.place-source'))).to.equal('Source: medcom.id, published Aug 19, 2020.');
    expect(text(embassy.querySelector('.description'))).to.contain('It issues an emergency travel document (SPLP)');
    expect(embassy.querySelector('[part="languages"]'), 'no claim about languages the sources do not state').to.equal(null);
  });

  it('names the languages a line answers in, in Khmer too, from the pack where the browser has no Khmer names', async () => {
    const el = await hotline(html`<div lang="km"><lindungi-hotline></lindungi-hotline></div>`);
    const languages = text(el.shadowRoot!.querySelector('[part="languages"]'));
    expect(languages).to.contain('វៀតណាម');
    expect(languages).to.contain('មិនឆ្លើយជាភាសា ឥណ្ឌូនេស៊ី ទេ។');
    expect(languages).to.not.match(/Vietnamese|English|Chinese|Indonesian/);
  });

  it("lists the country's own lines first, emergency lines first, then the origin country's", async () => {
    const pack = await packWith([officeHoursLine, alwaysOpenLine]);
    const el = await hotline(html`<div lang="en"><lindungi-hotline .client=${clientFor(pack)}></lindungi-hotline></div>`);
    expect(names(el)).to.deep.equal(['Test 24/7 line', 'Test office line', 'KP2MI call centre', 'SP4N-LAPOR! public complaints']);
    const groups = [...el.shadowRoot!.querySelectorAll('.group-title')].map((n) => text(n));
    expect(groups).to.deep.equal(['In Cambodia', 'From Indonesia']);
    expect(el.shadowRoot!.querySelector('[part="note"]')).to.equal(null);
  });

  it('shows only emergency lines with emergency-only', async () => {
    const el = await hotline(html`<div lang="en"><lindungi-hotline emergency-only></lindungi-hotline></div>`);
    expect(names(el)).to.deep.equal(['Cambodian National Police, Hotline 117', 'Indonesian Embassy in Phnom Penh (KBRI)', 'KP2MI call centre']);
    // The flag marks where to turn first; the wording never suggests a line answered day and night.
    expect(text(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Where to turn first in an urgent case');
    expect(text(el.shadowRoot!.querySelector('[part="badge"]'))).to.equal('Try first if urgent');
  });

  it('makes every channel a real link and says which numbers work only inside their country', async () => {
    const el = await hotline(html`<div lang="en"><lindungi-hotline></lindungi-hotline></div>`);
    const hrefs = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part="channel"]')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal([
      'tel:117',
      'tel:+622129244800',
      'https://wa.me/628118080141',
      'tel:08001000',
      'https://siskop2mi.bp2mi.go.id',
      'https://www.lapor.go.id',
      'sms:1708',
    ]);
    const reach = [...el.shadowRoot!.querySelectorAll('.reach')].map((n) => text(n));
    expect(reach).to.deep.equal(['Only from inside Cambodia.', 'Only from inside Indonesia.', 'Only from inside Indonesia.']);
    const external = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="https://wa.me"]')!;
    expect(external.target).to.equal('_blank');
    expect(external.rel).to.contain('noopener');
  });

  it('fires lindungi-contact without personal data when a channel is followed', async () => {
    const el = await hotline(html`<div lang="en"><lindungi-hotline></lindungi-hotline></div>`);
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="tel:+622129244800"]')!;
    link.addEventListener('click', (e) => e.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const event = (await oneEvent(el, 'lindungi-contact')) as LindungiContactEvent;
    expect(event.detail).to.deep.equal({ hotlineId: 'kp2mi-call-centre', channel: 'phone', action: 'open' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('copies a number, shows and announces it, and reports the copy', async () => {
    const el = await hotline(html`<div lang="en"><lindungi-hotline country="ID"></lindungi-hotline></div>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="copy"]')!;
    button.focus();
    const contact = oneEvent(el, 'lindungi-contact');
    await sendKeys({ press: 'Enter' });
    const event = (await contact) as LindungiContactEvent;
    expect(event.detail).to.deep.equal({ hotlineId: 'kp2mi-call-centre', channel: 'phone', action: 'copy' });
    expect(await navigator.clipboard.readText()).to.equal('+62 21 2924 4800');
    await el.updateComplete;
    expect(text(button)).to.contain('Copied');
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Copied: +62 21 2924 4800');
  });

  it('says "open now" with the closing time in the line\'s and the reader\'s time zones', async () => {
    // Wednesday 2026-03-04 10:30 in Phnom Penh (UTC+7); the reader is in Tokyo (UTC+9).
    clock.now = () => new Date('2026-03-04T03:30:00Z');
    clock.timeZone = () => 'Asia/Tokyo';
    const el = await hotline(html`<div lang="en"><lindungi-hotline .client=${clientFor(await packWith([officeHoursLine], false))}></lindungi-hotline></div>`);
    expect(text(el.shadowRoot!.querySelector('[part="hours"]'))).to.equal('Open now. Closes at 17:00 (your time 19:00).');
    expect(el.shadowRoot!.querySelector('[part="hours"]')!.classList.contains('open')).to.equal(true);
  });

  it('says when a closed line opens, with the weekday when it is not today', async () => {
    // Saturday 2026-03-07 12:00 in Phnom Penh; opens Monday 08:00 there, 10:00 in Tokyo.
    clock.now = () => new Date('2026-03-07T05:00:00Z');
    clock.timeZone = () => 'Asia/Tokyo';
    const el = await hotline(html`<div lang="en"><lindungi-hotline .client=${clientFor(await packWith([officeHoursLine], false))}></lindungi-hotline></div>`);
    expect(text(el.shadowRoot!.querySelector('[part="hours"]'))).to.equal('Closed now. Opens at Mon 08:00 (your time Mon 10:00).');
  });

  it('leaves out "your time" when the reader is in the line\'s time zone, and says so for 24/7 lines', async () => {
    clock.now = () => new Date('2026-03-04T00:30:00Z'); // 07:30 in Phnom Penh
    clock.timeZone = () => 'Asia/Phnom_Penh';
    const el = await hotline(
      html`<div lang="id"><lindungi-hotline .client=${clientFor(await packWith([officeHoursLine, alwaysOpenLine], false))}></lindungi-hotline></div>`,
    );
    const hours = [...el.shadowRoot!.querySelectorAll('[part="hours"]')].map((n) => text(n));
    expect(hours).to.deep.equal(['Buka 24 jam setiap hari', 'Sedang tutup. Buka pukul 08.00.']);
  });

  it('claims nothing about opening hours that are not known', async () => {
    const el = await hotline(html`<div lang="en"><lindungi-hotline></lindungi-hotline></div>`);
    const hours = [...el.shadowRoot!.querySelectorAll('[part="hours"]')].map((n) => text(n));
    expect(hours).to.have.length(4);
    for (const line of hours) {
      expect(line).to.equal('Opening hours not known. You can still try to call or write.');
    }
  });

  it('follows the closest lang attribute and re-renders when it changes', async () => {
    const host = await fixture<HTMLElement>(
      html`<div lang="en"><section><lindungi-hotline .client=${clientFor(await packWith([]))}></lindungi-hotline></section></div>`,
    );
    const el = host.querySelector('lindungi-hotline')!;
    await ready(el);
    const heading = () => text(el.shadowRoot!.querySelector('[part="heading"]'));
    expect(heading()).to.equal('Who to call for help');
    host.setAttribute('lang', 'id-ID');
    await waitUntil(() => heading() === 'Siapa yang bisa dihubungi untuk minta bantuan', 'did not switch to Indonesian');
    expect(names(el)[0]).to.equal('Call center KP2MI');
    host.querySelector('section')!.setAttribute('lang', 'km');
    await waitUntil(() => heading() === 'ទាក់ទងអ្នកណាដើម្បីសុំជំនួយ', 'did not switch to Khmer');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('km');
    expect(text(el.shadowRoot!.querySelector('[part="note"]'))).to.contain('កម្ពុជា');
  });

  it('switches language with configure({ locale }) without reloading its content', async () => {
    const el = await hotline(html`<div lang="en"><lindungi-hotline></lindungi-hotline></div>`);
    const flashes: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element && node.matches('[part="loading"]')) flashes.push('loading');
      }
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    try {
      configure({ locale: 'km' });
      await waitUntil(() => text(el.shadowRoot!.querySelector('[part="heading"]')) === 'ទាក់ទងអ្នកណាដើម្បីសុំជំនួយ', 'did not switch to Khmer');
      expect(flashes).to.deep.equal([]);
    } finally {
      observer.disconnect();
      configure({ locale: undefined });
    }
    await waitUntil(() => text(el.shadowRoot!.querySelector('[part="heading"]')) === 'Who to call for help', 'did not return to the page language');
  });

  it('shows a localized error and warns once for an unknown country, without throwing', async () => {
    const warnings = captureWarnings();
    try {
      const el = await hotline(html`<div lang="id"><lindungi-hotline country="XX"></lindungi-hotline></div>`);
      const error = el.shadowRoot!.querySelector('[part="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.equal('"XX" bukan kode negara yang dikenal widget ini, jadi saluran bantuan tidak dapat ditampilkan.');
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings.messages.filter((m) => m.includes('country="XX"'))).to.have.length(1);
      el.country = 'ID';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
      expect(names(el)[0]).to.equal('Call center KP2MI');
    } finally {
      warnings.restore();
    }
  });

  it('shows a localized error for an unknown variant', async () => {
    const warnings = captureWarnings();
    try {
      const el = await hotline(html`<div lang="km"><lindungi-hotline variant="huge"></lindungi-hotline></div>`);
      expect(text(el.shadowRoot!.querySelector('[part="error"]'))).to.equal('មិនអាចបង្ហាញផ្ទាំងជំនួយនេះបានទេ៖ "huge" មិនមែនជាជម្រើសបង្ហាញទេ។');
      expect(warnings.messages.filter((m) => m.includes('variant="huge"'))).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('renders HTML and script in content as inert text', async () => {
    const pack = await packWith([]);
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    pack.hotlines[0].organisation = inEveryLocale(payload);
    pack.hotlines[0].description = inEveryLocale('<b>bold</b>');
    const el = await hotline(html`<div lang="en"><lindungi-hotline .client=${clientFor(pack)}></lindungi-hotline></div>`);
    expect(names(el)[0]).to.equal(payload);
    expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('opens the floating panel as a modal dialog named like its heading, keeps focus inside, and Esc returns focus to the launcher', async () => {
    const host = await fixture<HTMLElement>(
      html`<div lang="en"><button id="behind">Page button</button><lindungi-hotline variant="floating"></lindungi-hotline></div>`,
    );
    const el = host.querySelector('lindungi-hotline')!;
    await ready(el);
    const launcher = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="launcher"]')!;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(text(launcher)).to.equal('Get help');
    expect(dialog.open).to.equal(false);
    launcher.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    expect(dialog.getAttribute('aria-label')).to.equal(text(dialog.querySelector('[part="heading"]')));
    expect(dialog.hasAttribute('aria-labelledby')).to.equal(false);
    expect(dialog.contains(el.shadowRoot!.activeElement)).to.equal(true);
    let inside = 0;
    for (let i = 0; i < 15; i++) {
      await sendKeys({ press: 'Tab' });
      // Focus never lands on the page behind the modal panel (it may pass through the browser's own UI).
      expect(document.activeElement, `the page behind had focus after ${i + 1} Tab presses`).not.to.equal(host.querySelector('#behind'));
      if (document.activeElement === el && dialog.contains(el.shadowRoot!.activeElement)) inside++;
      else expect(document.activeElement, `focus left the dialog after ${i + 1} Tab presses`).to.equal(document.body);
    }
    expect(inside).to.be.greaterThan(10);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(el.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(launcher);
  });

  it('closes the floating panel with its close button and returns focus to the launcher', async () => {
    const el = await hotline(html`<div lang="id"><lindungi-hotline variant="floating"></lindungi-hotline></div>`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="launcher"]')!.click();
    await el.updateComplete;
    const close = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="close"]')!;
    expect(text(close)).to.equal('Tutup');
    close.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[part="launcher"]'));
  });

  it('opens and closes by its open property, with cancelable lindungi-show and lindungi-hide, returning focus to the opener', async () => {
    const host = await fixture<HTMLElement>(
      html`<div lang="en"><button id="opener">Open help</button><lindungi-hotline variant="floating"></lindungi-hotline></div>`,
    );
    const el = host.querySelector('lindungi-hotline')!;
    await ready(el);
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    const opener = host.querySelector<HTMLButtonElement>('#opener')!;

    // A page that says no keeps it closed.
    const refuse = (e: Event) => e.preventDefault();
    el.addEventListener('lindungi-show', refuse, { once: true });
    el.open = true;
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(el.open).to.equal(false);

    opener.focus();
    const shown = oneEvent(el, 'lindungi-show');
    el.open = true;
    expect((await shown).cancelable).to.equal(true);
    await el.updateComplete;
    expect(dialog.open).to.equal(true);

    // Escape while the page refuses to close: it stays open. (Browsers honour the refusal only
    // after the reader has interacted with the page, so the reader presses Tab first.)
    el.addEventListener('lindungi-hide', refuse, { once: true });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(el.open).to.equal(true);

    const hidden = oneEvent(el, 'lindungi-hide');
    el.removeAttribute('open');
    await hidden;
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(document.activeElement, 'focus is back on what opened the panel, not the launcher').to.equal(opener);
  });

  it("shows the pack's safety advice, with the source of a warning that reports a fact", async () => {
    const el = await hotline(html`<div lang="en"><lindungi-hotline></lindungi-hotline></div>`);
    const safety = el.shadowRoot!.querySelector('[part="safety"]')!;
    expect(text(safety.querySelector('[role="heading"]'))).to.equal('Staying safe');
    const tips = [...safety.querySelectorAll('li')].map((li) => text(li));
    expect(tips).to.deep.equal([
      'If someone checks your phone, use a device they do not check, such as the phone of someone you trust.',
      "The Indonesian Embassy in Phnom Penh warns of fraudsters who pretend to be embassy staff. The embassy's services are free, except the official fee for the SPLP travel document: anyone asking for other money in its name may be a fraudster. (Source: suarasurabaya.net.)",
    ]);
  });

  it('never breaks a phone number across lines, on a 360 px phone in Khmer with large text, inline and in the floating panel', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      // Text at 125 %, as a reader with larger text settings has it.
      const host = await fixture<HTMLElement>(
        html`<div lang="km" style="--lindungi-font-size: 1.25rem"><lindungi-hotline></lindungi-hotline><lindungi-hotline variant="floating"></lindungi-hotline></div>`,
      );
      const [inline, floating] = [...host.querySelectorAll('lindungi-hotline')] as [LindungiHotline, LindungiHotline];
      await ready(inline);
      await ready(floating);
      floating.open = true;
      await floating.updateComplete;
      for (const el of [inline, floating]) {
        const numbers = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.number')];
        expect(numbers.length).to.be.greaterThan(2);
        for (const number of numbers) {
          expect(getComputedStyle(number).whiteSpace, `${number.textContent} may wrap`).to.equal('nowrap');
          const lines = new Set([...number.getClientRects()].map((r) => Math.round(r.top)));
          expect(lines.size, `"${number.textContent}" is on ${lines.size} lines`).to.equal(1);
          expect(number.getBoundingClientRect().right).to.be.at.most(360);
        }
      }
      floating.open = false;
      await floating.updateComplete;
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('placed last on a 360 px page, lets the end of the page scroll clear of its floating button, in Indonesian and Khmer with large text', async () => {
    await setViewport({ width: 360, height: 640 });
    try {
      for (const lang of ['id', 'km']) {
        const host = await fixture<HTMLElement>(
          html`<div lang=${lang} style="--lindungi-font-size: 1.25rem; font-size: 1.25rem">
            <p style="margin: 0; block-size: 1200px">Artikel</p>
            <p id="last" style="margin: 0">Baris terakhir halaman, dengan <a href="#top">tautan di akhir</a>.</p>
            <lindungi-hotline variant="floating"></lindungi-hotline>
          </div>`,
        );
        const floating = host.querySelector('lindungi-hotline') as LindungiHotline;
        await ready(floating);
        await waitUntil(() => text(floating.shadowRoot!.querySelector('[part="launcher"]')).length > 0, 'the launcher has no words');
        document.scrollingElement!.scrollTop = document.scrollingElement!.scrollHeight;
        const last = host.querySelector('#last')!.getBoundingClientRect();
        const launcher = floating.shadowRoot!.querySelector('[part="launcher"]')!.getBoundingClientRect();
        expect(last.bottom, `${lang}: the last line ends at ${last.bottom}, under the button at ${launcher.top}`).to.be.at.most(launcher.top);
        host.remove();
      }
    } finally {
      document.scrollingElement!.scrollTop = 0;
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('reserves space while loading and tells assistive technology it is busy', async () => {
    const el = await fixture<LindungiHotline>(
      html`<lindungi-hotline lang="en" .client=${clientFor(() => new Promise<ContentPack>(() => {}))}></lindungi-hotline>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.visually-hidden')?.textContent === 'Loading…');
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[part="loading"]')!.getBoundingClientRect().height).to.be.greaterThan(150);
  });

  it('shows a localized error with a retry that loads the content again', async () => {
    const pack = await shippedPack();
    let attempts = 0;
    const flaky = async () => {
      attempts++;
      if (attempts === 1) throw new Error('first attempt fails');
      return pack;
    };
    const warnings = captureWarnings();
    try {
      const el = await hotline(html`<div lang="en"><lindungi-hotline .client=${clientFor(flaky)}></lindungi-hotline></div>`);
      expect(text(el.shadowRoot!.querySelector('[part="error"] p'))).to.equal('Something went wrong while loading the information. Try again.');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await waitUntil(() => names(el).length === pack.hotlines.length, 'retry did not load the content');
      expect(attempts).to.equal(2);
    } finally {
      warnings.restore();
    }
  });

  it('says the connection failed when the content file cannot be fetched', async () => {
    const warnings = captureWarnings();
    try {
      const el = await hotline(html`<div lang="id"><lindungi-hotline .client=${clientFor('/content/does-not-exist.json')}></lindungi-hotline></div>`);
      expect(text(el.shadowRoot!.querySelector('[part="error"] p'))).to.equal('Informasi tidak dapat dimuat. Periksa koneksi Anda dan coba lagi.');
      expect(text(el.shadowRoot!.querySelector('[part="retry"]'))).to.equal('Coba lagi');
    } finally {
      warnings.restore();
    }
  });

  it('says when the content is damaged, naming nothing it cannot show', async () => {
    const pack = await shippedPack();
    (pack.hotlines[0] as { source?: unknown }).source = undefined;
    const warnings = captureWarnings();
    try {
      const el = await hotline(html`<div lang="en"><lindungi-hotline .client=${clientFor(pack)}></lindungi-hotline></div>`);
      expect(text(el.shadowRoot!.querySelector('[part="error"] p'))).to.equal('The information could not be shown because it is damaged. Try again later.');
      expect(warnings.messages.join('\n')).to.contain('hotlines[0].source: missing');
    } finally {
      warnings.restore();
    }
  });

  it('marks a saved copy as offline, with the time it was saved', async () => {
    const pack = await shippedPack();
    const offline = async () => ({ pack, offline: true, savedAt: '2026-11-20T08:15:00Z' });
    const el = await hotline(html`<div lang="en"><lindungi-hotline .client=${clientFor(offline)}></lindungi-hotline></div>`);
    const note = el.shadowRoot!.querySelector('[part="offline"]')!;
    expect(note.getAttribute('role')).to.equal('status');
    expect(text(note)).to.match(/^You are offline\. This is a copy saved on Nov 20, 2026, .+; it may be out of date\.$/);
    expect(names(el)).to.have.length(pack.hotlines.length);
  });

  it('says so when a pack has no help lines at all', async () => {
    const el = await hotline(html`<div lang="en"><lindungi-hotline .client=${clientFor(await packWith([], false))}></lindungi-hotline></div>`);
    expect(text(el.shadowRoot!.querySelector('[part="empty"]'))).to.equal('No help lines are listed yet.');
  });

  it("follows the page's dark colour scheme, and keeps light where the page does not opt in", async () => {
    const undo = await preferDarkColours();
    try {
      const host = await fixture<HTMLElement>(
        html`<div lang="en"><div style="color-scheme: light dark"><lindungi-hotline></lindungi-hotline></div><lindungi-hotline></lindungi-hotline></div>`,
      );
      const [dark, light] = [...host.querySelectorAll('lindungi-hotline')];
      await ready(dark);
      await ready(light);
      const background = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('.hotline')!).backgroundColor;
      expect(background(dark)).to.equal('rgb(27, 31, 36)');
      expect(background(light)).to.equal('rgb(255, 255, 255)');
    } finally {
      await undo();
    }
  });

  it("takes the partner's theme tokens", async () => {
    const el = await hotline(
      html`<div lang="en"><lindungi-hotline style="--lindungi-color-accent: rgb(120, 0, 90); --lindungi-radius: 0px"></lindungi-hotline></div>`,
    );
    const channel = el.shadowRoot!.querySelector('a[part="channel"]')!;
    expect(getComputedStyle(channel).color).to.equal('rgb(120, 0, 90)');
    expect(getComputedStyle(channel).borderTopLeftRadius).to.equal('0px');
  });
});
