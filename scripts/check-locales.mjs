/**
 * Localization completeness: extracts every msg() string into the XLIFF files, then fails if any
 * string has no translation in any shipped locale, a translation's placeholders are not its
 * source's (or a Khmer text writes Khmer digits beside the Latin ones Intl writes), and rebuilds
 * the locale modules. Covers the
 * widgets (`lit-localize.json`, then split per widget) and the case desk page (`lit-localize.desk.json`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { avoidedIn } from './glossary.mjs';
import { placeholderMismatches } from './xliff-placeholders.mjs';

let missing = 0;
for (const configFile of ['lit-localize.json', 'lit-localize.desk.json']) {
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  const run = (...args) => execFileSync('npx', ['lit-localize', ...args, '--config', configFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  run('extract');
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
    for (const { id, source, target } of placeholderMismatches(xliff)) {
      console.error(`✗ ${file}: ${id} has the placeholders ${target.join(', ') || '(none)'} where its source has ${source.join(', ') || '(none)'}`);
      missing++;
    }
    // One digit system per widget: numbers from Intl are Latin in Khmer, so the texts use Latin digits too.
    for (const [, id, body] of units) {
      const target = body.match(/<target>([\s\S]*?)<\/target>/)?.[1] ?? '';
      for (const word of avoidedIn(locale, target)) {
        console.error(`✗ ${file}: ${id} uses the avoided word ${word} (locales/glossary.json)`);
        missing++;
      }
      if (/[\u17e0-\u17e9]/.test(target)) {
        console.error(`✗ ${file}: ${id} writes Khmer digits; use Latin digits, as the numbers Intl writes beside it: ${target}`);
        missing++;
      }
    }
    console.log(
      `${untranslated.length ? '✗' : '✓'} ${configFile === 'lit-localize.json' ? '' : 'desk '}${locale}: ${units.length - untranslated.length}/${units.length} strings translated`,
    );
  }
  run('build');
}
execFileSync(process.execPath, ['scripts/split-locales.mjs'], { stdio: 'inherit' });
process.exit(missing ? 1 : 0);
