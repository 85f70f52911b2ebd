import { LindungiRightsCard } from './components/rights-card/rights-card.js';
import { defineElement } from './internal/define.js';

defineElement('lindungi-rights-card', LindungiRightsCard);

export { LindungiRightsCard };
export { LindungiNeedHelpEvent } from './components/rights-card/events.js';
export type { LindungiNeedHelpDetail } from './components/rights-card/events.js';
export type { RightsCardVariant } from './components/rights-card/rights-card.js';

declare global {
  interface HTMLElementTagNameMap {
    'lindungi-rights-card': LindungiRightsCard;
  }
}
