// Generated from custom-elements.json by scripts/write-react.mjs: do not edit.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { LindungiRightsCard } from '../rights-card.js';

/** The events of `<lindungi-rights-card>` as React callbacks. */
export const rightsCardEvents = {
  onLindungiNeedHelp: 'lindungi-need-help' as EventName<GlobalEventHandlersEventMap['lindungi-need-help']>,
};

/**
 * `<lindungi-rights-card>` for React: its properties are props (`corridor`, `api`, …), its events
 * are `on…` callbacks with typed events. Importing this module registers the element.
 */
export const RightsCard = createComponent({
  tagName: 'lindungi-rights-card',
  elementClass: LindungiRightsCard,
  react: React,
  events: rightsCardEvents,
  displayName: 'RightsCard',
});
