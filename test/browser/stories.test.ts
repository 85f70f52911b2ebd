import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as hotlineStories from '../../stories/hotline.stories.js';
import * as rightsCardStories from '../../stories/rights-card.stories.js';
import * as timelineStories from '../../stories/stage-timeline.stories.js';
import * as reportFormStories from '../../stories/report-form.stories.js';
import * as serverStories from '../../stories/server-rendered.stories.js';
import * as galleryStories from '../../stories/galleries.stories.js';
import { captureWarnings } from './helpers.js';

interface StoryModule {
  default: { args?: object; render: (args: never, context: never) => TemplateResult };
  [name: string]: unknown;
}

const LOCALES = ['id', 'en', 'km', 'ms', 'ar'];

/** The state each story must show; every other story shows content. */
const ERROR_STORIES = new Set(['LoadError', 'UnknownCountry', 'UnknownVariant', 'UnknownTopic', 'MalformedJson', 'UnknownTimeline', 'TicketWithoutApi']);
const expectedState = (name: string) => (ERROR_STORIES.has(name) ? 'error' : name === 'Empty' ? 'empty' : name === 'Loading' ? 'loading' : 'content');

/** Every story is a test: rendered in each locale, then checked with axe. */
function storyTests(title: string, module: StoryModule) {
  const { default: meta, ...stories } = module;
  describe(`${title} stories`, () => {
    for (const [name, story] of Object.entries(stories) as [string, { args?: object; play?: (context: { canvasElement: HTMLElement }) => Promise<void> }][]) {
      for (const locale of LOCALES) {
        it(`${name} (${locale}) renders and passes axe`, async () => {
          const warnings = captureWarnings();
          try {
            const args = { ...meta.args, ...story.args } as never;
            const host = await fixture<HTMLElement>(html`<div lang=${locale}>${meta.render(args, {} as never)}</div>`);
            const widget = host.querySelector('lindungi-hotline, lindungi-rights-card, lindungi-stage-timeline, lindungi-report-form') as HTMLElement & {
              updateComplete: Promise<boolean>;
            };
            const base = () => widget.shadowRoot?.querySelector('[part="base"]');
            // Every state settles: content, a message, or the loading placeholder.
            await waitUntil(() => base()?.getAttribute('lang') === locale && (base()?.textContent ?? '').trim().length > 0, 'story did not render', {
              timeout: 5000,
            });
            if (name !== 'Loading') {
              await waitUntil(() => base()?.getAttribute('aria-busy') === 'false', 'story stayed busy', { timeout: 5000 });
            }
            // The story shows the state it is named for, not any render at all.
            const root = widget.shadowRoot!;
            const shown = root.querySelector('[part="error"]')
              ? 'error'
              : root.querySelector('[part="empty"]')
                ? 'empty'
                : base()?.getAttribute('aria-busy') === 'true'
                  ? 'loading'
                  : root.querySelector('[part="heading"], [part="launcher"]')
                    ? 'content'
                    : 'nothing';
            expect(shown, `${name} shows ${shown}`).to.equal(expectedState(name));
            await expect(host).to.be.accessible();
            // A story with an interaction (pressing Continue on an empty step, or Send to a server that
            // refuses) is checked after it too.
            if (story.play) {
              await story.play({ canvasElement: host });
              await widget.updateComplete;
              expect(root.querySelector('[part="error-summary"], [part="notice"]'), `${name} shows what went wrong`).to.exist;
              await expect(host).to.be.accessible();
            }
            const launcher = widget.shadowRoot!.querySelector<HTMLButtonElement>('[part="launcher"]');
            if (launcher) {
              launcher.click();
              await expect(host).to.be.accessible();
            }
            // Open disclosures are checked too.
            const toggle = widget.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]');
            if (toggle) {
              toggle.click();
              await widget.updateComplete;
              await expect(host).to.be.accessible();
            }
          } finally {
            warnings.restore();
          }
        });
      }
    }
  });
}

storyTests('Hotline', hotlineStories as unknown as StoryModule);
storyTests('Rights card', rightsCardStories as unknown as StoryModule);
storyTests('Stage timeline', timelineStories as unknown as StoryModule);
storyTests('Report form', reportFormStories as unknown as StoryModule);

