/**
 * The rights card's wallet variant, to print or keep on the phone: every right in a line, the
 * lines to try first where the worker is and at home, and the sources it draws on.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import { renderSource } from '../../internal/notes.js';
import { renderCitation } from '../../internal/citation.js';
import * as icons from '../../internal/icons.js';
import * as contentIcons from '../../internal/content-icons.js';
import { formatDate } from '../../internal/format.js';
import { countryName } from '../../internal/names.js';
import { channelDisplay, channelHref } from '../../internal/channels.js';
import { orderHotlines } from '../../sdk/content-client.js';
import type { Channel, ContentPack, Hotline, InPersonChannel, Right, Text } from '../../sdk/schema.js';

/** What the wallet reads of its card. */
export interface WalletView {
  readonly locale: string;
  text(value: Text | undefined): TemplateResult;
  level(): number;
  print(): void;
}

export type DialChannel = Extract<Channel, { type: 'phone' | 'whatsapp' }>;

/** Phone and WhatsApp channels that work from abroad. */
export function reachableFromAbroad(channels: Channel[]): DialChannel[] {
  return channels.filter((c): c is DialChannel => (c.type === 'phone' || c.type === 'whatsapp') && c.reach !== 'domestic');
}

/** "Call +62 …" or "WhatsApp +62 …", as a link. */
export function renderHelpLink(channel: DialChannel, cls?: string): TemplateResult {
  return html`<a class=${cls ?? nothing} href=${channelHref(channel)}
    >${channel.type === 'whatsapp' ? msg('WhatsApp') : msg('Call')} <bdi dir="ltr" class="number">${channelDisplay(channel)}</bdi></a
  >`;
}

/** A line where the worker is: its numbers (said when they work only from inside the country) and places to go. */
function renderWalletHere(v: WalletView, pack: ContentPack, line: Hotline): TemplateResult {
  const inside = msg(str`Only from inside ${countryName(line.country, v.locale, pack)}.`);
  return html`<p class="wallet-help">
    <strong>${msg('Help:')} ${v.text(line.organisation)}</strong>
    ${line.channels.map((c) =>
      c.type === 'in-person'
        ? html`<span class="wallet-place">${contentIcons.placeIcon} ${msg('Go in person')}: ${v.text(c.place)}</span>`
        : c.type === 'phone' || c.type === 'whatsapp'
          ? html`${renderHelpLink(c, 'wallet-line')} ${c.reach === 'domestic' ? html`<span class="wallet-note">${inside}</span>` : nothing}`
          : nothing,
    )}
  </p>`;
}

/** The wallet card: every right in a line, the lines to try first where the worker is and at home, its sources. */
export function renderWallet(v: WalletView, pack: ContentPack, rights: Right[]): TemplateResult {
  const help = orderHotlines(pack, pack.corridor.origin).find((h) => h.emergency);
  // The lines to try first where the worker is (the destination): a number dialled there, a place to go.
  const here = pack.hotlines.filter((h) => h.country === pack.corridor.destination && h.emergency);
  const lines = [...here, ...(help ? [help] : [])];
  // Every source the card draws on, once each; and the oldest check, since the card is only as
  // current as its least recently checked fact.
  const places = here.flatMap((h) => h.channels.filter((c): c is InPersonChannel => c.type === 'in-person'));
  const sources = [...rights.map((r) => r.source), ...lines.map((h) => h.source), ...places.map((p) => p.source)].filter(
    (source, i, all) => all.findIndex((s) => s.publisher === source.publisher && s.published === source.published) === i,
  );
  const checked = [...rights.map((r) => r.verified), ...lines.map((h) => h.verified)].sort()[0];
  return html`<article part="wallet" class="wallet" aria-labelledby="heading">
    <div role="heading" aria-level=${v.level()} id="heading" part="heading" class="heading">${msg('Know your rights')}</div>
    <p class="wallet-basis">${msg('Indonesian migrant worker')}${pack.rightsBasis ? html` · ${renderCitation(pack.rightsBasis.citation, v.locale)}` : nothing}</p>
    <ul role="list" class="wallet-rights">
      ${rights.map((r) => html`<li>${contentIcons.checkIcon}${v.text(r.title)}</li>`)}
    </ul>
    ${here.map((line) => renderWalletHere(v, pack, line))}
    ${
      help
        ? html`<p class="wallet-help">
          <strong>${msg('Help:')} ${v.text(help.organisation)}</strong>
          ${reachableFromAbroad(help.channels).map((c) => html`${renderHelpLink(c, 'wallet-line')} `)}
        </p>`
        : nothing
    }
    <ul role="list" class="source wallet-sources" part="source">
      ${sources.map((source) => html`<li>${renderSource(source, v.locale)}</li>`)}
      ${checked ? html`<li>${msg(str`Checked against the sources on ${formatDate(checked, v.locale)}.`)}</li>` : nothing}
    </ul>
    <div class="actions">
      <button type="button" part="print" class="print" @click=${() => v.print()}>${icons.printIcon}<span>${msg('Print this card')}</span></button>
    </div>
  </article>`;
}
