/**
 * Lindungi: registers every widget and re-exports the SDK's client, errors and types, and the
 * page-wide configuration. Import a single widget from `lindungi/hotline.js` to load only that one;
 * the content schema and validator are in `lindungi/sdk`.
 */
export * from './hotline.js';
export * from './rights-card.js';
export * from './stage-timeline.js';
export * from './report-form.js';
export { createClient, createContentClient, withReporting, orderHotlines, DEFAULT_CORRIDOR } from './sdk/client.js';
export type { ClientOptions, ContentClient, LindungiClient, ReportsApi } from './sdk/client.js';
export type { ContentResult, PackSource } from './sdk/pack-source.js';
export { LindungiError, LindungiValidationError, LindungiNetworkError, LindungiApiError, LindungiNotConfiguredError } from './sdk/errors.js';
export type { ValidationIssue } from './sdk/errors.js';
export { pickText, pickTextLocale } from './sdk/text.js';
export type * from './sdk/schema.js';
export { configure, setLocale } from './internal/config.js';
export type { LindungiConfig } from './internal/config.js';
export type { Messages, Texts } from './internal/overrides.js';
export { VERSION } from './internal/define.js';
