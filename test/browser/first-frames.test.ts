import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/hotline.js';
import type { LindungiHotline } from '../../src/hotline.js';

/**
 * The first frames on a slow connection: before the reader's strings arrive, the floating help
 * button shows no words in another language. (Its own file: the strings of a locale load once per
 * page, so this is the first widget on its page.)
 */
describe('first frames', () => {
  it('the floating launcher on an Indonesian page never shows English while its strings are on their way', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="id"></div>`);
    host.innerHTML = '<lindungi-hotline variant="floating"></lindungi-hotline>';
    const el = host.firstElementChild as LindungiHotline & { updateComplete: Promise<boolean> };
    await el.updateComplete;
    const launcher = el.shadowRoot!.querySelector<HTMLElement>('[part="launcher"]')!;
    // The first frame comes before the Indonesian strings: the button is there, with no English words.
    expect(launcher.isConnected).to.equal(true);
    expect(launcher.textContent.trim(), "words shown before the reader's strings").to.equal('');
    await waitUntil(() => launcher.textContent.trim() === 'Minta bantuan', 'the Indonesian strings did not arrive');
  });
});
