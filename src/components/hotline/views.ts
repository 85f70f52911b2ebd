/**
 * What the hotline shows once its content is here: the heading, the lines of the reader's country
 * and then the origin country's, and the safety advice. Loaded with the content rather than in the
 * entry, so that a page with the hotline alone downloads less before anything shows.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import { renderSafetyTips } from '../../internal/notes.js';
import { countryName } from '../../internal/names.js';
import { channelDisplay } from '../../internal/channels.js';
import { orderHotlines } from '../../sdk/content-client.js';
import type { ContactChannel, ContentPack, Hotline } from '../../sdk/schema.js';
import { renderHotline, type HotlineView } from './channel-parts.js';

/** The lines' styles, added to the widget's when the views arrive. */
export { linesStyles as styles } from './lines.styles.js';

/** What the views read of the hotline. */
export interface HotlineHost extends HotlineView {
  /** The country whose lines come first (upper case). */
  readonly country: string;
  readonly emergencyOnly: boolean;
  /** The widget's heading. */
  readonly heading: string;
  /** What the live region says (a copy's result). */
  readonly announcement: string;
  level(depth?: number): number;
}

export function renderContent(host: HotlineHost, pack: ContentPack): TemplateResult {
  const { country, locale } = host;
  const ordered = orderHotlines(pack, country);
  const emergency = ordered.filter((h) => h.emergency);
  const shown = host.emergencyOnly && emergency.length ? emergency : ordered;
  const local = shown.filter((h) => h.country === country);
  const elsewhere = shown.filter((h) => h.country !== country);
  const name = countryName(country, locale, pack);
  const originName = countryName(pack.corridor.origin, locale, pack);
  const headingId = 'lindungi-hotline-heading';
  return html`
    <section aria-labelledby=${headingId}>
      <div role="heading" aria-level=${host.level()} id=${headingId} part="heading" class="heading">${host.heading}</div>
      ${
        local.length === 0
          ? html`<p class="note" part="note">
            ${msg(str`No verified help line in ${name} is listed yet. These services in ${originName} may be able to help you.`)}
          </p>`
          : nothing
      }
      ${local.length ? renderGroup(host, msg(str`In ${name}`), local) : nothing}
      ${elsewhere.length ? renderGroup(host, local.length ? msg(str`From ${originName}`) : '', elsewhere) : nothing}
      ${renderSafetyTips(pack, 'hotline', locale, host.level(1))}
      <div class="visually-hidden" role="status" aria-live="polite">${host.announcement}</div>
    </section>
  `;
}

function renderGroup(host: HotlineHost, title: string, hotlines: Hotline[]): TemplateResult {
  const level = host.level(1);
  return html`<div class="group">
    ${title ? html`<div role="heading" aria-level=${level} class="group-title">${title}</div>` : nothing}
    <ul part="group" role="list">
      ${hotlines.map((h) => renderHotline(host, h, title ? level + 1 : level))}
    </ul>
  </div>`;
}

/** Put a channel on the clipboard as the reader reads it (a web or email address whole). */
export async function copyChannel(channel: ContactChannel): Promise<{ ok: boolean; shown: string }> {
  const shown = channelDisplay(channel);
  try {
    await navigator.clipboard.writeText(channel.type === 'web' || channel.type === 'email' ? channel.value : shown);
    return { ok: true, shown };
  } catch {
    return { ok: false, shown };
  }
}
