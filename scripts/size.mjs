/**
 * Size report and budgets of the CDN build (min + gzip, gzip level 9), written to
 * `.tmp/size.json`. Exits non-zero when a budget is exceeded or a single-widget bundle contains
 * another widget.
 */
import { readdirSync, readFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const KB = 1000;
const cdn = 'dist/cdn';
const WIDGETS = { hotline: 'lindungi-hotline', 'rights-card': 'lindungi-rights-card', 'stage-timeline': 'lindungi-stage-timeline', 'report-form': 'lindungi-report-form' };

/** Strings found only in each widget's own template. */
const MARKERS = {
  hotline: ['part="launcher"', 'part="hours"'],
  'rights-card': ['part="wallet"', 'part="citation"'],
  'stage-timeline': ['part="skipped"', 'part="stages"'],
};

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const list = (dir, re) => (existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).map((f) => join(dir, f)) : []);

const rows = [];
const problems = [];
const check = (name, file, bytes, budget) => {
  const ok = budget === undefined || bytes <= budget;
  rows.push({ name, file, min: readFileSync(file).length, gzip: bytes, budget, ok });
  if (!ok) problems.push(`${name}: ${(bytes / KB).toFixed(2)} kB gzip is over the ${(budget / KB).toFixed(0)} kB budget`);
};

check('all widgets (lindungi.js)', join(cdn, 'lindungi.js'), gz(join(cdn, 'lindungi.js')), 30 * KB);
for (const [name, tag] of Object.entries(WIDGETS)) {
  const file = join(cdn, `${name}.js`);
  if (!existsSync(file)) continue;
  check(`${tag} alone`, file, gz(file), 16 * KB);
  const code = readFileSync(file, 'utf8');
  for (const [other, otherTag] of Object.entries(WIDGETS)) {
    // A widget may name another's tag (to find it on the page); it must not carry its code:
    // its registration or the template markers only that widget renders.
    const carried = [`"${otherTag}",`, ...(MARKERS[other] ?? [])].filter((marker) => code.includes(marker));
    if (other !== name && carried.length) problems.push(`${name}.js contains another widget (${otherTag}): ${carried.join(', ')}`);
  }
}
for (const file of list(join(cdn, 'locales'), /\.js$/)) check(`locale module ${file.split('/').pop()}`, file, gz(file), 5 * KB);
for (const file of list(join(cdn, 'chunks'), /\.js$/)) check(`lazy chunk ${file.split('/').pop()}`, file, gz(file));
for (const file of list(join(cdn, 'content'), /\.json$/)) check(`content pack ${file.split('/').pop()}`, file, gz(file), 15 * KB);

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('bundle', 48)} ${pad('min', 9)} ${pad('gzip', 9)} budget`);
for (const r of rows) {
  console.log(
    `${pad(r.name, 48)} ${pad((r.min / KB).toFixed(2) + ' kB', 9)} ${pad((r.gzip / KB).toFixed(2) + ' kB', 9)} ${r.budget ? `${(r.budget / KB).toFixed(0)} kB ${r.ok ? '✓' : '✗'}` : '–'}`,
  );
}
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/size.json', JSON.stringify(rows, null, 2));
for (const p of problems) console.error(`✗ ${p}`);
process.exit(problems.length ? 1 : 0);
