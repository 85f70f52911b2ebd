/** Custom Elements Manifest: generated from the JSDoc of each element class. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every exported constant of the sources with a literal value (`export const VERSION = '0.1.0'`), by name. */
function literalConstants(dir = 'src') {
  const found = new Map();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of literalConstants(path)) found.set(k, v);
    else if (entry.name.endsWith('.ts')) {
      for (const [, name, value] of readFileSync(path, 'utf8').matchAll(/^export const ([A-Z][A-Z0-9_]*) = ('[^'\n]*'|"[^"\n]*"|-?\d+(?:\.\d+)?);/gm))
        found.set(name, value);
    }
  }
  return found;
}

export default {
  globs: ['src/components/**/*.ts', 'src/internal/base-element.ts'],
  // The report form's flow, draft keeper and views are its inside, not a public element.
  exclude: ['src/components/report-form/{flow,draft-keeper,context,loaded,notices}.ts', 'src/components/report-form/views/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The same manifest on every machine: modules in path order, whatever order the file system lists them in.
      name: 'lindungi-stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
    {
      // An optional property typed `T | undefined` (as exactOptionalPropertyTypes asks) is `T | undefined`, once.
      name: 'lindungi-one-undefined',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
              if (item.type?.text) item.type.text = item.type.text.replace(/( \| undefined)+/g, ' | undefined');
            }
          }
        }
      },
    },
    {
      // A default written as a constant (`exitUrl = DEFAULT_EXIT_URL`) shows its value in docs, not the constant's name.
      name: 'lindungi-default-values',
      packageLinkPhase({ customElementsManifest }) {
        const constants = literalConstants();
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
              if (item.default && constants.has(item.default)) item.default = constants.get(item.default);
            }
          }
        }
      },
    },
    {
      // The public API only: private and protected members are the element's own business, and
      // would show in Storybook's tables and in editors as if partners could use them.
      name: 'lindungi-public-members-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.members) declaration.members = declaration.members.filter((member) => !member.privacy || member.privacy === 'public');
          }
        }
      },
    },
    {
      // Events are documented with `@fires`; the analyzer also lists each `dispatchEvent(new X())`
      // without a name, which would show twice in docs and IDEs.
      name: 'lindungi-named-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
