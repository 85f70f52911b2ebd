import { html, isServer, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import { LindungiElement, booleanAttribute } from '../../internal/base-element.js';
import { baseStyles } from '../../internal/styles.js';
import * as icons from '../../internal/icons.js';
import { isCountryCode } from '../../internal/format.js';
import type { ContactChannel, ContentPack, Hotline } from '../../sdk/schema.js';
import { LindungiContactEvent, LindungiHideEvent, LindungiShowEvent } from './events.js';
import { hotlineStyles } from './hotline.styles.js';
import type { HotlineHost } from './views.js';

type Views = typeof import('./views.js');

export type HotlineVariant = 'inline' | 'floating';
const VARIANTS: readonly HotlineVariant[] = ['inline', 'floating'];
const COPY_FEEDBACK_MS = 3000;

/**
 * Who to call, now: the help lines for a country, then the origin country's (e.g. KP2MI), each
 * with links to call, message or write, a copy button, and whether the line is open right now.
 *
 * @tagname lindungi-hotline
 * @summary Help lines with open-now status, shown inline or from a floating help button.
 *
 * @fires lindungi-contact - A reader followed or copied a contact. `detail`: `{ hotlineId, channel, action }`; no personal data.
 * @fires lindungi-show - The floating panel is about to open. Cancelable: `preventDefault()` keeps it closed.
 * @fires lindungi-hide - The floating panel is about to close. Cancelable: `preventDefault()` keeps it open.
 *
 * @csspart base - The wrapper of everything the widget shows.
 * @csspart heading - The widget's heading.
 * @csspart note - A note above the list, e.g. when a country has no verified line yet.
 * @csspart group - The list of lines for one country.
 * @csspart hotline - One help line.
 * @csspart badge - The "Emergency" badge.
 * @csspart hours - The line's opening hours and open-now status.
 * @csspart languages - The languages a line answers in, and whether Indonesian is among them.
 * @csspart channel - A link to call, message, email or visit.
 * @csspart copy - A copy button.
 * @csspart source - The source of a line: publisher, the statement's date, and when it was last checked.
 * @csspart safety - Advice for a reader whose phone someone else may check.
 * @csspart launcher - The floating variant's help button.
 * @csspart dialog - The floating variant's panel.
 * @csspart close - The panel's close button.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message.
 * @csspart retry - The "Try again" button.
 * @csspart offline - The note shown when content is a saved copy.
 * @csspart empty - The message shown when there is nothing to list.
 *
 * @cssprop --lindungi-font-family - Font of the widget (default: inherited from the page).
 * @cssprop --lindungi-font-size - Base font size (default: 1rem).
 * @cssprop --lindungi-color-text - Text colour.
 * @cssprop --lindungi-color-muted - Secondary text colour.
 * @cssprop --lindungi-color-surface - Card background.
 * @cssprop --lindungi-color-surface-alt - Background of notes and placeholders.
 * @cssprop --lindungi-color-border - Borders.
 * @cssprop --lindungi-color-accent - Links and primary buttons.
 * @cssprop --lindungi-color-on-accent - Text on primary buttons.
 * @cssprop --lindungi-color-danger - Emergency badge and errors.
 * @cssprop --lindungi-color-success - "Open now".
 * @cssprop --lindungi-color-warning - Offline note.
 * @cssprop --lindungi-color-focus - Focus ring.
 * @cssprop --lindungi-radius - Corner radius.
 * @cssprop --lindungi-space - Base spacing unit.
 */
export class LindungiHotline extends LindungiElement {
  static override styles = [baseStyles, hotlineStyles];
  protected static override showsHelpFirst = true;
  protected static override loadViews = (): Promise<Views> => import('./views.js');
  /** @internal */
  declare static views: Views | undefined;

  static override properties: PropertyDeclarations = {
    country: {},
    variant: {},
    emergencyOnly: { type: Boolean, attribute: 'emergency-only', converter: booleanAttribute },
    open: { type: Boolean, reflect: true, converter: booleanAttribute },
    copied: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** ISO 3166-1 alpha-2 code of the country the reader is in; default: the corridor's destination. */
  country?: string | undefined;

  /** `inline` lists the lines in place; `floating` shows a help button that opens them in a dialog. */
  variant: HotlineVariant = 'inline';

  /** Show emergency lines only. */
  emergencyOnly = false;

  /**
   * Whether the floating panel is open (floating variant only). Setting it opens or closes the
   * panel, with the cancelable `lindungi-show` / `lindungi-hide` events; focus returns to whatever
   * had it when the panel opened.
   */
  open = false;

  /** The element that had focus when the panel opened: focus goes back there. */
  private opener?: HTMLElement | undefined;

  private copied?: string | undefined;
  private announcement = '';

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private get launcher(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('[part="launcher"]');
  }

  private copyTimer?: ReturnType<typeof setTimeout> | undefined;
  private minuteTimer?: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // "Open now" changes with time: look again every minute while on the page.
    this.minuteTimer = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.minuteTimer);
    clearTimeout(this.copyTimer);
  }

  /** Open the floating panel (same as `open = true`; no effect on the inline variant). */
  show(): void {
    this.open = true;
  }

  /** Close the floating panel (same as `open = false`); focus returns to where it was. */
  hide(): void {
    this.open = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('open') || changed.has('variant')) this.syncDialog();
  }

  /** Bring the dialog in line with `open`, unless a listener cancels the change. */
  private syncDialog(): void {
    const dialog = this.dialog;
    if (!dialog || dialog.open === this.open) return;
    if (this.open) {
      if (!this.dispatchEvent(new LindungiShowEvent())) {
        this.open = false;
        return;
      }
      this.opener = deepActiveElement();
      dialog.showModal();
    } else {
      if (!this.dispatchEvent(new LindungiHideEvent())) {
        this.open = true;
        return;
      }
      dialog.close();
      this.restoreFocus();
    }
  }

  private restoreFocus(): void {
    const opener = this.opener?.isConnected ? this.opener : this.launcher;
    this.opener = undefined;
    opener?.focus();
  }

  /** Escape: the same cancelable close as any other. */
  private onDialogCancel(event: Event): void {
    event.preventDefault();
    this.open = false;
  }

  /**
   * The browser closed the panel itself: it lets a second Escape in a row close a dialog whatever
   * the page says. The page is still told, and focus still goes back.
   */
  private onDialogClose(): void {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new LindungiHideEvent());
    this.restoreFocus();
  }

  /** Focus the panel's launcher for the floating variant, else the widget's heading. */
  override focus(options?: FocusOptions): void {
    if (this.variant === 'floating' && this.launcher) this.launcher.focus(options);
    else super.focus(options);
  }

  protected override inputProblem() {
    if (this.country !== undefined && !isCountryCode(this.country)) {
      return {
        message: msg(str`"${this.country}" is not a country code this widget knows, so no help lines can be shown.`),
        warning: `country="${this.country}" is not an ISO 3166-1 alpha-2 country code.`,
      };
    }
    if (!VARIANTS.includes(this.variant)) {
      return {
        message: msg(str`This help widget cannot be shown: "${this.variant}" is not a display option.`),
        warning: `variant="${this.variant}" is not one of ${VARIANTS.join(', ')}.`,
      };
    }
    return undefined;
  }

  protected override isEmpty(pack: ContentPack): boolean {
    return pack.hotlines.length === 0;
  }

  protected override emptyMessage(): string {
    return msg('No help lines are listed yet.');
  }

  override render() {
    if (this.variant !== 'floating' || this.inputProblem()) return super.render();
    // Without a script the help button is a native disclosure: it opens the lines all the same.
    if (isServer)
      return html`<details class="static-panel">
        <summary part="launcher" class="launcher primary" lang=${this.locale} dir=${this.direction}>${icons.helpIcon}<span>${msg('Get help')}</span></summary>
        <div part="dialog" class="panel" role="region" aria-label=${this.headingText()} lang=${this.locale} dir=${this.direction}>${super.render()}</div>
      </details>
      <div class="room"></div>`;
    // Until the reader's strings are here the launcher shows its icon only: no words in another language.
    // The room below keeps, where the widget is placed, the space the fixed button covers: placed
    // last on the page, the page's end scrolls clear of the button.
    return html`<button
        type="button"
        part="launcher"
        class="launcher primary"
        lang=${this.locale}
        dir=${this.direction}
        aria-haspopup="dialog"
        aria-expanded=${this.open ? 'true' : 'false'}
        @click=${this.show}
      >
        ${icons.helpIcon}${this.stringsReady(this.locale) ? html`<span>${msg('Get help')}</span>` : nothing}
      </button>
      <dialog part="dialog" aria-label=${this.headingText()} lang=${this.locale} dir=${this.direction} @cancel=${this.onDialogCancel} @close=${this.onDialogClose}>
        <div class="dialog-bar">
          <button type="button" part="close" class="close" @click=${this.hide}>
            ${icons.closeIcon}<span>${msg('Close')}</span>
          </button>
        </div>
        ${super.render()}
      </dialog>
      <div class="room"></div>`;
  }

  /** The widget's heading, and the panel's name (the panel has it even while loading). */
  private headingText(): string {
    return this.emergencyOnly ? msg('Where to turn first in an urgent case') : msg('Who to call for help');
  }

  private get countryCode(): string {
    return (this.country ?? this.pack?.corridor.destination ?? 'ID').toUpperCase();
  }

  protected renderContent(pack: ContentPack): TemplateResult {
    return this.views.renderContent(this.viewHost, pack);
  }

  private get views(): Views {
    return (this.constructor as typeof LindungiHotline).views!;
  }

  /** What the views read of the widget and may ask of it. */
  private get viewHost(): HotlineHost {
    return {
      locale: this.locale,
      pack: this.pack,
      copied: this.copied,
      country: this.countryCode,
      emergencyOnly: this.emergencyOnly,
      heading: this.headingText(),
      announcement: this.announcement,
      level: (depth) => this.level(depth),
      opened: (line, channel) => this.dispatchEvent(new LindungiContactEvent({ hotlineId: line.id, channel: channel.type, action: 'open' })),
      copy: (line, channel, key) => void this.copy(line, channel, key),
    };
  }

  private async copy(hotline: Hotline, channel: ContactChannel, key: string): Promise<void> {
    const { ok, shown } = await this.views.copyChannel(channel);
    this.announcement = this.localized(() => (ok ? msg(str`Copied: ${shown}`) : msg(str`Could not copy. Please write it down: ${shown}`)));
    if (!ok) return;
    this.copied = key;
    this.dispatchEvent(new LindungiContactEvent({ hotlineId: hotline.id, channel: channel.type, action: 'copy' }));
    clearTimeout(this.copyTimer);
    this.copyTimer = setTimeout(() => {
      this.copied = undefined;
      this.announcement = '';
    }, COPY_FEEDBACK_MS);
  }
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}
