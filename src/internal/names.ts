/** Names and times a widget's content shows: a country's and a language's name, a line's hours. */
import { pickText } from '../sdk/text.js';
import type { ContentPack } from '../sdk/schema.js';
import { dateTimeFormat, formatter, intlSupports, regions } from './format.js';

/** "08:00", or "Mon 08:00" when the moment is not on the same day as `now` in that time zone. */
export function formatTime(date: Date, timeZone: string, locale: string, now: Date): string {
  const day = (d: Date) => dateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(d);
  const sameDay = day(date) === day(now);
  return dateTimeFormat(intlSupports(locale) ? locale : 'en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(sameDay ? {} : { weekday: 'short' }),
  }).format(date);
}

/** The country's name in `locale`: from the content pack first, else from `Intl`, else the code. */
export function countryName(code: string, locale: string, pack?: ContentPack): string {
  const upper = code.toUpperCase();
  const fromPack = pack?.countries?.[upper];
  if (fromPack) return pickText(fromPack, locale);
  return (intlSupports(locale) ? regions(locale).of(upper) : undefined) ?? regions('en').of(upper) ?? upper;
}

/** A language's name in `locale`, e.g. `km` → "Khmer": from the content pack first, else from `Intl`. */
export function languageName(code: string, locale: string, pack?: ContentPack): string {
  const fromPack = pack?.languageNames?.[code];
  if (fromPack) return pickText(fromPack, locale);
  return formatter(Intl.DisplayNames, intlSupports(locale) ? locale : 'en', { type: 'language' }).of(code) ?? code;
}
