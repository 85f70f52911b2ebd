/**
 * Localization completeness: extracts every msg() string into the XLIFF files, then fails if any
 * string has no translation in any shipped locale, and rebuilds the locale modules.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const run = (...args) => execFileSync('npx', ['lit-localize', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
run('extract');

let missing = 0;
for (const locale of config.targetLocales) {
  const file = `${config.interchange.xliffDir}${locale}.xlf`;
  const xliff = readFileSync(file, 'utf8');
  const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  const untranslated = units.filter(([, , body]) => !/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body));
  for (const [, id, body] of untranslated) {
    const source = body.match(/<source>([\s\S]*?)<\/source>/)?.[1] ?? '';
    console.error(`✗ ${file}: no translation for ${id}: ${source}`);
  }
  missing += untranslated.length;
  console.log(`${untranslated.length ? '✗' : '✓'} ${locale}: ${units.length - untranslated.length}/${units.length} strings translated`);
}
run('build');
process.exit(missing ? 1 : 0);
