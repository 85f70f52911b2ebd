import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as hotlineStories from '../../stories/hotline.stories.js';
import * as rightsCardStories from '../../stories/rights-card.stories.js';
import * as timelineStories from '../../stories/stage-timeline.stories.js';
import * as reportFormStories from '../../stories/report-form.stories.js';
import { captureWarnings } from './helpers.js';

interface StoryModule {
  default: { args?: object; render: (args: never, context: never) => TemplateResult };
  [name: string]: unknown;
}

const LOCALES = ['id', 'en', 'km'];

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
