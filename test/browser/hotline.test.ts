import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/hotline.js';
import type { LindungiHotline } from '../../src/hotline.js';
import { createClient } from '../../src/sdk/index.js';
import { alwaysOpenLine, officeHoursLine, packWith } from '../fixtures/packs.js';
import { ready, text } from './helpers.js';

describe('lindungi-hotline', () => {
  it('lists the origin country lines when the destination has none, with a note saying so', async () => {
    const el = await fixture<LindungiHotline>(html`<div lang="en"><lindungi-hotline></lindungi-hotline></div>`);
    const hotline = el.querySelector('lindungi-hotline')!;
    await ready(hotline);
    const root = hotline.shadowRoot!;
    expect(text(root.querySelector('[part="note"]'))).to.contain('No verified help line in Cambodia');
    const names = [...root.querySelectorAll('.organisation')].map((n) => text(n));
    expect(names).to.deep.equal(['KP2MI call centre', 'SP4N-LAPOR! public complaints']);
  });
});
