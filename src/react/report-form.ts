import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { LindungiReportForm } from '../report-form.js';
import type { LindungiExitEvent, LindungiInvalidEvent, LindungiQueuedEvent, LindungiSubmittedEvent } from '../components/report-form/events.js';

/** The events of `<lindungi-report-form>` as React callbacks (checked against the Custom Elements Manifest). */
export const reportFormEvents = {
  onLindungiSubmitted: 'lindungi-submitted' as EventName<LindungiSubmittedEvent>,
  onLindungiQueued: 'lindungi-queued' as EventName<LindungiQueuedEvent>,
  onLindungiInvalid: 'lindungi-invalid' as EventName<LindungiInvalidEvent>,
  onLindungiExit: 'lindungi-exit' as EventName<LindungiExitEvent>,
};

/**
 * `<lindungi-report-form>` for React: its properties are props (`corridor`, `api`, …), its events
 * are `on…` callbacks with typed events. Importing this module registers the element.
 */
export const ReportForm = createComponent({
  tagName: 'lindungi-report-form',
  elementClass: LindungiReportForm,
  react: React,
  events: reportFormEvents,
  displayName: 'ReportForm',
});
