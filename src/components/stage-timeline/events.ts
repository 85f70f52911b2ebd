export interface LindungiStageToggleDetail {
  /** The stage's id. */
  stageId: string;
  /** Whether the stage's details are now open. */
  open: boolean;
}

/** A reader opened or closed a stage's details. */
export class LindungiStageToggleEvent extends CustomEvent<LindungiStageToggleDetail> {
  static readonly eventName = 'lindungi-stage-toggle';
  constructor(detail: LindungiStageToggleDetail) {
    super(LindungiStageToggleEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lindungi-stage-toggle': LindungiStageToggleEvent;
  }
}
