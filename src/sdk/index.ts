/**
 * The Lindungi client SDK: validated, cached protection content and (with an API) reports.
 * No Lit and no DOM requirement: runs in browsers and in Node ≥ 20.
 */
export { createClient, orderHotlines, DEFAULT_CORRIDOR } from './client.js';
export type { ClientOptions, LindungiClient } from './client.js';
export type { ContentResult, PackSource } from './pack-source.js';
export { shippedPackUrl } from './pack-source.js';
export { LindungiError, LindungiValidationError, LindungiNetworkError, LindungiApiError } from './errors.js';
export type { ValidationIssue } from './errors.js';
export { parseContentPack } from './validate.js';
export { pickText, pickTextLocale } from './text.js';
export * from './schema.js';
