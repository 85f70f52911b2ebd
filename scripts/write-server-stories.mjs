/**
 * The widgets as `lindungi/ssr` renders them with the shipped pack, for Storybook's server-rendered
 * stories: `stories/generated/server-rendered.json`, one HTML fragment per widget, state and locale.
 * Written by `npm run build` (from dist/), not committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderWidget } from '../dist/ssr/index.js';
import { parseContentPack } from '../dist/sdk/index.js';

const pack = parseContentPack(JSON.parse(readFileSync(new URL('../content/ID-KH.json', import.meta.url), 'utf8')));
const STATES = {
  hotline: {},
  'hotline-floating': { widget: 'hotline', attributes: { variant: 'floating' } },
  'rights-card': {},
  'stage-timeline': { attributes: { timeline: 'agreement-id-kh' } },
  'report-form': {},
};
const out = {};
for (const locale of ['id', 'en', 'km', 'ms', 'ar']) {
  out[locale] = {};
  for (const [name, state] of Object.entries(STATES)) {
    out[locale][name] = await renderWidget({ widget: state.widget ?? name, pack, locale, attributes: { 'heading-level': 2, ...state.attributes } });
  }
}
mkdirSync(new URL('../stories/generated/', import.meta.url), { recursive: true });
writeFileSync(new URL('../stories/generated/server-rendered.json', import.meta.url), JSON.stringify(out));
console.log('Wrote stories/generated/server-rendered.json');
