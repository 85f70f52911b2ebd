import { LindungiHotline } from './components/hotline/hotline.js';
import { defineElement } from './internal/define.js';

defineElement('lindungi-hotline', LindungiHotline);

export { LindungiHotline };
export { LindungiContactEvent } from './components/hotline/events.js';
export type { LindungiContactDetail } from './components/hotline/events.js';

declare global {
  interface HTMLElementTagNameMap {
    'lindungi-hotline': LindungiHotline;
  }
}
