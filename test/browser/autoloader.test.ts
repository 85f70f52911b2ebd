import { expect, waitUntil } from '@open-wc/testing';
import { text } from './helpers.js';

// The autoloader from the CDN build: this file imports nothing from src/, so the page knows only
// what the autoloader fetches.
describe('CDN autoloader (dist/cdn/autoloader.js)', () => {
  const fetched = () =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/dist/cdn/') && !p.includes('/locales/') && !p.includes('/content/'));

  it('defines only the widgets on the page, each from its own entry, and the ones added later', async () => {
    document.body.innerHTML = `<div lang="en"><lindungi-hotline id="hotline"></lindungi-hotline></div>`;
    await import(new URL('/dist/cdn/autoloader.js', location.href).href);
    const hotline = document.getElementById('hotline')!;
    await waitUntil(() => text(hotline.shadowRoot?.querySelector('[part="heading"]')) === 'Who to call for help', 'the hotline did not come up', {
      timeout: 5000,
    });
    expect(customElements.get('lindungi-rights-card')).to.equal(undefined);
    expect(customElements.get('lindungi-report-form')).to.equal(undefined);
    expect(fetched().filter((p) => !p.includes('/chunks/'))).to.deep.equal(['/dist/cdn/autoloader.js', '/dist/cdn/hotline.js']);

    // A widget added after the page loaded, deep inside new markup.
    const later = document.createElement('section');
    later.innerHTML = `<div lang="id"><p><lindungi-rights-card id="card"></lindungi-rights-card></p></div>`;
    document.body.append(later);
    await waitUntil(() => customElements.get('lindungi-rights-card'), 'the rights card was not loaded', { timeout: 5000 });
    const card = document.getElementById('card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', 'the card did not load', { timeout: 5000 });
    expect(fetched()).to.include('/dist/cdn/rights-card.js');
    expect(fetched()).not.to.include('/dist/cdn/lindungi.js');
    expect(fetched()).not.to.include('/dist/cdn/report-form.js');
    expect(customElements.get('lindungi-stage-timeline')).to.equal(undefined);

    // A second copy of the autoloader (two partner snippets) watches nothing twice.
    await import(new URL('/dist/cdn/autoloader.js?again', location.href).href);
    document.body.append(document.createElement('lindungi-hotline'));
    await new Promise((r) => setTimeout(r, 100));
    expect(fetched().filter((p) => p === '/dist/cdn/hotline.js')).to.have.length(1);
  });
});
