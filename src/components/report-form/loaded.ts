/**
 * What the report form loads in parallel with the content, so that its entry stays small: the
 * flow, the views of every step and their styles, and the context they share, built once.
 */
import type { FormContext, FormElement, FormHost } from './context.js';
import { ReportFlow } from './flow.js';

export { renderFirstStep, renderForm } from './views/form.js';
export { stepStyles } from './steps.styles.js';

/** The one context of an element's flow and views; the flow is created with it. */
export function contextOf(element: FormElement): FormContext {
  const context = contextFor(element, element);
  context.flow = new ReportFlow(context);
  return context;
}

/** What the views read of `element`, with the form's state in `host` (on the server, not the element's); no flow yet. */
export function contextFor(element: FormElement, host: FormHost): FormContext {
  return {
    host,
    flow: undefined!,
    get pack() {
      return element.pack!;
    },
    get locale() {
      return element.locale;
    },
    reporting: () => element.reporting,
    level: (depth) => element.level(depth),
    text: (value) => element.text(value),
    heading: (level, text, part) => element.renderHeading(level, text, part),
    hotline: (depth) => element.renderHotline(element.pack!, depth),
    localized: (fn) => element.localized(fn),
    warn: (message) => element.warnOnce(message),
  };
}
