/**
 * Minifies the widgets' templates in the package's ES build (`dist/`, written by `tsc`) as the CDN
 * build does: CSS minified, and in HTML a run of whitespace with a line break made one space. The
 * server renderer (`lindungi/ssr`) writes each widget's styles and markup into the page, so comments
 * and indentation there are bytes every server-rendered page carries (a sixth of them), and a
 * partner's bundle gets them too. The same minifier as the CDN build, so the server writes what the
 * script renders. Each file's source map is composed with the edit and still points into `src/`.
 * Run after `tsc -p tsconfig.build.json`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remapping from '@jridgewell/remapping';
import { defaultShouldMinify, defaultStrategy, minifyHTMLLiterals } from '@literals/html-css-minifier';

const SKIP = new Set(['cdn', 'desk', 'frameworks', 'jsx']);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIP.has(entry.name)) yield* files(join(dir, entry.name));
    else if (entry.isFile() && entry.name.endsWith('.js')) yield join(dir, entry.name);
  }
}

let count = 0;
let saved = 0;
for (const file of files('dist')) {
  const code = readFileSync(file, 'utf8');
  if (!/\b(css|html|svg)\s*`/.test(code)) continue;
  // As in the CDN build (rollup.config.mjs): CSS minified; in HTML templates only a run of
  // whitespace that holds a line break becomes one space.
  const result = await minifyHTMLLiterals(code, {
    fileName: file,
    shouldMinify: defaultShouldMinify,
    strategy: { ...defaultStrategy, minifyHTML: async (markup) => markup.replace(/[ \t]*[\r\n]\s*/g, ' ') },
  });
  if (!result) continue;
  const mapFile = `${file}.map`;
  const original = JSON.parse(readFileSync(mapFile, 'utf8'));
  const composed = remapping(JSON.parse(JSON.stringify(result.map)), (source) => (source === file || source.endsWith(file.split('/').pop()) ? original : null));
  composed.file = original.file;
  writeFileSync(file, result.code);
  writeFileSync(mapFile, JSON.stringify(composed));
  count++;
  saved += code.length - result.code.length;
}
if (!count) throw new Error('no templates found in dist/: run after tsc -p tsconfig.build.json');
console.log(`Templates minified in ${count} files of dist/ (${(saved / 1000).toFixed(1)} kB less)`);
