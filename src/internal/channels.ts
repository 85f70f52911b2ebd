import type { ContactChannel } from '../sdk/schema.js';

/** The link that opens a channel: `tel:`, `https://wa.me/…`, `sms:`, `mailto:` or the web address. */
export function channelHref(channel: ContactChannel): string {
  switch (channel.type) {
    case 'phone':
      return `tel:${channel.value}`;
    case 'whatsapp':
      return `https://wa.me/${channel.value.replace(/^\+/, '')}`;
    case 'sms':
      return `sms:${channel.value}`;
    case 'email':
      return `mailto:${channel.value}`;
    case 'web':
      return channel.value;
  }
}

/** How a channel is written for people: the number as displayed, the address, or the site's host. */
export function channelDisplay(channel: ContactChannel): string {
  if (channel.type === 'web') return new URL(channel.value).host;
  if (channel.type === 'email') return channel.value;
  return channel.display ?? channel.value;
}
