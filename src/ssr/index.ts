/// <reference types="node" />
/**
 * `lindungi/ssr`: every widget rendered on the server (Node) to HTML with a declarative shadow
 * root, with Lit's own server renderer and the widgets' own templates. The help is readable in the
 * page's first bytes, before any script and where none runs; the widget's script, when it comes,
 * takes over in place (see `LindungiElement`).
 */
import { createHash } from 'node:crypto';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing, type CSSResultOrNative, type TemplateResult } from 'lit';
import '../lindungi.js';
import { LindungiHotline } from '../components/hotline/hotline.js';
import { LindungiRightsCard } from '../components/rights-card/rights-card.js';
import { LindungiStageTimeline } from '../components/stage-timeline/stage-timeline.js';
import { LindungiReportForm } from '../components/report-form/report-form.js';
import { renderFirstStepOnServer } from '../components/report-form/server-step.js';
import * as hotlineViews from '../components/hotline/views.js';
import * as timelineViews from '../components/stage-timeline/views.js';
import * as rightsViews from '../components/rights-card/views.js';
import { inLocale, loadUiLocale } from '../internal/localization.js';
import { FALLBACK_LOCALE, UI_LOCALES, matchLocale, type UiLocale } from '../internal/locale.js';
import { withMessages, withTexts, type Messages, type Texts } from '../internal/overrides.js';
import type { ContentClient } from '../sdk/content-client.js';
import { orderHotlines } from '../sdk/content-client.js';
import { LindungiNotConfiguredError } from '../sdk/errors.js';
import type { ContentPack } from '../sdk/schema.js';

/** The languages a widget renders in: `en`, `id`, `km`, `ms`, `ar`. */
export const LOCALES: readonly string[] = UI_LOCALES;

export type { Messages, Texts } from '../internal/overrides.js';

export type WidgetName = 'hotline' | 'rights-card' | 'stage-timeline' | 'report-form';

const CLASSES = {
  hotline: LindungiHotline,
  'rights-card': LindungiRightsCard,
  'stage-timeline': LindungiStageTimeline,
  'report-form': LindungiReportForm,
} as const;

/** The widgets, and the attributes each may be rendered with on the server. */
export const SERVER_ATTRIBUTES: Record<WidgetName, readonly string[]> = {
  hotline: ['variant', 'country', 'emergency-only', 'heading-level', 'api'],
  'rights-card': ['variant', 'topic', 'heading-level', 'api'],
  'stage-timeline': ['timeline', 'current-stage', 'compact', 'heading', 'heading-level', 'api'],
  'report-form': ['heading-level', 'api', 'exit-url'],
};
export const WIDGETS = Object.keys(SERVER_ATTRIBUTES) as WidgetName[];

export type Attributes = Partial<Record<string, string | number | boolean | undefined>>;

export interface RenderOptions {
  widget: WidgetName;
  /** The corridor's content pack, already validated (`parseContentPack`). */
  pack: ContentPack;
  /** One of `LOCALES` (or a tag of one, `ms-MY`); another or none renders in Indonesian. */
  locale?: string | undefined;
  /** The widget's attributes (see `SERVER_ATTRIBUTES`); booleans as `true`/`false`. */
  attributes?: Attributes | undefined;
  /** Interface strings of your own, as `configure({ messages })` takes them; give the page's script the same. */
  messages?: Messages | undefined;
  /** Pack texts of your own, as `configure({ texts })` takes them; give the page's script the same. */
  texts?: Texts | undefined;
}

/** A content client that already has its pack: the widget renders its content at once. */
function serverClient(pack: ContentPack, api: string | undefined): ContentClient {
  const result = { pack, offline: false };
  return {
    corridor: pack.corridor.id,
    api,
    locale: undefined,
    loaded: result,
    load: () => Promise.resolve(result),
    content: () => Promise.resolve(pack),
    rights: () => Promise.resolve(pack.rights),
    timeline: (id) => Promise.resolve(pack.timelines.find((t) => t.id === id)),
    hotlines: (country) => Promise.resolve(orderHotlines(pack, country ?? pack.corridor.destination)),
    reportStatus: () => Promise.reject(new LindungiNotConfiguredError()),
  };
}

/** Every locale's strings, the shared ones and each widget's own, loaded once. */
let ready: Promise<void> | undefined;
function loadStrings(): Promise<void> {
  ready ??= Promise.all(UI_LOCALES.flatMap((locale) => [loadUiLocale(locale), LindungiReportForm['strings'].load(locale)])).then(() => undefined);
  return ready;
}

renderFirstStepOnServer();
/** The browser loads a widget's views (and their styles) with its content; here they are at hand before any render. */
function useViews<Views extends { styles: CSSResultOrNative }>(widget: { views?: Views | undefined; elementStyles: CSSResultOrNative[] }, views: Views): void {
  widget.views = views;
  widget.elementStyles = [...widget.elementStyles, views.styles];
}
useViews(LindungiHotline, hotlineViews);
useViews(LindungiStageTimeline, timelineViews);
useViews(LindungiRightsCard, rightsViews);

