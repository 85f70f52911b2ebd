import type { ChannelType } from '../../sdk/schema.js';

export interface LindungiContactDetail {
  /** The hotline's id in the content pack. */
  hotlineId: string;
  /** Which way the reader chose to get in touch. */
  channel: ChannelType;
  /** `open` when the link was followed, `copy` when the number or address was copied. */
  action: 'open' | 'copy';
}

/** A reader chose a way to contact a help line. Carries no personal data. */
export class LindungiContactEvent extends CustomEvent<LindungiContactDetail> {
  static readonly eventName = 'lindungi-contact';
  constructor(detail: LindungiContactDetail) {
    super(LindungiContactEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** The floating panel is about to open. Cancelable. */
export class LindungiShowEvent extends Event {
  static readonly eventName = 'lindungi-show';
  constructor() {
    super(LindungiShowEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The floating panel is about to close. Cancelable. */
export class LindungiHideEvent extends Event {
  static readonly eventName = 'lindungi-hide';
  constructor() {
    super(LindungiHideEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lindungi-contact': LindungiContactEvent;
    'lindungi-show': LindungiShowEvent;
    'lindungi-hide': LindungiHideEvent;
  }
}
