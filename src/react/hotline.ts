import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { LindungiHotline } from '../hotline.js';
import type { LindungiContactEvent, LindungiHideEvent, LindungiShowEvent } from '../components/hotline/events.js';

/** The events of `<lindungi-hotline>` as React callbacks (checked against the Custom Elements Manifest). */
export const hotlineEvents = {
  onLindungiContact: 'lindungi-contact' as EventName<LindungiContactEvent>,
  onLindungiShow: 'lindungi-show' as EventName<LindungiShowEvent>,
  onLindungiHide: 'lindungi-hide' as EventName<LindungiHideEvent>,
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
