/**
 * A file generated from the sources: written, or with `--check` compared with the committed copy,
 * failing (exit 1) when that copy is out of date, so `npm test` catches a forgotten regeneration.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** @param {URL} file @param {string} text @param {string} command how to regenerate it */
export function writeOrCheck(file, text, command) {
  const name = fileURLToPath(file).replace(`${process.cwd()}/`, '');
  if (!process.argv.includes('--check')) {
    writeFileSync(file, text);
    console.log(`Wrote ${name}`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    /* missing counts as out of date */
  }
  if (current !== text) {
    console.error(`${name} is out of date: run \`${command}\`.`);
    process.exit(1);
  }
  console.log(`${name} is up to date.`);
}
