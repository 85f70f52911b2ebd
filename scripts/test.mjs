/**
 * `npm test`: every check a change must pass, in order, each reported with its time, then one
 * summary line `N passed, N failed` (tests plus checks).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { postgresBin } from './postgres.mjs';

// The browser suite runs in Chromium, then in Firefox ESR where Debian's package is installed.
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const firefox = existsSync(firefoxPath);

// The server tests run on SQLite, then again on PostgreSQL: the database given in
// LINDUNGI_TEST_DATABASE_URL, or else a throwaway one when the PostgreSQL package is installed.
const postgresUrl = process.env.LINDUNGI_TEST_DATABASE_URL;
const postgres = postgresUrl
  ? { name: 'server tests on PostgreSQL', cmd: 'npm run --silent test:postgres' }
  : postgresBin()
    ? { name: 'server tests on PostgreSQL (throwaway server)', cmd: 'node scripts/postgres.mjs npm run --silent test:postgres' }
    : undefined;

const steps = [
  { name: 'lint (ESLint and Prettier)', cmd: 'npm run --silent lint' },
  { name: 'type-check', cmd: 'npx tsc -p tsconfig.json --noEmit' },
  { name: 'no import cycles', cmd: 'npm run --silent check:cycles' },
  {
    name: 'content packs and phone metadata',
    cmd: 'npx tsx scripts/check-content.ts && npx tsx scripts/write-json-schema.ts --check && npx tsx scripts/write-slices.ts --check && node scripts/write-phone-metadata.mjs --check',
  },
  { name: 'localization completeness', cmd: 'node scripts/check-locales.mjs' },
  { name: 'build', cmd: 'npm run --silent build' },
  { name: "API document: Redocly's recommended rules; a client generated from it has the SDK's types", cmd: 'npm run --silent lint:api' },
  { name: 'generated React wrappers up to date', cmd: 'node scripts/write-react.mjs --check' },
  { name: 'size budgets', cmd: 'node scripts/size.mjs' },
  { name: 'types as shipped (fixtures: typos must not compile)', cmd: 'npx tsc -p test/types/tsconfig.json' },
  { name: 'browser tests (Chromium)', cmd: 'npx wtr', counts: '.tmp/wtr-counts.json' },
  ...(firefox ? [{ name: 'browser tests (Firefox ESR)', cmd: 'WTR_BROWSER=firefox npx wtr', counts: '.tmp/wtr-counts-firefox.json' }] : []),
  { name: 'SDK, server, content and demo tests (Node, SQLite)', cmd: 'node scripts/run-node-tests.mjs', counts: '.tmp/node-counts.json', sqlite: true },
  ...(postgres ? [{ ...postgres, counts: '.tmp/node-counts-postgres.json' }] : []),
  { name: 'Storybook build', cmd: 'npx storybook build -o storybook-static --quiet' },
];

mkdirSync('.tmp', { recursive: true });
let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  if (step.counts) rmSync(step.counts, { force: true });
  console.log(`\n━━ ${step.name}: ${step.cmd}`);
  const started = Date.now();
  const env = { ...process.env, FORCE_COLOR: '0', ...(step.counts ? { COUNTS_FILE: step.counts } : {}) };
  if (step.sqlite) delete env.LINDUNGI_TEST_DATABASE_URL;
  const result = spawnSync(step.cmd, { shell: true, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  if (step.counts) {
    const counts = existsSync(step.counts) ? JSON.parse(readFileSync(step.counts, 'utf8')) : { passed: 0, failed: 0 };
    // A runner that failed without reporting a failed test still fails the run.
    const extra = !ok && counts.failed === 0 ? 1 : 0;
    passed += counts.passed;
    failed += counts.failed + extra;
    summary.push(`${ok ? '✓' : '✗'} ${step.name}: ${counts.passed} passed, ${counts.failed + extra} failed (${seconds} s)`);
    for (const failure of counts.failures ?? []) summary.push(`    ✗ ${failure}`);
  } else {
    if (ok) passed++;
    else failed++;
    summary.push(`${ok ? '✓' : '✗'} ${step.name} (${seconds} s)`);
  }
}
if (!firefox) summary.push(`· browser tests in Firefox ESR: not run (no ${firefoxPath}; see the README)`);
if (!postgres) summary.push('· server tests on PostgreSQL: not run (no PostgreSQL installed and no LINDUNGI_TEST_DATABASE_URL; see the README)');
console.log(`\n━━ Summary\n${summary.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
