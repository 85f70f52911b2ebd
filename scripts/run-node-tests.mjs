/**
 * Node's test runner over test/node and test/e2e (TypeScript through tsx), or the folders and
 * files given. Writes pass/fail counts to `.tmp/node-counts.json` (or COUNTS_FILE) for the summary
 * line of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['test/node', 'test/e2e'];
const files = paths.filter(existsSync).flatMap((path) =>
  path.endsWith('.test.ts')
    ? [path]
    : readdirSync(path)
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => join(path, f)),
);
const counts = process.env.COUNTS_FILE ?? '.tmp/node-counts.json';
// A fresh checkout has no .tmp yet: the counts file must have a folder to go to.
mkdirSync(dirname(counts), { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-counts-reporter.mjs',
    `--test-reporter-destination=${counts}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
