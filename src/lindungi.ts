/**
 * Lindungi: registers every widget and re-exports the SDK and page-wide configuration.
 * Import a single widget from `lindungi/hotline.js` to load only that one.
 */
export * from './hotline.js';
export * from './sdk/index.js';
export { configure, setLocale } from './internal/config.js';
export type { LindungiConfig } from './internal/config.js';
export { VERSION } from './internal/define.js';
