/**
 * Editorial rules a content pack must also meet, beyond its schema: each problem with its path.
 * - A line whose languages are given but leave out every locale the pack ships would be called by
 *   readers it cannot understand; it needs `languagesOutsidePack: true` to say that is on purpose.
 * - No text uses a word the glossary (locales/glossary.json) says to avoid in its locale.
 * - Each translation has the placeholders (`{operator}`) of the Indonesian text, no more, no fewer.
 */
import type { ContentPack } from '../src/sdk/schema.js';
import { avoidedIn } from './glossary.mjs';

const SOURCE = 'id';
const placeholders = (text: string) =>
  [...text.matchAll(/\{[A-Za-z]+\}/g)]
    .map((m) => m[0])
    .sort()
    .join(', ');

export function editorialProblems(pack: ContentPack): string[] {
  const shipped = new Set(pack.locales.map((l) => l.split('-')[0]));
  const problems: string[] = [];
  pack.hotlines.forEach((hotline, i) => {
    const answered = hotline.languages.map((l) => l.split('-')[0]);
    if (answered.length && !answered.some((l) => shipped.has(l)) && !hotline.languagesOutsidePack) {
      problems.push(
        `hotlines[${i}].languages: ${answered.join(', ')} leave out every locale of the pack (${[...shipped].join(', ')}); set languagesOutsidePack: true if that is on purpose`,
      );
    }
  });
  // Every localized text of the pack, by its path: a map of locale → string.
  const walk = (value: unknown, path: string) => {
    if (!value || typeof value !== 'object') return;
    const entries = Object.entries(value as Record<string, unknown>);
    const isText = entries.length > 0 && entries.every(([k, v]) => typeof v === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(k));
    if (isText) {
      const source = (value as Record<string, string>)[SOURCE];
      for (const [locale, text] of entries) {
        if (!path.endsWith('languageNames') && !path.includes('countries'))
          for (const word of avoidedIn(locale, text as string)) problems.push(`${path}.${locale}: uses the avoided word ${word}`);
        const [want, got] = [placeholders(source ?? ''), placeholders(text as string)];
        if (source !== undefined && want !== got)
          problems.push(`${path}.${locale}: has the placeholders ${got || '(none)'} where the ${SOURCE} text has ${want || '(none)'}`);
      }
      return;
    }
    for (const [k, v] of entries) walk(v, Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
  };
  walk(pack, '');
  return problems;
}
