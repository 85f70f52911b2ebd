/**
 * Writes `content/slices/<corridor>.<locale>.json`: each shipped pack in each of its locales alone
 * (`slicePack`), which widgets without an API load instead of the whole pack. `--check` fails if a
 * committed slice is out of date (after editing or importing a pack's texts, run `npm run build:slices`).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { parseContentPack } from '../src/sdk/validate.js';
import { slicePack } from '../src/sdk/slice.js';
import { writeOrCheck } from './generated-file.mjs';

const dir = new URL('../content/', import.meta.url);
mkdirSync(new URL('slices/', dir), { recursive: true });
for (const file of readdirSync(dir).filter((f) => /^[A-Z]{2}-[A-Z]{2}\.json$/.test(f))) {
  const json = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  const pack = parseContentPack(json);
  for (const locale of pack.locales) {
    // The schema sits one folder up from the slices.
    const slice = { ...slicePack(json as { locales: string[] }, locale), $schema: '../content-pack.schema.json' };
    parseContentPack(slice);
    writeOrCheck(new URL(`slices/${file.replace('.json', `.${locale}.json`)}`, dir), `${JSON.stringify(slice)}\n`, 'npm run build:slices');
  }
}
