import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/lindungi.js';
import { createClient, type ContentPack } from '../../src/sdk/index.js';
import { shippedPack } from '../fixtures/packs.js';

const TAGS = ['lindungi-rights-card', 'lindungi-stage-timeline', 'lindungi-report-form', 'lindungi-hotline'];

/**
 * When the content every widget shares arrives, the help lines come first: the hotline renders
 * and the browser paints it before the other widgets render, each in a frame of its own.
 */
const shown = (el: Element) => el.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false';

/** The four widgets, the hotline last, in their loading state; `release` hands them the content. */
async function widgetsAwaitingContent(): Promise<{ release: (pack: ContentPack) => void; widgets: Element[] }> {
  let release!: (pack: ContentPack) => void;
  const client = createClient({ pack: () => new Promise<ContentPack>((resolve) => (release = resolve)) });
  const host = await fixture<HTMLElement>(html`<div lang="en">
    <lindungi-rights-card .client=${client}></lindungi-rights-card>
    <lindungi-stage-timeline .client=${client} timeline="agreement-id-kh"></lindungi-stage-timeline>
    <lindungi-report-form .client=${client}></lindungi-report-form>
    <lindungi-hotline .client=${client}></lindungi-hotline>
  </div>`);
  const widgets = TAGS.map((tag) => host.querySelector(tag)!);
  await waitUntil(() => widgets.every((w) => w.shadowRoot?.querySelector('[part="base"]')), 'the widgets did not render their loading state');
  return { release, widgets };
}

describe('rendering when the content arrives', () => {
  it('shows the hotline first, even last on the page, and renders the others one frame after another', async () => {
    const { release, widgets } = await widgetsAwaitingContent();
    expect(widgets.filter(shown), 'shown before the content arrived').to.deep.equal([]);

    // Which widgets show content at each frame, from the moment the content arrives.
    const frames: string[][] = [];
    let watching = true;
    const watch = () => {
      frames.push(widgets.filter(shown).map((w) => w.localName));
      if (watching) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    release(await shippedPack());
    await waitUntil(() => frames.at(-1)?.length === 4, 'not every widget showed the content', { timeout: 5000 });
    watching = false;

    const firsts = TAGS.map((tag) => frames.findIndex((f) => f.includes(tag)));
    const [rights, timeline, form, hotline] = firsts;
    expect(hotline, 'the hotline showed content').to.be.greaterThan(-1);
    // Each of the others appears in a later frame than the hotline and than one another.
    for (const [name, at] of [
      ['rights card', rights],
      ['timeline', timeline],
      ['report form', form],
    ] as const)
      expect(at, `the ${name} rendered in the hotline's frame`).to.be.greaterThan(hotline!);
    expect(new Set(firsts).size, `frames at which each widget appeared: ${firsts.join(', ')}`).to.equal(4);
  });

  it('goes on without frames, as on a hidden page: every widget renders, the hotline first', async () => {
    const requestFrame = globalThis.requestAnimationFrame;
    try {
      const { release, widgets } = await widgetsAwaitingContent();
      const order: string[] = [];
      // A hidden page paints no frame; the test page cannot be hidden, so from here no frame callback runs.
      globalThis.requestAnimationFrame = () => 0;
      const watch = setInterval(() => widgets.filter(shown).forEach((w) => order.includes(w.localName) || order.push(w.localName)), 10);
      release(await shippedPack());
      await waitUntil(() => widgets.every(shown), 'not every widget rendered without frames', { timeout: 3000 });
      clearInterval(watch);
      expect(order[0]).to.equal('lindungi-hotline');
    } finally {
      globalThis.requestAnimationFrame = requestFrame;
    }
  });
});
