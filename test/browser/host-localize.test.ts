import { expect, fixture, html } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import { captureWarnings, ready, text } from './helpers.js';

describe('a host page that configured @lit/localize itself', () => {
  it('still renders the widget, in English, with one warning and no exception', async () => {
    // The host app configures @lit/localize first, as its own app would.
    configureLocalization({ sourceLocale: 'en', targetLocales: ['de'], loadLocale: async () => ({ templates: {} }) });
    const warnings = captureWarnings();
    try {
      await import('../../src/hotline.js');
      const host = await fixture<HTMLElement>(html`<div lang="id"><lindungi-hotline></lindungi-hotline></div>`);
      const el = host.querySelector('lindungi-hotline')!;
      await ready(el);
      // Content still follows the page (Indonesian); UI strings follow the host's configuration.
      expect(text(el.shadowRoot!.querySelector('.organisation'))).to.equal('Kepolisian Nasional Kamboja, Hotline 117');
      expect(text(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Who to call for help');
      expect(warnings.messages.filter((m) => m.includes('@lit/localize was already configured'))).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });
});
