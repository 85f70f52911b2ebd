/** The server has the report: its ticket. Carries nothing the reporter wrote. */
export class LindungiSubmittedEvent extends CustomEvent<{ ticket: string }> {
  static readonly eventName = 'lindungi-submitted';
  constructor(ticket: string) {
    super(LindungiSubmittedEvent.eventName, { detail: { ticket }, bubbles: true, composed: true });
  }
}

/** The report is kept on the device and will be sent when the server can be reached: its local id. */
export class LindungiQueuedEvent extends CustomEvent<{ localId: string }> {
  static readonly eventName = 'lindungi-queued';
  constructor(localId: string) {
    super(LindungiQueuedEvent.eventName, { detail: { localId }, bubbles: true, composed: true });
  }
}

/** A step could not go on: the names of the fields at fault, never their values. */
export class LindungiInvalidEvent extends CustomEvent<{ fields: string[] }> {
  static readonly eventName = 'lindungi-invalid';
  constructor(fields: string[]) {
    super(LindungiInvalidEvent.eventName, { detail: { fields }, bubbles: true, composed: true });
  }
}

/** The reader asked to leave at once ("Exit now" or Shift three times). Cancelable: the form then stays. */
export class LindungiExitEvent extends CustomEvent<{ url: string }> {
  static readonly eventName = 'lindungi-exit';
  constructor(url: string) {
    super(LindungiExitEvent.eventName, { detail: { url }, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lindungi-submitted': LindungiSubmittedEvent;
    'lindungi-queued': LindungiQueuedEvent;
    'lindungi-invalid': LindungiInvalidEvent;
    'lindungi-exit': LindungiExitEvent;
  }
}
