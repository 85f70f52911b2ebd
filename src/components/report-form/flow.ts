/**
 * The report form's flow: the step, the answers and their problems, sending, erasing and
 * withdrawing, and following the outbox until a queued report has a ticket. No templates: it
 * writes the form's state (reactive properties of the element) and the views render it.
 */
import type { ReactiveController } from 'lit';
import type { LindungiClient } from '../../sdk/client.js';
import { LindungiApiError, LindungiError } from '../../sdk/errors.js';
import type { OutboxChangeEvent } from '../../sdk/outbox.js';
import type { OutboxEntry } from '../../sdk/outbox-types.js';
import type { Operator } from '../../sdk/report-schema.js';
import { emptyAnswers, hasAnswers, parseStoredAnswers, problemsAfter, STEP_FIELDS, STEPS, toDraft, type Answers, type Step } from './answers.js';
import { initialState, type Confirming, type FormContext, type FormState, type Outcome } from './context.js';
import { DraftKeeper } from './draft-keeper.js';
import { LindungiInvalidEvent, LindungiQueuedEvent, LindungiSubmittedEvent } from './events.js';
import { draftKeyFor } from './rescue.js';
import { copyTicket, erasedNotice, notHandedOverNotice, notSavedNotice, notWithdrawnNotice, offlineNotice } from './notices.js';
import { countText } from './views/problems.js';

export class ReportFlow implements ReactiveController {
  private client?: LindungiClient | undefined;
  private keeper?: DraftKeeper | undefined;
  private countTimer?: ReturnType<typeof setTimeout> | undefined;
  private focusAfterRender?: string | undefined;
  private stopFollowing?: (() => void) | undefined;
  /** "Exit now" was used: nothing is read or written for this form again. */
  private forgotten = false;

  constructor(private readonly ctx: FormContext) {
    Object.assign(ctx.host, initialState());
    ctx.host.addController(this);
  }

  private get state(): FormState {
    return this.ctx.host;
  }

  hostConnected(): void {
    // Back on the page (or the form's code arrived while it was away): read the draft now.
    this.ctx.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.letGo();
    clearTimeout(this.countTimer);
    this.client = undefined;
  }

  /** The draft keeper writes what is waiting and stops; the outbox is no longer followed. */
  private letGo(): void {
    this.keeper?.disconnect();
    this.keeper?.stop();
    this.keeper = undefined;
    this.stopFollowing?.();
    this.stopFollowing = undefined;
  }

  hostUpdate(): void {
    // A new client (another `api` or `client`) starts over with its own draft and outbox. The draft
    // is read while the content is still on its way: on a slow connection the two overlap.
    // Off the page nothing starts: no draft read, no listener on the page or the outbox.
    const client = this.ctx.reporting();
    if (this.client !== client && !this.forgotten && this.ctx.host.isConnected) void this.initialise(client);
    // Until the reader chooses, the country where it happened is the corridor's destination. The
    // country of a phone number is never assumed: it is read from the number (see readPhone).
    const pack = this.ctx.pack as FormContext['pack'] | undefined;
    if (pack && !this.state.answers.country) this.state.answers = { ...this.state.answers, country: pack.corridor.destination };
  }

  hostUpdated(): void {
    if (!this.focusAfterRender) return;
    const target = this.ctx.host.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
    this.focusAfterRender = undefined;
    target?.focus();
  }

  /** Whether the API says nobody receives reports: the element then shows only the help lines. */
  get notSetUp(): boolean {
    return this.state.operatorState === 'missing';
  }

  /** Read the draft kept on the device and who receives reports, and follow the outbox. */
  private async initialise(client: LindungiClient): Promise<void> {
    this.client = client;
    this.letGo();
    if (!client.api) return;
    const keeper = new DraftKeeper({
      drafts: client.reports,
      key: draftKeyFor(client.corridor),
      snapshot: () => {
        const { step, answers, operator } = this.state;
        return step !== 'done' && hasAnswers(answers) ? { step, answers, operator } : undefined;
      },
      onSaveFailed: (error) => {
        this.ctx.warn(`could not keep the draft on this device (${error instanceof Error ? error.message : String(error)}).`);
        this.state.notice = notSavedNotice();
      },
      // Ask the browser not to clear the draft under storage pressure; refused, it is kept as usual.
      persist: () => void navigator.storage?.persist?.().catch(() => false),
    });
    this.keeper = keeper;
    keeper.connect();
    Object.assign(this.state, { draftRead: false, answers: emptyAnswers(), step: 'danger', outcome: undefined, restoredAt: undefined });
    const onChange = (event: Event) => this.outboxChanged(event as OutboxChangeEvent);
    client.reports.addEventListener('change', onChange);
    this.stopFollowing = () => client.reports.removeEventListener('change', onChange);
    void this.loadOperator(client);
    try {
      const saved = await keeper.read();
      if (this.client !== client) return;
      const value = saved?.value;
      if (value?.outcome && typeof value.outcome === 'object') {
        Object.assign(this.state, { outcome: value.outcome as Outcome, step: 'done' });
        await this.refreshOutcome(client);
      } else if (value) {
        const answers = parseStoredAnswers(value.answers);
        if (hasAnswers(answers)) {
          Object.assign(this.state, { answers, step: STEPS.includes(value.step as Step) ? (value.step as Step) : 'danger', restoredAt: saved.savedAt });
        }
        if (value.operator && typeof value.operator === 'object' && !this.state.operator) this.state.operator = value.operator as Operator;
      }
    } catch (error) {
      this.ctx.warn(`could not read the draft on this device (${error instanceof Error ? error.message : String(error)}).`);
    }
    this.state.draftRead = true;
    if (keeper.pending) keeper.saveNow();
  }

