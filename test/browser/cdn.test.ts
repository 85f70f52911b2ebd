import { expect, waitUntil } from '@open-wc/testing';
import { captureWarnings, text } from './helpers.js';

// The CDN case: the partner's HTML already has the tags when the one script tag loads.
// This file imports nothing from src/, so the page knows only the built bundle.
describe('CDN bundle (dist/cdn/lindungi.js)', () => {
  it('upgrades tags that were in the page before the script, localized, with one content request per language', async () => {
    document.body.innerHTML = `
      <div lang="km"><lindungi-hotline id="a"></lindungi-hotline></div>
      <div lang="en"><lindungi-hotline id="b" emergency-only></lindungi-hotline></div>`;
    await import(new URL('/dist/cdn/lindungi.js', location.href).href);
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const heading = (el: Element) => text(el.shadowRoot?.querySelector('[part="heading"]'));
    await waitUntil(() => heading(a) === 'ទាក់ទងអ្នកណាដើម្បីសុំជំនួយ' && heading(b) === 'Where to turn first in an urgent case', 'widgets did not come up localized', {
      timeout: 5000,
    });
    // Each reader's language alone: the Khmer and the English packs once each, never the whole one.
    const packRequests = performance
      .getEntriesByType('resource')
      .map((e) => e.name.match(/\/content\/(ID-KH[\w.]*)-[\w-]+\.json$/)?.[1])
      .filter(Boolean);
    expect(packRequests.sort()).to.deep.equal(['ID-KH.en', 'ID-KH.km']);
  });

  it('tolerates the bundle loaded a second time on the same page', async () => {
    const warnings = captureWarnings();
    try {
      // A second partner snippet: the same file under another URL is a second module instance.
      await import(new URL('/dist/cdn/lindungi.js?second-snippet', location.href).href);
      const el = document.createElement('lindungi-hotline');
      el.setAttribute('lang', 'en');
      document.body.append(el);
      await waitUntil(() => text(el.shadowRoot?.querySelector('[part="heading"]')) === 'Who to call for help');
      // Same version: nothing to warn about.
      expect(warnings.messages.filter((m) => m.includes('already defined'))).to.have.length(0);
    } finally {
      warnings.restore();
    }
  });
});
