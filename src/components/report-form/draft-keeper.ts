/**
 * Keeps the report form's draft on the device: a versioned save shortly after typing pauses, at
 * once when the page is hidden or left (with a synchronous rescue copy that a closing page cannot
 * abort), and nothing at all while the report is being handed to the outbox — the outbox then
 * replaces the draft with the report in one write, so the answers are never offered twice.
 * The page's `window`, `document` and storage are passed in, so a test can give its own.
 */
import type { ReportsApi } from '../../sdk/client.js';
import type { SavedDraft } from '../../sdk/outbox.js';
import { dropRescue, keepRescue, readRescue, type RescueStorage } from './rescue.js';

const SAVE_DELAY_MS = 400;

/** What is kept: the step and the answers (and who receives reports, for a later visit offline). */
export interface DraftValue {
  step: string;
  answers: unknown;
  operator?: unknown;
}

export interface DraftKeeperOptions {
  drafts: Pick<ReportsApi, 'saveDraft' | 'draft' | 'deleteDraft'>;
  key: string;
  /** What to keep now, or `undefined` when there is nothing to keep (no answers, or the report is done). */
  snapshot(): DraftValue | undefined;
  /** A save failed: the reader must be told to keep the page open. */
  onSaveFailed(error: unknown): void;
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined;
  document?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'> | undefined;
  storage?: RescueStorage | undefined;
  /** Asks the browser not to clear the store under pressure (called before the first save). */
  persist?: (() => void) | undefined;
  delayMs?: number | undefined;
}

export class DraftKeeper {
  /** Changes not yet confirmed written to the device's store. */
  private unsaved = false;
  private handingOver = false;
  private stopped = false;
  private persistAsked = false;
  private version = 0;
  private timer?: ReturnType<typeof setTimeout> | undefined;
  private readonly win: NonNullable<DraftKeeperOptions['window']>;
  private readonly doc: NonNullable<DraftKeeperOptions['document']>;

  private readonly onHidden = () => this.doc.visibilityState === 'hidden' && this.onLeave();
  private readonly onLeave = () => {
    // Also while the report is handed over: if the page goes before it is kept, these are the
    // answers; once it is kept, the next visit finds the report and drops them.
    const value = this.options.snapshot();
    if (this.unsaved && !this.stopped && value) keepRescue(this.options.key, { step: value.step, answers: value.answers }, this.options.storage);
    this.saveNow();
  };

  constructor(private readonly options: DraftKeeperOptions) {
    this.win = options.window ?? window;
    this.doc = options.document ?? document;
  }

  get key(): string {
    return this.options.key;
  }

  /** Whether changes are waiting to be written. */
  get pending(): boolean {
    return this.unsaved;
  }

  connect(): void {
    this.win.addEventListener('pagehide', this.onLeave);
    this.doc.addEventListener('visibilitychange', this.onHidden);
  }

  /** Writes what is waiting and stops listening to the page. */
  disconnect(): void {
    this.saveNow();
    this.win.removeEventListener('pagehide', this.onLeave);
    this.doc.removeEventListener('visibilitychange', this.onHidden);
  }

  /**
   * The draft kept on the device. Changes rescued as the page closed are newer than it, unless
   * the report was sent since (the draft then holds its outcome): they win and are written again.
   */
  async read(): Promise<SavedDraft<Record<string, unknown>> | undefined> {
    const saved = await this.options.drafts.draft<Record<string, unknown>>(this.options.key);
    const rescued = readRescue(this.options.key, this.options.storage);
    if (rescued && !saved?.value?.outcome && (!saved || rescued.savedAt > saved.savedAt)) {
      this.unsaved = true;
      return rescued;
    }
    if (rescued) dropRescue(this.options.key, this.options.storage);
    return saved;
  }

  /** The reader changed something: write it once typing pauses. */
  changed(): void {
    this.unsaved = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.saveNow(), this.options.delayMs ?? SAVE_DELAY_MS);
  }

  /** Write the draft now (typing paused, the step changed, the page is hidden or left). */
  saveNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped || this.handingOver) return;
    const value = this.options.snapshot();
    if (!value) return;
    if (!this.persistAsked) {
      this.persistAsked = true;
      this.options.persist?.();
    }
    const version = ++this.version;
    this.options.drafts.saveDraft(this.options.key, value).then(
      () => {
        // An older write finishing after a newer one began confirms nothing.
        if (version !== this.version) return;
        this.unsaved = false;
        dropRescue(this.options.key, this.options.storage);
      },
      (error: unknown) => this.options.onSaveFailed(error),
    );
  }

  /**
   * Hand the report over: nothing writes the draft while `submit` runs. Kept, the draft and its
   * rescue copy are gone (the outbox replaced the draft); refused, the caller keeps the answers again.
   */
  async handOver<T>(submit: () => Promise<T>): Promise<T> {
    clearTimeout(this.timer);
    this.handingOver = true;
    try {
      const result = await submit();
      this.unsaved = false;
      dropRescue(this.options.key, this.options.storage);
      return result;
    } finally {
      this.handingOver = false;
    }
  }

  /** After a refused hand-over: the answers are the draft again (or, if that fails, a change to write later). */
  async keepAgain(value: DraftValue): Promise<void> {
    if (this.stopped) return;
    await this.options.drafts.saveDraft(this.options.key, value).catch(() => {
      this.unsaved = true;
    });
  }

  /** Keep what the form knows of the report it handed over (never the answers). */
  keepOutcome(outcome: unknown): void {
    if (this.stopped) return;
    void this.options.drafts.saveDraft(this.options.key, { outcome }).catch(() => undefined);
  }

  /** Erase the draft and its rescue copy from the device. */
  async erase(): Promise<void> {
    clearTimeout(this.timer);
    this.unsaved = false;
    dropRescue(this.options.key, this.options.storage);
    await this.options.drafts.deleteDraft(this.options.key);
  }

  /** Nothing more is written ("Exit now", or another client took over). */
  stop(): void {
    clearTimeout(this.timer);
    this.unsaved = false;
    this.stopped = true;
  }
}
