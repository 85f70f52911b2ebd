/**
 * Page load on a slow phone, the same content three ways, in one run: Chromium with 4× CPU
 * slowdown and DevTools' "Slow 3G" (2 s RTT, 50 kB/s down), first and repeat visit:
 *
 *   empty    a partner's article page with no widget (the baseline)
 *   widgets  the same page with the four widgets and one script tag (the CDN build)
 *   iframe   the same page embedding a standalone page of the server that shows the same four
 *            widgets (what partners embed today: an iframe of a hosted page)
 *
 * For each: bytes transferred, time until every widget shows content, long tasks (count, longest,
 * total blocking time over 50 ms) and the JS heap after load. Median of RUNS runs (default 5).
 *
 *   npm run build && node bench/page-load.mjs [runs]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_OPERATOR, startServer } from '../build/server/main.js';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };

const dataDir = mkdtempSync(join(tmpdir(), 'lindungi-bench-page-'));
const server = await startServer({ port: 0, dataDir, dbFile: join(dataDir, 'db.sqlite'), operator: { ...DEMO_OPERATOR }, demo: true, log: () => undefined });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

const WIDGETS = `
  <lindungi-stage-timeline api="/" timeline="agreement-id-kh" heading-level="2"></lindungi-stage-timeline>
  <lindungi-hotline api="/"></lindungi-hotline>
  <lindungi-rights-card api="/" heading-level="2"></lindungi-rights-card>
  <lindungi-report-form api="/" heading-level="2"></lindungi-report-form>`;
const ARTICLE = `<h1>Pekerja migran di Kamboja</h1>
  <p>${'Ribuan pekerja migran Indonesia bekerja di Kamboja tanpa perlindungan resmi. '.repeat(12)}</p>
  <p>${'Kementerian sedang menyiapkan perjanjian bilateral untuk melindungi mereka. '.repeat(12)}</p>`;
const page = (body, head = '') =>
  `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Partner</title>${head}<style>body{font-family:system-ui,sans-serif;margin:1rem;max-width:40rem}iframe{border:0;inline-size:100%;block-size:3200px}</style></head><body>${body}</body></html>`;
const SCRIPT = '<script type="module" src="/dist/cdn/lindungi.js"></script>';
const PAGES = {
  '/bench/empty.html': page(ARTICLE),
  '/bench/widgets.html': page(`${ARTICLE}${WIDGETS}`, SCRIPT),
  // What partners embed today: a hosted page in an iframe, showing the same widgets.
  '/bench/standalone.html': page(`<main>${WIDGETS}</main>`, SCRIPT),
  '/bench/iframe.html': page(`${ARTICLE}<iframe src="/bench/standalone.html" title="Perlindungan pekerja migran"></iframe>`),
};

// The partner's site: its pages, and everything else passed through to the Lindungi server, on one
// origin (as a partner's CDN would). No request routing in the browser: that would turn its cache off.
const site = createServer((req, res) => {
  const body = PAGES[new URL(req.url, 'http://site').pathname];
  if (body) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(body);
    return;
  }
  const upstream = new URL(server.url);
  const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  forward.on('error', () => res.destroy());
  req.pipe(forward);
});
await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
const siteUrl = `http://127.0.0.1:${site.address().port}`;

/** Every widget in the page or its iframe has left its loading state. */
const allShowContent = () => {
  const docs = [document, ...[...document.querySelectorAll('iframe')].map((f) => f.contentDocument).filter(Boolean)];
  const widgets = docs.flatMap((d) => [...d.querySelectorAll('lindungi-hotline, lindungi-rights-card, lindungi-stage-timeline, lindungi-report-form')]);
  if (!widgets.length) return document.readyState === 'complete';
  return widgets.length === 4 && widgets.every((w) => w.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false');
};

/** One visit of `path` in `context`. */
async function visit(context, path) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Performance.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  const started = Date.now();
  await tab.goto(`${siteUrl}${path}`, { waitUntil: 'commit' });
  await tab.waitForFunction(allShowContent, undefined, { polling: 50, timeout: 180_000 });
  const contentMs = Date.now() - started;
  await tab.waitForLoadState('networkidle');
  // Long tasks of every frame, recorded from the start by the init script.
  const tasks = (await Promise.all(tab.frames().map((f) => f.evaluate(() => globalThis.__longTasks ?? []).catch(() => [])))).flat();
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  await tab.close();
  return {
    bytes,
    contentMs,
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks),
    blockingMs: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    heapMB: heap / 1e6,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = { empty: { first: [], repeat: [] }, widgets: { first: [], repeat: [] }, iframe: { first: [], repeat: [] } };
try {
  for (let i = 0; i < RUNS; i++) {
    for (const variant of Object.keys(results)) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      await context.addInitScript(() => {
        globalThis.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) globalThis.__longTasks.push(entry.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      results[variant].first.push(await visit(context, `/bench/${variant}.html`));
      results[variant].repeat.push(await visit(context, `/bench/${variant}.html`));
      await context.close();
    }
  }
} finally {
  await browser.close();
  site.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const summary = (runs) => ({
  kB: median(runs.map((r) => r.bytes)) / 1000,
  contentS: median(runs.map((r) => r.contentMs)) / 1000,
  longTasks: median(runs.map((r) => r.longTasks)),
  longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
  blockingMs: median(runs.map((r) => r.blockingMs)),
  heapMB: median(runs.map((r) => r.heapMB)),
  each: runs.map((r) => (r.contentMs / 1000).toFixed(2)).join(', '),
});
const table = [];
for (const [variant, visits] of Object.entries(results))
  for (const [kind, runs] of Object.entries(visits)) table.push({ variant, visit: kind, ...summary(runs) });
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${browser.version?.() ?? 'Chromium'}`;
console.log(`Page load, Chromium, 4× CPU slowdown, Slow 3G; median of ${RUNS} runs — ${machine}\n`);
console.log('| page | visit | transferred | every widget shows content | long tasks | longest | blocking (TBT) | JS heap | each run (s) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of table) {
  console.log(
    `| ${r.variant} | ${r.visit} | ${r.kB.toFixed(1)} kB | ${r.contentS.toFixed(2)} s | ${r.longTasks} | ${Math.round(r.longestTaskMs)} ms | ${Math.round(r.blockingMs)} ms | ${r.heapMB.toFixed(1)} MB | ${r.each} |`,
  );
}
const ratio = (kind) => {
  const w = table.find((r) => r.variant === 'widgets' && r.visit === kind);
  const f = table.find((r) => r.variant === 'iframe' && r.visit === kind);
  return `${kind}: content ${(f.contentS / w.contentS).toFixed(2)}× sooner with widgets than the iframe, ${(w.kB / f.kB).toFixed(2)}× the bytes`;
};
console.log(`\n${ratio('first')}\n${ratio('repeat')}`);
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/bench-page.json', JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, table }, null, 2));
