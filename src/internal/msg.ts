/**
 * `msg` and `str` from @lit/localize, imported from their own modules: the package's main module
 * also carries the non-reentrant runtime, which Lindungi does not use. `msg` answers a partner's own
 * text for a string where `configure({ messages })` gave one, as text only (see overrides.ts).
 */
import { msg as litMsg } from '@lit/localize/init/install.js';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { renderingIn } from './localization.js';
import { fillOverride, hasMessageOverrides, messageOverride, warnOnce } from './overrides.js';

export { str } from '@lit/localize/internal/str-tag.js';

type Template = Parameters<typeof litMsg>[0];
// Typed apart from `msg`, so that extracting the strings does not take this call for one of them;
// read at each call, since @lit/localize installs its implementation into `msg` once configured.
type Unbranded = (template: Template, options?: { id?: string; desc?: string }) => unknown;
const shipped: Unbranded = (template, options) => (litMsg as Unbranded)(template, options);

export const msg = ((template: Template, options?: { id?: string; desc?: string }) => {
  if (hasMessageOverrides()) {
    const isHtml = typeof template !== 'string' && !('strTag' in template);
    const id = options?.id ?? generateMsgId(typeof template === 'string' ? template : template.strings, isHtml);
    const text = messageOverride(renderingIn(), id);
    if (text !== undefined) {
      // A string with markup keeps its own parts (a link, say) and takes only words from the text.
      const filled = fillOverride(text, typeof template === 'string' ? [] : template.values, isHtml);
      if (filled !== undefined) return filled;
      warnOnce(`configure({ messages }): "${id}" has a placeholder the string lacks; shown as shipped.`);
    }
  }
  return shipped(template, options);
}) as typeof litMsg;
