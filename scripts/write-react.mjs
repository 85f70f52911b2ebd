/**
 * The React wrappers (`src/react/*.ts`, published as `lindungi/react`) generated from the Custom
 * Elements Manifest, so that an element's new event reaches React with no second list to update.
 * Each event is typed by the element's `GlobalEventHandlersEventMap` entry. `--check` fails if a
 * committed wrapper is out of date (`npm test` runs it after the manifest is built).
 */
import { readFileSync } from 'node:fs';
import { writeOrCheck } from './generated-file.mjs';

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
const elements = manifest.modules
  .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ declaration, path: module.path })))
  .filter(({ declaration }) => declaration.tagName)
  .sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));

const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^\w/, (c) => c.toUpperCase());
const header = '// Generated from custom-elements.json by scripts/write-react.mjs: do not edit.\n';
const command = 'npm run build:manifest && node scripts/write-react.mjs';

const modules = [];
for (const { declaration, path } of elements) {
  const short = declaration.tagName.replace(/^lindungi-/, '');
  const component = pascal(short);
  const eventsName = `${camel(short)}Events`;
  const events = (declaration.events ?? []).filter((event) => event.name);
  // The element's entry (`src/hotline.ts`) registers it: importing the wrapper defines the tag.
  const entry = `../${path.split('/')[2]}.js`;
  const text = `${header}import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { ${declaration.name} } from '${entry}';

/** The events of \`<${declaration.tagName}>\` as React callbacks. */
export const ${eventsName} = {
${events.map((event) => `  on${pascal(event.name)}: '${event.name}' as EventName<GlobalEventHandlersEventMap['${event.name}']>,`).join('\n')}
};

/**
 * \`<${declaration.tagName}>\` for React: its properties are props (\`corridor\`, \`api\`, …), its events
 * are \`on…\` callbacks with typed events. Importing this module registers the element.
 */
export const ${component} = createComponent({
  tagName: '${declaration.tagName}',
  elementClass: ${declaration.name},
  react: React,
  events: ${eventsName},
  displayName: '${component}',
});
`;
  writeOrCheck(new URL(`../src/react/${short}.ts`, import.meta.url), text, command);
  modules.push({ short, component, eventsName });
}

writeOrCheck(
  new URL('../src/react/index.ts', import.meta.url),
  `${header}/**
 * React wrappers of every Lindungi element (\`lindungi/react\`). For one widget only, import its own
 * module (\`lindungi/react/hotline.js\`, …): this one registers all ${modules.length}.
 */
${modules.map((m) => `export { ${m.component}, ${m.eventsName} } from './${m.short}.js';`).join('\n')}
`,
  command,
);
