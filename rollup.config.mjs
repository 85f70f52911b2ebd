import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';
import { literalsHtmlCssMinifier } from '@literals/rollup-plugin-html-css-minifier';
import { defaultShouldMinify, defaultStrategy } from '@literals/html-css-minifier';
import { existsSync } from 'node:fs';
import { preloadDynamicImports } from './scripts/rollup-preload.mjs';
import { dirname, relative, resolve } from 'node:path';

/**
 * Source maps name the project's own sources relative to the map, as shipped in the package
 * (`src/`). The TypeScript plugin reports them one folder too high for files in dist/cdn/.
 */
const sourcemapPathTransform = (source, mapPath) => {
  const absolute = resolve(dirname(mapPath), source);
  const at = absolute.lastIndexOf('/src/');
  if (existsSync(absolute) || at < 0) return source;
  return relative(dirname(mapPath), resolve(absolute.slice(at + 1)));
};

/**
 * The CDN build: each entry is one self-contained, minified ES module (Lit's production build
 * included). Locale modules and the content pack are written beside it and loaded only when needed.
 * `lindungi.js` has every widget; each single-widget entry has only its own.
 */
const entries = {
  lindungi: 'src/lindungi.ts',
  hotline: 'src/hotline.ts',
  'rights-card': 'src/rights-card.ts',
  'stage-timeline': 'src/stage-timeline.ts',
  'report-form': 'src/report-form.ts',
};

/**
 * Lazy code in a few chunks, not dozens: over HTTP/1.1 a browser opens six connections to an
 * origin, so on a 2-second round trip every request past the sixth waits for a whole round trip
 * more. What is loaded together is one chunk: reading content (validator, API, device store), and
 * reporting (the outbox, the operator, phone numbers and the form's steps, which never load without
 * each other). Entries keep only what they import statically; nothing here is imported by an entry.
 */
