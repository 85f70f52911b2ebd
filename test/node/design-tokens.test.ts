import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Docs cannot drift: every `--lindungi-*` token a widget's styles read (its own and the shared base
 * styles) is documented in its entry of the Custom Elements Manifest, and nothing documented is unused.
 */
const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8')) as {
  modules: { path: string; declarations?: { tagName?: string; cssProperties?: { name: string }[] }[] }[];
};
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const tokensIn = (css: string) => new Set([...css.matchAll(/var\((--lindungi-[a-z0-9-]+)/g)].map((m) => m[1]));

const WIDGETS: Record<string, string[]> = {
  'lindungi-hotline': ['src/components/hotline/hotline.styles.ts'],
  'lindungi-rights-card': ['src/components/rights-card/rights-card.styles.ts'],
  'lindungi-stage-timeline': ['src/components/stage-timeline/stage-timeline.styles.ts'],
  'lindungi-report-form': ['src/components/report-form/report-form.styles.ts', 'src/components/report-form/steps.styles.ts'],
};

describe('design tokens', () => {
  const base = tokensIn(read('src/internal/styles.ts'));
  for (const [tag, styles] of Object.entries(WIDGETS)) {
    it(`${tag} documents exactly the tokens its styles use`, () => {
      const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
      assert.ok(declaration, `${tag} is in custom-elements.json`);
      const documented = new Set((declaration.cssProperties ?? []).map((p) => p.name));
      const used = new Set([...base, ...styles.flatMap((file) => [...tokensIn(read(file))])]);
      assert.deepEqual([...used].filter((t) => !documented.has(t)).sort(), [], 'used but not documented');
      assert.deepEqual([...documented].filter((t) => !used.has(t)).sort(), [], 'documented but not used');
    });
  }
});

/** Every `part` a widget's own templates name is documented in its manifest entry (Storybook and IDEs read it). */
describe('CSS parts', () => {
  const folders: Record<string, string> = {
    'lindungi-hotline': 'hotline',
    'lindungi-rights-card': 'rights-card',
    'lindungi-stage-timeline': 'stage-timeline',
    'lindungi-report-form': 'report-form',
  };
  for (const [tag, folder] of Object.entries(folders)) {
    it(`${tag} documents every part its templates name`, () => {
      const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag) as { cssParts?: { name: string }[] };
      const documented = new Set((declaration.cssParts ?? []).map((p) => p.name));
      const files = readdirSync(new URL(`../../src/components/${folder}/`, import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.styles.ts'));
      const used = new Set(files.flatMap((f) => [...read(`src/components/${folder}/${f}`).matchAll(/part="([a-z-]+)"/g)].map((m) => m[1])));
      assert.deepEqual([...used].filter((p) => !documented.has(p)).sort(), []);
    });
  }
});
