import { html, nothing, type TemplateResult } from 'lit';
import { msg } from './msg.js';
import { renderSource } from './source.js';
import { pickText, pickTextLocale } from '../sdk/text.js';
import type { ContentPack, SafetyPlace, SafetyTip } from '../sdk/schema.js';

/** One tip: its text in the reader's language, then its source where it reports a fact. */
export function renderSafetyTip(tip: SafetyTip, locale: string): TemplateResult {
  return html`<span lang=${pickTextLocale(tip.text, locale) ?? nothing}>${pickText(tip.text, locale)}</span>${tip.source
      ? html` <span class="tip-source">(${renderSource(tip.source, locale)})</span>`
      : nothing}`;
}

/**
 * The pack's advice for a reader whose phone or papers someone else may check, as shown in one
 * widget: a titled note, or nothing when the pack has no tip for `place`.
 */
export function renderSafetyTips(pack: ContentPack, place: SafetyPlace, locale: string, level: number): TemplateResult | typeof nothing {
  const tips = pack.safety.filter((tip) => tip.shownIn.includes(place) && !tip.rights?.length);
  if (!tips.length) return nothing;
  return html`<div class="safety" part="safety">
    <div role="heading" aria-level=${Math.min(6, level)} class="safety-title">${msg('Staying safe')}</div>
    <ul role="list">
      ${tips.map((tip) => html`<li>${renderSafetyTip(tip, locale)}</li>`)}
    </ul>
  </div>`;
}
