import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../src/lindungi.js';

type Locale = 'id' | 'en' | 'km' | 'ms' | 'ar';
type Widget = 'hotline' | 'hotline-floating' | 'rights-card' | 'stage-timeline' | 'report-form';
type Rendered = Record<Locale, Record<Widget, string>>;

/** What `lindungi/ssr` writes for each widget and locale with the shipped pack (`npm run build` writes it). */
const RENDERED_URL = new URL('./generated/server-rendered.json', import.meta.url);
let rendered: Promise<Rendered> | undefined;
const load = () =>
  (rendered ??= fetch(RENDERED_URL).then((r) => (r.ok ? (r.json() as Promise<Rendered>) : Promise.reject(new Error(`${RENDERED_URL.href}: ${r.status}`)))));

/**
 * The server's HTML in a frame that runs no script (`sandbox` without `allow-scripts`): what a
 * reader sees where JavaScript never runs, or before it has arrived.
 */
const noScriptFrame = (title: string, body: string, locale: Locale, height: number) =>
  html`<iframe
    title=${title}
    sandbox="allow-same-origin"
    style="inline-size: 360px; block-size: ${height}px; border: 1px solid #c9cfd6; border-radius: 0.5rem; background: #fff"
    .srcdoc=${`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{font-family:system-ui,sans-serif;margin:0.75rem}</style></head><body>${body}</body></html>`}
  ></iframe>`;

const clientElement = (widget: Widget): TemplateResult => {
  switch (widget) {
    case 'hotline':
      return html`<lindungi-hotline heading-level="2"></lindungi-hotline>`;
    case 'hotline-floating':
      return html`<lindungi-hotline variant="floating" heading-level="2"></lindungi-hotline>`;
    case 'rights-card':
      return html`<lindungi-rights-card heading-level="2"></lindungi-rights-card>`;
    case 'stage-timeline':
      return html`<lindungi-stage-timeline timeline="agreement-id-kh" heading-level="2"></lindungi-stage-timeline>`;
    case 'report-form':
      return html`<lindungi-report-form heading-level="2"></lindungi-report-form>`;
  }
};

const pending = html`<p>Loading the server's rendering…</p>`;
const failed = (error: unknown) => html`<p role="alert">The server's rendering is not built: run <code>npm run build</code> (${String(error)}).</p>`;

interface ServerArgs {
  widget: Widget;
  locale: Locale;
}

/**
 * Each widget as the server renders it (Declarative Shadow DOM, `lindungi/ssr` or the embed
 * endpoint), beside the same widget rendered in the browser. The browser suite checks each story:
 * the server's side with no script, its shadow roots attached, a working help number.
 */
const meta: Meta<ServerArgs> = {
  title: 'Server-rendered/Beside the browser',
  args: { widget: 'hotline', locale: 'id' },
  argTypes: {
    widget: { control: 'select', options: ['hotline', 'hotline-floating', 'rights-card', 'stage-timeline', 'report-form'] },
    locale: { control: 'inline-radio', options: ['id', 'en', 'km', 'ms', 'ar'] },
  },
  render: (args) =>
    html`<div lang=${args.locale} style="display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start">
      <figure style="margin: 0">
        <figcaption><strong>Server-rendered, no script</strong></figcaption>
        ${until(
          load().then((r) => noScriptFrame(`${args.widget}, as the server renders it`, r[args.locale][args.widget], args.locale, 640), failed),
          pending,
        )}
      </figure>
      <figure style="margin: 0; inline-size: 360px">
        <figcaption><strong>Rendered in the browser</strong></figcaption>
        ${clientElement(args.widget)}
      </figure>
    </div>`,
};
export default meta;

type Story = StoryObj<ServerArgs>;

export const Hotline: Story = {};
export const FloatingHotline: Story = { args: { widget: 'hotline-floating' } };
export const RightsCard: Story = { args: { widget: 'rights-card' } };
export const StageTimeline: Story = { args: { widget: 'stage-timeline' } };
export const ReportForm: Story = { args: { widget: 'report-form' } };
/** Khmer, rendered on the server. */
export const HotlineInKhmer: Story = { args: { locale: 'km' } };
/** Arabic, rendered on the server: right to left without any script. */
export const HotlineInArabic: Story = { args: { locale: 'ar' } };

/** A partner's page with all four widgets where JavaScript is off: links, disclosures and hours still work. */
export const JavaScriptOff: Story = {
  render: (args) =>
    html`${until(
      load().then(
        (r) =>
          noScriptFrame(
            'A partner page with JavaScript off',
            `<h1>Pekerja migran di Kamboja</h1>${(['stage-timeline', 'hotline', 'rights-card', 'report-form'] as const).map((w) => r[args.locale][w]).join('\n')}`,
            args.locale,
            900,
          ),
        failed,
      ),
      pending,
    )}`,
};
