import type { Text } from './schema.js';

/** The locale every pack text falls back to before English. */
export const ORIGIN_LOCALE = 'id';

/**
 * The text of `value` for `locale`, falling back requested → `id` → `en` → any. A region subtag
 * falls back to its language (`km-KH` → `km`).
 */
export function pickText(value: Text | undefined, locale: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const language = locale.split('-')[0];
  return value[locale] ?? value[language] ?? value[ORIGIN_LOCALE] ?? value['en'] ?? Object.values(value)[0] ?? '';
}

/** The locale `pickText` would actually use, so the element can set `lang` on mixed-language text. */
export function pickTextLocale(value: Text | undefined, locale: string): string | undefined {
  if (value === undefined || typeof value === 'string') return undefined;
  const language = locale.split('-')[0];
  for (const candidate of [locale, language, ORIGIN_LOCALE, 'en']) {
    if (value[candidate] !== undefined) return candidate;
  }
  return Object.keys(value)[0];
}
