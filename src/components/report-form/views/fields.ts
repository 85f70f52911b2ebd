/**
 * The markup of a question that every step shares: label, hint, message and `aria-describedby`,
 * radios, text fields and country lists.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../../internal/msg.js';
import { countryName } from '../../../internal/names.js';
import { CALLING_CODES } from '../../../sdk/report-limits.js';
import type { ContentPack } from '../../../sdk/schema.js';
import type { Answers } from '../answers.js';
import type { FormContext } from '../context.js';
import { problemText } from './problems.js';

/** The message under a field's label, and its id for `aria-describedby`. */
export function fieldError(c: FormContext, field: keyof Answers): TemplateResult | typeof nothing {
  const problem = c.host.problems[field];
  if (!problem) return nothing;
  return html`<p class="error-message" id="${field}-error"><span class="visually-hidden">${msg('Error:', { id: 'rf-error' })}</span> ${problemText(c, field, problem)}</p>`;
}

export function describedBy(c: FormContext, field: keyof Answers, ...others: string[]): string {
  return [...others, c.host.problems[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
}

export function radios<K extends keyof Answers>(
  c: FormContext,
  field: K,
  options: Array<{ value: string; label: TemplateResult | string; hint?: TemplateResult | undefined }>,
): TemplateResult {
  return html`${options.map(
    (option) => html`<div class="choice">
      <input
        type="radio"
        id="${field}-${option.value}"
        name=${field}
        .value=${option.value}
        .checked=${c.host.answers[field] === option.value}
        aria-describedby=${option.hint ? `${field}-${option.value}-hint` : nothing}
        @change=${() => c.flow.update({ [field]: option.value })}
      />
      <label for="${field}-${option.value}">${option.label}</label>
      ${option.hint ? html`<p class="hint" id="${field}-${option.value}-hint">${option.hint}</p>` : nothing}
    </div>`,
  )}`;
}

export function question(c: FormContext, field: keyof Answers, legend: TemplateResult, body: TemplateResult, hint?: TemplateResult): TemplateResult {
  return html`<fieldset class="field ${c.host.problems[field] ? 'invalid' : ''}" part="field" aria-describedby=${describedBy(c, field, hint ? `${field}-hint` : '') || nothing}>
    <legend>${legend}</legend>
    ${hint ? html`<p class="hint" id="${field}-hint">${hint}</p>` : nothing} ${fieldError(c, field)} ${body}
  </fieldset>`;
}

export function textField(
  c: FormContext,
  field: 'place' | 'employer' | 'name' | 'contactValue',
  label: string,
  options: { hint?: string; type?: string; inputmode?: string } = {},
): TemplateResult {
  return html`<div class="field ${c.host.problems[field] ? 'invalid' : ''}" part="field">
    <label for=${field}>${label}</label>
    ${options.hint ? html`<p class="hint" id="${field}-hint">${options.hint}</p>` : nothing} ${fieldError(c, field)}
    <input
      id=${field}
      type=${options.type ?? 'text'}
      inputmode=${options.inputmode ?? nothing}
      autocomplete="off"
      spellcheck="false"
      .value=${c.host.answers[field]}
      aria-invalid=${c.host.problems[field] ? 'true' : 'false'}
      aria-describedby=${describedBy(c, field, options.hint ? `${field}-hint` : '') || nothing}
      @input=${(e: Event) => c.flow.update({ [field]: (e.target as HTMLInputElement).value })}
    />
  </div>`;
}

export function countrySelect(c: FormContext, field: 'country' | 'contactCountry', label: string, pack: ContentPack, hint?: string): TemplateResult {
  const first = [pack.corridor.destination, pack.corridor.origin];
  const others = Object.keys(CALLING_CODES)
    .filter((code) => !first.includes(code))
    .map((code) => [code, countryName(code, c.locale, pack)] as const)
    .sort((a, b) => a[1].localeCompare(b[1], c.locale));
  const options = [...first.map((code) => [code, countryName(code, c.locale, pack)] as const), ...others];
  return html`<div class="field ${c.host.problems[field] ? 'invalid' : ''}" part="field">
    <label for=${field}>${label}</label>
    ${hint ? html`<p class="hint" id="${field}-hint">${hint}</p>` : nothing} ${fieldError(c, field)}
    <select
      id=${field}
      autocomplete="off"
      aria-describedby=${describedBy(c, field, hint ? `${field}-hint` : '') || nothing}
      @change=${(e: Event) => c.flow.update({ [field]: (e.target as HTMLSelectElement).value })}
    >
      ${options.map(([code, name]) => html`<option value=${code} ?selected=${c.host.answers[field] === code}>${name}</option>`)}
    </select>
  </div>`;
}
