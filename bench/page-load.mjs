/**
 * Page load on a slow phone, the same content three ways, in one run: Chromium with 4× CPU
 * slowdown and DevTools' "Slow 3G" (2 s RTT, 50 kB/s down), first and repeat visit:
 *
 *   empty    a partner's article page with no widget (the baseline)
 *   widgets  the same page with the four widgets and the documented snippet (the CDN build's
 *            script tag and its preload list)
 *   script-tag  the same with the script tag alone
 *   iframe   the same page embedding a standalone page of the server that shows the same four
 *            widgets (what partners embed today: an iframe of a hosted page)
 *   server   the widgets rendered on the server into the page (lindungi/ssr), and the script tag
 *   server-nojs  the same page in a browser with JavaScript off
 *
 * For each: bytes transferred, time until the first help number is readable (a tel: or wa.me link
 * laid out in a hotline) and until every widget shows content, long tasks (count, longest, total
 * blocking time over 50 ms), layout shift and the JS heap after load. Median of RUNS runs (default 5).
 *
 *   npm run build && node bench/page-load.mjs [runs]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DEMO_OPERATOR, startServer } from '../build/server/main.js';
import { renderWidget } from '../dist/ssr/index.js';
import { parseContentPack } from '../dist/sdk/index.js';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const RUNS = Number(process.argv[2] ?? 5);
// BENCH_CPU=1: no CPU slowdown (the long-task goal is at 1×, blocking time at 4×).
const CPU = Number(process.env.BENCH_CPU ?? 4);
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
const pack = parseContentPack(JSON.parse(readFileSync(new URL('../content/ID-KH.json', import.meta.url), 'utf8')));
const SERVER_WIDGETS = (
  await Promise.all([
    renderWidget({ widget: 'stage-timeline', pack, attributes: { api: '/', timeline: 'agreement-id-kh', 'heading-level': 2 } }),
    renderWidget({ widget: 'hotline', pack, attributes: { api: '/' } }),
    renderWidget({ widget: 'rights-card', pack, attributes: { api: '/', 'heading-level': 2 } }),
    renderWidget({ widget: 'report-form', pack, attributes: { api: '/', 'heading-level': 2 } }),
  ])
).join('\n');
const page = (body, head = '') =>
  `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Partner</title>${head}<style>body{font-family:system-ui,sans-serif;margin:1rem;max-width:40rem}iframe{border:0;inline-size:100%;block-size:3200px}</style></head><body>${body}</body></html>`;
// The documented snippet: the chunks the widgets need first and the content, fetched with the page.
const SCRIPT = [
  '<script type="module" src="/dist/cdn/lindungi.js"></script>',
  '<link rel="modulepreload" href="/dist/cdn/chunks/lindungi.content.js">',
  '<link rel="modulepreload" href="/dist/cdn/locales/lindungi.id.js">',
  '<link rel="preload" as="fetch" crossorigin="anonymous" href="/v1/content/ID-KH?locale=id">',
  '<link rel="modulepreload" href="/dist/cdn/chunks/lindungi.reports.js">',
  '<link rel="modulepreload" href="/dist/cdn/locales/lindungi.form.id.js">',
].join('');
// The script tag alone, as before the preload list was documented.
const SCRIPT_ONLY = '<script type="module" src="/dist/cdn/lindungi.js"></script>';
const PAGES = {
  '/bench/empty.html': page(ARTICLE),
  '/bench/widgets.html': page(`${ARTICLE}${WIDGETS}`, SCRIPT),
  '/bench/script-tag.html': page(`${ARTICLE}${WIDGETS}`, SCRIPT_ONLY),
  // What partners embed today: a hosted page in an iframe, showing the same widgets.
  '/bench/standalone.html': page(`<main>${WIDGETS}</main>`, SCRIPT),
  '/bench/iframe.html': page(`${ARTICLE}<iframe src="/bench/standalone.html" title="Perlindungan pekerja migran"></iframe>`),
  '/bench/server.html': page(`${ARTICLE}${SERVER_WIDGETS}`, SCRIPT),
  '/bench/server-nojs.html': page(`${ARTICLE}${SERVER_WIDGETS}`),
};

// The partner's site: its pages, and everything else passed through to the Lindungi server, on one
// origin (as a partner's CDN would). No request routing in the browser: that would turn its cache off.
// Its pages are sent gzipped, as a partner's web server sends HTML (nginx's and Apache's packaged
// configurations do); BENCH_PLAIN_PAGES=1 sends them uncompressed.
const site = createServer((req, res) => {
  const body = PAGES[new URL(req.url, 'http://site').pathname];
  if (body) {
    const gzip = !process.env.BENCH_PLAIN_PAGES && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(gzip ? gzipSync(body) : body);
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

/** A help number is readable: a tel: or wa.me link laid out in a hotline, in the page or its iframe. */
const firstHelpReadable = () => {
  const docs = [document, ...[...document.querySelectorAll('iframe')].map((f) => f.contentDocument).filter(Boolean)];
  if (![...document.querySelectorAll('lindungi-hotline, iframe')].length) return document.readyState === 'complete';
  return docs.some((d) =>
    [...d.querySelectorAll('lindungi-hotline')].some((h) =>
      [...(h.shadowRoot?.querySelectorAll('a[href^="tel:"], a[href^="https://wa.me/"]') ?? [])].some((a) => {
        const box = a.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      }),
    ),
  );
};