const CHUNKS = [
  ['content', /\/src\/sdk\/(validate|schema|stage-check|api-content|http|storage)\.ts$|\/node_modules\/(valibot|idb-keyval)\//],
  [
    'reports',
    /\/src\/sdk\/(report-schema|report-status|report-limits|operator|outbox|outbox-rules|outbox-types|phone|phone-metadata)\.ts$|\/node_modules\/libphonenumber-js\/|\/src\/components\/report-form\/(answers|draft-keeper|flow|context|notices|loaded|steps\.styles|views\/\w+)\.ts$|\/node_modules\/lit-html\/directives\/keyed\.js$/,
  ],
  // Loaded only where a widget was rendered on the server: a page that has one can preload it.
  ['takeover', /\/src\/internal\/take-over\.ts$/],
];
/**
 * Each locale's strings in two modules: those every widget shares, `locale-<code>`, and the report
 * form's own, `locale-form-<code>`, which only a page that shows the form downloads. With the form's
 * steps and reporting in one chunk, the form's page still makes six requests at once.
 */
const LOCALE_MODULE = /\/src\/generated\/locales\/(report-form\/)?([\w-]+)\.ts$/;
/**
 * What a widget shows once its content is here (its views) is needed at the same moment as the
 * content: where the widget is the entry's own, the views go in the content chunk, which every
 * widget loads first. Where another widget loads it (the report form's hotline and timeline), the
 * widget and its views are one chunk: one request when the form shows it.
 */
const VIEWS =
  /\/src\/components\/(hotline|stage-timeline|rights-card)\/(views|channel-parts|opening-hours|lines\.styles|stages\.styles|stage-rows|stage-parts|rights\.styles|wallet|share|print)\.ts$|\/src\/internal\/(content-icons|notes|channels|clock|citation|names)\.ts$|\/node_modules\/lit-html\/directives\/repeat\.js$|\/node_modules\/lit-html\/(directive|directive-helpers)\.js$/;
const WIDGET =
  /\/src\/(hotline|stage-timeline)\.ts$|\/src\/components\/(hotline|stage-timeline)\/[\w.-]+\.ts$|\/node_modules\/lit-html\/directives\/repeat\.js$/;
const manualChunksOf = (entry) => {
  let fromEntry;
  return function manualChunks(id, { getModuleIds, getModuleInfo }) {
    const locale = LOCALE_MODULE.exec(id);
    if (locale) return `locale-${locale[1] ? 'form-' : ''}${locale[2]}`;
    if (entry === 'report-form') {
      const widget = WIDGET.exec(id);
      if (widget) return `lazy-${widget[1] ?? widget[2] ?? 'stage-timeline'}`;
    }
    // What the entry's own code uses stays in the entry: a chunk it imported would be a round trip first.
    fromEntry ??= staticallyImported(
      [...getModuleIds()].filter((m) => getModuleInfo(m).isEntry),
      getModuleInfo,
    );
    if (VIEWS.test(id) && !fromEntry.has(id)) return 'content';
    return CHUNKS.find(([, test]) => test.test(id))?.[0];
  };
};

/** Every module the entries import statically, however deep. */
function staticallyImported(entries, getModuleInfo) {
  const seen = new Set(entries);
  for (const id of seen) for (const next of getModuleInfo(id)?.importedIds ?? []) seen.add(next);
  return seen;
}

const widgets = Object.entries(entries).map(([name, input]) => ({
  input,
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: `${name}.js`,
    // Short names: every import path is part of the entry's bytes.
    // The chunks a page needs first have stable names (`chunks/lindungi.content.js`,
    // `locales/lindungi.id.js`) that a page can preload; the rest are named by their hash.
    chunkFileNames: (chunk) => {
      if (chunk.name.startsWith('locale-form-')) return `locales/${name}.form.${chunk.name.slice('locale-form-'.length)}.js`;
      if (chunk.name.startsWith('locale-')) return `locales/${name}.${chunk.name.slice('locale-'.length)}.js`;
      return CHUNKS.some(([group]) => group === chunk.name) ? `chunks/${name}.${chunk.name}.js` : 'chunks/[hash].js';
    },
    assetFileNames: 'content/[name]-[hash][extname]',
    sourcemap: true,
    sourcemapPathTransform,
    manualChunks: manualChunksOf(name),
    onlyExplicitManualChunks: true,
  },
  preserveEntrySignatures: 'allow-extension',
  plugins: [
    nodeResolve({ browser: true }),
    // CSS is minified; in HTML templates only a run of whitespace that holds a line break becomes one
    // space (the same rendering outside white-space: pre, which no template's own text uses). A full
    // HTML minifier would drop self-closing SVG tags and meaningful spaces.
    literalsHtmlCssMinifier({
      failOnError: true,
      options: { shouldMinify: defaultShouldMinify, strategy: { ...defaultStrategy, minifyHTML: async (markup) => markup.replace(/[ \t]*[\r\n]\s*/g, ' ') } },
    }),
    typescript({
      tsconfig: './tsconfig.build.json',
      declaration: false,
      declarationMap: false,
      outDir: 'dist/cdn',
      sourceMap: true,
      noEmitOnError: true,
    }),
    importMetaAssets(),
    // A second compress pass: a few hundred bytes fewer in every widget.
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    // After minification: it edits the code terser wrote.
    preloadDynamicImports(),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
}));

/** The autoloader: no Lit, no widget; it loads the single-widget entries above when their tags appear. */
const autoloader = {
  input: 'src/autoloader.ts',
  output: { dir: 'dist/cdn', format: 'es', entryFileNames: 'autoloader.js', sourcemap: true, sourcemapPathTransform },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir: 'dist/cdn', sourceMap: true, noEmitOnError: true }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
};

/** The case desk page (served by the API server at /desk/, not part of the package for partners). */
const desk = {
  input: 'desk/desk-app.ts',
  // The page loads it for its side effect (defining <lindungi-desk>): no exports to keep, so no extra chunk.
  preserveEntrySignatures: false,
  output: { dir: 'dist/desk', format: 'es', entryFileNames: 'desk.js', chunkFileNames: '[name]-[hash].js', sourcemap: true },
  plugins: [
    nodeResolve({ browser: true }),
    typescript({
      tsconfig: './desk/tsconfig.json',
      compilerOptions: { noEmit: false, outDir: 'dist/desk', declaration: false, sourceMap: true },
      noEmitOnError: true,
    }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
};

export default [...widgets, autoloader, desk];