  private async loadOperator(client: LindungiClient): Promise<void> {
    this.state.operatorState = 'loading';
    try {
      const operator = await client.operator();
      Object.assign(this.state, { operator, operatorState: 'ready' });
    } catch (error) {
      if (error instanceof LindungiApiError && error.status === 404) {
        this.ctx.warn('the API has no operator who receives reports, so reporting is not set up.');
        this.state.operatorState = 'missing';
      } else {
        // Offline: a copy kept with the draft may still name the operator.
        this.state.operatorState = this.state.operator ? 'ready' : 'failed';
      }
    }
  }

  /** After a reload: has the outbox sent the report since? */
  private async refreshOutcome(client: LindungiClient): Promise<void> {
    const outcome = this.state.outcome;
    if (!outcome || outcome.state !== 'queued') return;
    this.followed(
      (await client.reports.entries()).find((e) => e.localId === outcome.localId),
      outcome,
    );
  }

  private outboxChanged({ entry }: OutboxChangeEvent): void {
    const outcome = this.state.outcome;
    if (outcome?.state === 'queued' && entry.localId === outcome.localId) this.followed(entry, outcome);
  }

  /** What the outbox says of the queued report: sent (with its ticket), failed, or gone. */
  private followed(entry: OutboxEntry | undefined, outcome: Outcome): void {
    if (!entry) Object.assign(this.state, { outcome: undefined, step: 'danger' });
    else if (entry.state === 'sent' && entry.ticket) this.delivered(entry.ticket);
    else if (entry.state === 'failed') this.state.outcome = { ...outcome, state: 'failed' };
  }

  private delivered(ticket: string): void {
    this.state.outcome = { ...this.state.outcome, ticket, state: 'sent' };
    this.keeper?.keepOutcome(this.state.outcome);
    this.ctx.host.dispatchEvent(new LindungiSubmittedEvent(ticket));
  }

  // ——— Answering ———

  update(patch: Partial<Answers>): void {
    Object.assign(this.state, { answers: { ...this.state.answers, ...patch }, problems: problemsAfter(this.state.problems, patch) });
    this.keeper?.changed();
  }

