// Generated from custom-elements.json by scripts/write-react.mjs: do not edit.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { LindungiStageTimeline } from '../stage-timeline.js';

/** The events of `<lindungi-stage-timeline>` as React callbacks. */
export const stageTimelineEvents = {
  onLindungiStageToggle: 'lindungi-stage-toggle' as EventName<GlobalEventHandlersEventMap['lindungi-stage-toggle']>,
};

/**
 * `<lindungi-stage-timeline>` for React: its properties are props (`corridor`, `api`, …), its events
 * are `on…` callbacks with typed events. Importing this module registers the element.
 */
export const StageTimeline = createComponent({
  tagName: 'lindungi-stage-timeline',
  elementClass: LindungiStageTimeline,
  react: React,
  events: stageTimelineEvents,
  displayName: 'StageTimeline',
});
