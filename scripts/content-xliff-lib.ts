/**
 * The content pack's texts in XLIFF 1.2, the format translators already use for the interface
 * strings: one file per target locale, one unit per localized text, its id the text's path in the
 * pack (`hotlines[2].organisation`), its source the text in the source locale, its target the
 * current translation (empty where there is none yet). Importing applies the targets and reports,
 * by path, every target that is missing or empty, every unit the pack does not have, every source
 * that changed since the export and every placeholder (`{operator}`) that does not match.
 */
import { DOMParser } from '@xmldom/xmldom';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type LocalizedText = Record<string, string>;

const LOCALE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const PLACEHOLDER = /\{[A-Za-z]+\}/g;

/** The placeholders of a text (`{operator}`), sorted. */
export const placeholders = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((m) => m[0]).sort();

const isLocalizedText = (value: Json): value is LocalizedText =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.entries(value).every(([key, text]) => LOCALE_CODE.test(key) && typeof text === 'string');

/** Every localized text of the pack, with its path, in the pack's order. */
export function localizedTexts(pack: unknown): { path: string; text: LocalizedText }[] {
  const found: { path: string; text: LocalizedText }[] = [];
  const walk = (value: Json, path: string) => {
    if (isLocalizedText(value)) found.push({ path, text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
  };
  walk(pack as Json, '');
  return found;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The XLIFF of `target` for the pack named `original`, from `source`. */
export function exportXliff(pack: Json, original: string, source: string, target: string): string {
  const units = localizedTexts(pack)
    .filter(({ text }) => text[source] !== undefined)
    .map(({ path, text }) => {
      const translation = text[target];
      const state = translation ? 'translated' : 'needs-translation';
      return `      <trans-unit id="${escape(path)}">\n        <source>${escape(text[source]!)}</source>\n        <target state="${state}">${escape(translation ?? '')}</target>\n      </trans-unit>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="${escape(original)}" source-language="${source}" target-language="${target}" datatype="plaintext">
    <body>
${units.join('\n')}
    </body>
  </file>
</xliff>
`;
}

/**
 * The pack with the XLIFF's targets applied (a copy), and the problems found, each with its path.
 * A pack is only as good as its problems list: apply it only when that list is empty.
 */
export function importXliff(pack: Json, xliff: string): { pack: Json; locale: string; problems: string[] } {
  const problems: string[] = [];
  const parseErrors: string[] = [];
  const collect = (message: string) => parseErrors.push(message);
  const document = new DOMParser({ errorHandler: { error: collect, fatalError: collect } }).parseFromString(xliff, 'text/xml');
  const file = document.getElementsByTagName('file')[0];
  const source = file?.getAttribute('source-language') ?? '';
  const locale = file?.getAttribute('target-language') ?? '';
  if (parseErrors.length || !file || !LOCALE_CODE.test(source) || !LOCALE_CODE.test(locale)) {
    return { pack, locale, problems: [`not an XLIFF file with a source and target language${parseErrors.length ? `: ${parseErrors[0]}` : ''}`] };
  }
  const copy = structuredClone(pack);
  const texts = new Map(localizedTexts(copy).map(({ path, text }) => [path, text]));
  const seen = new Set<string>();
  for (const unit of Array.from(document.getElementsByTagName('trans-unit'))) {
    const path = unit.getAttribute('id') ?? '';
    seen.add(path);
    const text = texts.get(path);
    if (!text) {
      problems.push(`${path}: not a text of this pack`);
      continue;
    }
    const sourceText = unit.getElementsByTagName('source')[0]?.textContent ?? '';
    const target = unit.getElementsByTagName('target')[0]?.textContent?.trim() ?? '';
    if (text[source] !== undefined && sourceText !== text[source])
      problems.push(`${path}: the ${source} text changed since this file was made; translate the new one`);
    if (!target) {
      problems.push(`${path}: no ${locale} text`);
      continue;
    }
    const [want, got] = [placeholders(text[source] ?? sourceText), placeholders(target)];
    if (want.join() !== got.join())
      problems.push(`${path}: the ${locale} text has ${got.join(', ') || 'no placeholder'} where the ${source} text has ${want.join(', ') || 'none'}`);
    text[locale] = target;
  }
  for (const [path, text] of texts) if (text[source] !== undefined && !seen.has(path)) problems.push(`${path}: no unit in the ${locale} file`);
  return { pack: copy, locale, problems };
}
