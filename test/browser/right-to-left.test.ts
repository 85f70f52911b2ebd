import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/lindungi.js';
import { createContentClient } from '../../src/sdk/index.js';
import { atStep, exampleAnswers, formClient } from '../../stories/report-form-clients.js';
import { ready, text } from './helpers.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/;

const base = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
const direction = (el: Element) => getComputedStyle(el).direction;

async function widgets(lang: string, pageDir = 'ltr'): Promise<Widget[]> {
  const host = await fixture<HTMLElement>(html`<div dir=${pageDir} lang=${lang}>
    <lindungi-hotline></lindungi-hotline>
    <lindungi-rights-card></lindungi-rights-card>
    <lindungi-stage-timeline timeline="agreement-id-kh"></lindungi-stage-timeline>
    <lindungi-report-form .client=${formClient()}></lindungi-report-form>
  </div>`);
  const all = [...host.querySelectorAll<Widget>('lindungi-hotline, lindungi-rights-card, lindungi-stage-timeline, lindungi-report-form')];
  for (const el of all) await ready(el);
  return all;
}

describe('right to left, in Arabic', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('every widget sets its own direction: Arabic on a left-to-right page, Indonesian on a right-to-left one', async () => {
    for (const el of await widgets('ar', 'ltr')) {
      expect(base(el).getAttribute('dir'), el.localName).to.equal('rtl');
      expect(direction(base(el)), el.localName).to.equal('rtl');
      expect(base(el).getAttribute('lang')).to.equal('ar');
    }
    for (const el of await widgets('id', 'rtl')) {
      expect(direction(base(el)), el.localName).to.equal('ltr');
    }
  });

  it('speaks Arabic in all four widgets, with Latin digits everywhere, as in the phone numbers', async () => {
    const [hotline, rights, timeline, form] = await widgets('ar');
    expect(text(hotline!.shadowRoot!.querySelector('[part="heading"]'))).to.equal('بمن تتصل لطلب المساعدة');
    expect(text(rights!.shadowRoot!.querySelector('[part="heading"]'))).to.equal('اعرف حقوقك');
    expect(text(timeline!.shadowRoot!.querySelector('[part="heading"]'))).to.equal('الاتفاق بين إندونيسيا وكمبوديا بشأن العمال المهاجرين');
    expect(text(form!.shadowRoot!.querySelector('.progress'))).to.equal('الخطوة 1 من 4');
    for (const el of [hotline, rights, timeline, form]) {
      expect(text(el!.shadowRoot), el!.localName).not.to.match(ARABIC_INDIC_DIGITS);
    }
    // The dates the hotline and the timeline write come from Intl, in Latin digits.
    expect(text(hotline!.shadowRoot!.querySelector('[part="source"]'))).to.match(/\d{1,2}\u200f?\/\d{1,2}\u200f?\/2022/);
  });

  it('keeps phone numbers, addresses, publishers and tickets left to right inside right-to-left text', async () => {
    const [hotline] = await widgets('ar');
    const values = [...hotline!.shadowRoot!.querySelectorAll<HTMLElement>('.channel-value')];
    expect(values.length).to.be.greaterThan(3);
    for (const value of values) {
      expect(value.localName).to.equal('bdi');
      expect(direction(value), text(value)).to.equal('ltr');
    }
    // A publisher's name (a domain, written left to right) is isolated from the sentence around it.
    for (const source of hotline!.shadowRoot!.querySelectorAll('[part="source"]')) {
      expect(source.querySelector('bdi'), text(source)).to.exist;
    }
    // A ticket in the timeline's heading. The report's status comes from memory: the reference
    // server is not reachable from this browser test.
    const fetch: typeof window.fetch = async (input) => {
      const url = new URL(input instanceof Request ? input.url : input);
      if (url.pathname.startsWith('/v1/content/')) return window.fetch(new URL('../../content/ID-KH.json', import.meta.url));
      const stages = [
        { id: 'received', status: 'current', date: '2026-11-20T10:00:00Z' },
        ...['verified', 'in-handling', 'resolved'].map((id) => ({ id, status: 'upcoming' })),
      ];
      return new Response(JSON.stringify({ ticket: 'LDG-AAAA-AAAA', status: 'received', stages, updated: '2026-11-20T10:00:00Z' }), {
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const client = createContentClient({ api: 'https://api.partner.example', fetch });
    const host = await fixture<HTMLElement>(
      html`<div lang="ar"><lindungi-stage-timeline .client=${client} ticket="LDG-AAAA-AAAA"></lindungi-stage-timeline></div>`,
    );
    const timeline = host.querySelector<Widget>('lindungi-stage-timeline')!;
    await ready(timeline);
    const ticket = timeline.shadowRoot!.querySelector('.ticket')!;
    expect(text(ticket)).to.equal('LDG-AAAA-AAAA');
    expect(direction(ticket)).to.equal('ltr');
    expect(text(timeline.shadowRoot!.querySelector('[part="heading"]'))).to.equal('تقدّم البلاغ LDG-AAAA-AAAA');
  });

  it('cites the law exactly, in Indonesian and left to right, with a gloss in Arabic', async () => {
    const rights = (await widgets('ar'))[1]!;
    rights.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await rights.updateComplete;
    const citation = rights.shadowRoot!.querySelector('[part="citation"]')!;
    const cite = citation.querySelector('cite')!;
    expect(text(cite)).to.equal('UU 18/2017 Pasal 6 ayat (1) huruf a');
    expect(cite.getAttribute('lang')).to.equal('id');
    expect(direction(cite)).to.equal('ltr');
    expect(text(citation.querySelector('.gloss'))).to.equal('(القانون 18/2017، المادة 6(1)(a))');
    // Indonesian readers read the citation as it is, with no gloss.
    const indonesian = (await widgets('id'))[1]!;
    indonesian.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await indonesian.updateComplete;
    expect(indonesian.shadowRoot!.querySelector('[part="citation"] .gloss')).to.equal(null);
  });

  it("puts the floating help button in the reader's corner: bottom left in Arabic, bottom right in Indonesian", async () => {
    await setViewport({ width: 360, height: 740 });
    for (const [lang, side] of [
      ['ar', 'left'],
      ['id', 'right'],
    ] as const) {
      const host = await fixture<HTMLElement>(html`<div lang=${lang}><lindungi-hotline variant="floating"></lindungi-hotline></div>`);
      const el = host.querySelector<Widget>('lindungi-hotline')!;
      const launcher = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="launcher"]');
      await waitUntil(() => launcher()?.textContent?.trim(), 'no launcher');
      const box = launcher()!.getBoundingClientRect();
      expect(side === 'left' ? box.left < 40 : box.right > 320, `${lang}: ${box.left}..${box.right}`).to.equal(true);
      expect(direction(launcher()!)).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      launcher()!.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'the panel did not open');
      expect(direction(dialog)).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      dialog.close();
    }
  });

  it('the report form reads right to left: its steps, its back link and its fields', async () => {
    const form = (await widgets('ar'))[3]!;
    const root = form.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[part="continue"]')!.click();
    await form.updateComplete;
    root.querySelector<HTMLInputElement>('#inDanger-no')!.click();
    root.querySelector<HTMLButtonElement>('[part="continue"]')!.click();
    await waitUntil(() => root.querySelector('#description'), 'the second step did not open');
    expect(text(root.querySelector('.progress'))).to.equal('الخطوة 2 من 4');
    const back = root.querySelector<HTMLElement>('[part="back"]')!;
    expect(text(back)).to.equal('رجوع');
    expect(direction(root.querySelector('#description')!)).to.equal('rtl');
    // The step's first choice starts at the right edge of the form.
    const formBox = base(form).getBoundingClientRect();
    const choice = root.querySelector('input[type="radio"]')!.getBoundingClientRect();
    expect(formBox.right - choice.right).to.be.lessThan(formBox.width / 4);
  });
});

