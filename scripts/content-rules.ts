/**
 * Editorial rules a content pack must also meet, beyond its schema: each problem with its path.
 * - A line whose languages are given but leave out every locale the pack ships would be called by
 *   readers it cannot understand; it needs `languagesOutsidePack: true` to say that is on purpose.
 * - No text uses a word the glossary (locales/glossary.json) says to avoid in its locale.
 * - Each translation has the placeholders (`{operator}`) of the Indonesian text, no more, no fewer.
 */
import type { ContentPack } from '../src/sdk/schema.js';
import { avoidedIn } from './glossary.mjs';
import { localizedTexts, placeholders } from './content-xliff-lib.js';

const SOURCE = 'id';

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
  for (const { path, text } of localizedTexts(pack)) {
    const source = text[SOURCE];
    for (const [locale, value] of Object.entries(text)) {
      // Names of countries and languages are names, not sentences a glossary speaks to.
      if (!/^(languageNames|countries)\./.test(path))
        for (const word of avoidedIn(locale, value)) problems.push(`${path}.${locale}: uses the avoided word ${word}`);
      const [want, got] = [placeholders(source ?? '').join(', '), placeholders(value).join(', ')];
      if (source !== undefined && want !== got)
        problems.push(`${path}.${locale}: has the placeholders ${got || '(none)'} where the ${SOURCE} text has ${want || '(none)'}`);
    }
  }
  return problems;
}
