// Generated from custom-elements.json by scripts/write-react.mjs: do not edit.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { LindungiHotline } from '../hotline.js';

/** The events of `<lindungi-hotline>` as React callbacks. */
export const hotlineEvents = {
  onLindungiContact: 'lindungi-contact' as EventName<GlobalEventHandlersEventMap['lindungi-contact']>,
  onLindungiShow: 'lindungi-show' as EventName<GlobalEventHandlersEventMap['lindungi-show']>,
  onLindungiHide: 'lindungi-hide' as EventName<GlobalEventHandlersEventMap['lindungi-hide']>,
};

/**
 * `<lindungi-hotline>` for React: its properties are props (`corridor`, `api`, …), its events
 * are `on…` callbacks with typed events. Importing this module registers the element.
 */
export const Hotline = createComponent({
  tagName: 'lindungi-hotline',
  elementClass: LindungiHotline,
  react: React,
  events: hotlineEvents,
  displayName: 'Hotline',
});
