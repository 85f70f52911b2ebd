import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import '../../src/lindungi.js';
import { parseContentPack } from '../../src/sdk/index.js';
import type { ContentClient } from '../../src/sdk/content-client.js';
import { shippedPackJson } from '../support/pack.js';

/**
 * A partner who renders the elements with Lit's server renderer directly, not with lindungi/ssr
 * (which this file does not import): the widgets' views are not loaded there, so the page would get
 * placeholders. The widget says what to use instead.
 */
describe('server rendering without lindungi/ssr', () => {
  it('sends the placeholder and warns to render with renderWidget() from lindungi/ssr', () => {
    const pack = parseContentPack(shippedPackJson());
    const client = { corridor: 'ID-KH', api: undefined, locale: 'id', loaded: { pack, offline: false } } as unknown as ContentClient;
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    let page: string;
    try {
      page = collectResultSync(render(html`<lindungi-hotline lang="id" .client=${client}></lindungi-hotline>`));
    } finally {
      console.warn = warn;
    }
    assert.match(page, /part="loading"/);
    assert.doesNotMatch(page, /href="tel:/);
    assert.ok(
      warnings.some((w) => w.includes('<lindungi-hotline>') && w.includes('renderWidget() from lindungi/ssr')),
      `warnings: ${JSON.stringify(warnings)}`,
    );
  });
});
