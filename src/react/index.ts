/**
 * React wrappers of every Lindungi element (`lindungi/react`). For one widget only, import its own
 * module (`lindungi/react/hotline.js`, …): this one registers all four.
 */
export { Hotline, hotlineEvents } from './hotline.js';
export { RightsCard, rightsCardEvents } from './rights-card.js';
export { StageTimeline, stageTimelineEvents } from './stage-timeline.js';
export { ReportForm, reportFormEvents } from './report-form.js';
