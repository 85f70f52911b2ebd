import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/lindungi.js';
import { configure } from '../../src/internal/config.js';
import { formClient } from '../../stories/report-form-clients.js';
import { captureWarnings, ready, text } from './helpers.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

// Ids as in locales/*.xlf.
const WHO_TO_CALL = 'se7b1f7a00705b17e';
const KNOW_YOUR_RIGHTS = 'sf7f889f911ff36b4';
const SOURCE = 'h199295cb092f89fe'; // "Source: {0}." where {0} is the publisher, a link.
const STEP_N = 'rf-step-n'; // "Step {0} of {1}"

async function mount(lang: string, tag: 'lindungi-hotline' | 'lindungi-rights-card'): Promise<Widget> {
  const host = await fixture<HTMLElement>(html`<div lang=${lang}></div>`);
  host.innerHTML = `<${tag}></${tag}>`;
  const el = host.querySelector<Widget>(tag)!;
  await ready(el);
  return el;
}
const heading = (el: Widget) => text(el.shadowRoot!.querySelector('[part="heading"]'));

describe("a partner's own words", () => {
  afterEach(() => configure({ messages: undefined, texts: undefined }));

  describe('configure({ messages })', () => {
    it('replaces an interface string by id, in one locale only, and undefined brings the shipped one back', async () => {
      const km = await mount('km', 'lindungi-hotline');
      const en = await mount('en', 'lindungi-hotline');
      const shippedKm = heading(km);
      configure({ messages: { km: { [WHO_TO_CALL]: 'លេខជំនួយរបស់យើង' } } });
      await waitUntil(() => heading(km) === 'លេខជំនួយរបស់យើង', 'the Khmer heading did not change');
      expect(heading(en)).to.equal('Who to call for help');
      configure({ messages: undefined });
      await waitUntil(() => heading(km) === shippedKm, 'the shipped heading did not come back');
    });

    it('replaces English, the source language, too', async () => {
      const el = await mount('en', 'lindungi-rights-card');
      configure({ messages: { en: { [KNOW_YOUR_RIGHTS]: 'Your rights at work' } } });
      await waitUntil(() => heading(el) === 'Your rights at work');
    });

    it('fills placeholders, and keeps the widget’s own parts (a link) where the string has them', async () => {
      const el = await mount('id', 'lindungi-hotline');
      configure({ messages: { id: { [SOURCE]: 'Data dari {0}.' } } });
      const source = () => [...el.shadowRoot!.querySelectorAll('[part="source"]')].find((s) => text(s).startsWith('Data dari'));
      await waitUntil(source, 'the source line did not change');
      expect(text(source())).to.match(/^Data dari \S+\.( |$)/);
      expect(source()!.querySelector('a[href^="https://"]'), 'the publisher is still a link').to.exist;
    });

    it('shows an override as text, never as markup', async () => {
      const el = await mount('en', 'lindungi-hotline');
      const payload = '<img src=x onerror="window.__pwned=1"><b>Call us</b>';
      configure({ messages: { en: { [WHO_TO_CALL]: payload } } });
      await waitUntil(() => heading(el) === payload, 'the override was not shown as text');
      expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('keeps the shipped string, and says why, for a placeholder the string does not have, a locale that is not shipped or a value that is not text', async () => {
      const warnings = captureWarnings();
      try {
        const form = (await fixture<HTMLElement>(html`<div lang="en"><lindungi-hotline></lindungi-hotline></div>`)).querySelector<Widget>('lindungi-hotline')!;
        await ready(form);
        configure({ messages: { en: { [WHO_TO_CALL]: 'Call {3}', [KNOW_YOUR_RIGHTS]: 42 as unknown as string }, fr: { [WHO_TO_CALL]: 'Qui appeler' } } });
        await form.updateComplete;
        await new Promise((r) => setTimeout(r, 50));
        expect(heading(form)).to.equal('Who to call for help');
        expect(warnings.messages.join('\n')).to.contain(`"${WHO_TO_CALL}" has a placeholder the string lacks`);
        expect(warnings.messages.join('\n')).to.contain('"fr" is not a shipped locale');
        expect(warnings.messages.join('\n')).to.contain(`en "${KNOW_YOUR_RIGHTS}" is not a text`);
      } finally {
        warnings.restore();
      }
    });

    it('fills a string with numbers: the report form’s step count', async () => {
      const host = await fixture<HTMLElement>(html`<div lang="ms"><lindungi-report-form .client=${formClient()}></lindungi-report-form></div>`);
      const form = host.querySelector<Widget>('lindungi-report-form')!;
      await ready(form);
      const progress = () => text(form.shadowRoot!.querySelector('.progress'));
      expect(progress()).to.equal('Langkah 1 daripada 4');
      configure({ messages: { ms: { [STEP_N]: '{0}/{1}' } } });
      await waitUntil(() => progress() === '1/4', 'the step count did not change');
    });
  });

  describe('configure({ texts })', () => {
    it('replaces a pack text by path in one locale, and undefined brings the pack’s own back', async () => {
      const el = await mount('en', 'lindungi-rights-card');
      const title = () => text(el.shadowRoot!.querySelector('.toggle .title'));
      expect(title()).to.equal('Choose your work');
      configure({ texts: { 'rights[0].title': { en: 'Pick your own job', km: 'ជ្រើសការងារ' } } });
      await waitUntil(() => title() === 'Pick your own job', 'the title did not change');
      configure({ texts: undefined });
      await waitUntil(() => title() === 'Choose your work', 'the pack’s own title did not come back');
    });

    it('shows a text as text, never as markup', async () => {
      const el = await mount('en', 'lindungi-rights-card');
      const payload = '<img src=x onerror="window.__pwned=2">';
      configure({ texts: { 'rights[0].title': { en: payload } } });
      await waitUntil(() => text(el.shadowRoot!.querySelector('.toggle .title')) === payload);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('cannot change a phone number, a link or anything that is not a text, and says so', async () => {
      const warnings = captureWarnings();
      try {
        const el = await mount('en', 'lindungi-hotline');
        const tels = () => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')].map((a) => a.href);
        const before = tels();
        configure({
          texts: {
            'hotlines[0].channels[0].value': { en: '+1 555 0100' },
            'hotlines[0].source.url': { en: 'https://evil.example/' },
            'no.such[3].path': { en: 'x' },
          },
        });
        await new Promise((r) => setTimeout(r, 50));
        await el.updateComplete;
        expect(tels()).to.deep.equal(before);
        const said = warnings.messages.join('\n');
        expect(said).to.contain('"hotlines[0].channels[0].value" is not a text of the ID-KH pack');
        expect(said).to.contain('"hotlines[0].source.url" is not a text');
        expect(said).to.contain('"no.such[3].path" is not a text');
      } finally {
        warnings.restore();
      }
    });
  });
});
