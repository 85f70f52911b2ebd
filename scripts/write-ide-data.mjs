/**
 * Editor and type data generated from the Custom Elements Manifest (`custom-elements.json`), so an
 * attribute or event added to an element reaches every one of them with no second list to update:
 *
 *   dist/vscode.html-custom-data.json   VS Code's HTML custom data (`html.customData`)
 *   dist/web-types.json                 JetBrains web-types (found through package.json `web-types`)
 *   dist/jsx/react.d.ts                 JSX types of the bare elements for React 19
 *   dist/jsx/preact.d.ts                the same for Preact
 *   dist/frameworks/vue.d.ts            Vue's template types (GlobalComponents) of the elements
 *   dist/frameworks/svelte.d.ts         Svelte's element types (svelte/elements)
 *
 * Run after `cem analyze` (part of `npm run build`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const { version, name: packageName } = JSON.parse(readFileSync('package.json', 'utf8'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((d) => d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** `'inline' | 'floating'` style unions of string literals, when a type is one. */
const literals = (text = '') => (/^('[^']*'\s*\|\s*)*'[^']*'$/.test(text.trim()) ? text.split('|').map((v) => v.trim().slice(1, -1)) : undefined);
/** The literal values of an attribute: from its type, or from the class's type alias in its description. */
const valuesOf = (element, attribute) => {
  const field = element.members?.find((m) => m.name === attribute.fieldName);
  return literals(attribute.type?.text) ?? literals(field?.type?.text) ?? aliasValues(attribute.type?.text);
};
/** Type aliases the manifest names without expanding (`HotlineVariant`): read from the source once. */
function aliasValues(alias) {
  if (!alias || !/^[A-Z]\w+$/.test(alias)) return undefined;
  for (const module of manifest.modules) {
    const source = readFileSync(module.path, 'utf8');
    const found = new RegExp(`export type ${alias} = ([^;]+);`).exec(source);
    if (found) return literals(found[1].replace(/\s+/g, ' '));
  }
  return undefined;
}
const summaryOf = (element) => [element.summary, element.description].filter(Boolean).join('\n\n');

mkdirSync('dist/jsx', { recursive: true });

// VS Code: https://github.com/microsoft/vscode-custom-data
const vscode = {
  version: 1.1,
  tags: elements.map((element) => ({
    name: element.tagName,
    description: summaryOf(element),
    attributes: (element.attributes ?? []).map((attribute) => {
      const values = valuesOf(element, attribute);
      return {
        name: attribute.name,
        description: [attribute.description, attribute.default ? `Default: ${attribute.default}` : ''].filter(Boolean).join('\n\n'),
        ...(values ? { values: values.map((name) => ({ name })) } : attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
      };
    }),
    references: [{ name: 'README', url: 'https://www.npmjs.com/package/lindungi' }],
  })),
};
writeFileSync('dist/vscode.html-custom-data.json', `${JSON.stringify(vscode, null, 2)}\n`);

// JetBrains: https://github.com/JetBrains/web-types
const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: packageName,
  version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((element) => ({
        name: element.tagName,
        description: summaryOf(element),
        attributes: (element.attributes ?? []).map((attribute) => {
          const values = valuesOf(element, attribute);
          return {
            name: attribute.name,
            description: attribute.description ?? '',
            ...(attribute.default ? { default: attribute.default } : {}),
            value: values
              ? { type: 'enum', kind: 'plain' }
              : { type: attribute.type?.text ?? 'string', kind: attribute.type?.text === 'boolean' ? 'no-value' : 'plain' },
            ...(values ? { values: values.map((name) => ({ name })) } : {}),
          };
        }),
        events: (element.events ?? []).map((event) => ({ name: event.name, description: event.description ?? '' })),
        js: {
          events: (element.events ?? []).map((event) => ({ name: event.name, description: event.description ?? '' })),
          properties: (element.attributes ?? [])
            .filter((a) => a.fieldName)
            .map((a) => ({ name: a.fieldName, description: a.description ?? '', type: a.type?.text ?? 'string' })),
        },
        'css-parts': (element.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        'css-properties': (element.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
      })),
    },
  },
};
writeFileSync('dist/web-types.json', `${JSON.stringify(webTypes, null, 2)}\n`);

/**
 * JSX for the bare elements: each attribute typed like the element's own property (so a wrong
 * value is a type error, and no type is written twice), each event as an `on<event-name>` handler.
 */
function jsx(moduleName, base) {
  const lines = [
    '// Generated from custom-elements.json by scripts/write-ide-data.mjs.',
    "import type {} from '../lindungi.js';",
    `import type * as Framework from '${moduleName}';`,
    '',
    `declare module '${moduleName}' {`,
    '  namespace JSX {',
    '    interface IntrinsicElements {',
  ];
  for (const element of elements) {
    const type = `HTMLElementTagNameMap['${element.tagName}']`;
    lines.push(`      /** ${(element.summary ?? '').replace(/\*\//g, '')} */`);
    lines.push(`      '${element.tagName}': ${base(type)} & {`);
    for (const attribute of element.attributes ?? []) {
      if (attribute.name === 'dir') continue; // already a global attribute
      const valueType = attribute.fieldName ? `${type}['${attribute.fieldName}']` : 'string';
      lines.push(`        /** ${(attribute.description ?? '').replace(/\s+/g, ' ').replace(/\*\//g, '')} */`);
      lines.push(`        '${attribute.name}'?: ${valueType};`);
    }
    for (const event of element.events ?? []) {
      lines.push(`        /** ${(event.description ?? '').replace(/\s+/g, ' ').replace(/\*\//g, '')} */`);
      lines.push(`        'on${event.name}'?: (event: GlobalEventHandlersEventMap['${event.name}']) => void;`);
    }
    lines.push('      };');
  }
  lines.push('    }', '  }', '}', '');
  return lines.join('\n');
}
writeFileSync(
  'dist/jsx/react.d.ts',
  jsx('react', (t) => `Framework.DetailedHTMLProps<Framework.HTMLAttributes<${t}>, ${t}>`),
);
writeFileSync(
  'dist/jsx/preact.d.ts',
  jsx('preact', (t) => `Framework.JSX.HTMLAttributes<${t}>`),
);
/** The properties a page may set: public instance fields, not read-only (`dir` is the global attribute). */
const propertiesOf = (element) =>
  (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public').map((m) => m.name);
const comment = (text) => (text ?? '').replace(/\s+/g, ' ').replace(/\*\//g, '');

/**
 * Vue: each element in `GlobalComponents`, as Vue's guide for custom elements not built with Vue
 * describes, so `vue-tsc` checks its properties (`:heading-level="3"`) and events (`@lindungi-…`).
 */
function vue() {
  const lines = [
    '// Generated from custom-elements.json by scripts/write-ide-data.mjs.',
    "import type {} from '../lindungi.js';",
    "import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';",
    '',
    "/** `@lindungi-contact` is the `onLindungiContact` prop to Vue: typed, so an inline handler's event is too. */",
    'type EventProps<Events> = { [Name in keyof Events & string as `on${Capitalize<CamelCase<Name>>}`]?: (event: Events[Name]) => void };',
    'type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;',
    '',
    '/** A custom element as Vue reads it in a template: the properties it may be given, and its events. */',
    'type LindungiElement<E extends HTMLElement, Properties extends keyof E, Events extends Record<string, Event>> = new () => E & {',
    '  /** @deprecated For template type-checking only: the element has no such property. */',
    '  $props: HTMLAttributes & Partial<Pick<E, Properties>> & PublicProps & EventProps<Events>;',
    '  /** @deprecated For template type-checking only: the element has no such property. */',
    '  $emit: EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;',
    '};',
    '',
    "declare module 'vue' {",
    '  interface GlobalComponents {',
  ];
  for (const element of elements) {
    const type = `HTMLElementTagNameMap['${element.tagName}']`;
    const properties =
      propertiesOf(element)
        .map((name) => `'${name}'`)
        .join(' | ') || 'never';
    const events = (element.events ?? []).map((event) => `'${event.name}': GlobalEventHandlersEventMap['${event.name}']`).join('; ');
    lines.push(`    /** ${comment(element.summary)} */`);
    lines.push(`    '${element.tagName}': LindungiElement<${type}, ${properties}, { ${events} }>;`);
  }
  lines.push('  }', '}', '');
  return lines.join('\n');
}

/**
 * Svelte 5: each element in `svelte/elements`, so `svelte-check` checks its attributes (named as in
 * HTML, typed like the element's own property), its properties and its `on<event-name>` handlers.
 */
function svelte() {
  const lines = [
    '// Generated from custom-elements.json by scripts/write-ide-data.mjs.',
    "import type {} from '../lindungi.js';",
    "import type { HTMLAttributes } from 'svelte/elements';",
    '',
    "declare module 'svelte/elements' {",
    '  interface SvelteHTMLElements {',
  ];
  for (const element of elements) {
    const type = `HTMLElementTagNameMap['${element.tagName}']`;
    lines.push(`    /** ${comment(element.summary)} */`);
    lines.push(`    '${element.tagName}': HTMLAttributes<${type}> & {`);
    const named = new Set();
    for (const attribute of element.attributes ?? []) {
      if (attribute.name === 'dir' || !attribute.fieldName) continue;
      named.add(attribute.fieldName);
      lines.push(`      /** ${comment(attribute.description)} */`);
      lines.push(`      '${attribute.name}'?: ${type}['${attribute.fieldName}'];`);
    }
    for (const property of propertiesOf(element).filter((name) => !named.has(name))) {
      const member = element.members.find((m) => m.name === property);
      lines.push(`      /** ${comment(member.description)} */`);
      lines.push(`      '${property}'?: ${type}['${property}'];`);
    }
    for (const event of element.events ?? []) {
      lines.push(`      /** ${comment(event.description)} */`);
      lines.push(`      'on${event.name}'?: (event: GlobalEventHandlersEventMap['${event.name}']) => void;`);
    }
    lines.push('    };');
  }
  lines.push('  }', '}', '', 'export {};', '');
  return lines.join('\n');
}
mkdirSync('dist/frameworks', { recursive: true });
writeFileSync('dist/frameworks/vue.d.ts', vue());
writeFileSync('dist/frameworks/svelte.d.ts', svelte());
console.log(
  `IDE and type data for ${elements.length} elements: dist/vscode.html-custom-data.json, dist/web-types.json, dist/jsx/{react,preact}.d.ts, dist/frameworks/{vue,svelte}.d.ts`,
);
