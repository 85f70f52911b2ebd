/**
 * First and repeat visit of the demo partner page (four widgets, CDN build, content from the API)
 * in Chromium with 4× CPU slowdown and DevTools' "Slow 3G" network (2 s RTT, 50 kB/s down):
 * bytes transferred and the time until every widget shows content. Median of `RUNS` runs.
 *
 *   npm run build && node bench/page-load.mjs [runs]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_OPERATOR, startServer } from '../server/main.js';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };

const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-bench-page-'));
const server = await startServer({ port: 0, dataDir, dbFile: join(dataDir, 'db.sqlite'), operator: { ...DEMO_OPERATOR }, log: () => undefined });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/** One visit in `context`; answers bytes on the wire and ms until all four widgets show content. */
async function visit(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  const started = Date.now();
  await page.goto(`${server.url}/`, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => {
      const widgets = [...document.querySelectorAll('lindungi-hotline, lindungi-rights-card, lindungi-stage-timeline, lindungi-report-form')];
      return widgets.length === 6 && widgets.every((w) => w.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false');
    },
    undefined,
    { polling: 50, timeout: 120_000 },
  );
  const contentMs = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await page.close();
  return { bytes, contentMs };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const first = [];
const repeat = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    first.push(await visit(context));
    repeat.push(await visit(context));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const row = (name, runs) =>
  `| ${name} | ${(median(runs.map((r) => r.bytes)) / 1000).toFixed(1)} kB | ${(median(runs.map((r) => r.contentMs)) / 1000).toFixed(2)} s | ${runs.map((r) => (r.contentMs / 1000).toFixed(2)).join(', ')} |`;
console.log(`Demo page, Chromium, 4× CPU slowdown, Slow 3G; median of ${RUNS} runs\n`);
console.log('| visit | transferred | all widgets show content | each run |');
console.log('| --- | --- | --- | --- |');
console.log(row('first', first));
console.log(row('repeat', repeat));
