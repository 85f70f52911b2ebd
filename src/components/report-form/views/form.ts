/**
 * The form around its steps: the note that a draft was restored, the step indicator, the message
 * after an action, the current step (or the done page) with its problems, and "Erase".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../../internal/msg.js';
import { formatDateTime } from '../../../internal/format.js';
import * as icons from '../../../internal/icons.js';
import * as contentIcons from '../../../internal/content-icons.js';
import { hasAnswers, STEPS, type Answers, type Step } from '../answers.js';
import type { FormContext } from '../context.js';
import type { Problem } from '../validation.js';
import { renderCheck } from './check.js';
import { renderContact } from './contact.js';
import { renderDanger } from './danger.js';
import { renderDone } from './done.js';
import { problemText } from './problems.js';
import { renderWhat } from './what.js';

const STEP_VIEWS: Record<Step, (c: FormContext) => TemplateResult> = { danger: renderDanger, what: renderWhat, contact: renderContact, check: renderCheck };

export function renderForm(c: FormContext): TemplateResult {
  const { step, restoredAt, notice } = c.host;
  return html`${
    restoredAt && step !== 'done'
      ? html`<div class="notice" part="restored" role="status">
          ${contentIcons.checkIcon}
          <p>${msg(str`Your draft was restored (saved ${formatDateTime(restoredAt, c.locale)}).`, { id: 'rf-restored' })}</p>
        </div>`
      : nothing
  }
    ${step === 'done' ? nothing : renderProgress(step)}
    ${
      notice
        ? html`<div class="notice ${notice.error ? 'error' : ''}" part="notice" role=${notice.error ? 'alert' : 'status'} tabindex="-1">
          ${notice.error ? icons.alertIcon : contentIcons.checkIcon}
          <p>${notice.text()}</p>
        </div>`
        : nothing
    }
    ${step === 'done' ? renderDone(c) : renderStep(c, step)} ${renderErase(c)}`;
}

/**
 * The first step as the server writes it, before any script: the step indicator and the step's
 * questions, without "Continue" (the element puts in its place that sending needs JavaScript).
 */
export function renderFirstStep(c: FormContext): TemplateResult {
  return html`${renderProgress(STEPS[0])}
    <div class="step">${STEP_VIEWS[STEPS[0]](c)}</div>`;
}

function renderProgress(current: Step): TemplateResult {
  const index = STEPS.indexOf(current);
  const names: Record<Step, string> = {
    danger: msg('Safety', { id: 'rf-step-safety' }),
    what: msg('What happened', { id: 'rf-step-what' }),
    contact: msg('How to reach you', { id: 'rf-step-contact' }),
    check: msg('Consent and check', { id: 'rf-step-check' }),
  };
  return html`<p class="progress">${msg(str`Step ${index + 1} of ${STEPS.length}`, { id: 'rf-step-n' })}</p>
    <ol class="steps" part="steps" aria-label=${msg('Steps', { id: 'rf-steps' })}>
      ${STEPS.map((step, i) => html`<li aria-current=${i === index ? 'step' : nothing} class=${i < index ? 'past' : ''}>${names[step]}</li>`)}
    </ol>`;
}

function renderStep(c: FormContext, step: Step): TemplateResult {
  return html`<form class="step" novalidate @submit=${(e: Event) => void c.flow.next(e)}>
    ${renderSummary(c)} ${STEP_VIEWS[step](c)}
    <div class="actions">
      <button type="submit" class="primary" part="continue" ?disabled=${c.host.busy}>
        ${step === 'check' ? msg('Send report', { id: 'rf-send' }) : msg('Continue', { id: 'rf-continue' })}
      </button>
      ${step === 'danger' ? nothing : html`<button type="button" class="link" part="back" @click=${() => c.flow.back()}>${msg('Back', { id: 'rf-back' })}</button>`}
    </div>
  </form>`;
}

/** The problems of the step, each linked to its field. */
function renderSummary(c: FormContext): TemplateResult | typeof nothing {
  const entries = Object.entries(c.host.problems) as Array<[keyof Answers, Problem]>;
  if (!entries.length) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <div id="error-summary-title" class="summary-title">${msg('There is a problem', { id: 'rf-problem' })}</div>
    <ul>
      ${entries.map(([field, problem]) => html`<li><a href="#${field}" @click=${(e: Event) => focusField(c, e, field)}>${problemText(c, field, problem)}</a></li>`)}
    </ul>
  </div>`;
}

function focusField(c: FormContext, event: Event, field: string): void {
  // The link's target is in this shadow root: the page's URL and scroll are left alone.
  event.preventDefault();
  const target = c.host.renderRoot.querySelector<HTMLElement>(`#${field}, [name="${field}"]`);
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
}

function renderErase(c: FormContext): TemplateResult | typeof nothing {
  const { step, answers, outcome, confirming } = c.host;
  if (step !== 'done' && !hasAnswers(answers)) return nothing;
  const unsent = outcome?.state === 'queued';
  return html`<div class="erase">
    ${
      confirming === 'erase'
        ? html`<div class="confirm" role="group" aria-labelledby="erase-q">
          <p id="erase-q">
            ${
              unsent
                ? msg('This report has not been sent yet. If you erase it now, it will never be sent. Erase it?', { id: 'rf-erase-unsent' })
                : outcome?.ticket
                  ? msg(
                      'Erase this report from this device? Its ticket will be gone from this device too, so write the ticket down first if you want to follow the report. The organisation keeps the report.',
                      { id: 'rf-erase-sent-confirm' },
                    )
                  : msg('Erase this report from this device? What you typed cannot be brought back.', { id: 'rf-erase-confirm' })
            }
          </p>
          <button type="button" class="danger" @click=${() => void c.flow.erase()}>${msg('Erase', { id: 'rf-erase' })}</button>
          <button type="button" @click=${() => c.flow.confirm(undefined)}>${msg('Keep it', { id: 'rf-keep' })}</button>
        </div>`
        : html`<button type="button" class="link" part="erase" @click=${() => c.flow.confirm('erase')}>
          ${msg('Erase this report from this device', { id: 'rf-erase-button' })}
        </button>`
    }
  </div>`;
}
