import {
  LitElement,
  ReactiveElement,
  adoptStyles,
  html,
  isServer,
  nothing,
  type CSSResultOrNative,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { msg, str } from './msg.js';
import { LindungiError, LindungiNetworkError, LindungiValidationError } from '../sdk/errors.js';
import type { ContentClient } from '../sdk/content-client.js';
import type { ContentPack, Text } from '../sdk/schema.js';
import { pickText, pickTextLocale } from '../sdk/text.js';
import { VERSION } from './define.js';
import { sharedClient } from './config.js';
import { ContentController, type ContentState } from './content-controller.js';
import { FALLBACK_LOCALE, directionOf, matchLocale, notifyLocaleChange, resolveLocale, watchLocale, type UiLocale } from './locale.js';
import { inLocale, isUiLocaleReady, loadUiLocale, onUiLocaleLoaded } from './localization.js';
import { sourceLocale } from '../generated/locale-codes.js';
import * as icons from './icons.js';
import { formatDateTime, prepareFormats } from './format.js';

/**
 * A boolean attribute that also reads the string "false" as false: Vue and Svelte write
 * `emergency-only="false"` for a false value bound by attribute name.
 */
export const booleanAttribute = {
  // Reflecting falls back to Lit's own Boolean rule: present when true, removed when false.
  fromAttribute: (value: string | null) => value !== null && value !== 'false',
};

export type { ContentState };

/**
 * What every Lindungi widget shares: its locale and direction, loading content through the SDK,
 * and the loading, offline, error and empty states. A widget only renders its own content.
 */
export abstract class LindungiElement extends LitElement {
  /** Version of the library that defined the element; a second copy compares it. */
  static version = VERSION;

  /** Whether the widget shows help lines: it renders before the others when the content arrives. */
  protected static showsHelpFirst = false;

  /**
   * Where a widget keeps the views of its content out of its entry: their module's import. The
   * module is asked for with the content, in the same chunk, and the widget shows its placeholder
   * until both are here. The server's renderer sets `views` before it renders.
   */
  protected static loadViews?: () => Promise<unknown>;
  /** The views' module, once loaded (on the server: set by the renderer). @internal */
  static views?: unknown;
  /** @internal */
  static viewsLoading?: Promise<unknown> | undefined;

  // Reactive properties are declared here rather than with decorators: same behaviour, and no
  // decorator helpers in every widget bundle.
  static override properties: PropertyDeclarations = {
    corridor: { reflect: true },
    api: {},
    client: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    textDirection: { attribute: 'dir' },
    locale: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    localeFailure: { state: true, attribute: false },
  };

  /** Corridor id, e.g. `ID-KH`. */
  corridor = '';

  /** Base URL of a Lindungi API. Without it, the content pack shipped with the package is used. */
  api?: string | undefined;

  /** A client to read content from, instead of the page's shared one. */
  client?: ContentClient | undefined;

  /** Level of the widget's heading (1–6), to fit the page's outline. */
  headingLevel = 2;

  /**
   * The `dir` attribute set on the widget itself: `rtl` or `ltr` overrides the direction of the
   * widget's locale (for custom texts in a right-to-left language). A page's `dir` elsewhere does not.
   */
  protected textDirection?: string | undefined;

  /** The locale the widget renders in. */
  protected locale: UiLocale = 'id';

  /** The widget's content and its state, loaded through the SDK. */
  protected readonly content = new ContentController(
    this,
    () => this.contentClient,
    (this.constructor as typeof LindungiElement).showsHelpFirst,
    () => this.wantedLocale ?? this.locale,
    () => (this.constructor as typeof LindungiElement).viewsLoading,
  );

  protected get contentState(): ContentState {
    return this.content.state;
  }

  /** The content pack, once loaded. */
  protected get pack(): ContentPack | undefined {
    return this.content.pack;
  }

  /** A failure of the widget's own work beyond the content (e.g. a report's status), shown like a load error. */
  protected failure?: unknown;

  private wantedLocale?: UiLocale | undefined;
  /** A locale whose strings could not be loaded: the widget shows its source-locale strings meanwhile. */
  private localeFailure?: UiLocale | undefined;
  private unwatch: Array<() => void> = [];
  /**
   * The server's rendering of this widget (its declarative shadow root): it stays on screen until
   * the widget has its own content, then gives way in the same frame.
   */
  private serverRendered?: ChildNode[] | undefined;
  private takeOver?: typeof import('./take-over.js').takeOver | undefined;
  private warned = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatch.push(
      watchLocale(() => this.syncLocale()),
      // Another widget's retry brought the strings this one gave up on.
      onUiLocaleLoaded(() => this.localeFailure && this.syncLocale()),
    );
    this.syncLocale();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.unwatch) stop();
    this.unwatch = [];
  }

  /** Whether the UI strings of `locale` are here (a widget with its own strings adds those). */
  protected stringsReady(locale: UiLocale): boolean {
    return isUiLocaleReady(locale);
  }

  /** Load the UI strings of `locale`. */
  protected loadStrings(locale: UiLocale): Promise<void> {
    return loadUiLocale(locale);
  }

  /** Re-read the locale from the page; the widget switches once that locale's strings are loaded. */
  private syncLocale(): void {
    const wanted = resolveLocale(this);
    this.wantedLocale = wanted;
    this.content.followLocale();
    if (this.stringsReady(wanted)) {
      this.locale = wanted;
      this.localeFailure = undefined;
      return;
    }
    this.loadStrings(wanted).then(
      () => {
        if (this.wantedLocale !== wanted) return;
        this.locale = wanted;
        this.localeFailure = undefined;
        // The locale may be unchanged (the first one) while its strings just arrived.
        this.requestUpdate();
      },
      (error: unknown) => {
        if (this.wantedLocale !== wanted) return;
        this.warnOnce(
          `could not load the "${wanted}" texts (${error instanceof Error ? error.message : String(error)}); showing ${sourceLocale} until they arrive.`,
        );
        // Never stuck on the placeholder: the texts the widget carries, with a way to try again.
        this.localeFailure = wanted;
        this.locale = sourceLocale;
      },
    );
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (this.shadowRoot?.firstChild) {
      this.serverRendered = [...this.shadowRoot.childNodes];
      void import('./take-over.js').then((module) => {
        this.takeOver = module.takeOver;
        this.requestUpdate();
      });
    }
    const root = super.createRenderRoot();
    if (root instanceof ShadowRoot) this.adoptedStyles = (this.constructor as typeof LindungiElement).elementStyles;
    return root;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // On the server the widget renders in the language its `lang` attribute names.
    if (isServer) this.locale = matchLocale(this.getAttribute('lang')) ?? FALLBACK_LOCALE;
    if (changed.has('corridor') || changed.has('api') || changed.has('client')) this.reload();
  }

  /** The client the widget reads through: its own `client`, else the page's shared one. */
  protected get contentClient(): ContentClient {
    return this.client ?? sharedClient(this.corridor, this.api);
  }

  /** What the error state's "Try again" does: load the content again. */
  protected retry(): void {
    this.reload();
  }

  /** Load (or load again) the content, and the views that show it; the state follows. */
  protected reload(): void {
    this.content.load();
    this.requestViews();
    if (!isServer && this.contentState === 'loading') prepareFormats(this.locale);
  }

  /** `msg()` calls anywhere in the render answer in this widget's locale. */
  protected override update(changed: PropertyValues<this>): void {
    const styles = (this.constructor as typeof LindungiElement).elementStyles;
    if (this.adoptedStyles && this.adoptedStyles !== styles) {
      // Styles that arrived with the views since the shadow root was made.
      adoptStyles(this.renderRoot as ShadowRoot, styles);
      this.adoptedStyles = styles;
    }
    if (this.serverRendered) {
      // The server's help stays readable until this widget's content is here. If the content or its
      // views cannot be loaded (offline), the server's copy stays: it has working links, an error would not.
      const state = this.contentState;
      if (this.isLoading || state === 'error' || !this.viewsReady || !this.takeOver) return ReactiveElement.prototype['update'].call(this, changed);
      this.adoptServerState(this.shadowRoot!);
      const nodes = this.serverRendered;
      this.serverRendered = undefined;
      this.renderOptions.renderBefore = null;
      this.takeOver(this.shadowRoot!, nodes, () => inLocale(this.locale, () => super.update(changed)));
    } else inLocale(this.locale, () => super.update(changed));
    // A widget inside this one (the report form's hotline and timeline) reads its locale from the
    // `lang` just rendered here, in the shadow root, where no observer of the page looks.
    const previous = (changed as Map<PropertyKey, unknown>).get('locale');
    if (previous !== undefined && previous !== this.locale && !this.localeFailure) queueMicrotask(notifyLocaleChange);
  }

  /** Read what the reader did in the server's rendering (opened, chose) before it gives way. */
  protected adoptServerState(_root: ShadowRoot): void {}

  /**
   * Move focus to the widget's heading (or, before it is shown, the widget itself), so that a
   * page or another widget can take the reader here with the ordinary `focus()`.
   */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot?.querySelector<HTMLElement>('[part="heading"]') ?? this.renderRoot?.querySelector<HTMLElement>('[part="base"]');
    if (!target) return super.focus(options);
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus(options);
  }

  /** The heading level `depth` below the widget's own heading, within 1–6. */
  protected level(depth = 0): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2) + depth);
  }

  /** A pack text in this widget's locale, marked with the language it is actually in. */
  protected text(value: Text | undefined, cls?: string): TemplateResult {
    return html`<span class=${cls ?? nothing} lang=${pickTextLocale(value, this.locale) ?? nothing}>${pickText(value, this.locale)}</span>`;
  }

  /** Whether the views of the content are here (a widget that keeps them in its entry has them). */
  private get viewsReady(): boolean {
    const widget = this.constructor as typeof LindungiElement;
    return !widget.loadViews || widget.views !== undefined;
  }
  /** Why the views could not be loaded (the reader is offline): shown with "Try again". */
  private viewsFailure?: unknown;
  /** The styles this widget's shadow root has. */
  private adoptedStyles?: CSSResultOrNative[] | undefined;

  /** Ask for the views' module, once for every widget of this kind. */
  private requestViews(): void {
    const widget = this.constructor as typeof LindungiElement;
    if (isServer || this.viewsReady) return;
    this.viewsFailure = undefined;
    if (!Object.hasOwn(widget, 'viewsLoading') || !widget.viewsLoading) {
      widget.viewsLoading = widget.loadViews!().then((views) => {
        widget.views = views;
        // The views' own styles join the widget's, for the widgets of this kind on the page and to come.
        const styles = (views as { styles?: CSSResultOrNative }).styles;
        if (styles) widget.elementStyles = [...widget.elementStyles, styles];
      });
    }
    // Once here, the views render in the widget's turn (see the content controller).
    widget.viewsLoading.catch((error: unknown) => {
      // The next "Try again" asks again.
      widget.viewsLoading = undefined;
      this.viewsFailure = new LindungiNetworkError('The widget could not be loaded', 'failed', { cause: error });
      this.requestUpdate();
    });
  }

  /** One console warning per distinct problem, however often the widget renders. */
  protected warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    console.warn(`[lindungi] <${this.localName}>: ${message}`);
  }

  /** Build a message in this widget's locale outside of render (announcements, events). */
  protected localized<T>(fn: () => T): T {
    return inLocale(this.locale, fn);
  }

  /**
   * A localized message if an attribute is unusable (unknown country, unknown variant), checked
   * on every render; the widget then shows it instead of its content and warns once.
   */
  protected inputProblem(): { message: string; warning: string } | undefined {
    return undefined;
  }

  /** Whether the pack has nothing for this widget to show. */
  protected isEmpty(_pack: ContentPack): boolean {
    return false;
  }

  /** The widget's content, rendered once the pack is loaded. */
  protected abstract renderContent(pack: ContentPack): TemplateResult | typeof nothing;

  /** The message of the empty state. */
  protected emptyMessage(): string {
    return msg('There is nothing to show here yet.');
  }

  /** The direction the widget writes in: its own `dir` if set to one, else its language's. */
  protected get direction(): 'ltr' | 'rtl' {
    return this.textDirection === 'rtl' || this.textDirection === 'ltr' ? this.textDirection : directionOf(this.locale);
  }

  override render() {
    return html`<div
      part="base"
      class="base"
      lang=${this.locale}
      dir=${this.direction}
      aria-busy=${this.isLoading ? 'true' : 'false'}
    >
      ${this.localeFailure ? this.renderLocaleFailure() : nothing}${this.renderState()}
    </div>`;
  }

  /** Loading until both the content and this locale's UI strings are here: no flash of another language. */
  protected get isLoading(): boolean {
    if (this.contentState === 'loading' || !this.stringsReady(this.locale) || (!this.viewsReady && this.viewsFailure === undefined)) return true;
    // The first content waits for the reader's own strings (another widget on the page may have
    // brought another language's); later a change of language keeps the last one until they arrive.
    if (!this.shownContent && this.wantedLocale !== undefined && this.wantedLocale !== this.locale && !this.localeFailure) return true;
    this.shownContent = true;
    return false;
  }
  private shownContent = false;

  private renderState(): TemplateResult | typeof nothing {
    const problem = this.inputProblem();
    if (problem) {
      this.warnOnce(problem.warning);
      return html`<div class="notice error" part="error" role="alert">
        ${icons.alertIcon}
        <p>${problem.message}</p>
      </div>`;
    }
    if (this.isLoading) {
      // A server renderer other than lindungi/ssr does not have the views: it would send a placeholder.
      if (isServer && !this.viewsReady) this.warnOnce('its views are not loaded on this server: render it with renderWidget() from lindungi/ssr.');
      return html`<span class="skeleton" part="loading"></span
        ><span class="visually-hidden">${isUiLocaleReady(this.locale) ? msg('Loading…') : nothing}</span>`;
    }
    if (this.contentState === 'error') return this.renderError(this.content.error);
    if (!this.viewsReady) return this.renderError(this.viewsFailure);
    if (this.failure !== undefined) return this.renderError(this.failure);
    const pack = this.pack!;
    if (this.isEmpty(pack)) {
      return html`<div class="notice" part="empty"><p>${this.emptyMessage()}</p></div>`;
    }
    return html`${this.contentState === 'offline' ? this.renderOfflineNotice() : nothing}${this.renderContent(pack)}`;
  }

  private renderError(error: unknown): TemplateResult {
    if (error instanceof LindungiError && error.code === 'unknown-corridor') {
      return html`<div class="notice error" part="error" role="alert">
        ${icons.alertIcon}
        <p>${msg(str`No information is available for the corridor "${this.corridor}".`)}</p>
      </div>`;
    }
    const message =
      error instanceof LindungiNetworkError
        ? msg('The information could not be loaded. Check your connection and try again.')
        : error instanceof LindungiValidationError
          ? msg('The information could not be shown because it is damaged. Try again later.')
          : msg('Something went wrong while loading the information. Try again.');
    return this.renderNotice(message, () => this.retry());
  }

  /** An error message with a "Try again" button. */
  private renderNotice(message: string, retry: () => void): TemplateResult {
    return html`<div class="notice error" part="error" role="alert">
      ${icons.alertIcon}
      <div>
        <p>${message}</p>
        <button type="button" part="retry" @click=${retry}>${icons.retryIcon} ${msg('Try again')}</button>
      </div>
    </div>`;
  }

  private renderLocaleFailure(): TemplateResult {
    return this.renderNotice(msg('The texts in your language could not be loaded, so they are shown in English. Check your connection and try again.'), () =>
      this.syncLocale(),
    );
  }

  private renderOfflineNotice(): TemplateResult {
    const saved = this.content.savedAt ? formatDateTime(this.content.savedAt, this.locale) : undefined;
    return html`<div class="notice offline" part="offline" role="status">
      ${icons.offlineIcon}
      <p>
        ${
          saved
            ? msg(str`You are offline. This is a copy saved on ${saved}; it may be out of date.`)
            : msg('You are offline. This is a saved copy; it may be out of date.')
        }
      </p>
    </div>`;
  }
}
