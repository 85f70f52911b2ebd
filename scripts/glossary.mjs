/**
 * The glossary (locales/glossary.json): one term per idea and locale, with the other words for the
 * idea that no text may use. `avoidedIn(locale, text)` answers each avoided word the text uses,
 * with the term to use instead. Case-insensitive; whole words, except in a locale written without
 * spaces between words (`wordBoundaries: false`). A word inside the term itself is not counted.
 */
import { readFileSync } from 'node:fs';

const glossary = JSON.parse(readFileSync(new URL('../locales/glossary.json', import.meta.url), 'utf8'));
/** @param {string} word */
const escape = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @param {string} locale @param {string} text @returns {string[]} */
export function avoidedIn(locale, text) {
  const entry = glossary[locale.split('-')[0]];
  if (!entry) return [];
  const bounded = entry.wordBoundaries !== false;
  /** @param {string} word */
  const pattern = (word) => new RegExp(bounded ? `(^|[^\\p{L}\\p{M}])${escape(word)}(?=$|[^\\p{L}\\p{M}])` : escape(word), 'giu');
  const found = [];
  for (const { use, avoid } of entry.terms) {
    // The term itself may contain an avoided word ("tiket" in "nomor tiket"): take it out first.
    const rest = text.replace(new RegExp(escape(use), 'giu'), ' ');
    for (const word of avoid) if (pattern(word).test(rest)) found.push(`"${word}" (use "${use}")`);
  }
  return found;
}

/** Every term of every locale, for the README and the tests. */
export const glossaryTerms = Object.fromEntries(
  Object.entries(glossary)
    .filter(([key]) => !key.startsWith('$'))
    .map(([locale, entry]) => [locale, entry.terms]),
);