/** The galleries: all four widgets in the gallery's own language, each showing content, then axe. */
describe('Gallery stories', () => {
  const { default: meta, ...stories } = galleryStories as unknown as StoryModule;
  for (const [name, story] of Object.entries(stories) as [string, { args?: { locale: string } }][]) {
    it(`${name} shows all four widgets in ${story.args!.locale}, and passes axe`, async () => {
      const host = await fixture<HTMLElement>(html`<div>${meta.render({ ...meta.args, ...story.args } as never, {} as never)}</div>`);
      const widgets = [...host.querySelectorAll('lindungi-hotline, lindungi-rights-card, lindungi-stage-timeline, lindungi-report-form')];
      expect(widgets.map((w) => w.localName)).to.deep.equal(['lindungi-hotline', 'lindungi-rights-card', 'lindungi-stage-timeline', 'lindungi-report-form']);
      const base = (w: Element) => w.shadowRoot?.querySelector('[part="base"]');
      await waitUntil(
        () => widgets.every((w) => base(w)?.getAttribute('lang') === story.args!.locale && base(w)?.getAttribute('aria-busy') === 'false'),
        'a widget did not render',
        {
          timeout: 5000,
        },
      );
      for (const w of widgets) {
        expect(base(w)!.getAttribute('dir'), w.localName).to.equal(story.args!.locale === 'ar' ? 'rtl' : 'ltr');
        expect(w.shadowRoot!.querySelector('[part="heading"], [part="step-heading"]'), `${w.localName} shows content`).to.exist;
      }
      await expect(host).to.be.accessible();
    });
  }
});

/**
 * The server-rendered stories: the server's HTML in a frame that runs no script, each widget's
 * declarative shadow root attached and showing content, a help number laid out; then axe on the
 * story (the frame's own HTML is checked with axe end to end, test/e2e/server-rendered*.test.ts).
 */
describe('Server-rendered stories', () => {
  const { default: meta, ...stories } = serverStories as unknown as StoryModule;
  for (const [name, story] of Object.entries(stories) as [string, { args?: object; render?: StoryModule['default']['render'] }][]) {
    it(`${name} shows the server's rendering with no script, and passes axe`, async () => {
      const args = { ...meta.args, ...story.args } as never;
      const host = await fixture<HTMLElement>(html`<div>${(story.render ?? meta.render)(args, {} as never)}</div>`);
      await waitUntil(() => host.querySelector('iframe')?.contentDocument?.body?.childElementCount, 'the frame did not load', { timeout: 5000 });
      const frame = host.querySelector('iframe')!;
      expect(frame.getAttribute('sandbox'), 'no script runs in the frame').to.equal('allow-same-origin');
      const doc = frame.contentDocument!;
      const widgets = [...doc.querySelectorAll('lindungi-hotline, lindungi-rights-card, lindungi-stage-timeline, lindungi-report-form')];
      expect(widgets.length).to.be.greaterThan(0);
      for (const widget of widgets) {
        const base = widget.shadowRoot?.querySelector('[part="base"]');
        expect(base, `${widget.localName}: its declarative shadow root is attached`).to.exist;
        expect(base!.getAttribute('aria-busy')).to.equal('false');
        // Not upgraded: the frame runs no script, so this is the server's HTML as it came.
        expect(frame.contentWindow!.customElements.get(widget.localName)).to.equal(undefined);
      }
      const tel = [...doc.querySelectorAll('lindungi-hotline, lindungi-report-form')].flatMap((w) => [
        ...(w.shadowRoot?.querySelectorAll('a[href^="tel:"]') ?? []),
        ...[...(w.shadowRoot?.querySelectorAll('lindungi-hotline') ?? [])].flatMap((n) => [...(n.shadowRoot?.querySelectorAll('a[href^="tel:"]') ?? [])]),
      ]);
      if (!/Floating|RightsCard|StageTimeline/.test(name))
        expect(
          tel.some((a) => a.getBoundingClientRect().height > 0),
          'a help number laid out',
        ).to.equal(true);
      await expect(host).to.be.accessible();
    });
  }
});
