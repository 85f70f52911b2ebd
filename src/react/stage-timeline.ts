import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { LindungiStageTimeline } from '../stage-timeline.js';
import type { LindungiStageToggleEvent } from '../components/stage-timeline/events.js';

/** The events of `<lindungi-stage-timeline>` as React callbacks (checked against the Custom Elements Manifest). */
export const stageTimelineEvents = {
  onLindungiStageToggle: 'lindungi-stage-toggle' as EventName<LindungiStageToggleEvent>,
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
