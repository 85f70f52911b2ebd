import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve } from 'node:path';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';

// What partners install: the package as `npm pack` makes it (after `npm run build`), and what
// their bundlers make of it. These guard the promises of the README: one widget's import brings
// only that widget; the SDK brings no Lit; the package holds what it says and nothing private.

const root = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * Strings found only in each widget's own template: a widget's code in a bundle shows by them.
 * (Tag names are not markers: the rights card looks for the page's own hotline by its tag.)
 */
const WIDGET_MARKERS: Record<string, string[]> = {
  hotline: ['part="launcher"', 'part="hours"'],
  'rights-card': ['part="wallet"', 'part="citation"'],
  'stage-timeline': ['part="skipped"', 'part="stages"'],
  'report-form': ['part="error-summary"', 'part="continue"'],
};
/** Widgets another one shows inside itself, loaded only when it shows them (never in its first load). */
const LAZY: Record<string, string[]> = { 'report-form': ['hotline', 'stage-timeline'] };
/** Lit's runtime announces itself on globalThis; its template markers start with `lit$`. */
const LIT_MARKERS = ['litHtmlVersions', 'litElementVersions', 'lit$'];

describe('the package as npm packs it', () => {
  let files: string[];
  before(() => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    );
    files = packed.files.map((f: { path: string }) => f.path);
  });

  it('holds no tests, stories, server, local data or desk, and the files partners need', () => {
    const forbidden = /^(test|stories|server|desk|demo|bench|scripts|\.data|\.tmp|node_modules|storybook-static|screenshots|dist\/desk|locales\/desk)\//;
    assert.deepEqual(
      files.filter((f) => forbidden.test(f)),
      [],
    );
    assert.deepEqual(
      files.filter((f) => /\.test\.|\.stories\./.test(f)),
      [],
    );
    for (const needed of [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'custom-elements.json',
      'dist/web-types.json',
      'dist/vscode.html-custom-data.json',
      'dist/cdn/lindungi.js',
      'dist/cdn/autoloader.js',
      'dist/frameworks/vue.d.ts',
      'dist/frameworks/svelte.d.ts',
      'dist/openapi.json',
      'content/ID-KH.json',
    ]) {
      assert.ok(files.includes(needed), `${needed} is in the package`);
    }
    assert.equal(pkg['web-types'], './dist/web-types.json');
  });

  it('documents only the public API in its Custom Elements Manifest (the source of the IDE data and docs)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    const hidden = manifest.modules
      .flatMap((m: { declarations?: { name: string; members?: { name: string; privacy?: string }[] }[] }) => m.declarations ?? [])
      .flatMap((d: { name: string; members?: { name: string; privacy?: string }[] }) =>
        (d.members ?? []).filter((m) => m.privacy && m.privacy !== 'public').map((m) => `${d.name}.${m.name}`),
      );
    assert.deepEqual(hidden, []);
  });

  it("shows defaults as values in its manifest, never the name of a constant (Storybook's tables read them)", () => {
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    const named: string[] = [];
    for (const m of manifest.modules) {
      for (const d of m.declarations ?? []) {
        for (const item of [...(d.members ?? []), ...(d.attributes ?? [])]) {
          if (typeof item.default === 'string' && /^[A-Z][A-Z0-9_]+$/.test(item.default)) named.push(`${d.name}.${item.name} = ${item.default}`);
        }
      }
    }
    assert.deepEqual(named, []);
    const form = manifest.modules
      .flatMap((m: { declarations?: unknown[] }) => m.declarations ?? [])
      .find((d: { tagName?: string }) => d.tagName === 'lindungi-report-form');
    assert.equal(form.attributes.find((a: { name: string }) => a.name === 'exit-url').default, "'https://www.bbc.com/weather'");
  });

  it('says the version package.json says (a second copy of the library compares it)', async () => {
    const { VERSION } = await import('../../src/internal/define.js');
    assert.equal(VERSION, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('ships every file its exports map names', () => {
    const targets = Object.values(pkg.exports as Record<string, string | Record<string, string>>).flatMap((t) =>
      typeof t === 'string' ? [t] : Object.values(t),
    );
    for (const target of targets) {
      const path = target.replace(/^\.\//, '');
      if (path.includes('*')) {
        const pattern = new RegExp(
          `^${path
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace('\\*', '.+')
            .replace('*', '.+')}$`,
        );
        assert.ok(
          files.some((f) => pattern.test(f)),
          `${target} matches a packed file`,
        );
      } else assert.ok(files.includes(path), `${target} is packed`);
    }
  });

  it('installs nothing of React for a partner who does not use it (npm installs every peer that is not optional)', () => {
    const installed = new Set<string>();
    const visit = (name: string, from: string) => {
      if (installed.has(name)) return;
      installed.add(name);
      // Resolved as Node and npm would: the dependency's own node_modules, then each folder above.
      let dir = from;
      let manifest:
        | { dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> }
        | undefined;
      for (;;) {
        const candidate = join(dir, 'node_modules', name, 'package.json');
        if (existsSync(candidate)) {
          manifest = JSON.parse(readFileSync(candidate, 'utf8'));
          dir = dirname(candidate);
          break;
        }
        if (dir === dirname(dir)) break;
        dir = dirname(dir);
      }
      assert.ok(manifest, `${name} is installed`);
      const peers = Object.keys(manifest.peerDependencies ?? {}).filter((peer) => !manifest.peerDependenciesMeta?.[peer]?.optional);
      for (const dependency of [...Object.keys(manifest.dependencies ?? {}), ...peers]) visit(dependency, dir);
    };
    const required = Object.keys(pkg.peerDependencies ?? {}).filter((peer) => !pkg.peerDependenciesMeta?.[peer]?.optional);
    for (const name of [...Object.keys(pkg.dependencies), ...required]) visit(name, root);
    assert.deepEqual(
      [...installed].filter((name) => /^(react|react-dom|@types\/react|csstype|@lit\/react)$/.test(name)),
      [],
    );
    // React partners add the wrappers' one dependency themselves, as the README says.
    assert.equal(pkg.peerDependenciesMeta['@lit/react'].optional, true);
  });

  it('ships no source map that points to a file it does not ship', () => {
    const shipped = new Set(files);
    const broken: string[] = [];
    for (const map of files.filter((f) => f.endsWith('.map'))) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(root, map), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      sources.forEach((source, i) => {
        const resolved = normalize(join(dirname(map), source));
        if (!shipped.has(resolved) && !sourcesContent?.[i]) broken.push(`${map} → ${source}`);
      });
    }
    assert.deepEqual(broken.slice(0, 5), [], `${broken.length} unresolved sources`);
  });
});

describe('tree-shaking: a partner app importing one entry', () => {
  let app: string;
  before(() => {
    // A partner's project with the package installed (a link, as `npm install` of a folder makes).
    app = mkdtempSync(join(tmpdir(), 'lindungi-app-'));
    mkdirSync(join(app, 'node_modules'));
    symlinkSync(root, join(app, 'node_modules', 'lindungi'));
  });
  after(() => rmSync(app, { recursive: true, force: true }));

  /**
   * Bundle `source` with rollup and with esbuild. Answers, for each, all the code (`all`) and the
   * code loaded with the entry, before any dynamic import (`first`).
   */
  async function bundles(name: string, source: string, external: string[] = []): Promise<Record<'rollup' | 'esbuild', { all: string; first: string }>> {
    const entry = join(app, `${name}.js`);
    writeFileSync(entry, source);
    const bundle = await rollup({
      input: entry,
      external,
      plugins: [nodeResolve({ browser: true })],
      onwarn: () => undefined,
    });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const chunks = new Map(output.flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
    const firstLoad = new Set<string>();
    const visit = (file: string) => {
      if (firstLoad.has(file) || !chunks.has(file)) return;
      firstLoad.add(file);
      for (const imported of chunks.get(file)!.imports) visit(imported);
    };
    visit(output[0].fileName);
    const out = join(app, `out-${name}`);
    const built = await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      splitting: true,
      outdir: out,
      write: false,
      external,
      metafile: true,
      logLevel: 'silent',
    });
    const byPath = new Map(built.outputFiles.map((f) => [f.path, f.text]));
    const meta = built.metafile.outputs;
    const esFirst = new Set<string>();
    const esVisit = (file: string) => {
      if (esFirst.has(file) || !meta[file]) return;
      esFirst.add(file);
      for (const i of meta[file].imports) if (i.kind === 'import-statement') esVisit(i.path);
    };
    // Every dynamic import is an entry point of its own: the app's entry is the one made from `entry`.
    esVisit(Object.keys(meta).find((f) => meta[f].entryPoint && resolve(meta[f].entryPoint) === entry)!);
    return {
      rollup: { all: [...chunks.values()].map((c) => c.code).join('\n'), first: [...firstLoad].map((f) => chunks.get(f)!.code).join('\n') },
      esbuild: { all: [...byPath.values()].join('\n'), first: [...esFirst].map((f) => byPath.get(resolve(f)) ?? '').join('\n') },
    };
  }
  const carried = (code: string, except: string, allowed: string[] = []) =>
    Object.entries(WIDGET_MARKERS)
      .filter(([widget]) => widget !== except && !allowed.includes(widget))
      .flatMap(([widget, markers]) => markers.filter((m) => code.includes(m)).map((m) => `${widget}: ${m}`));

  for (const widget of Object.keys(WIDGET_MARKERS)) {
    it(`lindungi/${widget}.js brings that widget and no other (rollup, esbuild)`, async () => {
      for (const [bundler, code] of Object.entries(await bundles(widget, `import 'lindungi/${widget}.js';\n`))) {
        assert.ok(
          WIDGET_MARKERS[widget].some((m) => code.all.includes(m)),
          `${bundler}: the widget itself is there`,
        );
        assert.ok(code.first.includes('customElements'), `${bundler}: the first load defines the element`);
        assert.deepEqual(carried(code.all, widget, LAZY[widget]), [], `${bundler}: code of another widget`);
        assert.deepEqual(carried(code.first, widget), [], `${bundler}: code of another widget in the first load`);
      }
    });
  }

  it('lindungi/sdk brings no Lit and no widget (rollup, esbuild)', async () => {
    const source = `import { createClient } from 'lindungi/sdk';\nexport const client = createClient({ api: 'https://api.example' });\n`;
    for (const [bundler, code] of Object.entries(await bundles('sdk', source))) {
      assert.ok(code.all.includes('Idempotency-Key'), `${bundler}: the SDK itself is there`);
      assert.deepEqual(
        LIT_MARKERS.filter((m) => code.all.includes(m)),
        [],
        `${bundler}: Lit in an SDK-only bundle`,
      );
      assert.deepEqual(carried(code.all, ''), [], `${bundler}: widget code in an SDK-only bundle`);
    }
  });

  for (const [widget, component] of [
    ['hotline', 'Hotline'],
    ['report-form', 'ReportForm'],
  ] as const) {
    it(`lindungi/react/${widget}.js brings only the ${component} wrapper's widget (rollup, esbuild)`, async () => {
      const source = `import { ${component} } from 'lindungi/react/${widget}.js';\nexport { ${component} };\n`;
      for (const [bundler, code] of Object.entries(await bundles(`react-${widget}`, source, ['react']))) {
        assert.ok(
          WIDGET_MARKERS[widget].some((m) => code.all.includes(m)),
          `${bundler}: the widget itself is there`,
        );
        assert.ok(code.first.includes('customElements'), `${bundler}: the first load defines the element`);
        assert.deepEqual(carried(code.all, widget, LAZY[widget]), [], `${bundler}: code of another widget`);
        assert.deepEqual(carried(code.first, widget), [], `${bundler}: code of another widget in the first load`);
      }
    });
  }

  it('is measured on the built package', () => {
    assert.ok(existsSync(join(root, 'dist/hotline.js')), 'run `npm run build` first');
  });
});
