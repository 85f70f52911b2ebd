/**
 * Editorial rules a content pack must also meet, beyond its schema: each problem with its path.
 * - A line whose languages are given but leave out every locale the pack ships would be called by
 *   readers it cannot understand; it needs `languagesOutsidePack: true` to say that is on purpose.
 */
import type { ContentPack } from '../src/sdk/schema.js';

export function editorialProblems(pack: ContentPack): string[] {
  const shipped = new Set(pack.locales.map((l) => l.split('-')[0]));
  const problems: string[] = [];
  pack.hotlines.forEach((hotline, i) => {
    const answered = hotline.languages.map((l) => l.split('-')[0]!);
    if (answered.length && !answered.some((l) => shipped.has(l)) && !hotline.languagesOutsidePack) {
      problems.push(`hotlines[${i}].languages: ${answered.join(', ')} leave out every locale of the pack (${[...shipped].join(', ')}); set languagesOutsidePack: true if that is on purpose`);
    }
  });
  return problems;
}
