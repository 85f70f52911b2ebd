import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';
import { packedWorkspace, serveApp } from '../support/packed.js';

/**
 * A Vue 3 app and a Svelte 5 app, built with Vite from the package as `npm pack` makes it, the way
 * a partner's build would, type-checked by `vue-tsc` (strictTemplates) and `svelte-check` with the
 * package's own types, and run in Chromium against the real API. Each app uses every widget with
 * every attribute and a handler for every event the Custom Elements Manifest lists: an event or
 * attribute added to an element is checked here with no list to update.
 */
const root = new URL('../..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
interface Declaration {
  tagName?: string;
  events?: { name: string }[];
}
const elements = (manifest.modules as { declarations?: Declaration[] }[])
  .flatMap((m) => m.declarations ?? [])
  .filter((d): d is Declaration & { tagName: string } => !!d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));
const TAGS = ['lindungi-hotline', 'lindungi-report-form', 'lindungi-rights-card', 'lindungi-stage-timeline'];
const EVENTS = elements.flatMap((e) => (e.events ?? []).map((event) => event.name)).sort();

const STAGES =
  "[{ id: 'a', title: 'Dokumen dikumpulkan', status: 'done' }, { id: 'b', title: 'Menunggu majikan', status: 'blocked', description: 'Majikan belum menjawab.' }]";
const MORE = "{ id: 'c', title: 'Kontrak ditandatangani', status: 'upcoming' }";

/** Each widget's attributes in the app (the same in both frameworks), and its events bound to `log`. */
const ATTRIBUTES: Record<string, { vue: string; svelte: string; angular: string }> = {
  'lindungi-hotline': {
    vue: 'api="/" variant="floating" :open="open" :emergency-only="false" :heading-level="2"',
    svelte: 'api="/" variant="floating" {open} emergency-only={false} heading-level={2}',
    angular: 'api="/" variant="floating" [open]="open" [emergencyOnly]="false" [headingLevel]="2"',
  },
  'lindungi-report-form': {
    vue: 'api="/" :heading-level="2" exit-url="https://www.bbc.com/weather"',
    svelte: 'api="/" heading-level={2} exit-url="https://www.bbc.com/weather"',
    angular: 'api="/" [headingLevel]="2" exit-url="https://www.bbc.com/weather"',
  },
  'lindungi-rights-card': {
    vue: 'api="/" topic="keep-documents" :heading-level="3"',
    svelte: 'api="/" topic="keep-documents" heading-level={3}',
    angular: 'api="/" topic="keep-documents" [headingLevel]="3"',
  },
  'lindungi-stage-timeline': {
    vue: 'api="/" heading="Langkah" :stages="stages"',
    svelte: 'api="/" heading="Langkah" {stages}',
    angular: 'api="/" heading="Langkah" [stages]="stages"',
  },
};

function vueApp(typo = '', replace: [string, string] = ['', '']): string {
  const widgets = elements.map((e) => {
    const events = (e.events ?? []).map((event) => `@${event.name}="log"`).join(' ');
    return `    <${e.tagName} ${ATTRIBUTES[e.tagName]!.vue.replace(...replace)}${e.tagName === 'lindungi-hotline' ? typo : ''} ${events}></${e.tagName}>`;
  });
  return `<script setup lang="ts">
import 'lindungi';
import type {} from 'lindungi/vue';
import type { Stage } from 'lindungi/sdk';
import { ref } from 'vue';

const open = ref(false);
const stages = ref<Stage[]>(${STAGES});
const received: string[] = [];
function log(event: Event): void {
  received.push(event.type);
}
// A new array, as the README says: the timeline sees it.
function addStage(): void {
  stages.value = [...stages.value, ${MORE}];
}
Object.assign(window, { received });
</script>

<template>
  <main lang="id">
    <button id="open-hotline" type="button" @click="open = true">Bantuan</button>
    <button id="add-stage" type="button" @click="addStage">Tambah</button>
${widgets.join('\n')}
  </main>
</template>
`;
}

function svelteApp(typo = '', replace: [string, string] = ['', '']): string {
  const widgets = elements.map((e) => {
    const events = (e.events ?? []).map((event) => `on${event.name}={log}`).join(' ');
    return `  <${e.tagName} ${ATTRIBUTES[e.tagName]!.svelte.replace(...replace)}${e.tagName === 'lindungi-hotline' ? typo : ''} ${events}></${e.tagName}>`;
  });
  return `<script lang="ts">
  import 'lindungi';
  import type {} from 'lindungi/svelte';
  import type { Stage } from 'lindungi/sdk';

  let open = $state(false);
  let stages: Stage[] = $state(${STAGES});
  const received: string[] = [];
  function log(event: Event): void {
    received.push(event.type);
  }
  // A new array, as the README says: the timeline sees it.
  function addStage(): void {
    stages = [...stages, ${MORE}];
  }
  Object.assign(window, { received });
</script>

<main lang="id">
  <button id="open-hotline" type="button" onclick={() => (open = true)}>Bantuan</button>
  <button id="add-stage" type="button" onclick={addStage}>Tambah</button>
${widgets.join('\n')}
</main>
`;
}

/** Angular 21 (the last major that runs on Node 20), compiled ahead of time by ngc with strict templates. */
function angularApp(): string {
  const widgets = elements.map((e) => {
    const events = (e.events ?? []).map((event) => `(${event.name})="log($event)"`).join(' ');
    return `      <${e.tagName} ${ATTRIBUTES[e.tagName]!.angular} ${events}></${e.tagName}>`;
  });
  return `// Angular's own packages are published partly compiled: linked when the app starts.
import '@angular/compiler';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import 'lindungi';
import type { Stage } from 'lindungi/sdk';

@Component({
  selector: 'app-root',
  // The lindungi- tags are custom elements.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: \`
    <main lang="id">
      <button id="open-hotline" type="button" (click)="open = true">Bantuan</button>
      <button id="add-stage" type="button" (click)="addStage()">Tambah</button>
${widgets.join('\n')}
    </main>\`,
})
class App {
  open = false;
  stages: Stage[] = ${STAGES};
  readonly received: string[] = [];
  constructor() {
    Object.assign(window, { received: this.received });
  }
  log(event: Event): void {
    this.received.push(event.type);
  }
  // A new array, as the README says: the timeline sees it.
  addStage(): void {
    this.stages = [...this.stages, ${MORE}];
  }
}

bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
`;
}

/** The README's example for a framework: the first code block of `lang` in its section. */
const readme = readFileSync(join(root, 'README.md'), 'utf8');
function readmeExample(section: string, lang: string): string {
  const start = readme.indexOf(`### ${section}\n`);
  assert.ok(start >= 0, `the README has a ${section} section`);
  const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme.slice(start));
  assert.ok(block, `the ${section} section has a ${lang} example`);
  return block[1]!;
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
};

describe('Vue, Svelte and Angular apps built from the packed package', () => {
  let workspace: string;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    workspace = packedWorkspace();
    mkdirSync(join(workspace, 'angular', 'src'), { recursive: true });
    for (const app of ['vue', 'svelte']) {
      mkdirSync(join(workspace, app, 'src'), { recursive: true });
      writeFileSync(
        join(workspace, app, 'index.html'),
        `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${app} app</title></head><body><div id="app"></div><script type="module" src="/src/main.ts"></script></body></html>`,
      );
    }
    writeFileSync(join(workspace, 'vue', 'src', 'App.vue'), vueApp());
    writeFileSync(
      join(workspace, 'vue', 'src', 'main.ts'),
      "import { createApp } from 'vue';\nimport App from './App.vue';\n\ncreateApp(App).mount('#app');\n",
    );
    writeFileSync(
      join(workspace, 'vue', 'src', 'shims.d.ts'),
      "declare module '*.vue' {\n  const component: import('vue').Component;\n  export default component;\n}\n",
    );
    writeFileSync(
      join(workspace, 'vue', 'tsconfig.json'),
      JSON.stringify({ ...TSCONFIG, vueCompilerOptions: { strictTemplates: true }, include: ['src/**/*.ts', 'src/**/*.vue'] }),
    );
    writeFileSync(join(workspace, 'svelte', 'src', 'App.svelte'), svelteApp());
    // The README's examples, exactly as written, are type-checked with the apps.
    writeFileSync(join(workspace, 'vue', 'src', 'ReadmeExample.vue'), readmeExample('Vue 3', 'vue'));
    writeFileSync(join(workspace, 'svelte', 'src', 'ReadmeExample.svelte'), readmeExample('Svelte 5', 'svelte'));
    writeFileSync(join(workspace, 'angular', 'src', 'readme-example.ts'), readmeExample('Angular', 'ts'));
    writeFileSync(
      join(workspace, 'svelte', 'src', 'main.ts'),
      "import { mount } from 'svelte';\nimport App from './App.svelte';\n\nmount(App, { target: document.getElementById('app')! });\n",
    );
    writeFileSync(join(workspace, 'svelte', 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, include: ['src/**/*.ts', 'src/**/*.svelte'] }));

    const { build } = await import('vite');
    const { default: vue } = await import('@vitejs/plugin-vue');
    const { svelte } = await import('@sveltejs/vite-plugin-svelte');
    await build({
      root: join(workspace, 'vue'),
      base: '/vue/',
      logLevel: 'silent',
      configFile: false,
      // As the README's Vue section says: the widgets are custom elements, not Vue components.
      plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('lindungi-') } } })],
    });
    await build({ root: join(workspace, 'svelte'), base: '/svelte/', logLevel: 'silent', configFile: false, plugins: [svelte()] });
    // Angular: ngc compiles the app (its templates type-checked), esbuild bundles it.
    mkdirSync(join(workspace, 'angular', 'dist'), { recursive: true });
    writeFileSync(join(workspace, 'angular', 'src', 'main.ts'), angularApp());
    writeFileSync(
      join(workspace, 'angular', 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...TSCONFIG.compilerOptions, noEmit: false, outDir: 'out', experimentalDecorators: true, useDefineForClassFields: false },
        angularCompilerOptions: { strictTemplates: true },
        files: ['src/main.ts', 'src/readme-example.ts'],
      }),
    );
    const ngc = spawnSync('npx', ['ngc', '-p', join(workspace, 'angular', 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    assert.equal(ngc.status, 0, ngc.stdout + ngc.stderr);
    const { build: bundle } = await import('esbuild');
    await bundle({
      entryPoints: [join(workspace, 'angular', 'out', 'main.js')],
      bundle: true,
      format: 'esm',
      outfile: join(workspace, 'angular', 'dist', 'app.js'),
      logLevel: 'silent',
    });
    writeFileSync(
      join(workspace, 'angular', 'dist', 'index.html'),
      '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>angular app</title></head><body><app-root></app-root><script type="module" src="/angular/app.js"></script></body></html>',
    );
    server = await startTestServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.dispose();
    if (workspace && !process.env.KEEP_FRAMEWORK_APPS) rmSync(workspace, { recursive: true, force: true });
  });

  /** The built app, served under /vue/ or /svelte/ beside the API (same origin), in a new tab. */
  async function open(app: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    await serveApp(page, server.url, app, join(workspace, app, 'dist'));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${server.url}/${app}/`);
    await page.waitForFunction(
      (tags) => tags.every((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false'),
      TAGS,
      { timeout: 15_000 },
    );
    return { page, errors };
  }

  it('uses every element the manifest lists', () => {
    assert.deepEqual(
      elements.map((e) => e.tagName),
      TAGS,
    );
    assert.ok(EVENTS.length >= 9, `events: ${EVENTS.join(', ')}`);
  });

  for (const app of ['vue', 'svelte', 'angular']) {
    it(`${app}: every widget shows its content, the stages array arrives as a property, and a new array updates the timeline`, async () => {
      const { page, errors } = await open(app);
      const state = await page.evaluate(() => ({
        shown: ['lindungi-hotline', 'lindungi-report-form', 'lindungi-rights-card', 'lindungi-stage-timeline'].filter(
          (tag) => !document.querySelector(tag)!.shadowRoot!.querySelector('[part="error"]'),
        ),
        headingLevel: document.querySelector('lindungi-rights-card')!.shadowRoot!.querySelector('[part="heading"]')?.getAttribute('aria-level'),
        stagesIsArray: Array.isArray((document.querySelector('lindungi-stage-timeline') as unknown as { stages: unknown }).stages),
        stages: document.querySelector('lindungi-stage-timeline')!.shadowRoot!.querySelectorAll('[part~="stage"]').length,
        stagesText: document.querySelector('lindungi-stage-timeline')!.shadowRoot!.textContent ?? '',
        formReady: !!document.querySelector('lindungi-report-form')!.shadowRoot!.querySelector('[part="continue"]'),
      }));
      assert.deepEqual(state.shown, TAGS, 'no widget shows an error');
      assert.equal(state.headingLevel, '3');
      assert.equal(state.stagesIsArray, true, 'stages was set as a property, not a "[object Object]" attribute');
      assert.equal(state.stages, 2);
      assert.match(state.stagesText, /Menunggu majikan/);
      assert.equal(state.formReady, true);
      await page.click('#add-stage');
      await page.waitForFunction(() => document.querySelector('lindungi-stage-timeline')!.shadowRoot!.querySelectorAll('[part~="stage"]').length === 3);
      assert.match(await page.locator('lindungi-stage-timeline').evaluate((el) => el.shadowRoot!.textContent ?? ''), /Kontrak ditandatangani/);
      assert.deepEqual(errors, []);
      await page.close();
    });

    it(`${app}: every event of the manifest reaches the app's handler, the widgets' own among them`, async () => {
      const { page } = await open(app);
      // Set from the framework: the floating hotline opens (lindungi-show); then the widgets' own events.
      await page.click('#open-hotline');
      await page.waitForFunction(() => document.querySelector('lindungi-hotline')!.shadowRoot!.querySelector('dialog')?.open === true);
      await page.keyboard.press('Escape');
      await page.locator('lindungi-rights-card').locator('[part="toggle"]').first().click();
      await page.locator('lindungi-rights-card').locator('[part="need-help"]').first().click();
      // "Need help" may open the page's help lines: close them before going on.
      if (await page.evaluate(() => document.querySelector('lindungi-hotline')!.shadowRoot!.querySelector('dialog')?.open)) await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('lindungi-hotline')!.shadowRoot!.querySelector('dialog')?.open);
      await page.locator('lindungi-stage-timeline').locator('[part="toggle"]').first().click();
      await page.locator('lindungi-report-form').locator('[part="continue"]').click();
      // The form checks its answers with code it loads when asked: its event comes a moment later.
      const fromWidgets = ['lindungi-show', 'lindungi-hide', 'lindungi-need-help', 'lindungi-stage-toggle', 'lindungi-invalid'];
      await page
        .waitForFunction((names) => names.every((name) => (window as unknown as { received: string[] }).received.includes(name)), fromWidgets, {
          timeout: 5000,
        })
        .catch(() => undefined);
      const received: string[] = await page.evaluate(() => [...(window as unknown as { received: string[] }).received]);
      for (const name of fromWidgets) assert.ok(received.includes(name), `${name} from the widget reached the handler (got ${received.join(', ')})`);
      // Every other event, sent from its element as the widget sends it (bubbling, composed).
      const all: string[] = await page.evaluate(
        (list) => {
          for (const { tag, name } of list) document.querySelector(tag)!.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: {} }));
          return [...new Set((window as unknown as { received: string[] }).received)].sort();
        },
        elements.flatMap((e) => (e.events ?? []).map((event) => ({ tag: e.tagName, name: event.name }))),
      );
      assert.deepEqual(all, EVENTS);
      await page.close();
    });
  }

  it('vue-tsc (strictTemplates) passes on the app, and fails on a misspelt attribute, value or event', () => {
    const check = () => spawnSync('npx', ['vue-tsc', '--noEmit', '-p', join(workspace, 'vue', 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    const ok = check();
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    writeFileSync(join(workspace, 'vue', 'src', 'App.vue'), vueApp(' :emergancy-only="true"'));
    const typo = check();
    assert.notEqual(typo.status, 0, 'a misspelt attribute passed');
    assert.match(typo.stdout + typo.stderr, /emergancy/i);
    writeFileSync(join(workspace, 'vue', 'src', 'App.vue'), vueApp('', ['variant="floating"', 'variant="flaoting"']));
    const value = check();
    assert.notEqual(value.status, 0, 'a value the attribute does not take passed');
    assert.match(value.stdout + value.stderr, /flaoting/);
    writeFileSync(join(workspace, 'vue', 'src', 'App.vue'), vueApp(' @lindungi-contcat="log"'));
    const event = check();
    assert.notEqual(event.status, 0, 'a misspelt event passed');
    assert.match(event.stdout + event.stderr, /contcat/i);
  });

  it('svelte-check passes on the app, and fails on a misspelt attribute, value or event', () => {
    const check = () =>
      spawnSync(
        'npx',
        ['svelte-check', '--workspace', join(workspace, 'svelte'), '--tsconfig', join(workspace, 'svelte', 'tsconfig.json'), '--output', 'machine'],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
    const ok = check();
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    writeFileSync(join(workspace, 'svelte', 'src', 'App.svelte'), svelteApp(' emergancy-only={true}'));
    const typo = check();
    assert.notEqual(typo.status, 0, 'a misspelt attribute passed');
    assert.match(typo.stdout, /emergancy/);
    writeFileSync(join(workspace, 'svelte', 'src', 'App.svelte'), svelteApp('', ['variant="floating"', 'variant="flaoting"']));
    const value = check();
    assert.notEqual(value.status, 0, 'a value the attribute does not take passed');
    assert.match(value.stdout, /flaoting/);
    writeFileSync(join(workspace, 'svelte', 'src', 'App.svelte'), svelteApp(' onlindungi-contcat={log}'));
    const event = check();
    assert.notEqual(event.status, 0, 'a misspelt event passed');
    assert.match(event.stdout, /contcat/);
  });

  it('packs the Vue and Svelte types in the package', () => {
    const packed = readdirSync(join(workspace, 'node_modules', 'lindungi', 'dist', 'frameworks')).sort();
    assert.deepEqual(packed, ['svelte.d.ts', 'vue.d.ts']);
  });
});
