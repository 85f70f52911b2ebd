/**
 * Rendering cost of <lindungi-stage-timeline> with 1000 stages, in Debian's Chromium, from the CDN
 * build: first render, and re-render after one stage changes status. Median of RUNS runs, with
 * and without 4× CPU slowdown. `npm run bench:timeline` (after `npm run build`).
 */
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../build/server/main.js';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const COUNT = Number(process.env.STAGES ?? 1000);
const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-bench-'));
const server = await startServer({
  port: 0,
  dataDir,
  dbFile: join(dataDir, 'b.sqlite'),
  dataKey: Buffer.alloc(32, 1).toString('base64'),
  log: () => undefined,
});
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const slowdown of [1, 4]) {
  const page = await browser.newPage({ viewport: { width: 412, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${server.url}/`);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  const first = [];
  const update = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await page.evaluate(async (count) => {
      const bundle = '/dist/cdn/stage-timeline.js';
      await import(bundle);
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const stages = Array.from({ length: count }, (_, i) => ({ id: `s${i}`, title: `Stage ${i + 1}`, status: i < count / 2 ? 'done' : 'upcoming' }));
      const el = document.createElement('lindungi-stage-timeline');
      el.setAttribute('lang', 'en');
      document.body.append(el);
      await frame();
      const parts = () => el.shadowRoot?.querySelectorAll('[part="stage"]').length ?? 0;
      let t = performance.now();
      el.stages = stages;
      while (parts() < count) await new Promise((r) => setTimeout(r, 0));
      await frame();
      const firstMs = performance.now() - t;
      t = performance.now();
      el.stages = stages.map((s, i) => (i === count / 2 ? { ...s, status: 'current' } : s));
      while (!el.shadowRoot.querySelector('[aria-current="step"]')) await new Promise((r) => setTimeout(r, 0));
      await frame();
      const updateMs = performance.now() - t;
      el.remove();
      return { firstMs, updateMs };
    }, COUNT);
    first.push(result.firstMs);
    update.push(result.updateMs);
  }
  rows.push({ cpu: `${slowdown}×`, stages: COUNT, firstRenderMs: Math.round(median(first)), oneStatusChangeMs: Math.round(median(update)) });
  await page.close();
}
console.log(`<lindungi-stage-timeline>, ${COUNT} stages, median of ${RUNS} runs (includes validating the stages)`);
console.table(rows);
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/bench-timeline.json', JSON.stringify(rows, null, 2));
await browser.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });
