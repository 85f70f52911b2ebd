/**
 * The glossary's avoided words (locales/glossary.json): `avoidedIn(locale, text)` answers each
 * avoided word the text uses, with the word to use instead. Whole words, case-insensitive.
 */
import { readFileSync } from 'node:fs';

const glossary = JSON.parse(readFileSync(new URL('../locales/glossary.json', import.meta.url), 'utf8'));

/** @param {string} locale @param {string} text @returns {string[]} */
export function avoidedIn(locale, text) {
  const avoid = glossary[locale.split('-')[0]]?.avoid ?? {};
  return Object.entries(avoid)
    .filter(([word]) => new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu').test(text))
    .map(([word, instead]) => `"${word}" (use "${instead}")`);
}