// Lit's server renderer calls each element's render() directly, not through update() as the browser
// does: the widgets render in their own locale here too (a nested widget in its own).
for (const element of Object.values(CLASSES)) {
  const render = element.prototype.render;
  element.prototype.render = function (this: InstanceType<typeof element>) {
    return inLocale(this['locale'], () => render.call(this));
  };
}

const attr = (attributes: Attributes, name: string) => {
  const value = attributes[name];
  return value === undefined || value === false ? nothing : String(value);
};
const flag = (attributes: Attributes, name: string) => attributes[name] === true || attributes[name] === 'true' || attributes[name] === '';

function template(options: RenderOptions, locale: UiLocale): TemplateResult {
  const a = options.attributes ?? {};
  const corridor = options.pack.corridor.id;
  const client = serverClient(options.pack, typeof a['api'] === 'string' ? a['api'] : undefined);
  const level = attr(a, 'heading-level');
  switch (options.widget) {
    case 'hotline':
      return html`<lindungi-hotline lang=${locale} corridor=${corridor} api=${attr(a, 'api')} variant=${attr(a, 'variant')} country=${attr(a, 'country')} ?emergency-only=${flag(a, 'emergency-only')} heading-level=${level} .client=${client} ></lindungi-hotline>`;
    case 'rights-card':
      return html`<lindungi-rights-card lang=${locale} corridor=${corridor} api=${attr(a, 'api')} variant=${attr(a, 'variant')} topic=${attr(a, 'topic')} heading-level=${level} .client=${client} ></lindungi-rights-card>`;
    case 'stage-timeline':
      return html`<lindungi-stage-timeline lang=${locale} corridor=${corridor} api=${attr(a, 'api')} timeline=${attr(a, 'timeline')} current-stage=${attr(a, 'current-stage')} heading=${attr(a, 'heading')} ?compact=${flag(a, 'compact')} heading-level=${level} .client=${client} ></lindungi-stage-timeline>`;
    case 'report-form':
      return html`<lindungi-report-form lang=${locale} corridor=${corridor} api=${attr(a, 'api')} exit-url=${attr(a, 'exit-url')} heading-level=${level} .client=${client} ></lindungi-report-form>`;
  }
}

/** Lit's markers for hydration: the widgets take over by replacing, so they are left out. */
const HYDRATION_MARKERS = /<!--lit-part[^>]*-->|<!--\/lit-part-->|<!--lit-node \d+-->|<\?lit\$\d+\$>| defer-hydration(?=[ >])/g;

/** Boolean properties written as attributes with their value (see above). */
const BOOLEAN_PROPERTIES = / (checked)="(true|false|undefined)"/g;

/**
 * One widget as HTML: the element with its declarative shadow root, ready to be put in a page.
 * Renders in the locale asked for even while other requests render in others (each render runs to
 * its end without waiting).
 */
export async function renderWidget(options: RenderOptions): Promise<string> {
  if (!(options.widget in CLASSES)) throw new TypeError(`Unknown widget "${String(options.widget)}"`);
  const unknown = Object.keys(options.attributes ?? {}).filter((name) => !SERVER_ATTRIBUTES[options.widget].includes(name));
  if (unknown.length) throw new TypeError(`<lindungi-${options.widget}> is not rendered on the server with ${unknown.join(', ')}`);
  await loadStrings();
  const locale = matchLocale(options.locale) ?? FALLBACK_LOCALE;
  const shown = { ...options, pack: withTexts(options.pack, options.texts) };
  const out = withMessages(options.messages, () => collectResultSync(render(template(shown, locale))))
    .replace(HYDRATION_MARKERS, '')
    // Lit's server renderer writes a `.checked` binding as `checked="false"`, which checks the box.
    .replace(BOOLEAN_PROPERTIES, (_all, name: string, value: string) => (value === 'true' ? ` ${name}` : ''));
  // The outer tag on one line, whatever attributes were left out.
  return out.replace(/^<(lindungi-[a-z-]+)([^>]*)>/, (_tag, name: string, attrs: string) => `<${name}${attrs.replace(/\s+/g, ' ').trimEnd()}>`);
}

/** The text of each widget's style block as the server writes it (widgets nested in one included). */
function styleTexts(): string[] {
  return Object.values(CLASSES).map((element) =>
    (element.elementStyles as CSSResultOrNative[]).map((style) => ('cssText' in style ? style.cssText : '')).join(''),
  );
}

/**
 * What a page's Content-Security-Policy adds to `style-src` so that the server-rendered widgets keep
 * their styles: the hash of each widget's style block, e.g. `'sha256-…'`. They change only when a
 * release changes the widgets' styles.
 */
export function styleHashes(): string[] {
  return [...new Set(styleTexts().map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`))];
}
