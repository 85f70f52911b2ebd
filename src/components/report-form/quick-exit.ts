/**
 * The quick-exit shortcut: Shift pressed three times, each press within 5 s of the one before.
 * Either Shift counts (left or right); it works while the reader is typing in a field; a Shift
 * held for a capital letter or another combination does not count, and any other key starts the
 * count again, so ordinary typing never leaves the page by accident. Holding Shift down (key
 * repeat) counts once.
 */
export const QUICK_EXIT_PRESSES = 3;
export const QUICK_EXIT_WINDOW_MS = 5000;

export class TripleShiftShortcut {
  private count = 0;
  private lastAt = 0;
  private shiftDown = false;
  private combined = false;

  constructor(
    private readonly onTrigger: () => void,
    /** The time now, in ms (replaceable so the 5 s window can be tested without waiting). */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Listen on `target` (the document), in the capture phase so no field can swallow the keys. */
  connect(target: Document | HTMLElement = document): () => void {
    const down = (e: Event) => this.keydown(e as KeyboardEvent);
    const up = (e: Event) => this.keyup(e as KeyboardEvent);
    const reset = () => this.reset();
    target.addEventListener('keydown', down, true);
    target.addEventListener('keyup', up, true);
    globalThis.addEventListener?.('blur', reset);
    return () => {
      target.removeEventListener('keydown', down, true);
      target.removeEventListener('keyup', up, true);
      globalThis.removeEventListener?.('blur', reset);
    };
  }

  private keydown(event: KeyboardEvent): void {
    if (event.key === 'Shift') {
      if (!event.repeat) {
        this.shiftDown = true;
        this.combined = false;
      }
      return;
    }
    // Another key: typing, or Shift used for a capital letter. Neither counts; the count restarts.
    if (this.shiftDown) this.combined = true;
    this.reset();
  }

  private keyup(event: KeyboardEvent): void {
    if (event.key !== 'Shift' || !this.shiftDown) return;
    this.shiftDown = false;
    if (this.combined) return;
    const now = this.now();
    this.count = now - this.lastAt <= QUICK_EXIT_WINDOW_MS ? this.count + 1 : 1;
    this.lastAt = now;
    if (this.count >= QUICK_EXIT_PRESSES) {
      this.reset();
      this.onTrigger();
    }
  }

  private reset(): void {
    this.count = 0;
    this.lastAt = 0;
  }
}
