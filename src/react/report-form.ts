// Generated from custom-elements.json by scripts/write-react.mjs: do not edit.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { LindungiReportForm } from '../report-form.js';

/** The events of `<lindungi-report-form>` as React callbacks. */
export const reportFormEvents = {
  onLindungiSubmitted: 'lindungi-submitted' as EventName<GlobalEventHandlersEventMap['lindungi-submitted']>,
  onLindungiQueued: 'lindungi-queued' as EventName<GlobalEventHandlersEventMap['lindungi-queued']>,
  onLindungiInvalid: 'lindungi-invalid' as EventName<GlobalEventHandlersEventMap['lindungi-invalid']>,
  onLindungiExit: 'lindungi-exit' as EventName<GlobalEventHandlersEventMap['lindungi-exit']>,
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
