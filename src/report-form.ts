import { LindungiReportForm } from './components/report-form/report-form.js';
import { defineElement } from './internal/define.js';

defineElement('lindungi-report-form', LindungiReportForm);

export { LindungiReportForm };
export { LindungiSubmittedEvent, LindungiQueuedEvent, LindungiInvalidEvent, LindungiExitEvent } from './components/report-form/events.js';

declare global {
  interface HTMLElementTagNameMap {
    'lindungi-report-form': LindungiReportForm;
  }
}
