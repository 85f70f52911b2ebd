/**
 * What the report form loads in parallel with the content, so that its entry stays small: the
 * flow, the views of every step and their styles.
 */
export { ReportFlow } from './flow.js';
export { renderForm } from './views/form.js';
export { stepStyles } from './steps.styles.js';
