import { ORIGIN_LOCALE } from './text.js';

/**
 * The locale a pack's slice for `locale` is written in: that locale (or its language) where the
 * pack has it, else the one its texts fall back to (`pickText`'s order: Indonesian, then English).
 */
export function sliceLocale(pack: { locales: readonly string[] }, locale: string): string {
  const language = locale.split('-')[0]!;
  return [locale, language, ORIGIN_LOCALE, 'en'].find((l) => pack.locales.includes(l)) ?? pack.locales[0]!;
}

/**
 * `pack` with every text in one locale only: exactly what a reader of `locale` is shown, in a
 * fraction of the bytes. A text is an object of the pack's locales to strings; everything else
 * (numbers, links, dates, codes) is kept as it is. The slice is itself a valid pack.
 */
export function slicePack<T extends { locales: readonly string[] }>(pack: T, locale: string): T {
  const kept = sliceLocale(pack, locale);
  const locales = new Set(pack.locales);
  const isText = (node: object) => {
    const entries = Object.entries(node);
    return entries.length > 0 && entries.every(([key, value]) => locales.has(key) && typeof value === 'string');
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    if (isText(node)) return { [kept]: (node as Record<string, string>)[kept] };
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
  };
  return { ...(walk(pack) as T), locales: [kept] };
}
