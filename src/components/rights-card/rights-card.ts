import { isServer, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import { LindungiElement } from '../../internal/base-element.js';
import { baseStyles } from '../../internal/styles.js';
import type { ContentPack, Right } from '../../sdk/schema.js';
import { LindungiNeedHelpEvent } from './events.js';
import { ensurePrintStyles, PRINTING_ATTRIBUTE } from './print.js';
import { rightsCardStyles } from './rights-card.styles.js';
import type { RightsHost } from './views.js';

type Views = typeof import('./views.js');

export type RightsCardVariant = 'full' | 'compact' | 'wallet';
const VARIANTS: readonly RightsCardVariant[] = ['full', 'compact', 'wallet'];
const HASH_PREFIX = '#right-';

/**
 * Know your rights: the rights of UU 18/2017 Pasal 6 ayat (1), grouped by category, each with a
 * plain-language summary, details, its legal basis, its source and when it was last verified,
 * and what to do when it is violated. The `wallet` variant is a small card to print or keep.
 *
 * @tagname lindungi-rights-card
 * @summary Rights of migrant workers, sourced, printable and shareable.
 *
 * @fires lindungi-need-help - The reader wants help with a violated right. `detail`: `{ rightId, action: 'call' | 'report' }`. Cancelable: without `preventDefault()`, the card opens or scrolls to a hotline or report form on the page, or shows the help lines itself.
 *
 * @csspart base - The wrapper of everything the widget shows.
 * @csspart heading - The card's heading.
 * @csspart category - The heading of a group of rights.
 * @csspart right - One right.
 * @csspart toggle - The button that shows or hides a right's details.
 * @csspart details - A right's details.
 * @csspart citation - The legal basis of a right.
 * @csspart need-help - The "get help" and "report" buttons of a right.
 * @csspart share - A right's share button.
 * @csspart source - Source: publisher, the statement's date, and when it was last checked.
 * @csspart safety - Advice on keeping documents and records where no one else sees them.
 * @csspart print - The print button.
 * @csspart wallet - The wallet card.
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
 * @cssprop --lindungi-color-danger - "If this right is violated" and errors.
 * @cssprop --lindungi-color-success - Success colour (shared palette).
 * @cssprop --lindungi-color-warning - Offline note.
 * @cssprop --lindungi-color-focus - Focus ring.
 * @cssprop --lindungi-radius - Corner radius.
 * @cssprop --lindungi-space - Base spacing unit.
 */
export class LindungiRightsCard extends LindungiElement {
  static override styles = [baseStyles, rightsCardStyles];
  protected static override loadViews = (): Promise<Views> => import('./views.js');
  /** @internal */
  declare static views: Views | undefined;

  static override properties: PropertyDeclarations = {
    topic: {},
    variant: {},
    expanded: { state: true, attribute: false },
    helpFor: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** A category id (e.g. `documents`) or a right id (e.g. `keep-documents`) to show only that. */
  topic?: string | undefined;

  /** `full` (grouped, with summaries), `compact` (titles only) or `wallet` (a small printable card). */
  variant: RightsCardVariant = 'full';

  private expanded = new Set<string>();
  private helpFor?: string;
  private announcement = '';
  /** Whether the right the page's address points to was opened once the content first arrived. */
  private linkOpened = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A link to a right (`#right-keep-documents`) opens it once, when the content first arrives, in
    // the same update. Later returns to the ready state ("Try again", a new api) leave the reader be.
    // (The server has no address fragment: a link opens its right once the script is here.)
    if (!isServer && !this.linkOpened && (this.contentState === 'ready' || this.contentState === 'offline')) {
      this.linkOpened = true;
      const id = this.linkedRight();
      if (id) {
        this.expanded = new Set(this.expanded).add(id);
        void this.updateComplete.then(() => this.focusRight(id));
      }
    }
  }

  /** Print this card alone. */
  print(): void {
    ensurePrintStyles();
    this.setAttribute(PRINTING_ATTRIBUTE, '');
    document.documentElement.setAttribute(PRINTING_ATTRIBUTE, '');
    window.addEventListener(
      'afterprint',
      () => {
        this.removeAttribute(PRINTING_ATTRIBUTE);
        document.documentElement.removeAttribute(PRINTING_ATTRIBUTE);
      },
      { once: true },
    );
    window.print();
  }

  /** The id of the right the page's address points to, if this card shows it. A malformed address is ignored. */
  private linkedRight(): string | undefined {
    if (!location.hash.startsWith(HASH_PREFIX) || !this.pack) return undefined;
    let id: string;
    try {
      id = decodeURIComponent(location.hash.slice(HASH_PREFIX.length));
    } catch {
      this.warnOnce(`the address fragment "${location.hash.slice(0, 80)}" is not a valid link to a right; it was ignored.`);
      return undefined;
    }
    return this.shownRights(this.pack).some((r) => r.id === id) ? id : undefined;
  }

  private readonly onHashChange = (): void => void this.followHash();

  private async followHash(): Promise<void> {
    const id = this.linkedRight();
    if (!id) return;
    this.expanded = new Set(this.expanded).add(id);
    await this.updateComplete;
    this.focusRight(id);
  }

  private focusRight(id: string): void {
    const toggle = this.renderRoot.querySelector<HTMLElement>(`#toggle-${CSS.escape(id)}`);
    toggle?.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    toggle?.focus({ preventScroll: true });
  }

  protected override inputProblem() {
    if (!VARIANTS.includes(this.variant)) {
      return {
        message: msg(str`This rights card cannot be shown: "${this.variant}" is not a display option.`),
        warning: `variant="${this.variant}" is not one of ${VARIANTS.join(', ')}.`,
      };
    }
    if (this.topic && this.pack && !this.pack.rightCategories.some((c) => c.id === this.topic) && !this.pack.rights.some((r) => r.id === this.topic)) {
      return {
        message: msg(str`There is no topic "${this.topic}" in these rights, so nothing can be shown.`),
        warning: `topic="${this.topic}" is neither a right category nor a right id of corridor ${this.pack.corridor.id}.`,
      };
    }
    return undefined;
  }

  protected override isEmpty(pack: ContentPack): boolean {
    return pack.rights.length === 0;
  }

  protected override emptyMessage(): string {
    return msg('No rights are listed yet.');
  }

  /** The rights this card shows, in pack order, after the `topic` filter. */
  private shownRights(pack: ContentPack): Right[] {
    const topic = this.topic;
    return topic ? pack.rights.filter((r) => r.id === topic || r.category === topic) : pack.rights;
  }

  protected renderContent(pack: ContentPack): TemplateResult {
    return this.views.renderContent(this.viewHost, pack, this.shownRights(pack));
  }

  private get views(): Views {
    return (this.constructor as typeof LindungiRightsCard).views!;
  }

  /** What the views read of the widget and may ask of it. */
  private get viewHost(): RightsHost {
    return {
      locale: this.locale,
      variant: this.variant,
      expanded: this.expanded,
      helpFor: this.helpFor,
      announcement: this.announcement,
      level: (depth) => this.level(depth),
      text: (value, cls) => this.text(value, cls),
      toggle: (id) => this.toggle(id),
      needHelp: (id, action) => this.needHelp(id, action),
      share: (right) => void this.share(right),
      print: () => this.print(),
    };
  }

  /** The rights the reader opened before the script arrived stay open. */
  protected override adoptServerState(root: ShadowRoot): void {
    const opened = [...root.querySelectorAll<HTMLDetailsElement>('details[data-right][open]')].map((d) => d.dataset['right']!);
    if (opened.length) this.expanded = new Set([...this.expanded, ...opened]);
  }

  private toggle(id: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(id)) next.add(id);
    this.expanded = next;
  }

  private needHelp(rightId: string, action: 'call' | 'report'): void {
    if (!this.dispatchEvent(new LindungiNeedHelpEvent({ rightId, action }))) return;
    // Other widgets are reached through their public API only: `focus()` and the hotline's `open`.
    const hotlines = [...document.querySelectorAll('lindungi-hotline')];
    const inline = hotlines.find((h) => h.getAttribute('variant') !== 'floating');
    const floating = hotlines.find((h) => h.getAttribute('variant') === 'floating');
    const target = (action === 'report' ? document.querySelector<HTMLElement>('lindungi-report-form') : null) ?? inline;
    if (target) {
      target.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      target.focus({ preventScroll: true });
    } else if (floating) {
      floating.open = true;
    } else {
      this.helpFor = rightId;
    }
  }

  private async share(right: Right): Promise<void> {
    const shared = await this.views.shareRight(right, this.locale);
    if (shared === 'shared') return;
    this.announcement = this.localized(() =>
      shared === 'copied' ? msg('Link copied. Paste it to share this right.') : msg(str`Copy this link to share this right: ${shared.link}`),
    );
  }
}