  /** The count is shown at once and told to screen readers once typing pauses. */
  typed(description: string): void {
    this.update({ description });
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => (this.state.countAnnouncement = this.ctx.localized(() => countText(this.ctx))), 1000);
  }

  /**
   * Before leaving with "Exit now": nothing more is written for this form, and what it holds is
   * forgotten. Answers whether it still had a report on the device (its outcome).
   */
  forget(): boolean {
    clearTimeout(this.countTimer);
    this.keeper?.stop();
    this.forgotten = true;
    const hadOutcome = this.state.outcome !== undefined;
    this.state.answers = emptyAnswers();
    this.state.outcome = undefined;
    return hadOutcome;
  }

  // ——— Moving between steps ———

  go(step: Step | 'done', focus = '[part="step-heading"]'): void {
    Object.assign(this.state, { step, problems: {}, confirming: undefined, notice: undefined });
    this.focusAfterRender = focus;
    this.keeper?.saveNow();
  }

  confirm(what: Confirming | undefined): void {
    this.state.confirming = what;
  }

  private checkContext() {
    const pack = this.ctx.pack;
    return { corridor: pack.corridor.id, consentVersion: pack.consent.version, locale: this.ctx.locale, categories: pack.reportCategories.map((c) => c.id) };
  }

  /** The problems of `fields`; shown with a summary that takes focus when there are any. */
  private async validate(fields: ReadonlyArray<keyof Answers>): Promise<boolean> {
    const { check } = await import('./validation.js');
    const problems = check(this.state.answers, fields, this.checkContext());
    this.state.problems = problems;
    const names = Object.keys(problems);
    if (!names.length) return true;
    this.ctx.host.dispatchEvent(new LindungiInvalidEvent(names));
    this.focusAfterRender = '[part="error-summary"]';
    return false;
  }

  async next(event: Event): Promise<void> {
    event.preventDefault();
    const step = this.state.step as Step;
    if (this.state.busy || !(await this.validate(STEP_FIELDS[step]))) return;
    const index = STEPS.indexOf(step);
    if (index < STEPS.length - 1) return this.go(STEPS[index + 1]);
    await this.send();
  }

  back(): void {
    const index = STEPS.indexOf(this.state.step as Step);
    if (index > 0) this.go(STEPS[index - 1]);
  }

  private async send(): Promise<void> {
    // Every step again: a restored draft may have skipped one.
    const { check } = await import('./validation.js');
    const unfinished = STEPS.find((step) => Object.keys(check(this.state.answers, STEP_FIELDS[step], this.checkContext())).length);
    if (unfinished) {
      this.go(unfinished);
      await this.validate(STEP_FIELDS[unfinished]);
      return;
    }
    const client = this.client!;
    const keeper = this.keeper!;
    Object.assign(this.state, { busy: true, notice: undefined });
    try {
      const result = await keeper.handOver(() =>
        client.reports.submit(toDraft(this.state.answers, this.checkContext()), {
          replaceDraft: { id: keeper.key, value: (localId) => ({ outcome: { localId, state: 'queued' } satisfies Outcome }) },
        }),
      );
      Object.assign(this.state, { answers: emptyAnswers(), restoredAt: undefined });
      if ('ticket' in result) {
        this.state.outcome = { state: 'queued' };
        this.delivered(result.ticket);
      } else {
        this.state.outcome = { localId: result.queued, state: 'queued' };
        keeper.keepOutcome(this.state.outcome);
        this.ctx.host.dispatchEvent(new LindungiQueuedEvent(result.queued));
      }
      this.go('done');
    } catch (error) {
      await this.notHandedOver(client, keeper, error);
    } finally {
      this.state.busy = false;
    }
  }

  private async notHandedOver(client: LindungiClient, keeper: DraftKeeper, error: unknown): Promise<void> {
    this.ctx.warn(`the report could not be handed over (${error instanceof Error ? error.message : String(error)}).`);
    // The answers are the draft again, before the report they replaced is removed.
    // (Not after an erase or an exit: those leave nothing behind.)
    const erased = error instanceof LindungiError && error.code === 'erased';
    const { step, answers, operator } = this.state;
    if (!erased && this.client === client && hasAnswers(answers)) await keeper.keepAgain({ step, answers, operator });
    if (error instanceof LindungiApiError) {
      // Refused for good: nothing of it stays in the outbox; the answers stay in the form.
      for (const entry of await client.reports.entries()) if (entry.state === 'failed') await client.reports.remove(entry.localId);
    }
    this.state.notice = notHandedOverNotice(error);
    this.focusAfterRender = '[part="notice"]';
  }

  // ——— Erasing and withdrawing ———

  async erase(): Promise<void> {
    const client = this.client!;
    const outcome = this.state.outcome;
    // The draft first: its pending write is cancelled before anything waits.
    const erasing = this.keeper?.erase();
    if (outcome) await client.reports.remove(outcome.localId ?? outcome.ticket ?? '');
    await erasing;
    Object.assign(this.state, { answers: emptyAnswers(), outcome: undefined, restoredAt: undefined });
    this.go('danger', '[part="notice"]');
    this.state.notice = erasedNotice();
  }

  withdraw(): void {
    const ticket = this.state.outcome?.ticket;
    if (!ticket) return;
    Object.assign(this.state, { busy: true, confirming: undefined });
    this.client!.reports.withdraw(ticket)
      .then(
        () => {
          this.state.outcome = { ...this.state.outcome!, state: 'withdrawn' };
          this.keeper?.keepOutcome(this.state.outcome);
          this.focusAfterRender = '[part="outcome-message"]';
        },
        () => (this.state.notice = notWithdrawnNotice()),
      )
      .finally(() => (this.state.busy = false));
  }

  startAgain(): void {
    void this.keeper?.erase();
    this.state.outcome = undefined;
    this.go('danger');
  }

  retryOperator(): void {
    if (this.client) void this.loadOperator(this.client);
  }

  /** "Try sending now": says so when the phone is offline, rather than seem to do nothing. */
  flush(): void {
    const offline = navigator.onLine === false;
    this.state.notice = offline ? offlineNotice() : undefined;
    if (offline) this.focusAfterRender = '[part="notice"]';
    else void this.client?.reports.flush();
  }

  copyTicket(event: Event, ticket: string): void {
    const button = event.currentTarget as HTMLButtonElement;
    void copyTicket(ticket).then((notice) => {
      this.state.notice = notice;
      button.focus();
    });
  }
}
