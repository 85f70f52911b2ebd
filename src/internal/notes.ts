/** How content notes are shown: a fact's source and the pack's safety advice. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from './msg.js';
import { formatDate } from './format.js';
import { pickText, pickTextLocale } from '../sdk/text.js';
import type { ContentPack, SafetyPlace, SafetyTip, Source } from '../sdk/schema.js';

/**
 * "Source: suara.com, published 28 Oct 2025. Checked against the source on 27 Nov 2026." The
 * publisher links only to a page that holds the statement; the statement's own date comes first,
 * because it says how old the fact is. Call during render (the texts follow the widget's locale).
 */
export function renderSource(source: Source, locale: string, checked?: string): TemplateResult {
  const publisher = source.url
    ? html`<bdi><a href=${source.url} target="_blank" rel="noopener noreferrer">${source.publisher}</a></bdi>`
    : html`<bdi>${source.publisher}</bdi>`;
  // Whole sentences go to translation, punctuation included (Khmer ends a sentence with ។).
  const sourced = source.published ? msg(html`Source: ${publisher}, published ${formatDate(source.published, locale)}.`) : msg(html`Source: ${publisher}.`);
  const check = checked ? html` ${msg(str`Checked against the source on ${formatDate(checked, locale)}.`)}` : nothing;
  return html`${sourced}${check}`;
}

/** One tip: its text in the reader's language, then its source where it reports a fact. */
export function renderSafetyTip(tip: SafetyTip, locale: string): TemplateResult {
  return html`<span lang=${pickTextLocale(tip.text, locale) ?? nothing}>${pickText(tip.text, locale)}</span>${
    tip.source ? html` <span class="tip-source">(${renderSource(tip.source, locale)})</span>` : nothing
  }`;
}

/**
 * The pack's advice for a reader whose phone or papers someone else may check, as shown in one
 * widget: a titled note, or nothing when the pack has no tip for `place`.
 */
export function renderSafetyTips(pack: ContentPack, place: SafetyPlace, locale: string, level: number, shownBy?: SafetyPlace): TemplateResult | typeof nothing {
  // Tips another widget beside this one already shows (`shownBy`) are not repeated.
  const tips = pack.safety.filter((tip) => tip.shownIn.includes(place) && !tip.rights?.length && !(shownBy && tip.shownIn.includes(shownBy)));
  if (!tips.length) return nothing;
  return html`<div class="safety" part="safety">
    <div role="heading" aria-level=${Math.min(6, level)} class="safety-title">${msg('Staying safe')}</div>
    <ul role="list">
      ${tips.map((tip) => html`<li>${renderSafetyTip(tip, locale)}</li>`)}
    </ul>
  </div>`;
}
