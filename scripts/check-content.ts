/** Validates every content pack in `content/` against the schema; prints each problem with its path. */
import { readdirSync, readFileSync } from 'node:fs';
import { parseContentPack } from '../src/sdk/validate.js';
import { LindungiValidationError } from '../src/sdk/errors.js';

const dir = new URL('../content/', import.meta.url);
const packs = readdirSync(dir).filter((f) => /^[A-Z]{2}-[A-Z]{2}\.json$/.test(f));
let failed = 0;
for (const file of packs) {
  try {
    const pack = parseContentPack(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    if (`${pack.corridor.id}.json` !== file) throw new Error(`file name does not match corridor id ${pack.corridor.id}`);
    console.log(
      `✓ ${file}: ${pack.rights.length} rights, ${pack.timelines.length} timelines, ${pack.hotlines.length} hotlines, ` +
        `${pack.reportCategories.length} report categories, locales ${pack.locales.join(', ')}`,
    );
  } catch (error) {
    failed++;
    console.error(`✗ ${file}`);
    if (error instanceof LindungiValidationError) for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
    else console.error(`  ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (packs.length === 0) {
  console.error('No content pack found in content/.');
  failed++;
}
process.exit(failed ? 1 : 0);
