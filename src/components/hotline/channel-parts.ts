/**
 * The parts of a help line the hotline renders with no state of its own: its opening hours, a
 * place to go in person, a channel's name and icon, and an address that wraps only where it may.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import { renderSource } from '../../internal/notes.js';
import * as icons from '../../internal/icons.js';
import { clock } from '../../internal/clock.js';
import { formatTime } from '../../internal/format.js';
import { pickText, pickTextLocale } from '../../sdk/text.js';
import type { ContactChannel, Hotline, InPersonChannel } from '../../sdk/schema.js';
import { openingState } from './opening-hours.js';

/** When the line is open, in the line's time and (if it differs) the reader's. */
export function renderHours(hotline: Hotline, locale: string): TemplateResult {
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
  return html`<p class="hours ${status}" part="hours">${icons.clockIcon}<span>${text}</span></p>`;
}

/** A place to go: said in words with its source, never a link that pretends to call. */
export function renderInPerson(channel: InPersonChannel, locale: string): TemplateResult {
  return html`<li class="channel-row in-person">
    <div part="channel" class="channel place">
      ${icons.placeIcon}
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
      return icons.phoneIcon;
    case 'whatsapp':
      return icons.chatIcon;
    case 'sms':
      return icons.smsIcon;
    case 'email':
      return icons.emailIcon;
    case 'web':
      return icons.webIcon;
  }
}

/** A web or email address that may wrap only after a dot, a slash or an @, never inside a word. */
export function breakableAddress(address: string) {
  return address.split(/(?<=[./@])/).map((part) => [part, WBR]);
}
const WBR = html`<wbr />`;
