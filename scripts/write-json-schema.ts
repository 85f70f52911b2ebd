/**
 * Writes `content/content-pack.schema.json` from the valibot schema, so editors get completion and
 * validation in any JSON-Schema-aware editor. `--check` fails if the committed file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import { ContentPackSchema } from '../src/sdk/schema.js';

const file = new URL('../content/content-pack.schema.json', import.meta.url);
const schema = {
  ...toJsonSchema(ContentPackSchema, { errorMode: 'ignore', target: 'draft-2020-12' }),
  title: 'Lindungi content pack',
};
const text = `${JSON.stringify(schema, null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    /* missing counts as out of date */
  }
  if (current !== text) {
    console.error('content/content-pack.schema.json is out of date: run `npm run build:schema`.');
    process.exit(1);
  }
  console.log('JSON Schema is up to date.');
} else {
  writeFileSync(file, text);
  console.log('Wrote content/content-pack.schema.json');
}
