/**
 * Splits each generated locale module in two: the strings of the report form (ids `rf-…`) go to
 * `src/generated/locales/report-form/<locale>.ts`, loaded only on pages that show the form; the
 * rest stay in `<locale>.ts`, which every widget loads. Translators still work on one XLIFF file
 * per locale. Run after `lit-localize build`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'src/generated/locales';
const PARTS = { 'report-form': 'rf-' };
const codes = readFileSync('src/generated/locale-codes.ts', 'utf8');
const targetLocales = [...codes.match(/targetLocales = \[([^\]]*)\]/)[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]);

for (const locale of targetLocales) {
  const file = join(dir, `${locale}.ts`);
  const lines = readFileSync(file, 'utf8').split('\n');
  const open = lines.findIndex((line) => /export const templates = \{/.test(line));
  const close = lines.findLastIndex((line) => /^\s*\};\s*$/.test(line));
  if (open < 0 || close < open) throw new Error(`${file}: no templates object`);
  // One entry per key; a template that spans lines stays with the key it starts at.
  const entries = [];
  for (const line of lines.slice(open + 1, close)) {
    const key = line.match(/^\s*'([^']+)':/)?.[1];
    if (key) entries.push({ key, lines: [line] });
    else if (entries.length) entries.at(-1).lines.push(line);
  }
  // `str` from its own module, as the widgets import it: the package's main module would bring the
  // runtime of @lit/localize's other mode (unused here) into every page with the locale.
  const head = lines
    .slice(0, open + 1)
    .map((line) => line.replace("import {str} from '@lit/localize';", "import {str} from '@lit/localize/internal/str-tag.js';"));
  const tail = lines.slice(close);
  // Each module imports only the tags its templates use.
  const headFor = (own) =>
    head.filter((line) => {
      const tag = line.match(/import \{(html|str)\}/)?.[1];
      return !tag || own.some((e) => e.lines.some((l) => l.includes(`${tag}\``)));
    });
  for (const [part, prefix] of Object.entries(PARTS)) {
    const own = entries.filter((e) => e.key.startsWith(prefix));
    mkdirSync(join(dir, part), { recursive: true });
    writeFileSync(join(dir, part, `${locale}.ts`), [...headFor(own), ...own.flatMap((e) => e.lines), ...tail].join('\n'));
  }
  const prefixes = Object.values(PARTS);
  const rest = entries.filter((e) => !prefixes.some((p) => e.key.startsWith(p)));
  writeFileSync(file, [...headFor(rest), ...rest.flatMap((e) => e.lines), ...tail].join('\n'));
}
