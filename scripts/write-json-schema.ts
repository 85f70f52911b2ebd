/**
 * Writes `content/content-pack.schema.json` from the valibot schema, so editors get completion and
 * validation in any JSON-Schema-aware editor. `--check` fails if the committed file is out of date.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { ContentPackSchema } from '../src/sdk/schema.js';
import { writeOrCheck } from './generated-file.mjs';

const file = new URL('../content/content-pack.schema.json', import.meta.url);
const schema = {
  ...toJsonSchema(ContentPackSchema, { errorMode: 'ignore', target: 'draft-2020-12' }),
  title: 'Lindungi content pack',
};
const text = `${JSON.stringify(schema, null, 2)}\n`;

writeOrCheck(file, text, 'npm run build:schema');
