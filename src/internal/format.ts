/**
 * Dates, lists and country codes with `Intl` (names and a line's hours: `names.ts`), where the
 * browser has data for the locale. Some browsers lack Khmer data and would answer in American
 * English; those get a neutral numeric form instead. Khmer always does (Chromium has no Khmer
 * data, Node and Firefox do): a server-rendered page then shows the date the script will show, in
 * every browser.
 */
const NUMERIC_ONLY = new Set(['km']);
const supported = new Map<string, boolean>();
export function intlSupports(locale: string): boolean {
  let ok = supported.get(locale);
  if (ok === undefined) {
    ok = !NUMERIC_ONLY.has(locale.split('-')[0]!.toLowerCase()) && Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
    supported.set(locale, ok);
  }
  return ok;
}

type Formatter = Intl.DateTimeFormat | Intl.ListFormat | Intl.DisplayNames;
const formatters = new Map<string, Formatter>();
/**
 * Each `Intl` formatter is made once per locale and options: making one costs far more than
 * formatting with it, and a hotline formats several times per line.
 */
export function formatter<T extends Formatter>(make: new (locale: string, options: never) => T, locale: string, options: object): T {
  const key = `${make.name} ${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key) as T | undefined;
  // Latin digits in every locale, as in the phone numbers, tickets and texts beside them: a
  // browser whose Arabic data writes ١٢ would otherwise mix two digit systems in one widget.
  if (!made) formatters.set(key, (made = new make(locale.includes('-u-') ? locale : `${locale}-u-nu-latn`, options as never)));
  return made;
}
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => formatter(Intl.DateTimeFormat, locale, options);
export const listFormat = (locale: string, options: Intl.ListFormatOptions): Intl.ListFormat => formatter(Intl.ListFormat, locale, options);
export const regions = (locale: string) => formatter(Intl.DisplayNames, locale, { type: 'region', fallback: 'none' });

const prepared = new Set<string>();
/**
 * The first date or list formatter a page makes costs tens of milliseconds on a slow phone (the
 * browser loads its data), the next ones almost nothing. A widget waiting for its content makes
 * the ones widgets use then, in a task of its own, so that cost is not part of the first render.
 */
export function prepareFormats(locale: string): void {
  if (prepared.has(locale)) return;
  prepared.add(locale);
  setTimeout(() => {
    formatDate('2000-01-01', locale);
    listFormat(locale, { type: 'unit' });
  });
}

/** 27 Nov 2026 (or 27/11/2026 where the browser has no data for the locale). */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  const options: Intl.DateTimeFormatOptions = isoDate.length === 10 ? { timeZone: 'UTC' } : {};
  return intlSupports(locale)
    ? dateTimeFormat(locale, { ...options, dateStyle: 'medium' }).format(date)
    : dateTimeFormat('en-GB', { ...options, day: 'numeric', month: 'numeric', year: 'numeric' }).format(date);
}

/** 27 Nov 2026, 14:05 for a moment (ISO 8601 date-time). */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  return intlSupports(locale)
    ? dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
    : dateTimeFormat('en-GB', { day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** Whether `code` is an assigned ISO 3166-1 alpha-2 country code (as the browser knows them). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Za-z]{2}$/.test(code)) return false;
  const upper = code.toUpperCase();
  // Codes reserved for private use are never real countries.
  if (/^(AA|Q[M-Z]|X[A-Z]|ZZ)$/.test(upper)) return false;
  return regions('en').of(upper) !== undefined;
}
