// Generated from custom-elements.json by scripts/write-react.mjs: do not edit.
/**
 * React wrappers of every Lindungi element (`lindungi/react`). For one widget only, import its own
 * module (`lindungi/react/hotline.js`, …): this one registers all 4.
 */
export { Hotline, hotlineEvents } from './hotline.js';
export { ReportForm, reportFormEvents } from './report-form.js';
export { RightsCard, rightsCardEvents } from './rights-card.js';
export { StageTimeline, stageTimelineEvents } from './stage-timeline.js';
