/**
 * Editor and type data generated from the Custom Elements Manifest (`custom-elements.json`), so an
 * attribute or event added to an element reaches every one of them with no second list to update:
 *
 *   dist/vscode.html-custom-data.json   VS Code's HTML custom data (`html.customData`)
 *   dist/web-types.json                 JetBrains web-types (found through package.json `web-types`)
 *   dist/jsx/react.d.ts                 JSX types of the bare elements for React 19
 *   dist/jsx/preact.d.ts                the same for Preact
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
console.log(`IDE and JSX data for ${elements.length} elements: dist/vscode.html-custom-data.json, dist/web-types.json, dist/jsx/{react,preact}.d.ts`);
