/**
 * The report form's first step on the server (`lindungi/ssr`): the form's own view of it, with
 * the state before any answer and no flow (nothing runs there), and the steps' styles in the
 * element's style block. Not part of any browser bundle.
 */
import type { TemplateResult } from 'lit';
import { initialState, type FormContext, type FormElement, type FormHost } from './context.js';
import { contextFor, renderFirstStep, stepStyles } from './loaded.js';
import { LindungiReportForm } from './report-form.js';

function serverContextOf(element: FormElement): FormContext {
  // The state before any answer; views call the flow only from event listeners, which the server does not write.
  return contextFor(element, { ...initialState(), corridor: element.corridor, api: element.api } as unknown as FormHost);
}

/** Make the server render the form's first step, styled. Once per process. */
export function renderFirstStepOnServer(): void {
  if (LindungiReportForm.firstStep) return;
  LindungiReportForm.firstStep = (element): TemplateResult => renderFirstStep(serverContextOf(element as unknown as FormElement));
  LindungiReportForm.elementStyles = [...LindungiReportForm.elementStyles, stepStyles];
}
