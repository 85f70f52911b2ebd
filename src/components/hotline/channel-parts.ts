/**
 * A help line as the hotline shows it: its name, hours, languages, channels (each with its copy
 * button) and source; a place to go in person; an address that wraps only where it may.
 */
import { html, isServer, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import { renderSource } from '../../internal/notes.js';
import * as icons from '../../internal/icons.js';
import * as contentIcons from '../../internal/content-icons.js';
import { clock } from '../../internal/clock.js';
import { dateTimeFormat, listFormat } from '../../internal/format.js';
import { countryName, formatTime, languageName } from '../../internal/names.js';
import { channelDisplay, channelHref } from '../../internal/channels.js';
import { ORIGIN_LOCALE, pickText, pickTextLocale } from '../../sdk/text.js';
import type { ContactChannel, ContentPack, Hotline, InPersonChannel } from '../../sdk/schema.js';
import type { WeeklyPeriod } from '../../sdk/schema.js';
import { openingState } from './opening-hours.js';

/** What a help line's rendering reads of the widget, and the two things it may ask of it. */
export interface HotlineView {
  readonly locale: string;
  readonly pack: ContentPack | undefined;
  /** The channel whose "Copied" is showing. */
  readonly copied: string | undefined;
  opened(hotline: Hotline, channel: ContactChannel): void;
  copy(hotline: Hotline, channel: ContactChannel, key: string): void;
}

/** When the line is open, in the line's time and (if it differs) the reader's. */
export function renderHours(hotline: Hotline, locale: string, pack?: ContentPack): TemplateResult {
  // A server's "open now" would be stale in a cached page, and the reader's time zone is unknown
  // there: the server says the hours as they are written, in the line's own time.
  if (isServer && hotline.hours.type === 'weekly') return renderWeeklyHours(hotline, hotline.hours.periods, locale, pack);
  const state = openingState(hotline.hours, clock.now());
  const zone = hotline.hours.type === 'weekly' ? hotline.hours.timeZone : undefined;
  const readerZone = clock.timeZone();
  const at = (date: Date, timeZone: string) => formatTime(date, timeZone, locale, clock.now());
  let text: string;
  let status = '';
  switch (state.kind) {
    case 'always':
      text = msg('Open 24 hours, every day');
      status = 'open';
      break;
    case 'unknown':
      text = msg('Opening hours not known. You can still try to call or write.');
      break;
    case 'open': {
      const line = at(state.closesAt, zone!);
      const mine = at(state.closesAt, readerZone);
      text = line === mine ? msg(str`Open now. Closes at ${line}.`) : msg(str`Open now. Closes at ${line} (your time ${mine}).`);
      status = 'open';
      break;
    }
    case 'closed': {
      const line = at(state.opensAt, zone!);
      const mine = at(state.opensAt, readerZone);
      text = line === mine ? msg(str`Closed now. Opens at ${line}.`) : msg(str`Closed now. Opens at ${line} (your time ${mine}).`);
      status = 'closed';
      break;
    }
  }
  return html`<p class="hours ${status}" part="hours">${contentIcons.clockIcon}<span>${text}</span></p>`;
}

/** Weekly hours as written: "Open Mon, Tue, 08:00–17:00 (time in Cambodia)", each period. */
function renderWeeklyHours(hotline: Hotline, periods: WeeklyPeriod[], locale: string, pack: ContentPack | undefined): TemplateResult {
  const day = dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday: ISO weekday n is that date plus n - 1 days.
  const dayName = (n: number) => day.format(Date.UTC(2024, 0, n));
  const list = listFormat(locale, { style: 'narrow', type: 'conjunction' });
  const country = countryName(hotline.country, locale, pack);
  return html`${periods.map(
    (p) =>
      html`<p class="hours" part="hours">
        ${contentIcons.clockIcon}<span>${msg(str`Open ${list.format(p.days.map(dayName))}, ${p.open}–${p.close} (time in ${country}).`)}</span>
      </p>`,
  )}`;
}

/** A place to go: said in words with its source, never a link that pretends to call. */
export function renderInPerson(channel: InPersonChannel, locale: string): TemplateResult {
  return html`<li class="channel-row in-person">
    <div part="channel" class="channel place">
      ${contentIcons.placeIcon}
      <span class="channel-text">
        <span class="channel-label">${channel.label ? pickText(channel.label, locale) : msg('Go in person')}</span>
        <span class="place-text" lang=${pickTextLocale(channel.place, locale) ?? nothing}>${pickText(channel.place, locale)}</span>
      </span>
    </div>
    ${channel.mapUrl ? html`<a class="map" href=${channel.mapUrl} target="_blank" rel="noopener noreferrer">${msg('Map')}<span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a>` : nothing}
    <p class="place-source">${renderSource(channel.source, locale)}</p>
  </li>`;
}

/** What a channel is called when the pack gives it no label. */
export function channelName(channel: ContactChannel): string {
  switch (channel.type) {
    case 'phone':
      return msg('Call');
    case 'whatsapp':
      return msg('WhatsApp');
    case 'sms':
      return msg('Text message (SMS)');
    case 'email':
      return msg('Email');
    case 'web':
      return msg('Website');
  }
}

export function channelIcon(channel: ContactChannel) {
  switch (channel.type) {
    case 'phone':
      return contentIcons.phoneIcon;
    case 'whatsapp':
      return contentIcons.chatIcon;
    case 'sms':
      return contentIcons.smsIcon;
    case 'email':
      return contentIcons.emailIcon;
    case 'web':
      return contentIcons.webIcon;
  }
}

/** A web or email address that may wrap only after a dot, a slash or an @, never inside a word. */
export function breakableAddress(address: string) {
  return address.split(/(?<=[./@])/).map((part) => [part, WBR]);
}
const WBR = html`<wbr />`;

/** One help line: its name, whether to try it first, hours, languages, channels and source. */
export function renderHotline(v: HotlineView, hotline: Hotline, level: number): TemplateResult {
  const locale = v.locale;
  const organisation = pickText(hotline.organisation, locale);
  const languages = hotline.languages.map((l) => languageName(l, locale, v.pack));
  return html`<li part="hotline" class="hotline ${hotline.emergency ? 'emergency' : ''}">
    <div class="hotline-head">
      <div role="heading" aria-level=${Math.min(6, level)} class="organisation" lang=${pickTextLocale(hotline.organisation, locale) ?? nothing}>
        ${organisation}
      </div>
      ${hotline.emergency ? html`<span class="badge" part="badge">${icons.alertIcon}${msg('Try first if urgent')}</span>` : nothing}
    </div>
    ${
      hotline.description
        ? html`<p class="description" lang=${pickTextLocale(hotline.description, locale) ?? nothing}>${pickText(hotline.description, locale)}</p>`
        : nothing
    }
    ${renderHours(hotline, locale, v.pack)}
    ${
      languages.length
        ? html`<p class="languages" part="languages">
          ${msg(str`Answered in ${listFormat(locale, { type: 'unit' }).format(languages)}.`)}
          ${hotline.languages.some((l) => l.split('-')[0] === ORIGIN_LOCALE) ? nothing : html`<strong>${msg(str`Not answered in ${languageName(ORIGIN_LOCALE, locale, v.pack)}.`)}</strong>`}
        </p>`
        : nothing
    }
    <ul class="channels" role="list">
      ${hotline.channels.map((channel) => (channel.type === 'in-person' ? renderInPerson(channel, locale) : renderChannel(v, hotline, channel)))}
    </ul>
    <p class="source" part="source">${renderSource(hotline.source, locale, hotline.verified)}</p>
  </li>`;
}

function renderChannel(v: HotlineView, hotline: Hotline, channel: ContactChannel): TemplateResult {
  const locale = v.locale;
  const shown = channelDisplay(channel);
  const label = channel.label ? pickText(channel.label, locale) : channelName(channel);
  const external = channel.type === 'web' || channel.type === 'whatsapp';
  const key = `${hotline.id}|${channel.type}|${channel.value}`;
  const copied = v.copied === key;
  const domestic = 'reach' in channel && channel.reach === 'domestic';
  return html`<li class="channel-row">
    <a
      part="channel"
      class="channel"
      href=${channelHref(channel)}
      target=${external ? '_blank' : nothing}
      rel=${external ? 'noopener noreferrer' : nothing}
      @click=${() => v.opened(hotline, channel)}
    >
      ${channelIcon(channel)}
      <span class="channel-text">
        <span class="channel-label">${label}</span>
        <bdi dir="ltr" class="channel-value ${channel.type === 'web' || channel.type === 'email' ? 'address' : 'number'}">${channel.type === 'web' || channel.type === 'email' ? breakableAddress(shown) : shown}</bdi>
      </span>
      ${external ? html`<span class="visually-hidden">${msg('(opens in a new tab)')}</span>` : nothing}
    </a>
    ${
      // Copying needs the script: the server's rendering offers only what works without one.
      isServer
        ? nothing
        : html`<button type="button" part="copy" class="copy" @click=${() => v.copy(hotline, channel, key)}>
            ${copied ? contentIcons.checkIcon : contentIcons.copyIcon}<span>${copied ? msg('Copied') : msg('Copy')}</span>
            <span class="visually-hidden">${shown}</span>
          </button>`
    }
    ${domestic ? html`<p class="reach">${msg(str`Only from inside ${countryName(hotline.country, locale, v.pack)}.`)}</p>` : nothing}
  </li>`;
}