/** Polls `check` in the page every 50 ms from here: a page with JavaScript off runs no poller of its own. */
async function until(tab, check) {
  for (const end = Date.now() + 180_000; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (await tab.evaluate(check).catch(() => false)) return;
  }
  throw new Error(`${check.name} did not hold within 180 s`);
}

/** One visit of `path` in `context`. */
async function visit(context, path) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await cdp.send('Performance.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  // BENCH_WATERFALL=1: each request's start and end, to see which one waits for a connection.
  const waterfall = new Map();
  if (process.env.BENCH_WATERFALL) {
    cdp.on('Network.requestWillBeSent', (e) => waterfall.set(e.requestId, { url: e.request.url, sent: Date.now() - started }));
    cdp.on('Network.loadingFinished', (e) => waterfall.has(e.requestId) && (waterfall.get(e.requestId).done = Date.now() - started));
  }
  const started = Date.now();
  await tab.goto(`${siteUrl}${path}`, { waitUntil: 'commit' });
  await until(tab, firstHelpReadable);
  const helpMs = Date.now() - started;
  await until(tab, allShowContent);
  const contentMs = Date.now() - started;
  await tab.waitForLoadState('networkidle');
  if (process.env.BENCH_WATERFALL) {
    console.log(`\n${path} (help ${helpMs} ms, content ${contentMs} ms)`);
    for (const r of waterfall.values()) console.log(`  ${String(r.sent).padStart(6)} → ${String(r.done ?? '-').padStart(6)} ms  ${r.url.replace(siteUrl, '')}`);
  }
  // Long tasks of every frame, recorded from the start by the init script.
  const tasks = (await Promise.all(tab.frames().map((f) => f.evaluate(() => globalThis.__longTasks ?? []).catch(() => [])))).flat();
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const shift = await tab.evaluate(() => globalThis.__shift ?? 0).catch(() => 0);
  await tab.close();
  return {
    bytes,
    helpMs,
    contentMs,
    shift,
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks),
    blockingMs: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    heapMB: heap / 1e6,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// BENCH_PAGES=widgets,server measures only those pages.
const VARIANTS = process.env.BENCH_PAGES?.split(',') ?? ['empty', 'widgets', 'script-tag', 'iframe', 'server', 'server-nojs'];
const results = Object.fromEntries(VARIANTS.map((v) => [v, { first: [], repeat: [] }]));
try {
  for (let i = 0; i < RUNS; i++) {
    for (const variant of Object.keys(results)) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: variant !== 'server-nojs' });
      await context.addInitScript(() => {
        globalThis.__longTasks = [];
        globalThis.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) globalThis.__longTasks.push(entry.duration);
        }).observe({ type: 'longtask', buffered: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) globalThis.__shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
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
  helpS: median(runs.map((r) => r.helpMs)) / 1000,
  shift: median(runs.map((r) => r.shift)),
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
console.log(`Page load, Chromium, ${CPU}× CPU slowdown, Slow 3G; median of ${RUNS} runs — ${machine}\n`);
console.log(
  '| page | visit | transferred | first help number readable | every widget shows content | long tasks | longest | blocking (TBT) | layout shift | JS heap | each run (s) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of table) {
  console.log(
    `| ${r.variant} | ${r.visit} | ${r.kB.toFixed(1)} kB | ${r.helpS.toFixed(2)} s | ${r.contentS.toFixed(2)} s | ${r.longTasks} | ${Math.round(r.longestTaskMs)} ms | ${Math.round(r.blockingMs)} ms | ${r.shift.toFixed(3)} | ${r.heapMB.toFixed(1)} MB | ${r.each} |`,
  );
}
const ratio = (kind) => {
  const row = (variant) => table.find((r) => r.variant === variant && r.visit === kind);
  const [w, s, f] = [row('widgets'), row('server'), row('iframe')];
  return `${kind}: content ${(f.contentS / s.contentS).toFixed(2)}× sooner server-rendered and ${(f.contentS / w.contentS).toFixed(2)}× with the script snippet only than the iframe (${(w.kB / f.kB).toFixed(2)}× the bytes)`;
};
if (['widgets', 'server', 'iframe'].every((v) => VARIANTS.includes(v))) console.log(`\n${ratio('first')}\n${ratio('repeat')}`);
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/bench-page.json', JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, table }, null, 2));
