import { LindungiStageTimeline } from './components/stage-timeline/stage-timeline.js';
import { defineElement } from './internal/define.js';

defineElement('lindungi-stage-timeline', LindungiStageTimeline);

export { LindungiStageTimeline };
export { LindungiStageToggleEvent } from './components/stage-timeline/events.js';
export type { LindungiStageToggleDetail } from './components/stage-timeline/events.js';

declare global {
  interface HTMLElementTagNameMap {
    'lindungi-stage-timeline': LindungiStageTimeline;
  }
}