describe('what the reader typed, in an Arabic form', () => {
  it('keeps its own direction among the answers to check: an English sentence ends with its own full stop', async () => {
    const answers = { ...exampleAnswers, description: 'They took my passport.', place: 'Sihanoukville', employer: 'Example Agency', name: 'Sari' };
    const host = await fixture<HTMLElement>(html`<div lang="ar"><lindungi-report-form .client=${atStep('check', answers)()}></lindungi-report-form></div>`);
    const form = host.querySelector<Widget>('lindungi-report-form')!;
    await ready(form);
    await waitUntil(() => form.shadowRoot!.querySelector('[part="answers"]'), 'no answers to check');
    const rows = [...form.shadowRoot!.querySelectorAll('[part="answers"] .row')].map((row) => row.querySelector('dd')!);
    const typed = (needle: string) => {
      const row = rows.find((dd) => text(dd).includes(needle));
      expect(row, `${needle} among ${rows.map((dd) => text(dd)).join(' | ')}`).to.exist;
      const isolated = [...row!.querySelectorAll('bdi, [dir]')].find((el) => text(el) === needle);
      expect(isolated, `${needle} is isolated`).to.exist;
      return direction(isolated!);
    };
    expect(typed('They took my passport.')).to.equal('ltr');
    expect(typed('Sihanoukville')).to.equal('ltr');
    expect(typed('Example Agency')).to.equal('ltr');
    expect(typed('Sari')).to.equal('ltr');
    // The place and its country joined with the Arabic comma.
    expect(rows.map((dd) => text(dd))).to.include('Sihanoukville، كمبوديا');
  });
});

describe('underlines in Khmer', () => {
  it('sit below the marks written under Khmer letters, and skip ink they would cross; other languages keep theirs close', async () => {
    const offsets: Record<string, number> = {};
    for (const lang of ['km', 'id']) {
      const host = await fixture<HTMLElement>(html`<div lang=${lang}><lindungi-hotline></lindungi-hotline></div>`);
      const el = host.querySelector<Widget>('lindungi-hotline')!;
      await ready(el);
      for (const link of [el.shadowRoot!.querySelector('[part="source"] a')!, el.shadowRoot!.querySelector('.channel-value')!]) {
        const style = getComputedStyle(link);
        expect(style.textDecorationSkipInk, lang).to.equal('auto');
        offsets[lang] = parseFloat(style.textUnderlineOffset) / parseFloat(style.fontSize);
        if (lang === 'km') expect(offsets[lang], `${lang}: ${style.textUnderlineOffset} at ${style.fontSize}`).to.be.at.least(0.4);
      }
    }
    expect(offsets['id']).to.be.below(0.2);
  });
});
