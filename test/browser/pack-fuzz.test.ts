import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/hotline.js';
import '../../src/rights-card.js';
import '../../src/stage-timeline.js';
import { createContentClient, shippedPackUrl, type ContentPack } from '../../src/sdk/index.js';

// Generated malformed content packs in the page: no widget throws, each ends in a state a reader
// can see (its content, or an error saying the information could not be loaded), never stuck.
// A sample of the 2000 packs the Node suite validates; seeded.

const SAMPLE = 30;

describe('widgets given malformed content packs (generated)', () => {
  it(`stay up for ${SAMPLE} generated packs: no uncaught error, never stuck loading`, async () => {
    const pack = (await (await fetch(shippedPackUrl('ID-KH'))).json()) as Record<string, unknown>;
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      if (path.length && path.length < 6) paths.push(path);
      if (value && typeof value === 'object' && path.length < 6) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(pack, []);
    const errors: string[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in event ? String(event.reason) : event.message);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const outcomes = { content: 0, error: 0 };
    try {
      const samples = fc.sample(
        fc.record({
          path: fc.constantFrom(...paths),
          value: fc.oneof(
            fc.constant(undefined),
            fc.constant(null),
            fc.integer(),
            fc.constant(''),
            fc.constant({}),
            fc.constant([]),
            fc.string({ unit: 'grapheme', maxLength: 30 }),
          ),
        }),
        { numRuns: SAMPLE, seed: 20261128 },
      );
      for (const { path, value } of samples) {
        const broken = structuredClone(pack) as Record<string, unknown>;
        let target = broken as Record<string, unknown>;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
        if (value === undefined) delete target[path.at(-1)!];
        else target[path.at(-1)!] = value;
        const client = createContentClient({ pack: async () => broken as unknown as ContentPack });
        const host = await fixture<HTMLElement>(html`<div lang="en">
          <lindungi-hotline .client=${client}></lindungi-hotline>
          <lindungi-rights-card .client=${client}></lindungi-rights-card>
          <lindungi-stage-timeline .client=${client} timeline="agreement-id-kh"></lindungi-stage-timeline>
        </div>`);
        const widgets = [...host.children] as HTMLElement[];
        await waitUntil(
          () => widgets.every((w) => w.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false'),
          `stuck loading with ${path.join('.')} = ${JSON.stringify(value)}`,
          { timeout: 5000 },
        );
        for (const widget of widgets) {
          const text = widget.shadowRoot!.textContent ?? '';
          if (/could not be loaded|Try again|not available/i.test(text)) outcomes.error++;
          else outcomes.content++;
          expect(text.trim().length, `${widget.localName} shows something`).to.be.greaterThan(0);
        }
      }
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(outcomes.error, 'most generated packs are refused, visibly').to.be.greaterThan(0);
  });
});
