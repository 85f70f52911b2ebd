export interface LindungiNeedHelpDetail {
  /** The right the reader was reading, e.g. `keep-documents`. */
  rightId: string;
  /** What the reader asked for: someone to call, or to report what happened. */
  action: 'call' | 'report';
}

/**
 * A reader says a right of theirs is being violated and wants help. Cancelable: a partner page
 * that handles it itself calls `preventDefault()`; otherwise the card opens or scrolls to a
 * hotline or report form on the same page, or shows the help lines itself.
 */
export class LindungiNeedHelpEvent extends CustomEvent<LindungiNeedHelpDetail> {
  static readonly eventName = 'lindungi-need-help';
  constructor(detail: LindungiNeedHelpDetail) {
    super(LindungiNeedHelpEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lindungi-need-help': LindungiNeedHelpEvent;
  }
}
