/**
 * The content pack's texts for translators, in XLIFF 1.2 (see content-xliff-lib.ts):
 *
 *   npm run content:export -- content/ID-KH.json [out-dir]     one file per locale of the pack
 *                                                               but the source (id): ID-KH.en.xlf, …
 *   npm run content:import -- content/ID-KH.json ID-KH.km.xlf [more.xlf] [--write]
 *
 * Import checks every unit and the whole pack (the same validation the widgets apply), prints each
 * problem with its path and exits 1 if there is one; with --write and no problem it writes the pack.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseContentPack } from '../src/sdk/validate.js';
import { exportXliff, importXliff } from './content-xliff-lib.js';

const SOURCE = 'id';
const [command, packFile, ...rest] = process.argv.slice(2);
if (!packFile || (command !== 'export' && command !== 'import')) {
  console.error('Use: content-xliff.ts export <pack.json> [out-dir] | import <pack.json> <file.xlf>… [--write]');
  process.exit(2);
}
const pack = JSON.parse(readFileSync(packFile, 'utf8'));
const name = basename(packFile, '.json');

if (command === 'export') {
  const dir = rest[0] ?? 'locales/content';
  mkdirSync(dir, { recursive: true });
  for (const locale of (pack.locales as string[]).filter((l) => l !== SOURCE)) {
    const file = join(dir, `${name}.${locale}.xlf`);
    writeFileSync(file, exportXliff(pack, basename(packFile), SOURCE, locale));
    console.log(`Wrote ${file}`);
  }
} else {
  const write = rest.includes('--write');
  let current = pack;
  const problems: string[] = [];
  for (const file of rest.filter((a) => a !== '--write')) {
    const result = importXliff(current, readFileSync(file, 'utf8'));
    problems.push(...result.problems.map((p) => `${basename(file)} (${result.locale}): ${p}`));
    current = result.pack;
  }
  try {
    parseContentPack(current);
  } catch (error) {
    problems.push(`the pack with these texts is not valid: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const problem of problems) console.error(`✗ ${problem}`);
  if (problems.length) process.exit(1);
  if (write) {
    writeFileSync(packFile, `${JSON.stringify(current, null, 2)}\n`);
    // The pack in each locale alone, as widgets load it, follows the pack.
    execFileSync('npx', ['tsx', 'scripts/write-slices.ts'], { stdio: 'inherit' });
  }
  console.log(
    `✓ ${rest.filter((a) => a !== '--write').length} file(s): every text translated, placeholders matching, the pack valid${write ? `; wrote ${packFile}` : ''}`,
  );
}
