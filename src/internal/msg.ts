/**
 * `msg` and `str` from @lit/localize, imported from their own modules: the package's main module
 * also carries the non-reentrant runtime, which Lindungi does not use.
 */
export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';
