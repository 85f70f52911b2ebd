/**
 * What the report form's steps share: the form's state and actions as the steps see them, and
 * the markup of a question (label, hint, message, `aria-describedby`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../internal/msg.js';
import type { Operator } from '../../sdk/report-schema.js';
import type { ContentPack, Text } from '../../sdk/schema.js';
import type { ContentClient } from '../../sdk/content-client.js';
import type { Answers, Step } from './answers.js';
import type { Problem } from './validation.js';

export type Problems = Partial<Record<keyof Answers, Problem>>;

/** What the form knows of a report it has handed to the outbox. Nothing the reporter wrote. */
export interface Outcome {
  localId?: string;
  ticket?: string;
  state: 'sent' | 'queued' | 'withdrawn' | 'failed';
}

export type Confirming = 'erase' | 'withdraw';

/** The form as its steps see it: what it holds, and what they may ask it to do. */
export interface FormView {
  readonly answers: Answers;
  readonly problems: Problems;
  readonly locale: string;
  readonly pack: ContentPack;
  readonly operator?: Operator;
  readonly operatorState: 'loading' | 'ready' | 'missing' | 'failed';
  readonly outcome?: Outcome;
  readonly confirming?: Confirming;
  readonly busy: boolean;
  readonly countAnnouncement: string;
  readonly corridor?: string;
  readonly api?: string;
  readonly client?: ContentClient;
  level(depth?: number): number;
  text(value: Text | undefined): TemplateResult;
  heading(level: number, text: string, part: string): TemplateResult;
  hotline(): TemplateResult;
  /** The message for a problem, in the reader's language. */
  problemText(field: keyof Answers, problem: Problem): string;
  update(patch: Partial<Answers>): void;
  typed(description: string): void;
  go(step: Step | 'done', focus?: string): void;
  confirm(what: Confirming | undefined): void;
  retryOperator(): void;
  flush(): void;
  withdraw(): void;
  startAgain(): void;
  copyTicket(event: Event, ticket: string): void;
}

/** The message under a field's label, and its id for `aria-describedby`. */
export function fieldError(f: FormView, field: keyof Answers): TemplateResult | typeof nothing {
  const problem = f.problems[field];
  if (!problem) return nothing;
  return html`<p class="error-message" id="${field}-error"><span class="visually-hidden">${msg('Error:', { id: 'rf-error' })}</span> ${f.problemText(field, problem)}</p>`;
}

export function describedBy(f: FormView, field: keyof Answers, ...others: string[]): string {
  return [...others, f.problems[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
}

export function radios<K extends keyof Answers>(
  f: FormView,
  field: K,
  options: Array<{ value: string; label: TemplateResult | string; hint?: TemplateResult }>,
): TemplateResult {
  return html`${options.map(
    (option) => html`<div class="choice">
      <input
        type="radio"
        id="${field}-${option.value}"
        name=${field}
        .value=${option.value}
        .checked=${f.answers[field] === option.value}
        aria-describedby=${option.hint ? `${field}-${option.value}-hint` : nothing}
        @change=${() => f.update({ [field]: option.value } as Partial<Answers>)}
      />
      <label for="${field}-${option.value}">${option.label}</label>
      ${option.hint ? html`<p class="hint" id="${field}-${option.value}-hint">${option.hint}</p>` : nothing}
    </div>`,
  )}`;
}

export function question(f: FormView, field: keyof Answers, legend: TemplateResult, body: TemplateResult, hint?: TemplateResult): TemplateResult {
  return html`<fieldset class="field ${f.problems[field] ? 'invalid' : ''}" part="field" aria-describedby=${describedBy(f, field, hint ? `${field}-hint` : '') || nothing}>
    <legend>${legend}</legend>
    ${hint ? html`<p class="hint" id="${field}-hint">${hint}</p>` : nothing} ${fieldError(f, field)} ${body}
  </fieldset>`;
}

