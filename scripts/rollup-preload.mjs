import MagicString from 'magic-string';
import { dirname, posix } from 'node:path';

/**
 * A dynamic `import()` of a chunk costs one round trip for the chunk, then one more for each level
 * of its static imports, found only once the chunk has been parsed. On a 2-second round trip that
 * is seconds before a widget can render. This plugin rewrites each `import("./chunk.js")` to first
 * add `<link rel="modulepreload">` for every chunk the target needs statically and the importer has
 * not already loaded, so the browser fetches them all at once. Only in a document: elsewhere the
 * import goes on as written. Run it after minification; the source map follows the edit.
 */
export function preloadDynamicImports() {
  return {
    name: 'lindungi-preload-dynamic-imports',
    renderChunk(code, chunk, _options, { chunks }) {
      const staticClosure = (fileName, into = new Set()) => {
        for (const imported of chunks[fileName]?.imports ?? []) {
          if (into.has(imported) || !chunks[imported]) continue;
          into.add(imported);
          staticClosure(imported, into);
        }
        return into;
      };
      const loaded = staticClosure(chunk.fileName, new Set([chunk.fileName]));
      const from = dirname(chunk.fileName);
      const relative = (fileName) => {
        const path = posix.relative(from, fileName);
        return path.startsWith('.') ? path : `./${path}`;
      };
      const edit = new MagicString(code);
      let edited = false;
      for (const match of code.matchAll(/import\((["'])(\.{1,2}\/[^"']+)\1\)/g)) {
        const target = posix.join(from, match[2]);
        if (!chunks[target]) continue;
        const needed = [...staticClosure(target)].filter((fileName) => !loaded.has(fileName));
        if (!needed.length) continue;
        edit.prependLeft(match.index, `(__lp(${JSON.stringify(needed.map(relative))}),`);
        edit.appendRight(match.index + match[0].length, ')');
        edited = true;
      }
      if (!edited) return null;
      edit.prepend(
        'const __lp=l=>{if(typeof document=="object")for(const f of l){const e=document.createElement("link");e.rel="modulepreload";e.href=new URL(f,import.meta.url).href;document.head.append(e)}};',
      );
      return { code: edit.toString(), map: edit.generateMap({ hires: true }) };
    },
  };
}
