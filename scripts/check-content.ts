/**
 * Validates every content pack in `content/` against the schema and the editorial rules
 * (scripts/content-rules.ts); prints each problem with its path.
 * Warns (without failing) about contacts whose source is more than 12 months old or undated: a
 * number stated long ago may have changed, so it needs checking again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseContentPack } from '../src/sdk/validate.js';
import { LindungiValidationError } from '../src/sdk/errors.js';
import { editorialProblems } from './content-rules.js';

const dir = new URL('../content/', import.meta.url);
const packs = readdirSync(dir).filter((f) => /^[A-Z]{2}-[A-Z]{2}\.json$/.test(f));
let failed = 0;
for (const file of packs) {
  try {
    const pack = parseContentPack(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    if (`${pack.corridor.id}.json` !== file) throw new Error(`file name does not match corridor id ${pack.corridor.id}`);
    const problems = editorialProblems(pack);
    if (problems.length) throw new Error(problems.join('\n  '));
    const yearAgo = new Date();
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    pack.hotlines.forEach((hotline, i) => {
      const stated = hotline.source.published;
      if (!stated) console.warn(`⚠ ${file} hotlines[${i}] (${hotline.id}): the source gives no date; check the numbers again.`);
      else if (stated < yearAgo.toISOString().slice(0, 10)) {
        console.warn(`⚠ ${file} hotlines[${i}] (${hotline.id}): the source is from ${stated}, more than 12 months ago; check the numbers again.`);
      }
    });
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
