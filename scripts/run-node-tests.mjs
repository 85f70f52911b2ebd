/**
 * Node's test runner over test/node and test/e2e (TypeScript through tsx). Writes pass/fail
 * counts to `.tmp/node-counts.json` for the summary line of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['test/node', 'test/e2e'];
const files = dirs.filter(existsSync).flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f)));
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-counts-reporter.mjs', '--test-reporter-destination=.tmp/node-counts.json',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
