/**
 * The interface strings' placeholders (`<x id="0" equiv-text="${…}"/>` in lit-localize's XLIFF):
 * every unit whose translation has other placeholders than its source — one left out, one added,
 * or one twice — with the ids of each side.
 * @param {string} xliff
 * @returns {{ id: string, source: string[], target: string[] }[]}
 */
export function placeholderMismatches(xliff) {
  /** @param {string} text */
  const ids = (text) => [...text.matchAll(/<x id="([^"]+)"/g)].map((m) => m[1]).sort();
  const mismatches = [];
  for (const [, id, body] of xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    const source = ids(body.match(/<source>([\s\S]*?)<\/source>/)?.[1] ?? '');
    const target = body.match(/<target>([\s\S]*?)<\/target>/)?.[1];
    if (target === undefined || !target.trim()) continue;
    if (source.join() !== ids(target).join()) mismatches.push({ id, source, target: ids(target) });
  }
  return mismatches;
}
