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

declare global {
  interface GlobalEventHandlersEventMap {
    'lindungi-contact': LindungiContactEvent;
  }
}
