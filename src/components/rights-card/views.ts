/**
 * What the rights card shows once its content is here: the rights by category with their details,
 * legal basis, sources and the ways to get help, or the wallet card. Loaded with the content rather
 * than in the entry, so that a page with the card alone downloads less before anything shows.
 */
import { html, isServer, nothing, type TemplateResult } from 'lit';
import { msg } from '../../internal/msg.js';
import { renderSafetyTip, renderSource } from '../../internal/notes.js';
import { renderCitation } from '../../internal/citation.js';
import * as icons from '../../internal/icons.js';
import * as contentIcons from '../../internal/content-icons.js';
import { orderHotlines } from '../../sdk/content-client.js';
import type { ContentPack, Right, RightCategory, Text } from '../../sdk/schema.js';
import type { RightsCardVariant } from './rights-card.js';
import { reachableFromAbroad, renderHelpLink, renderWallet } from './wallet.js';

export { shareRight } from './share.js';
/** The rights' styles, added to the widget's when the views arrive. */
export { rightsStyles as styles } from './rights.styles.js';

/** What the views read of the card and may ask of it. */
export interface RightsHost {
  readonly locale: string;
  readonly variant: RightsCardVariant;
  readonly expanded: ReadonlySet<string>;
  /** The right whose "Get help now" shows the lines in place (a page with no help widget). */
  readonly helpFor: string | undefined;
  /** What the live region says (a share's result). */
  readonly announcement: string;
  level(depth?: number): number;
  text(value: Text | undefined, cls?: string): TemplateResult;
  toggle(id: string): void;
  needHelp(rightId: string, action: 'call' | 'report'): void;
  share(right: Right): void;
  print(): void;
}

export function renderContent(h: RightsHost, pack: ContentPack, rights: Right[]): TemplateResult {
  if (h.variant === 'wallet')
    return renderWallet({ locale: h.locale, text: (value) => h.text(value), level: () => h.level(), print: () => h.print() }, pack, rights);
  const groups = pack.rightCategories
    .map((category) => ({ category, rights: rights.filter((r) => r.category === category.id) }))
    .filter((g) => g.rights.length);
  const grouped = h.variant === 'full' && groups.length > 1;
  const rightLevel = h.level(grouped ? 2 : 1);
  return html`<section aria-labelledby="heading" class="card ${h.variant}">
    <div role="heading" aria-level=${h.level()} id="heading" part="heading" class="heading">${msg('Know your rights')}</div>
    ${
      h.variant === 'full'
        ? html`<p class="intro">${msg('Indonesian law (UU 18/2017) protects migrant workers before, during and after work. These are your rights.')}</p>`
        : nothing
    }
    ${groups.map(
      ({ category, rights: inGroup }) => html`<div class="group">
        ${grouped ? renderCategory(h, category) : nothing}
        <ul role="list" class="rights">
          ${inGroup.map((right) => renderRight(h, pack, right, rightLevel))}
        </ul>
      </div>`,
    )}
    ${
      isServer
        ? nothing
        : html`<div class="actions">
            <button type="button" part="print" class="print" @click=${() => h.print()}>${icons.printIcon}<span>${msg('Print these rights')}</span></button>
          </div>`
    }
    <div class="visually-hidden" role="status" aria-live="polite">${h.announcement}</div>
  </section>`;
}

function renderCategory(h: RightsHost, category: RightCategory): TemplateResult {
  return html`<div role="heading" aria-level=${h.level(1)} part="category" class="category">
    ${h.text(category.title)}
  </div>`;
}

function renderRight(h: RightsHost, pack: ContentPack, right: Right, level: number): TemplateResult {
  const open = h.expanded.has(right.id);
  const summary = h.variant === 'full' ? html`<p class="summary">${h.text(right.summary)}</p>` : nothing;
  // Without a script each right is a native disclosure, and nothing that needs one is offered.
  if (isServer)
    return html`<li part="right" class="right">
      <details data-right=${right.id}>
        <summary part="toggle" class="toggle">
          <span role="heading" aria-level=${level} class="right-heading">${h.text(right.title, 'title')}</span>${icons.chevronIcon}
        </summary>
        ${summary}
        <div part="details" class="details">${renderDetails(h, pack, right)}</div>
      </details>
    </li>`;
  return html`<li part="right" class="right ${open ? 'open' : ''}">
    <div role="heading" aria-level=${level} class="right-heading">
      <button
        type="button"
        part="toggle"
        class="toggle"
        id="toggle-${right.id}"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="details-${right.id}"
        @click=${() => h.toggle(right.id)}
      >
        ${h.text(right.title, 'title')}${icons.chevronIcon}
      </button>
    </div>
    ${summary}
    <div id="details-${right.id}" part="details" class="details" ?hidden=${!open}>${renderDetails(h, pack, right)}</div>
  </li>`;
}

/** A right's details: what it means, its legal basis and source, and what to do if it is violated. */
function renderDetails(h: RightsHost, pack: ContentPack, right: Right): TemplateResult {
  const tips = pack.safety.filter((tip) => tip.shownIn.includes('rights-card') && tip.rights?.includes(right.id));
  return html`${h.variant === 'compact' ? html`<p>${h.text(right.summary)}</p>` : nothing}
    ${right.details ? html`<p>${h.text(right.details)}</p>` : nothing}
    ${tips.map((tip) => html`<p class="safety" part="safety">${renderSafetyTip(tip, h.locale)}</p>`)}
    <p class="citation" part="citation">${msg('Legal basis:')} ${renderCitation(right.legalBasis.citation, h.locale)}</p>
    ${
      isServer
        ? nothing
        : html`<div class="violated">
            <p class="violated-title"><strong>${msg('Is this right being violated?')}</strong></p>
            <div class="help-actions">
              <button type="button" part="need-help" class="primary" @click=${() => h.needHelp(right.id, 'call')}>
                ${contentIcons.phoneIcon}<span>${msg('Get help now')}</span>
              </button>
              <button type="button" part="need-help" @click=${() => h.needHelp(right.id, 'report')}>
                ${icons.reportIcon}<span>${msg('Report what happened')}</span>
              </button>
            </div>
            ${h.helpFor === right.id ? renderInlineHelp(h, pack) : nothing}
          </div>`
    }
    <p class="source" part="source">${renderSource(right.source, h.locale, right.verified)}</p>
    ${
      isServer
        ? nothing
        : html`<button type="button" part="share" class="share" @click=${() => h.share(right)}>
            ${icons.shareIcon}<span>${msg('Share this right')}</span>
          </button>`
    }`;
}

/** When the page has no help widget: the origin country's emergency lines, reachable from abroad. */
function renderInlineHelp(h: RightsHost, pack: ContentPack): TemplateResult {
  const lines = orderHotlines(pack, pack.corridor.origin).filter((h) => h.emergency);
  return html`<div class="inline-help" role="region" aria-label=${msg('Who to call for help')}>
    ${lines.map(
      (line) => html`<p>
        <strong>${h.text(line.organisation)}</strong>
        ${reachableFromAbroad(line.channels).map((c) => html` ${renderHelpLink(c)}`)}
      </p>`,
    )}
  </div>`;
}
